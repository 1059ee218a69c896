"""``talkwatch extract`` and ``talkwatch evaluate``: one article at a time."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from .. import read
from ..header import parse_iso_option
from ..model import Article
from ..sanitize import one_line


class Format(StrEnum):
    report = "report"
    jsonl = "jsonl"
    json = "json"


def _warn(message: str) -> None:
    print(f"talkwatch: warning: {one_line(message)}", file=sys.stderr)


PathsArg = Annotated[
    list[Path],
    # readable=False: an unreadable file is skipped with its reason, like a missing one, not a usage error
    typer.Argument(help="Article files (.txt, .html, .jsonl, feeds) or folders.", readable=False),
]
PublishedOpt = Annotated[
    str | None, typer.Option(help="Publication date YYYY-MM-DD (ISO only); overrides the header.")
]


def published_option(value: str | None) -> str | None:
    """The ``--published`` value checked once: an ISO date of the calendar, else a usage error."""
    if value is None:
        return None
    try:
        return parse_iso_option(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--published") from None


@dataclass
class Outcome:
    """What ``extract`` did, in ingest's words: articles extracted, inputs skipped (could not be read)
    and articles failed (read, but extraction crashed), each reason printed as it comes."""

    extracted: int = 0
    skipped: int = 0
    failed: int = 0

    def skip(self, reason: str) -> None:
        self.skipped += 1
        print(f"talkwatch: skipped {one_line(reason)}", file=sys.stderr)

    def fail(self, reason: str) -> None:
        self.failed += 1
        print(f"talkwatch: failed {one_line(reason)}", file=sys.stderr)

    def summary(self) -> str:
        return f"{self.extracted} extracted, {self.skipped} skipped, {self.failed} failed"


def _articles(paths: list[Path], published: str | None, outcome: Outcome) -> Iterator[Article]:
    """Every readable article; an input that cannot be read, for whatever reason, is one line."""
    return read.read_paths(paths, published=published, on_warning=_warn, on_skip=outcome.skip)


def _digest(article: Article) -> dict[str, Any]:
    from .. import pipeline

    digest = pipeline.run(article, on_error=pipeline.note_error)  # noted once, printed here
    for w in digest.pop("warnings", []):
        _warn(w)
    return digest


def extract(
    articles: PathsArg,
    format: Annotated[
        Format, typer.Option("--format", "-f", help="report (for people) or jsonl (the digest contract).")
    ] = Format.report,
    published: PublishedOpt = None,
) -> None:
    """Print the digest of each article: meetings, attendance, quotes, positions, agreements.

    Exit status 0 when an article was read, 1 when none could be, 2 for a usage error.
    """
    from ..report import render

    published = published_option(published)
    outcome = Outcome()
    console = Console(highlight=False)
    for article in _articles(articles, published, outcome):
        try:
            digest = _digest(article)
        except Exception as exc:  # one article's crash is its own line, not the end of the run
            outcome.fail(f"{article.path or article.id[:12]}: {type(exc).__name__}: {exc}")
            continue
        if format is Format.report:
            render(digest, article, console)
        else:
            indent = 2 if format is Format.json else None
            sys.stdout.write(json.dumps(digest, ensure_ascii=False, indent=indent) + "\n")
        outcome.extracted += 1
    if outcome.skipped or outcome.failed:
        print(f"talkwatch: {outcome.summary()}", file=sys.stderr)
    if outcome.extracted == 0:
        print("talkwatch: error: no article could be read", file=sys.stderr)
        raise typer.Exit(1)


def evaluate(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Folders or articles with gold: X.txt + X.yaml, <case>/article.txt + expected.yaml, "
            "or articles/X.txt + gold/X.yaml. Each folder is scored as a set of its own."
        ),
    ],
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List missed and extra facts.")] = False,
    misses: Annotated[
        bool, typer.Option("--misses", help="Show each missed and extra fact with its sentence, by article.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Score extraction against gold files: precision, recall, F1 per fact kind, macro F1."""
    from .. import pipeline
    from ..evaluate import eval_sets, score_set

    sets = eval_sets(paths)
    if not sets:
        print("talkwatch: error: no article with a gold file found", file=sys.stderr)
        raise typer.Exit(1)

    def run(path: Path) -> tuple[str, dict]:
        article = read.read_file(path, on_warning=_warn)[0]
        return article.body, pipeline.run(article, on_error=pipeline.warn_error)

    scored = [(s, *score_set(s.pairs, run)) for s in sets]
    if as_json:
        tables = {s.name: {**total.to_dict(), "articles": len(s.pairs)} for s, total, _ in scored}
        print(json.dumps(next(iter(tables.values())) if len(tables) == 1 else {"sets": tables}))
        return
    for s, total, results in scored:
        if misses:
            from ..evaluate_misses import print_misses

            print_misses(results)
        elif verbose:
            for r in results:
                if r.score.notes:
                    print(f"# {r.article}")
                    print("\n".join(f"  {n}" for n in r.score.notes))
        _print_table(s.name if len(scored) > 1 else None, total, len(s.pairs))


def _print_table(name: str | None, total: Any, articles: int) -> None:
    """The reference scorer's table, headed by the set's name when there are several."""
    from ..evaluate import KINDS

    if name:
        print(f"== {name}")
    print(f"{'kind':16}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'pred':>6}{'gold':>6}")
    for kind in KINDS:
        t = total.kinds[kind]
        p, r, f = t.prf()
        print(f"{kind:16}{p:7.2f}{r:7.2f}{f:7.2f}{t.tp:6}{t.predicted:6}{t.gold:6}")
    for attr, (right, n) in total.attributes.items():
        print(f"meeting {attr} accuracy: {right}/{n}")
    print(f"articles: {articles}")
    print(f"macro F1 = {total.macro_f1:.3f}")


def register(app: typer.Typer) -> None:
    app.command()(extract)
    app.command()(evaluate)
