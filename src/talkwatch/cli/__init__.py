"""The ``talkwatch`` command: one typer app; each command group lives in its own module.

Errors the user can act on (``TalkwatchError``) print one line and exit 1;
they never show a traceback.
"""

from __future__ import annotations

import logging
import sys

import typer

from ..errors import TalkwatchError

app = typer.Typer(
    name="talkwatch",
    help="A sourced, time-aware record of peace talks and negotiations, read from the news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _register() -> None:
    from . import extract as extract_commands

    extract_commands.register(app)
    from . import store as store_commands

    store_commands.register(app)
    from . import corrections as correction_commands

    correction_commands.register(app)
    from . import serve as serve_commands

    serve_commands.register(app)
    try:  # Dask is an optional extra
        from . import dask as dask_commands
    except ImportError:
        pass
    else:
        dask_commands.register(app)


_register()


def main() -> None:
    """Entry point of the console script."""
    logging.basicConfig(level=logging.WARNING, format="talkwatch: %(message)s")
    try:
        app()
    except TalkwatchError as exc:
        print(f"talkwatch: error: {exc}", file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        print("talkwatch: interrupted", file=sys.stderr)
        sys.exit(130)
