from gankit.core.registry import Registry

PENALTIES: Registry = Registry("penalty")
