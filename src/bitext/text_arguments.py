"""The checks on text handed to the API, the same the command line applies to a file it reads.

A wrong type gets a plain :class:`TypeError` before any work ("zh must be str or Document, got bytes;
decode it first"), not an AttributeError from deep inside segmentation. A ``str`` given to
:func:`bitext.align` holding what the CLI refuses in a file (NUL, control characters such as ESC, lone
surrogates) gets the same :class:`~bitext.errors.InputError` with the same message
(:func:`bitext.reading.reject_non_text`), so a NUL never reaches an export. ``segment`` and ``convert``
are also building blocks run on any substring inside bitext: they check the type and refuse lone
surrogates (which OpenCC's encoder cannot take) but leave control characters to the caller.
"""

from __future__ import annotations

from bitext.document import Document
from bitext.reading import reject_non_text, reject_surrogates


def _type_name(value: object) -> str:
    return "None" if value is None else type(value).__name__


def _type_error(role: str, expected: str, value: object) -> TypeError:
    message = f"{role} must be {expected}, got {_type_name(value)}"
    if isinstance(value, bytes | bytearray | memoryview):
        message += "; decode it first, e.g. data.decode('utf-8')"
    elif isinstance(value, list | tuple):
        message += "; join sentences into one text (one a line with presegmented=True)"
    return TypeError(message)


def checked_text(value: object, role: str) -> str:
    """``value`` when it is a ``str`` without lone surrogates; else :class:`TypeError` or :class:`InputError`."""
    if not isinstance(value, str):
        raise _type_error(role, "str", value)
    reject_surrogates(value, role)
    return value


def checked_text_or_document(value: object, role: str) -> str | Document:
    """``value`` when it is a :class:`Document` or a ``str`` fit to be text (see :func:`checked_text`)."""
    if isinstance(value, Document):
        return value
    if not isinstance(value, str):
        raise _type_error(role, "str or Document", value)
    reject_non_text(value, role)
    return value
