from gankit.registry import Registry

PENALTIES: Registry = Registry("penalty")
