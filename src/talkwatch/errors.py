"""Errors talkwatch raises on purpose; everything else is a bug.

The CLI turns these into a one-line message and an exit code; the HTTP API
into ``{"ok": false, "error": ..., "status": ...}``.
"""

from __future__ import annotations


class TalkwatchError(Exception):
    """Base class: a problem the user can act on."""

    status = 400


class InputError(TalkwatchError):
    """An article or corpus that cannot be read."""


class SchemaError(TalkwatchError):
    """Output that does not satisfy its contract, or a database of another schema."""


class StoreError(TalkwatchError):
    """A database that cannot be opened or written."""


class NotFound(TalkwatchError):
    """A meeting, actor or article that is not in the record."""

    status = 404
