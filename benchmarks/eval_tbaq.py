"""Score talkwatch.dates on TBAQ-cleaned (TimeBank 1.2 + AQUAINT, TempEval-3 training).

Each document's TEXT is run through the normalizer with the document creation
time (the TIMEX3 with functionInDocument="CREATION_TIME") as publication date.
Predicted spans are matched to gold TIMEX3 of type DATE by character overlap
(the prediction with the largest overlap). Numbers printed:

- recall: gold DATE timexes overlapped by a prediction, over all of them and
  over the *resolvable* ones;
- value accuracy: on matched resolvable gold, the share whose value equals
  ours exactly. A gold value is resolvable when it is ``YYYY``, ``YYYY-MM`` or
  ``YYYY-MM-DD`` (a time-of-day suffix such as ``1998-08-07TNI`` is cut to its
  date). PRESENT_REF/PAST_REF/FUTURE_REF, durations (P2D), weeks (1998-W12,
  XXXX-WXX-1), quarters/halves/seasons (1989-Q3, 1998-SU), decades (199X) and
  underspecified values (1998-XX-XX) cannot be written in the digest's
  vocabulary, so they count for recall only. A null from us on a resolvable
  gold counts as wrong;
- value precision: the same, over matched resolvable gold where we gave a value;
- two secondary accuracies, printed beside the strict one: *consistent* also
  counts a value that is a coarser truncation of the gold one (ours ``1988``
  for gold ``1988-10-26`` on "a year ago"); *DCT-consistent gold* leaves out
  gold values of a bare weekday name ("Tuesday") lying more than 7 days from
  the document's own creation date, which no reading against that date can
  give (a few documents were annotated against another date);
- span precision: predictions overlapping any gold TIMEX3 (any type);
- the reference scorer's measure (``../shared/tools/score_dates_timeml.py``,
  printed in its words, ``date value accuracy = X (right/gold)``): over gold
  DATE timexes whose value is already ``YYYY[-MM[-DD]]`` (no time suffix), the
  share with *any* overlapping prediction of that exact value; a gold with no
  overlapping prediction counts as wrong. This is the headline number.

The data is research-only and lives beside the repository
(``../shared/data/tbaq-cleaned``); without it the script says so and exits 0.

    python benchmarks/eval_tbaq.py [--limit N] [--errors N]
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DATA = SHARED / "data" / "tbaq-cleaned"

_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*?)/?>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_DCT = re.compile(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>')
_RESOLVABLE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class TmlDoc:
    name: str
    text: str
    dct: date
    timexes: tuple[Timex, ...]


@dataclass
class Scores:
    docs: int = 0
    gold: int = 0
    found: int = 0
    resolvable: int = 0
    resolvable_found: int = 0
    correct: int = 0
    coarser: int = 0
    contradicting: int = 0
    contradicting_correct: int = 0
    valued: int = 0
    predictions: int = 0
    predictions_on_gold: int = 0
    reference_gold: int = 0  # the reference scorer's denominator and hits
    reference_right: int = 0
    unresolvable: Counter[str] = field(default_factory=Counter)
    errors: list[tuple[str, str, str, str | None, str]] = field(default_factory=list)
    parse_s: float = 0.0
    normalize_s: float = 0.0
    sentences: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def resolvable_recall(self) -> float:
        return self.resolvable_found / self.resolvable if self.resolvable else 0.0

    @property
    def accuracy(self) -> float:
        return self.correct / self.resolvable_found if self.resolvable_found else 0.0

    @property
    def reference_accuracy(self) -> float:
        return self.reference_right / self.reference_gold if self.reference_gold else 0.0

    @property
    def consistent_accuracy(self) -> float:
        n = self.resolvable_found
        return (self.correct + self.coarser) / n if n else 0.0

    @property
    def dct_consistent_accuracy(self) -> float:
        n = self.resolvable_found - self.contradicting
        return (self.correct - self.contradicting_correct) / n if n else 0.0

    @property
    def value_precision(self) -> float:
        return self.correct / self.valued if self.valued else 0.0

    @property
    def span_precision(self) -> float:
        return self.predictions_on_gold / self.predictions if self.predictions else 0.0


def gold_value(value: str) -> str | None:
    """The gold value in the digest's vocabulary, or None when it has no such form."""
    if "T" in value and _RESOLVABLE.match(value.split("T")[0]) and len(value.split("T")[0]) == 10:
        value = value.split("T")[0]
    return value if _RESOLVABLE.match(value) else None


def read_tml(path: Path) -> TmlDoc:
    """Plain TEXT of a TimeML file with its TIMEX3 offsets and the creation date."""
    raw = path.read_text(encoding="utf-8")
    dct_tag = _DCT.search(raw)
    if dct_tag is None:
        raise ValueError(f"{path.name}: no CREATION_TIME timex")
    dct = date.fromisoformat(dict(_ATTR.findall(dct_tag.group(0)))["value"][:10])
    body = raw[raw.index("<TEXT>") + len("<TEXT>"): raw.index("</TEXT>")]
    out: list[str] = []
    length = 0
    timexes: list[Timex] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    pos = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos:m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name, attrs = m.group(1), m.group(2), m.group(3)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(_ATTR.findall(attrs)))
        elif open_timex is not None:
            start, a = open_timex
            text = "".join(out)[start:length]
            timexes.append(Timex(start, length, text, a.get("type", ""), a.get("value", "")))
            open_timex = None
    out.append(html.unescape(body[pos:]))
    return TmlDoc(path.stem, "".join(out), dct, tuple(timexes))


def documents(limit: int | None = None) -> list[Path]:
    paths = sorted(DATA.glob("*/*.tml"))
    return paths[:limit] if limit else paths


