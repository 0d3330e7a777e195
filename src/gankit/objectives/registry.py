from gankit.registry import Registry

OBJECTIVES: Registry = Registry("objective")
