"""The `gankit` command line."""
