from gankit.core.registry import Registry

OBJECTIVES: Registry = Registry("objective")
