"""``talkwatch extract`` and ``talkwatch evaluate``: one article at a time."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

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
        list[Path], typer.Argument(help="Articles (X.txt beside gold X.yaml / expected.yaml) or folders.")
    ],
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List missed and extra facts.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Score extraction against gold files: precision, recall, F1 per fact kind, macro F1."""
    from .. import pipeline
    from ..evaluate import KINDS, Score, gold_pairs, load_gold, score_digest

    pairs = gold_pairs(paths)
    if not pairs:
        print("talkwatch: error: no article with a gold file found", file=sys.stderr)
        raise typer.Exit(1)
    total = Score()
    for article_path, gold_path in pairs:
        gold = load_gold(gold_path)
        article = read.read_file(article_path, on_warning=_warn)[0]
        result = score_digest(gold, pipeline.run(article, on_error=pipeline.warn_error))
        if verbose and result.notes:
            print(f"# {article_path}")
            print("\n".join(f"  {n}" for n in result.notes))
        total.add(result)
    if as_json:
        print(json.dumps(total.to_dict()))
        return
    print(f"{'kind':16}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'pred':>6}{'gold':>6}")
    for kind in KINDS:
        t = total.kinds[kind]
        p, r, f = t.prf()
        print(f"{kind:16}{p:7.2f}{r:7.2f}{f:7.2f}{t.tp:6}{t.predicted:6}{t.gold:6}")
    for name, (right, n) in total.attributes.items():
        print(f"meeting {name} accuracy: {right}/{n}")
    print(f"articles: {len(pairs)}")
    print(f"macro F1 = {total.macro_f1:.3f}")


def register(app: typer.Typer) -> None:
    app.command()(extract)
    app.command()(evaluate)
