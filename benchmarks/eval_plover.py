"""Score the sentence coder on the PLOVER gold-standard records.

    .venv/bin/python benchmarks/eval_plover.py [--shared DIR] [--json] [--errors N]

Reads ``../shared/data/plover-gsr/PLOVER_GSR_CAMEO.json`` (322 CAMEO-manual
sentences coded in PLOVER 0.5) and codes every sentence with
``talkwatch.extract.events.coder`` (actors from ``talkwatch.actors``). The main event of
a sentence is the coder's first. Then the whole pipeline's digest, scored exactly as
``../shared/tools/score_plover.py`` does (the first event of each digest). Reported:

* event type: accuracy and macro F1 over the gold types, in the PLOVER 2021
  vocabulary (the gold's DEMAND -> REQUEST, DISAPPROVE/INVESTIGATE -> ACCUSE,
  FIGHT -> ASSAULT), with per-type precision/recall/F1; the same in the
  gold's own 2016 vocabulary (``legacy``);
* actor codes: micro F1 of the per-sentence sets of country/IGO codes (the
  first three letters of a CAMEO actor code) for sources, targets, and both
  sides together (role-blind), and the dyad exact-match rate (source set and
  target set both equal). Legacy CAMEO country codes are read as ISO
  (JAP = JPN, ITL = ITA, ROM = ROU, ...), on both sides.

Exits 0 with a message when the shared data are absent.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
GSR = Path("data/plover-gsr/PLOVER_GSR_CAMEO.json")
# Legacy CAMEO country codes that differ from ISO 3166 alpha-3.
LEGACY_COUNTRIES = {
    "JAP": "JPN",
    "ITL": "ITA",
    "ROM": "ROU",
    "TMP": "TLS",
    "KSV": "XKX",
    "ZAR": "COD",
    "BUR": "MMR",
    "DRC": "COD",
    "SER": "SRB",
    "MOR": "MAR",
}


def default_shared() -> Path:
    return REPO.parent / "shared"


def load_gold(shared: Path) -> list[dict[str, Any]]:
    records = json.loads((shared / GSR).read_text(encoding="utf-8"))
    return [r for r in records if r.get("event") and r["event"] != "DOCUMENT"]


def _codes(actors: Any) -> set[str]:
    if not isinstance(actors, list):
        return set()
    out = set()
    for a in actors:
        code = (a.get("code") or "").strip().upper()[:3]
        if code:
            out.add(LEGACY_COUNTRIES.get(code, code))
    return out


def _pred_codes(parties: list[Any]) -> set[str]:
    out = set()
    for p in parties:
        if p.code:
            code = p.code[:3].upper()
            out.add(LEGACY_COUNTRIES.get(code, code))
    return out


def code_sentences(texts: list[str]) -> list[Any]:
    """The coder's main event (or None) for each sentence."""
    from talkwatch import actors, nlp
    from talkwatch.extract.events.coder import Coder
    from talkwatch.model import Article

    out = []
    for doc, text in zip(nlp.parse_many(texts, batch_size=32), texts, strict=True):
        index = actors.resolve(doc, Article(body=text, id="gsr"))
        coder = Coder(index)
        found = coder.code_text(doc)
        out.append(found[0] if found else None)
    return out


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def type_scores(gold: list[str], pred: list[str | None]) -> dict[str, Any]:
    labels = sorted(set(gold))
    per: dict[str, dict[str, float]] = {}
    f1s = []
    for lab in labels:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p == lab)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != lab and p == lab)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p != lab)
        p, r, f = prf(tp, fp, fn)
        f1s.append(f)
        per[lab] = {
            "precision": round(p, 3),
            "recall": round(r, 3),
            "f1": round(f, 3),
            "support": tp + fn,
        }
    acc = sum(1 for g, p in zip(gold, pred, strict=True) if g == p) / len(gold)
    macro = sum(f1s) / len(f1s)  # unrounded, as the reference scorer averages
    return {"accuracy": round(acc, 3), "macro_f1": round(macro, 3), "per_type": per}


def set_f1(pairs: list[tuple[set[str], set[str]]]) -> dict[str, float]:
    tp = sum(len(g & p) for g, p in pairs)
    fp = sum(len(p - g) for g, p in pairs)
    fn = sum(len(g - p) for g, p in pairs)
    p, r, f = prf(tp, fp, fn)
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}


def evaluate(shared: Path | None = None) -> dict[str, Any] | None:
    """All scores, or None when the gold file is absent."""
    from talkwatch.extract.events import codes

    shared = shared or default_shared()
    if not (shared / GSR).exists():
        return None
    records = load_gold(shared)
    coded = code_sentences([r["text"] for r in records])
    gold_types = [codes.modern_type(r["event"]) or "" for r in records]
    pred_types = [c.plover if c is not None else None for c in coded]
    legacy_gold = [r["event"] for r in records]
    legacy_pred = [codes.legacy_type(c.code) if c is not None else None for c in coded]
    src_pairs, tgt_pairs, all_pairs = [], [], []
    dyad = 0
    for rec, c in zip(records, coded, strict=True):
        gs, gt = _codes(rec.get("source")), _codes(rec.get("target"))
        ps = _pred_codes(c.sources) if c is not None else set()
        pt = _pred_codes(c.targets) if c is not None else set()
        src_pairs.append((gs, ps))
        tgt_pairs.append((gt, pt))
        all_pairs.append((gs | gt, ps | pt))
        dyad += int(gs == ps and gt == pt)
    return {
        "sentences": len(records),
        "coded": sum(1 for c in coded if c is not None),
        "type": type_scores(gold_types, pred_types),
        "legacy_type": type_scores(legacy_gold, legacy_pred),
        "actors": {
            "source": set_f1(src_pairs),
            "target": set_f1(tgt_pairs),
            "all": set_f1(all_pairs),
        },
        "dyad_exact": round(dyad / len(records), 3),
        "_coded": coded,
        "_records": records,
    }


