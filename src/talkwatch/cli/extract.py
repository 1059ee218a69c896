"""``talkwatch extract`` and ``talkwatch evaluate``: one article at a time."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from .. import read
from ..errors import InputError


class Format(StrEnum):
    report = "report"
    jsonl = "jsonl"
    json = "json"


def _warn(message: str) -> None:
    print(f"talkwatch: warning: {message}", file=sys.stderr)


def extract(
    articles: Annotated[
        list[Path], typer.Argument(help="Article files (.txt, .html, .jsonl, feeds) or folders.")
    ],
    format: Annotated[
        Format, typer.Option("--format", "-f", help="report (for people) or jsonl (the digest contract).")
    ] = Format.report,
    published: Annotated[
        str | None, typer.Option(help="Publication date YYYY-MM-DD; overrides the header.")
    ] = None,
) -> None:
    """Print the digest of each article: meetings, attendance, quotes, positions, agreements."""
    from .. import pipeline
    from ..report import render

    if published is not None:
        published = read.parse_date(published, where="--published: ", on_warning=_warn)
        if published is None:
            raise typer.BadParameter("expected YYYY-MM-DD", param_hint="--published")
    done = 0
    for path in read.iter_paths(articles):
        try:
            items = read.read_file(path, published=published, on_warning=_warn)
        except InputError as exc:
            _warn(str(exc))
            continue
        for article in items:
            digest = pipeline.run(article, on_error=pipeline.warn_error)
            for w in digest.pop("warnings", []):
                _warn(w)
            if format is Format.report:
                render(digest, article)
            else:
                indent = 2 if format is Format.json else None
                sys.stdout.write(json.dumps(digest, ensure_ascii=False, indent=indent) + "\n")
            done += 1
    if done == 0:
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
