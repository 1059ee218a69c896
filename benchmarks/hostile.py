"""Linear time on hostile shapes: each one read and extracted at two sizes, the time ratio checked.

    python benchmarks/hostile.py            # the table; exit 1 when a ratio shows superlinear work
    python benchmarks/hostile.py --json     # the same as JSON

Each shape is a body that once made one step superlinear (runs of quote
marks in the tokenizer, a sentence without an end in the parser and the
extractors, a long title in the report) or a header that once exploded
(a YAML alias bomb). The second size is four times the first; linear work
takes about four times as long, so a ratio above ``MAX_RATIO`` fails. Times
are CPU seconds, the best of ``REPEAT`` runs, after a warm-up that loads the model.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import time
from collections.abc import Callable

from rich.console import Console

from talkwatch import pipeline, read, report

GROWTH = 4
MAX_RATIO = GROWTH * 2.0  # generous: timer noise on a busy 2-core machine
REPEAT = 2
PUBLISHED = "2024-03-05"


def _front_matter_bomb(n: int) -> str:
    refs = ",".join(["*a"] * n)
    return f'---\na: &a ["lol"]\nb: [{refs}]\ntitle: t\n---\nTalks resumed in Geneva.\n'


SHAPES: dict[str, tuple[Callable[[int], str], int]] = {
    "straight quotes": (lambda n: '"' * n, 10_000),
    "curly quote pairs": (lambda n: "\u201c\u201d" * (n // 2), 10_000),
    "mixed punctuation": (lambda n: "!?.-" * (n // 4), 10_000),
    "emoji": (lambda n: "\U0001f54a\U0001f91d" * (n // 2), 4_000),
    "sentence without end": (lambda n: "talks resumed " * (n // 14), 4_000),
    "word without space": (lambda n: "a" * n, 20_000),
    "zero-width inside words": (lambda n: "Gen\u200beva " * (n // 8), 4_000),
}


def _extract(text: str) -> None:
    article = read.make_article(text, {"published": PUBLISHED}, on_warning=lambda _m: None)
    pipeline.run(article, on_error=pipeline.warn_error)


def _render_title(n: int) -> None:
    """A title as long as the record may hold (the reader cuts titles, older databases may not)."""
    article = read.make_article("Talks resumed.", {}, on_warning=lambda _m: None)
    digest = pipeline.run(article)
    digest["document"]["title"] = "Talks [/x] " * (n // 11)
    report.render(digest, article, Console(file=io.StringIO(), width=100))


def _read_front_matter(n: int) -> None:
    read.read_text(_front_matter_bomb(n), on_warning=lambda _m: None)


def _best(fn: Callable[[], None]) -> float:
    times = []
    for _ in range(REPEAT):
        start = time.process_time()  # CPU time: a busy machine does not skew the ratio
        fn()
        times.append(time.process_time() - start)
    return min(times)


def measure() -> list[dict[str, object]]:
    """Seconds at the base size and at ``GROWTH`` times it, for every shape."""
    _extract("Talks resumed in Geneva on Tuesday.")  # load the model outside the timings
    cases: list[tuple[str, Callable[[int], None], int]] = [
        (name, lambda n, make=make: _extract(make(n)), base) for name, (make, base) in SHAPES.items()
    ]
    cases += [
        ("100 KB title in the report", _render_title, 25_000),
        ("YAML aliases", _read_front_matter, 1_000),
    ]
    rows = []
    for name, run, base in cases:
        small = _best(lambda run=run, base=base: run(base))
        large = _best(lambda run=run, base=base: run(base * GROWTH))
        ratio = large / small if small > 0.001 else 1.0
        rows.append({"shape": name, "size": base, "seconds": small, "size_x4_seconds": large, "ratio": ratio})
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = parser.parse_args()
    rows = measure()
    if args.json:
        print(json.dumps(rows, indent=2))
    else:
        print(f"{'shape':28}{'size':>8}{'s':>9}{'x4 s':>9}{'ratio':>7}")
        for r in rows:
            print(
                f"{r['shape']:28}{r['size']:>8,}{r['seconds']:9.3f}{r['size_x4_seconds']:9.3f}{r['ratio']:7.1f}"
            )
    slow = [r["shape"] for r in rows if r["ratio"] > MAX_RATIO]
    if slow:
        print(f"superlinear: {', '.join(map(str, slow))}", file=sys.stderr)
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
