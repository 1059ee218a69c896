"""Score digests against gold annotations (the gold format of the spec).

Per fact kind: one-to-one greedy matching of predicted to gold facts, best
score first, then precision, recall and F1, and the macro F1 over the five
kinds. The matching rules are those of the reference scorer, so the numbers
agree with it (a test checks this when the reference is at hand).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError
from .model import SCORED_KINDS

KINDS = SCORED_KINDS
_PUNCT = re.compile(r"[^\w\s]")


def norm(text: Any) -> str:
    """Case-folded, quote-straightened text without possessives, punctuation or a leading 'the'."""
    s = unicodedata.normalize("NFKC", str(text))
    s = s.translate({0x2019: "'", 0x2018: "'", 0x201C: '"', 0x201D: '"'}).casefold()
    words = _PUNCT.sub(" ", re.sub(r"'s\b", "", s)).split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def names_match(predicted: Iterable[str], gold: Iterable[str]) -> bool:
    """Same name after norm(), or a 2+ word name contained word-wise in the other."""
    ps = {norm(p) for p in predicted if p} - {""}
    gs = {norm(g) for g in gold if g} - {""}
    if ps & gs:
        return True
    for p in ps:
        for g in gs:
            short, long_ = (p, g) if len(p) <= len(g) else (g, p)
            if len(short.split()) > 1 and f" {short} " in f" {long_} ":
                return True
    return False


@dataclass
class Tally:
    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, other: Tally) -> None:
        self.tp += other.tp
        self.predicted += other.predicted
        self.gold += other.gold

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / self.predicted if self.predicted else float(not self.gold)
        r = self.tp / self.gold if self.gold else float(not self.predicted)
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Finding:
    """One difference from the gold, kept whole so that error analysis can show its sentence.

    ``outcome`` is ``missed`` (gold fact without a match), ``extra`` (predicted fact without
    a match) or ``wrong`` (a matched meeting whose ``attribute`` differs from the gold).
    """

    kind: str
    outcome: str
    note: str
    gold: dict[str, Any] | None = None
    pred: dict[str, Any] | None = None
    attribute: str | None = None


@dataclass
class Score:
    kinds: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in KINDS})
    findings: list[Finding] = field(default_factory=list)
    # matched meetings whose gold start / status is given: [right, total]
    attributes: dict[str, list[int]] = field(default_factory=lambda: {"start": [0, 0], "status": [0, 0]})
    # one article's matched meetings, predicted id -> gold key (not summed by add)
    meeting_keys: dict[str, str] = field(default_factory=dict)

    def add(self, other: Score) -> None:
        for k in KINDS:
            self.kinds[k].add(other.kinds[k])
        for name, (right, total) in other.attributes.items():
            self.attributes[name][0] += right
            self.attributes[name][1] += total
        self.findings += other.findings

    @property
    def notes(self) -> list[str]:
        """One line per finding, in the reference scorer's --verbose style."""
        return [f.note for f in self.findings]

    @property
    def macro_f1(self) -> float:
        return sum(t.prf()[2] for t in self.kinds.values()) / len(KINDS)

    def to_dict(self) -> dict[str, Any]:
        table = {}
        for k, t in self.kinds.items():
            p, r, f = t.prf()
            table[k] = {
                "precision": p,
                "recall": r,
                "f1": f,
                "tp": t.tp,
                "predicted": t.predicted,
                "gold": t.gold,
            }
        return {"kinds": table, "meeting_attributes": self.attributes, "macro_f1": self.macro_f1}


