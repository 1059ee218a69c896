"""Ctrl-C during ``talkwatch ingest``: the summary of what was stored, and it stays stored."""

from __future__ import annotations

import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hostile_corpus import GOOD

pytestmark = pytest.mark.slow


def _documents(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=10) as con:  # wait out the writer's transaction
            return con.execute("select count(*) from documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_ctrl_c_prints_what_was_stored(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(400):  # far more than can be stored before the interrupt
        (folder / f"a{i:02}.txt").write_text(GOOD.replace("on Friday.", f"on Friday ({i})."))
    db = tmp_path / "i.db"
    proc = subprocess.Popen(
        [sys.executable, "-m", "talkwatch", "ingest", str(folder), "--db", str(db), "--batch-size", "1"],
        stderr=subprocess.PIPE,
        text=True,
        # as from a terminal: an ignored SIGINT would be inherited from a runner that ignores it
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 240
    while _documents(db) < 2 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr
    match = re.search(r"interrupted: (\d+) added, 0 already stored, 0 skipped, 0 failed", stderr)
    assert match, stderr
    assert int(match[1]) == _documents(db) >= 2
