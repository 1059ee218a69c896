"""Score the quote extractor against PolNeAR (political news attribution relations).

Usage: ``python benchmarks/eval_polnear.py [--limit N] [--verbose] [--json]``.
Reads ``<repo>/../shared/data/polnear-dev`` (brat standoff ``.ann`` files with
Source/Cue/Content spans); exits 0 with a message when that folder is absent.
For an article annotated twice, the first annotator's file (by name) is used.

What is scored, precisely:

* Gold direct quotes. PolNeAR marks every attribution's Content, most of it
  paraphrase. A gold quote unit is a stretch *inside quote marks* within one
  Content fragment: from an opening mark (double curly/straight, or a single
  curly mark at a word boundary) to its closing mark, or to the end of the
  fragment when the fragment leaves it open (a quotation running on to the next
  paragraph). Units nested in another unit are folded into it.
* Quote P/R/F1. One of our quotes is correct when its span overlaps a gold unit
  by at least one character; a gold unit is found when one of our quotes
  overlaps it. P = correct / ours, R = found / gold.
* Speaker accuracy, over our correct quotes whose gold attribution has a Source
  (pairing each of our quotes with the gold unit it overlaps most). The speaker
  is right when (a) our speaker mention span overlaps a gold Source span, or
  (b) a mention of the actor we resolved it to overlaps the gold Source span,
  or (c) the name matches: the last word of our speaker text or of the actor's
  name equals the last word of the gold Source text (case-folded, possessives
  dropped, 3+ letters, not a pronoun). A quote with no speaker is wrong.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "polnear-dev"
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "his", "its"}
_OPEN = {"\u201c": "\u201d", '"': '"', "\u2018": "\u2019"}


@dataclass
class GoldUnit:
    start: int
    end: int
    sources: list[tuple[int, int]] = field(default_factory=list)
    source_text: str = ""


@dataclass
class Doc:
    name: str
    text: str
    published: str | None
    units: list[GoldUnit]


def _read_ann(path: Path) -> tuple[dict[str, tuple[str, list[tuple[int, int]], str]], list[dict]]:
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    relations = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 3:
            label, _, offsets = parts[1].partition(" ")
            frags = [tuple(int(x) for x in f.split()) for f in offsets.split(";")]
            spans[parts[0]] = (label, frags, parts[2])  # type: ignore[assignment]
        elif line.startswith("E") and len(parts) >= 2:
            roles = dict(r.split(":", 1) for r in parts[1].split() if ":" in r)
            relations.append(roles)
    return spans, relations


def _units_in(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Quoted stretches (inside the marks) of one Content fragment."""
    out: list[tuple[int, int]] = []
    i = start
    while i < end:
        ch = text[i]
        prev = text[i - 1] if i > 0 else " "
        if ch in _OPEN and (prev.isspace() or prev in "([-:\u2014") and i + 1 < end:
            close = _OPEN[ch]
            j = i + 1
            while j < end:
                nxt = text[j + 1] if j + 1 < len(text) else " "
                if text[j] == close and not (close == "\u2019" and nxt.isalpha()):
                    break
                j += 1
            if j > i + 1 and any(c.isalnum() for c in text[i + 1:j]):
                out.append((i + 1, j))
            i = j + 1
            continue
        i += 1
    return out


