"""``talkwatch serve``: the read-only dashboard and JSON API on localhost.

Binds 127.0.0.1 unless ``--host`` says otherwise; writes nothing unless started
with ``--allow-ingest`` and ``--token`` (then ``POST /api/ingest`` with
``Authorization: Bearer TOKEN`` stores one article) or ``--allow-edit`` and
``--token`` (analysts sign in with the token and correct facts).
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ..errors import TalkwatchError


def serve(
    db: Annotated[
        str | None,
        typer.Option(
            "--db", help="Database file or postgresql:// URL (default: $TALKWATCH_DB, else ./talkwatch.db)."
        ),
    ] = None,
    host: Annotated[str, typer.Option(help="Address to bind (default: loopback only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="TCP port.")] = 8000,
    allow_ingest: Annotated[
        bool, typer.Option("--allow-ingest", help="Enable POST /api/ingest (needs --token).")
    ] = False,
    token: Annotated[
        str | None,
        typer.Option(help="Token: POST /api/ingest, signing in to edit.", envvar="TALKWATCH_TOKEN"),
    ] = None,
    workers: Annotated[int, typer.Option(min=1, help="Server processes.")] = 1,
    allow_edit: Annotated[
        bool, typer.Option("--allow-edit", help="Let analysts correct facts (needs --token).")
    ] = False,
    threads: Annotated[
        int | None,
        typer.Option(min=1, help="Requests each process works on at once (default: 2 for "
                                 "SQLite, whose reads are CPU work; 40 for PostgreSQL)."),
    ] = None,
) -> None:
    """Serve the dashboard and JSON API over the record (read-only by default)."""
    import uvicorn

    from .. import store
    from ..serve import create_app

    path = db or store.default_db()
    try:
        app = create_app(path, allow_ingest=allow_ingest, token=token, allow_edit=allow_edit,
                         threads=threads)
    except TalkwatchError as exc:
        print(f"talkwatch: error: {exc}", file=sys.stderr)
        raise typer.Exit(1) from None
    if host not in ("127.0.0.1", "localhost", "::1"):
        print(f"talkwatch: warning: serving on {host}, reachable from other machines", file=sys.stderr)
    print(f"talkwatch: serving {path} on http://{host}:{port}/ (Ctrl-C to stop)", file=sys.stderr)
    if workers > 1:
        import os

        os.environ["TALKWATCH_SERVE_DB"] = path
        if threads:
            os.environ["TALKWATCH_SERVE_THREADS"] = str(threads)
        if (allow_ingest or allow_edit) and token:
            os.environ["TALKWATCH_SERVE_TOKEN"] = token
            os.environ["TALKWATCH_SERVE_INGEST"] = "1" if allow_ingest else "0"
            os.environ["TALKWATCH_SERVE_EDIT"] = "1" if allow_edit else "0"
        from ..serve import shared

        with shared.directory() as answers:  # the processes share rendered answers
            os.environ[shared.ENV] = answers
            uvicorn.run(
                "talkwatch.serve.app:from_env",
                factory=True,
                host=host,
                port=port,
                workers=workers,
                log_level="warning",
            )
        return
    uvicorn.run(app, host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    """Add ``serve`` to the ``talkwatch`` app."""
    app.command()(serve)