def evaluate(paths: list[Path], nlp: object | None = None) -> Scores:
    """Run the normalizer over TimeML files and count what matches."""
    from talkwatch import dates
    from talkwatch.nlp import load

    nlp = nlp or load()
    scores = Scores()
    for path in paths:
        tml = read_tml(path)
        t0 = time.perf_counter()
        doc = nlp(tml.text)  # type: ignore[operator]
        t1 = time.perf_counter()
        c1 = time.process_time()  # CPU time: steady when other jobs share the machine
        predicted = dates.normalize(doc, tml.dct)
        scores.normalize_s += time.process_time() - c1
        scores.parse_s += t1 - t0
        scores.sentences += sum(1 for _ in doc.sents)
        scores.docs += 1
        _score(tml, predicted, scores)
    return scores


def _score(tml: TmlDoc, predicted: list, scores: Scores) -> None:
    scores.predictions += len(predicted)
    scores.predictions_on_gold += sum(
        any(p.start < g.end and g.start < p.end for g in tml.timexes) for p in predicted
    )
    for g in tml.timexes:
        if g.type != "DATE":
            continue
        _score_reference(g, predicted, scores)
        scores.gold += 1
        want = gold_value(g.value)
        if want is None:
            scores.unresolvable[re.sub(r"\d", "9", g.value)] += 1
        else:
            scores.resolvable += 1
        overlaps = [(min(p.end, g.end) - max(p.start, g.start), p) for p in predicted
                    if p.start < g.end and g.start < p.end]
        if not overlaps:
            if want is not None:
                scores.errors.append((tml.name, g.text, want, "<missed>", ""))
            continue
        best = max(overlaps, key=lambda o: o[0])[1]
        scores.found += 1
        if want is None:
            continue
        scores.resolvable_found += 1
        scores.valued += best.value is not None
        contradicts = _contradicts_dct(g, want, tml.dct)
        scores.contradicting += contradicts
        if best.value == want:
            scores.correct += 1
            scores.contradicting_correct += contradicts
        else:
            scores.coarser += bool(best.value) and want.startswith(f"{best.value}-")
            line = _sentence(tml.text, g.start, g.end)
            scores.errors.append((tml.name, best.text, want, best.value, line))


def _score_reference(g: Timex, predicted: list, scores: Scores) -> None:
    """As score_dates_timeml.py counts: a plain gold value, right when any overlapping
    prediction carries it."""
    if not _RESOLVABLE.match(g.value):
        return
    scores.reference_gold += 1
    scores.reference_right += any(
        p.value == g.value for p in predicted if min(g.end, p.end) > max(g.start, p.start)
    )


_WEEKDAY = re.compile(r"(?i)^(?:mon|tues|wednes|thurs|fri|satur|sun)day"
                      r"(?:\s+(?:morning|afternoon|evening|night))?$")


def _contradicts_dct(g: Timex, want: str, dct: date) -> bool:
    """A bare weekday whose gold day is over a week from the creation date."""
    if len(want) != 10 or not _WEEKDAY.match(g.text.strip()):
        return False
    return abs((date.fromisoformat(want) - dct).days) > 7


def _sentence(text: str, start: int, end: int) -> str:
    a = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start) + 1, 0)
    b = min(x for x in (text.find("\n", end), text.find(". ", end), len(text)) if x >= 0)
    return " ".join(text[a:b].split())[:200]


def report(scores: Scores, errors: int = 0) -> str:
    lines = [
        f"documents: {scores.docs}",
        f"gold DATE timexes: {scores.gold} (resolvable to YYYY[-MM[-DD]]: {scores.resolvable})",
        f"date value accuracy = {scores.reference_accuracy:.3f} "
        f"({scores.reference_right}/{scores.reference_gold})  [the reference scorer's measure]",
        f"recall (all DATE): {scores.recall:.3f}  ({scores.found}/{scores.gold})",
        f"recall (resolvable): {scores.resolvable_recall:.3f}  "
        f"({scores.resolvable_found}/{scores.resolvable})",
        f"value accuracy (matched resolvable): {scores.accuracy:.3f}  "
        f"({scores.correct}/{scores.resolvable_found})",
        f"value accuracy, coarser-but-consistent counted right: "
        f"{scores.consistent_accuracy:.3f}  ({scores.correct + scores.coarser}/"
        f"{scores.resolvable_found})",
        f"value accuracy on DCT-consistent gold (leaving out {scores.contradicting} weekdays "
        f"annotated over a week from their DCT): {scores.dct_consistent_accuracy:.3f}",
        f"value precision (where we gave a value): {scores.value_precision:.3f}  "
        f"({scores.correct}/{scores.valued})",
        f"span precision (prediction overlaps any gold TIMEX3): {scores.span_precision:.3f}  "
        f"({scores.predictions_on_gold}/{scores.predictions})",
        f"time: parse {scores.parse_s:.1f} s, normalize {scores.normalize_s * 1000:.0f} ms CPU "
        f"({scores.normalize_s * 1e6 / max(scores.sentences, 1):.0f} us per sentence, "
        f"{scores.sentences} sentences)",
        "unresolvable gold values (counted for recall only): "
        + ", ".join(f"{k} {v}" for k, v in scores.unresolvable.most_common(12)),
    ]
    for name, text, want, got, line in scores.errors[:errors]:
        lines.append(f"  {name}: {text!r} gold={want} ours={got}  | {line}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="first N documents only")
    parser.add_argument("--errors", type=int, default=0, help="print N mismatches")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"skipped: {DATA} not found (the evaluation data lives beside the repository)")
        return 0
    print(report(evaluate(documents(args.limit)), args.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
