"""talkwatch: a sourced, time-aware record of peace talks and negotiations, read from the news.

>>> import talkwatch
>>> article = talkwatch.read_article("report.txt")
>>> digest = talkwatch.digest(article)          # the talkwatch.digest/1 dict
>>> record = talkwatch.open("talkwatch.db")     # the merged multi-article record
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"


def read_article(path: str, *, published: str | None = None) -> Any:
    """Read one article file (text, HTML) into an ``Article``."""
    from .read import read_file

    return read_file(path, published=published)[0]


def digest(article: Any) -> dict[str, Any]:
    """The ``talkwatch.digest/1`` dict of an ``Article`` (or of a body string)."""
    from . import pipeline
    from .read import read_text

    if isinstance(article, str):
        article = read_text(article)
    return pipeline.run(article)


def open(db: str | None = None, **kwargs: Any) -> Any:  # noqa: A001 - mirrors sqlite3.connect
    """Open the merged record stored in a database (SQLite path or PostgreSQL URL)."""
    from . import store

    return store.open(db, **kwargs)
