"""``talkwatch serve``: a read-only dashboard and JSON API over the merged record.

``create_app(db)`` builds the FastAPI application; ``talkwatch serve`` runs it
with uvicorn on 127.0.0.1.
"""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
