"""The progress bar every long command shows on stderr: what, how far, how fast, how long."""

from __future__ import annotations

from typing import Any


def progress_bar(console: Any) -> Any:
    """A rich ``Progress`` whose tasks carry a ``rate`` field (already formatted text)."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=console,
        transient=False,
    )