# The gold's PLOVER 0.5 names read as their 2021 successors, as the reference scorer reads them.
_OLD_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}


def digest_scores(shared: Path | None = None) -> dict[str, Any] | None:
    """The reference scorer's numbers (``../shared/tools/score_plover.py``), computed in process.

    Each record becomes an article published on the record's date; the sentence's event is the PLOVER
    type of the digest's first event, its source country that event's source actor's country.
    """
    from talkwatch import pipeline
    from talkwatch.read import make_article

    shared = shared or default_shared()
    if not (shared / GSR).exists():
        return None
    everything = json.loads((shared / GSR).read_text(encoding="utf-8"))
    records = [r for r in everything if r.get("text") and r.get("event")]
    gold, pred, countries = [], [], []
    for rec in records:
        article = make_article(rec["text"], {"published": rec.get("date") or "2000-01-01"})
        digest = pipeline.run(article)
        first = (digest.get("events") or [None])[0]
        gold.append(_OLD_NAMES.get(rec["event"], rec["event"]))
        pred.append(_OLD_NAMES.get(first["plover"], first["plover"]) if first else None)
        actors = {a["id"]: a for a in digest["actors"]}
        predicted = {actors.get(first["source"], {}).get("country")} - {None} if first else set()
        golden = {s.get("code") for s in rec.get("source") or [] if s.get("code")}
        countries.append((golden, predicted))
    scores = type_scores(gold, pred)
    return {"sentences": len(records), "type": scores, "source_country": set_f1(countries)}


def _report(res: dict[str, Any]) -> str:
    t = res["type"]
    lines = [
        f"PLOVER GSR: {res['sentences']} sentences, {res['coded']} coded",
        f"event type (PLOVER 2021): accuracy {t['accuracy']:.3f}  macro F1 {t['macro_f1']:.3f}",
        f"event type (gold 2016 names): accuracy {res['legacy_type']['accuracy']:.3f}  "
        f"macro F1 {res['legacy_type']['macro_f1']:.3f}",
        "",
        f"{'type':<12}{'P':>7}{'R':>7}{'F1':>7}{'n':>5}",
    ]
    for lab, v in t["per_type"].items():
        lines.append(f"{lab:<12}{v['precision']:>7.3f}{v['recall']:>7.3f}{v['f1']:>7.3f}{v['support']:>5}")
    a = res["actors"]
    lines += ["", "actor code sets (P / R / F1):"]
    for side in ("source", "target", "all"):
        lines.append(f"  {side:<7}{a[side]['precision']:.3f} / {a[side]['recall']:.3f} / {a[side]['f1']:.3f}")
    lines.append(f"dyad exact match: {res['dyad_exact']:.3f}")
    return "\n".join(lines)


def _errors(res: dict[str, Any], n: int) -> str:
    from talkwatch.extract.events import codes

    out = []
    for rec, c in zip(res["_records"], res["_coded"], strict=True):
        gold = codes.modern_type(rec["event"])
        pred = c.plover if c else None
        if gold != pred and len(out) < n:
            got = "-"
            if c is not None:
                dyad = f"{[p.code for p in c.sources]}->{[p.code for p in c.targets]}"
                got = f"{c.code} {pred} {c.mode} {dyad}"
            want = f"{sorted(_codes(rec.get('source')))}->{sorted(_codes(rec.get('target')))}"
            out.append(f"[{gold} {want}] got {got}\n    {rec['text']}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=None)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--errors", type=int, default=0, help="print the first N mistyped sentences")
    args = ap.parse_args(argv)
    res = evaluate(args.shared)
    if res is None:
        print("shared data absent: nothing to score")
        return 0
    digest = digest_scores(args.shared)
    if args.json:
        public = {k: v for k, v in res.items() if not k.startswith("_")}
        print(json.dumps({**public, "digest": digest}, indent=2))
    else:
        print("the sentence coder alone (each sentence's main event):")
        print(_report(res))
        print("\nthe digest's first event (as ../shared/tools/score_plover.py scores it):")
        print(f"type accuracy {digest['type']['accuracy']:.3f} over {digest['sentences']} sentences")
        print(f"source country set F1 {digest['source_country']['f1']:.3f}")
        print(f"plover type macro F1 = {digest['type']['macro_f1']:.3f}")
    if args.errors:
        print(_errors(res, args.errors))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO / "src"))
    sys.exit(main())