def _pairs(golds: list[Any], preds: list[Any], score: Callable[[Any, Any], float]) -> list[tuple[int, int]]:
    scored = sorted(
        ((score(g, p), gi, pi) for gi, g in enumerate(golds) for pi, p in enumerate(preds)), reverse=True
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for s, gi, pi in scored:
        if s > 0 and gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


def actor_names(digest: dict[str, Any], actor_id: Any) -> list[str]:
    for actor in digest.get("actors") or []:
        if actor.get("id") == actor_id:
            return [n for n in [actor.get("name"), *(actor.get("aliases") or []), actor.get("title")] if n]
    return [actor_id] if isinstance(actor_id, str) else []


def _s(value: Any) -> str | None:
    return None if value is None else str(value)


def score_digest(gold: dict[str, Any], digest: dict[str, Any]) -> Score:
    """Score one article's digest against its gold annotation."""
    result = Score()
    gm, pm = gold.get("meetings") or [], digest.get("meetings") or []

    def meeting_score(g: dict[str, Any], p: dict[str, Any]) -> float:
        s = 2.0 if names_match([p.get("name"), *(p.get("aliases") or [])], g.get("names") or []) else 0.0
        city = (p.get("venue") or {}).get("city")
        if g.get("venue_city") and city and norm(city) == norm(g["venue_city"]):
            s += 1
        if s and _s(g.get("start")) and _s(p.get("start")) == _s(g.get("start")):
            s += 0.5
        return s

    mpairs = _pairs(gm, pm, meeting_score)
    meeting_ids = {gm[gi].get("key"): pm[pi].get("id") for gi, pi in mpairs}
    result.meeting_keys = {pm[pi].get("id"): gm[gi].get("key") for gi, pi in mpairs}
    result.kinds["meetings"] = Tally(len(mpairs), len(pm), len(gm))
    for gi, pi in mpairs:
        for name in ("start", "status"):
            if gm[gi].get(name) is not None:
                right = _s(pm[pi].get(name)) == _s(gm[gi].get(name))
                result.attributes[name][0] += right
                result.attributes[name][1] += 1
                if not right:
                    note = (
                        f"meeting {gm[gi].get('key')}: {name} gold={gm[gi].get(name)} "
                        f"predicted={pm[pi].get(name)}"
                    )
                    result.findings.append(Finding("meetings", "wrong", note, gm[gi], pm[pi], name))
    matched_g = {gi for gi, _ in mpairs}
    matched_p = {pi for _, pi in mpairs}
    result.findings += [
        Finding("meetings", "missed", f"missed meeting {g.get('key')}", gold=g)
        for i, g in enumerate(gm)
        if i not in matched_g
    ]
    result.findings += [
        Finding("meetings", "extra", f"extra meeting {p.get('name')}", pred=p)
        for i, p in enumerate(pm)
        if i not in matched_p
    ]

    def participation_score(g: dict[str, Any], p: dict[str, Any]) -> float:
        if meeting_ids.get(g["meeting"]) != p.get("meeting") or p.get("status") != g.get("status"):
            return 0
        return float(names_match(actor_names(digest, p.get("actor")), g["actor"]))

    def quote_score(g: dict[str, Any], p: dict[str, Any]) -> float:
        if not norm(p.get("text", "")).startswith(norm(g["starts_with"])):
            return 0
        names = [*actor_names(digest, p.get("speaker")), p.get("speaker_text") or ""]
        return float(names_match(names, g["speaker"]))

    def position_score(g: dict[str, Any], p: dict[str, Any]) -> float:
        issue = norm(p.get("issue", ""))
        if p.get("stance") != g.get("stance") or not any(
            norm(k) and norm(k) in issue for k in g.get("issue") or []
        ):
            return 0
        return float(names_match(actor_names(digest, p.get("actor")), g["actor"]))

    def agreement_score(g: dict[str, Any], p: dict[str, Any]) -> float:
        if p.get("kind") != g.get("kind"):
            return 0
        return float(g.get("start") is None or _s(p.get("start")) == _s(g.get("start")))

    for kind, fn in (
        ("participations", participation_score),
        ("quotes", quote_score),
        ("positions", position_score),
        ("agreements", agreement_score),
    ):
        golds, preds = gold.get(kind) or [], digest.get(kind) or []
        pairs = _pairs(golds, preds, fn)
        result.kinds[kind] = Tally(len(pairs), len(preds), len(golds))
        matched = {gi for gi, _ in pairs}
        result.findings += [
            Finding(kind, "missed", f"missed {kind[:-1]}: {_brief(g)}", gold=g)
            for i, g in enumerate(golds)
            if i not in matched
        ]
        matched_p = {pi for _, pi in pairs}
        result.findings += [
            Finding(kind, "extra", f"extra {kind[:-1]}: {_brief_pred(digest, p)}", pred=p)
            for i, p in enumerate(preds)
            if i not in matched_p
        ]
    return result


def _brief(g: dict[str, Any]) -> str:
    who = g.get("actor") or g.get("speaker") or g.get("brokers") or ""
    who = who[0] if isinstance(who, list) and who else who
    rest = g.get("status") or g.get("stance") or g.get("starts_with") or g.get("kind") or ""
    return f"{g.get('meeting', '')} {who} {rest}".strip()


def _brief_pred(digest: dict[str, Any], p: dict[str, Any]) -> str:
    who = p.get("actor") or p.get("speaker")
    name = (actor_names(digest, who) or [""])[0] if who else ""
    rest = p.get("status") or p.get("stance") or (p.get("text") or "")[:30] or p.get("kind") or ""
    return f"{p.get('meeting', '')} {name} {rest}".strip()


def load_gold(path: str | Path) -> dict[str, Any]:
    """Read a gold YAML file, with a one-line error when it is not one."""
    try:
        with open(path, encoding="utf-8") as fh:
            gold = yaml.safe_load(fh)
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(f"{path}: unreadable gold file ({type(exc).__name__})") from None
    if not isinstance(gold, dict):
        raise InputError(f"{path}: gold file is not a mapping")
    return gold


def gold_for(article: Path) -> Path | None:
    """The gold file of an article in any of the three layouts, or None.

    ``X.txt`` beside ``X.yaml``; ``<case>/article.txt`` beside ``expected.yaml`` (the synthetic
    sets); ``articles/X.txt`` with ``gold/X.yaml`` beside the folder (the real news sets).
    """
    candidates = [article.with_suffix(".yaml"), article.parent / "expected.yaml"]
    if article.parent.name == "articles":
        candidates.append(article.parent.parent / "gold" / f"{article.stem}.yaml")
    return next((c for c in candidates if c.is_file()), None)


def gold_pairs(paths: Iterable[str | Path]) -> list[tuple[Path, Path]]:
    """(article, gold) pairs found under the paths (files or folders), in path order."""
    out = []
    for p in map(Path, paths):
        for article in sorted(p.rglob("*.txt")) if p.is_dir() else [p]:
            gold = gold_for(article)
            if gold is not None:
                out.append((article, gold))
    return out


@dataclass
class EvalSet:
    """A named group of (article, gold) pairs scored together: one folder argument."""

    name: str
    pairs: list[tuple[Path, Path]]


def eval_sets(paths: Iterable[str | Path]) -> list[EvalSet]:
    """One set per folder argument; loose files form one set; sets without gold are dropped."""
    sets: list[EvalSet] = []
    loose: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            sets.append(EvalSet(p.resolve().name, gold_pairs([p])))
        else:
            loose.append(p)
    if loose:
        sets.append(EvalSet("files", gold_pairs(loose)))
    return [s for s in sets if s.pairs]


@dataclass
class ArticleResult:
    """One article's score, with what error analysis needs to show the evidence."""

    article: Path
    gold_path: Path
    body: str
    gold: dict[str, Any]
    digest: dict[str, Any]
    score: Score


def score_set(
    pairs: Iterable[tuple[Path, Path]], run: Callable[[Path], tuple[str, dict[str, Any]]]
) -> tuple[Score, list[ArticleResult]]:
    """Score each pair; ``run(article_path)`` returns the article body and its digest."""
    total = Score()
    results = []
    for article_path, gold_path in pairs:
        gold = load_gold(gold_path)
        body, digest = run(article_path)
        result = score_digest(gold, digest)
        total.add(result)
        results.append(ArticleResult(article_path, gold_path, body, gold, digest, result))
    return total, results


def f1_by_kind(score: Score) -> dict[str, float]:
    """Per-kind F1 plus ``macro``: the numbers the quality gate pins."""
    out = {kind: score.kinds[kind].prf()[2] for kind in KINDS}
    out["macro"] = score.macro_f1
    return out
