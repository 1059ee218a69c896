"""``talkwatch serve``: a read-only dashboard and JSON API over the merged record.

``create_app(db)`` builds the FastAPI application; ``talkwatch serve`` runs it
with uvicorn on 127.0.0.1. The application is imported on first use: the
store's merge renders a meeting page's stored parts with ``fragments`` (which
needs the templates, not the application, whose routers import the store).
"""

from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from .app import create_app

        return create_app
    raise AttributeError(name)
