"""The ``talkwatch`` command: one typer app; each command group lives in its own module.

Errors the user can act on (``TalkwatchError``) print one line and exit 1;
they never show a traceback.
"""

from __future__ import annotations

import logging
import sys

import typer

from ..errors import TalkwatchError
from ..sanitize import one_line

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
    from . import ingest as ingest_commands

    ingest_commands.register(app)
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


#: libraries whose log lines are about their own parsing ("discarding data: None"), not the user's input
QUIET_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext", "readability", "charset_normalizer")


class _OneLine(logging.Formatter):
    """Log lines as plain text on one line: a hostile name cannot inject escapes or newlines."""

    def format(self, record: logging.LogRecord) -> str:
        return one_line(super().format(record))


def configure_logging() -> None:
    """Warnings of talkwatch on stderr, one line each; the libraries' parsing chatter silenced."""
    handler = logging.StreamHandler()
    handler.setFormatter(_OneLine("talkwatch: %(message)s"))
    logging.basicConfig(level=logging.WARNING, handlers=[handler])
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.CRITICAL)


def main() -> None:
    """Entry point of the console script."""
    configure_logging()
    try:
        app()
    except TalkwatchError as exc:
        print(f"talkwatch: error: {one_line(exc)}", file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        print("talkwatch: interrupted", file=sys.stderr)
        sys.exit(130)
