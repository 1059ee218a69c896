"""Answers shared by the server processes of one ``talkwatch serve --workers N``.

Each process keeps its own cache of responses (``replay``), so with N
processes a page is rendered up to N times before every process has it: a
second visit lands on another process about (N-1)/N of the time and renders
again. Behind the in-process cache, the processes therefore share their
responses through files in one directory that the serving command creates for
the session (on ``/dev/shm`` when there is one) and removes at the end: the
key (database stamp, path, query, ``Accept``; an entry is never stale, as in
``Cache``) names the file, written whole then renamed, so a reader never sees
half a response. Each process removes its oldest files beyond its bound.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import threading
from collections import OrderedDict
from pathlib import Path

ENV = "TALKWATCH_SERVE_SHARED"  # the directory, set by the command that starts the processes


class SharedCache:
    """Bytes by key in a directory several processes read and write."""

    def __init__(self, directory: str | Path, max_bytes: int = 128 << 20) -> None:
        self.dir = Path(directory)
        self.max_bytes = max_bytes
        self._mine: OrderedDict[Path, int] = OrderedDict()  # files this process wrote
        self._bytes = 0
        self._lock = threading.Lock()

    def _path(self, key: tuple[str, ...]) -> Path:
        return self.dir / hashlib.sha1(repr(key).encode()).hexdigest()

    def get(self, key: tuple[str, ...]) -> bytes | None:
        if not key[0]:
            return None
        try:
            return self._path(key).read_bytes()
        except OSError:
            return None

    def put(self, key: tuple[str, ...], value: bytes) -> None:
        if not key[0]:  # no stamp: the database cannot tell a change, never cached
            return
        path = self._path(key)
        try:
            fd, tmp = tempfile.mkstemp(dir=self.dir, prefix=".w")
            with os.fdopen(fd, "wb") as fh:
                fh.write(value)
            os.replace(tmp, path)
        except OSError:  # full or gone: sharing is an optimisation only
            return
        with self._lock:
            self._bytes += len(value) - self._mine.pop(path, 0)
            self._mine[path] = len(value)
            while self._bytes > self.max_bytes and len(self._mine) > 1:
                old, size = self._mine.popitem(last=False)
                self._bytes -= size
                old.unlink(missing_ok=True)


def from_env() -> SharedCache | None:
    """The cache in the directory the serving command named, if any."""
    directory = os.environ.get(ENV)
    if not directory or not Path(directory).is_dir():
        return None
    return SharedCache(directory)


def directory() -> tempfile.TemporaryDirectory[str]:
    """A fresh directory for one serving session (in memory on ``/dev/shm`` when there is one)."""
    shm = Path("/dev/shm")
    base = str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None
    return tempfile.TemporaryDirectory(prefix="talkwatch-serve-", dir=base)