def load_docs(data: Path = DATA, limit: int | None = None) -> list[Doc]:
    """Gold quote units of the dev articles (first annotator per article)."""
    meta = {}
    with (data / "metadata.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            meta[row["filename"]] = row.get("publication_date") or None
    seen: set[str] = set()
    docs = []
    for ann in sorted((data / "dev" / "attributions").glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        if name in seen:
            continue
        seen.add(name)
        text = (data / "dev" / "text" / f"{name}.txt").read_text(encoding="utf-8")
        spans, relations = _read_ann(ann)
        units: list[GoldUnit] = []
        for rel in relations:
            content = spans.get(rel.get("Content", ""))
            if content is None:
                continue
            source = spans.get(rel.get("Source", ""))
            for s, e in content[1]:
                for us, ue in _units_in(text, s, e):
                    unit = GoldUnit(us, ue)
                    if source is not None:
                        unit.sources = list(source[1])
                        unit.source_text = source[2]
                    units.append(unit)
        docs.append(Doc(name, text, meta.get(name), units))
        if limit and len(docs) >= limit:
            break
    return docs


_ENTITY_TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "state", "NORP": "group"}
BUILT_WITH: set[str] = set()


def _entity_index(nlp_doc: Any) -> Any:
    """An ActorIndex of spaCy's named entities only (when resolution itself fails)."""
    from talkwatch.actors import ActorIndex

    index = ActorIndex(nlp_doc.text)
    for ent in nlp_doc.ents:
        if ent.label_ in _ENTITY_TYPES:
            index.add(ent.text, _ENTITY_TYPES[ent.label_], ent.start_char, ent.end_char)
    return index


def _context(doc: Doc, nlp_doc: Any) -> Any:
    """A Context as the pipeline builds it; simpler actor indexes if that fails.

    Quotes need only the actor index, so a failing date or gazetteer step
    elsewhere in the project does not stop the evaluation; the index used is
    reported as ``actors``.
    """
    from talkwatch.context import Context
    from talkwatch.model import Article

    article = Article(body=doc.text, id=doc.name, published=doc.published)
    try:
        from talkwatch.pipeline import build_context

        ctx = build_context(article, nlp_doc)
        BUILT_WITH.add("pipeline")
        return ctx
    except Exception:  # noqa: BLE001 - fall back to plain resolution
        pass
    try:
        from talkwatch import actors

        index = actors.resolve(nlp_doc, article)
        BUILT_WITH.add("actors.resolve")
    except Exception:  # noqa: BLE001 - fall back to entities
        index = _entity_index(nlp_doc)
        BUILT_WITH.add("entities")
    return Context(article=article, doc=nlp_doc, actors=index)


def _last_word(text: str) -> str:
    words = re.sub(r"[\u2019']s\b", "", text.casefold()).replace("\u2019", "'").split()
    words = [re.sub(r"\W", "", w) for w in words]
    words = [w for w in words if w]
    return words[-1] if words else ""


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def speaker_ok(quote: Any, unit: GoldUnit, index: Any) -> bool:
    """Is our speaker the gold Source? (rules a-c of the module docstring)."""
    if quote.speaker_start is None:
        return False
    ours = (quote.speaker_start, quote.speaker_end)
    if any(_overlaps(ours, s) for s in unit.sources):
        return True
    names = [quote.speaker_text or ""]
    if quote.speaker:
        actor = index.get(quote.speaker)
        if any(_overlaps(tuple(m), s) for m in actor.mentions for s in unit.sources):
            return True
        names += [actor.name, *actor.aliases]
    gold = _last_word(unit.source_text)
    if len(gold) < 3 or gold in PRONOUNS:
        return False
    return any(_last_word(n) == gold for n in names)


def evaluate(docs: list[Doc], verbose: bool = False) -> dict[str, Any]:
    from talkwatch import nlp
    from talkwatch.extract import quotes

    ours = correct = found = gold = judged = right = 0
    errors: list[str] = []
    t0 = time.perf_counter()
    for doc, parsed in zip(docs, nlp.parse_many([d.text for d in docs]), strict=True):
        ctx = _context(doc, parsed)
        got = quotes.extract(ctx)
        ours += len(got)
        gold += len(doc.units)
        found += sum(1 for u in doc.units if any(_overlaps((q.start, q.end), (u.start, u.end))
                                                  for q in got))
        for q in got:
            best = max(doc.units, key=lambda u: _overlaps((q.start, q.end), (u.start, u.end)),
                       default=None)
            if best is None or not _overlaps((q.start, q.end), (best.start, best.end)):
                if verbose:
                    errors.append(f"{doc.name}: extra quote {q.text[:60]!r}")
                continue
            correct += 1
            if not best.sources:
                continue
            judged += 1
            if speaker_ok(q, best, ctx.actors):
                right += 1
            elif verbose:
                errors.append(f"{doc.name}: speaker {q.speaker_text!r} != {best.source_text!r}"
                              f" for {q.text[:50]!r}")
        if verbose:
            errors += [f"{doc.name}: missed {doc.text[u.start:u.end][:60]!r}" for u in doc.units
                       if not any(_overlaps((q.start, q.end), (u.start, u.end)) for q in got)]
    p = correct / ours if ours else 0.0
    r = found / gold if gold else 0.0
    return {
        "documents": len(docs), "ours": ours, "gold": gold, "precision": round(p, 3),
        "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
        "speaker_judged": judged,
        "speaker_accuracy": round(right / judged, 3) if judged else 0.0,
        "seconds": round(time.perf_counter() - t0, 1), "actors": ",".join(sorted(BUILT_WITH)),
        "errors": errors,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    ap.add_argument("--verbose", action="store_true", help="list extra, missed and misattributed")
    ap.add_argument("--json", action="store_true", help="print the numbers as JSON")
    args = ap.parse_args(argv)
    if not DATA.is_dir():
        print(f"skipped: {DATA} not found")
        return 0
    result = evaluate(load_docs(DATA, args.limit), verbose=args.verbose)
    errors = result.pop("errors")
    if args.verbose:
        print("\n".join(errors))
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:18} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
