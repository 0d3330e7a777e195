"""The one exception type for user-facing mistakes (bad config, missing data, foreign checkpoint).

The CLI prints its message as a single line and exits with code 2; anything else is a bug.
"""


class GankitError(Exception):
    """A problem with the user's input that gankit can explain in one line."""


class GankitWarning(UserWarning):
    """Something the user should know that does not stop the work; the CLI prints it as one line."""
