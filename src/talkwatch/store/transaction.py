"""Nested transactions, written once for every backend.

Store code opens a transaction around each unit of work (a batch, a
migration, one place's merge) and calls helpers that open their own; the
inner ones must join the outer transaction rather than commit half of it.
``Transactional`` counts the nesting; a backend only says how to begin,
commit and roll back one real transaction (``_begin``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager


class Transactional:
    """``transaction()`` for a backend: the outermost call runs ``_begin()``, inner calls join it."""

    _depth = 0

    @property
    def in_transaction(self) -> bool:
        """Whether a ``transaction()`` block is open on this connection."""
        return self._depth > 0

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction (nested calls join the outer one)."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._depth = 1
        try:
            with self._begin():
                yield
        finally:
            self._depth = 0

    def _begin(self) -> AbstractContextManager[None]:
        """Begin one transaction; commit when the block ends, roll back when it raises."""
        raise NotImplementedError
