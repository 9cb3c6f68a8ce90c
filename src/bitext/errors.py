"""Errors a user can cause and fix. The CLI prints them on one line and exits with status 2."""


class BitextError(Exception):
    """Base class for every error that is the user's input, not a bug in bitext."""


class InputError(BitextError):
    """A file cannot be read as text: empty, binary, NUL bytes, undecodable, unknown encoding."""


class AlignmentError(BitextError):
    """The inputs cannot be aligned as asked (e.g. a side with no sentences)."""


class MissingExtraError(BitextError, ImportError):
    """A feature needs an optional extra that is not installed (the message names the ``pip install``)."""
