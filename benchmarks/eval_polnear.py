"""Score the digest's direct quotes and speakers on a PolNeAR compartment, in process.

Usage: ``python benchmarks/eval_polnear.py [--data DIR] [--limit N] [--verbose] [--json]``.
Reads ``<repo>/../shared/data/polnear-dev`` by default (``dev/`` with brat
standoff ``.ann`` files, ``metadata.tsv``); exits 0 with a message when that
folder is absent.

The numbers are the reference scorer's (``../shared/tools/score_quotes_polnear.py``),
computed without one process per article: each article goes through
``read.read_text`` and ``pipeline.run`` as ``talkwatch extract --published DATE``
would, and ``tests/extract/quotes/test_quotes.py`` checks on a subset that both print
the same lines. The definitions, precisely:

* Articles: ``.ann`` files in name order, the first annotator's file per article.
* Gold quotes: every attribution whose Content text holds a double quote mark
  (straight or curly), one per relation however many quoted stretches it has;
  its span runs from its first fragment's start to its last fragment's end, its
  Source (if any) likewise.
* A predicted quote (a digest quote with an integer ``start``) lies in a gold
  quote when 80% of its span is inside the gold span; it matches the first such
  gold quote not matched yet. Detection P = predicted quotes lying in some gold
  quote / predicted, R = matched / gold.
* Speaker accuracy over matched quotes whose gold has a Source: right when the
  speaker mention overlaps the Source span or the speaker actor's name, an
  alias or the speaker text matches the Source text (``evaluate.names_match``).
* Attributed quote F1: true positives are matched quotes with the right
  speaker; precision over predicted quotes, recall over gold quotes.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "polnear-dev"
_MARKS = "\"\u201c\u201d"


@dataclass
class GoldQuote:
    """One attribution with a quote mark in its Content: the unit the scorer counts."""

    start: int
    end: int
    text: str
    source: tuple[int, int, str] | None


@dataclass
class Doc:
    """One article: its name, body, publication date and gold quotes."""

    name: str
    text: str
    published: str | None
    gold: list[GoldQuote]


def _read_ann(path: Path) -> list[GoldQuote]:
    """Gold quotes of one brat file (relations whose Content has a double quote mark)."""
    spans: dict[str, tuple[list[tuple[int, int]], str]] = {}
    relations: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 3:
            offsets = parts[1].split(" ", 1)[1]
            frags = [(int(a), int(b)) for a, b in (f.split() for f in offsets.split(";"))]
            spans[parts[0]] = (frags, parts[2])
        elif line.startswith("E") and len(parts) >= 2:
            relations.append(dict(r.split(":", 1) for r in parts[1].split() if ":" in r))
    out = []
    for rel in relations:
        content = spans.get(rel.get("Content", ""))
        if content is None or not any(c in content[1] for c in _MARKS):
            continue
        src = spans.get(rel.get("Source", ""))
        source = (src[0][0][0], src[0][-1][1], src[1]) if src else None
        out.append(GoldQuote(content[0][0][0], content[0][-1][1], content[1], source))
    return out


def load_docs(data: Path = DATA, limit: int | None = None, compartment: str = "dev") -> list[Doc]:
    """The articles of a compartment with their gold quotes, as the reference scorer picks them."""
    with (data / "metadata.tsv").open(encoding="utf-8") as fh:
        dates = {r["filename"]: r.get("publication_date") or None for r in csv.DictReader(fh, delimiter="\t")}
    comp = data / compartment
    seen: set[str] = set()
    docs = []
    for ann in sorted((comp / "attributions").iterdir()):
        name = ann.name.rsplit("_", 1)[0]
        if name in seen:
            continue
        seen.add(name)
        if limit and len(seen) > limit:
            break
        with (comp / "text" / f"{name}.txt").open(encoding="utf-8") as fh:
            text = fh.read()  # universal newlines, as the scorer reads it
        docs.append(Doc(name, text, dates.get(name), _read_ann(ann)))
    return docs


def _digests(docs: list[Doc]) -> list[dict[str, Any]]:
    """Each article's digest as ``talkwatch extract --format jsonl`` prints it (parsed in batches)."""
    from talkwatch import nlp, pipeline, read

    articles = [read.read_text(d.text, path=d.name, published=d.published) for d in docs]
    parsed = nlp.parse_many([a.body for a in articles])
    out = []
    for article, doc in zip(articles, parsed, strict=True):
        digest = pipeline.run(article, doc=doc, on_error=pipeline.warn_error)
        out.append(json.loads(json.dumps(digest, ensure_ascii=False)))
    return out


def _actor_names(digest: dict[str, Any], actor_id: Any) -> list[str]:
    """The speaker actor's name and aliases (what the scorer compares with the Source text)."""
    for a in digest.get("actors", []):
        if a.get("id") == actor_id:
            return [a.get("name"), *(a.get("aliases") or [])]
    return []


def _speaker_right(q: dict[str, Any], g: GoldQuote, digest: dict[str, Any]) -> bool:
    """The speaker mention overlaps the gold Source, or a name of ours matches its text."""
    from talkwatch.evaluate import names_match

    assert g.source is not None
    ss, se = q.get("speaker_start"), q.get("speaker_end")
    if isinstance(ss, int) and isinstance(se, int) and min(se, g.source[1]) > max(ss, g.source[0]):
        return True
    names = [n for n in [*_actor_names(digest, q.get("speaker")), q.get("speaker_text") or ""] if n]
    return names_match(names, [g.source[2]])


def score(docs: list[Doc], digests: list[dict[str, Any]], errors: list[str] | None = None) -> dict[str, Any]:
    """The reference scorer's counts and rates for these digests."""
    n = {"gold": 0, "pred": 0, "pred_in": 0, "match": 0, "judged": 0, "right": 0}
    for doc, digest in zip(docs, digests, strict=True):
        preds = [q for q in digest.get("quotes", []) if isinstance(q.get("start"), int)]
        n["gold"] += len(doc.gold)
        n["pred"] += len(preds)
        used: set[int] = set()
        for q in preds:
            qs, qe = q["start"], q["end"]
            need = 0.8 * max(1, qe - qs)
            inside = [i for i, g in enumerate(doc.gold) if min(qe, g.end) - max(qs, g.start) >= need]
            n["pred_in"] += bool(inside)
            free = [i for i in inside if i not in used]
            if not free:
                _note(errors, doc, "extra" if not inside else "piece", q)
                continue
            used.add(free[0])
            n["match"] += 1
            g = doc.gold[free[0]]
            if g.source is None:
                continue
            n["judged"] += 1
            ok = _speaker_right(q, g, digest)
            n["right"] += ok
            if not ok:
                _note(errors, doc, f"speaker != {g.source[2]!r}", q)
        for i, g in enumerate(doc.gold):
            if i not in used and errors is not None:
                errors.append(f"{doc.name}: missed {g.text[:70]!r}")
    return _rates(n, len(docs))


def _note(errors: list[str] | None, doc: Doc, what: str, q: dict[str, Any]) -> None:
    """One line for the --verbose listing."""
    if errors is not None:
        errors.append(f"{doc.name}: {what} [{q.get('speaker_text')}] {q.get('text', '')[:60]!r}")


def _rates(n: dict[str, int], articles: int) -> dict[str, Any]:
    """P/R/F1 of detection, speaker accuracy and attributed F1 from the counts."""

    def f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    p = n["pred_in"] / n["pred"] if n["pred"] else 0.0
    r = n["match"] / n["gold"] if n["gold"] else 0.0
    ap = n["right"] / n["pred"] if n["pred"] else 0.0
    ar = n["right"] / n["gold"] if n["gold"] else 0.0
    return {
        "articles": articles, **n, "precision": p, "recall": r, "f1": f1(p, r),
        "speaker_accuracy": n["right"] / n["judged"] if n["judged"] else 0.0,
        "attributed_precision": ap, "attributed_recall": ar, "attributed_f1": f1(ap, ar),
    }


def evaluate(docs: list[Doc], errors: list[str] | None = None) -> dict[str, Any]:
    """Run the pipeline on the articles and score their digests."""
    t0 = time.perf_counter()
    result = score(docs, _digests(docs), errors)
    result["seconds"] = round(time.perf_counter() - t0, 1)
    return result


def report(r: dict[str, Any]) -> str:
    """The reference scorer's four lines, number for number."""
    return "\n".join([
        f"articles {r['articles']}  gold direct quotes {r['gold']}  predicted {r['pred']}",
        f"quote detection P {r['precision']:.3f} R {r['recall']:.3f} F1 {r['f1']:.3f}",
        f"speaker accuracy = {r['speaker_accuracy']:.3f} ({r['right']}/{r['judged']} matched quotes"
        " with a gold source)",
        f"attributed quote F1 = {r['attributed_f1']:.3f} (P {r['attributed_precision']:.3f}"
        f" R {r['attributed_recall']:.3f})",
    ])


def main(argv: list[str] | None = None) -> int:
    """Print the scores (and with --verbose every extra piece, miss and wrong speaker)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA, help="PolNeAR folder with metadata.tsv")
    ap.add_argument("--compartment", default="dev", help="sub-folder with text/ and attributions/")
    ap.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    ap.add_argument("--verbose", action="store_true", help="list extra pieces, misses and wrong speakers")
    ap.add_argument("--json", action="store_true", help="print the numbers as JSON")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"skipped: {args.data} not found")
        return 0
    errors: list[str] | None = [] if args.verbose else None
    result = evaluate(load_docs(args.data, args.limit, args.compartment), errors)
    if errors:
        print("\n".join(errors))
    print(json.dumps(result) if args.json else report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
