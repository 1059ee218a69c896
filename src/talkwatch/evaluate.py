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
class Score:
    kinds: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in KINDS})
    notes: list[str] = field(default_factory=list)
    # matched meetings whose gold start / status is given: [right, total]
    attributes: dict[str, list[int]] = field(default_factory=lambda: {"start": [0, 0], "status": [0, 0]})

    def add(self, other: Score) -> None:
        for k in KINDS:
            self.kinds[k].add(other.kinds[k])
        for name, (right, total) in other.attributes.items():
            self.attributes[name][0] += right
            self.attributes[name][1] += total
        self.notes += other.notes

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


def _actor_names(digest: dict[str, Any], actor_id: Any) -> list[str]:
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
    result.kinds["meetings"] = Tally(len(mpairs), len(pm), len(gm))
    for gi, pi in mpairs:
        for name in ("start", "status"):
            if gm[gi].get(name) is not None:
                right = _s(pm[pi].get(name)) == _s(gm[gi].get(name))
                result.attributes[name][0] += right
                result.attributes[name][1] += 1
                if not right:
                    result.notes.append(
                        f"meeting {gm[gi].get('key')}: {name} gold={gm[gi].get(name)} "
                        f"predicted={pm[pi].get(name)}"
                    )
    result.notes += [
        f"missed meeting {g.get('key')}" for i, g in enumerate(gm) if i not in {a for a, _ in mpairs}
    ]

    def participation_score(g: dict[str, Any], p: dict[str, Any]) -> float:
        if meeting_ids.get(g["meeting"]) != p.get("meeting") or p.get("status") != g.get("status"):
            return 0
        return float(names_match(_actor_names(digest, p.get("actor")), g["actor"]))

    def quote_score(g: dict[str, Any], p: dict[str, Any]) -> float:
        if not norm(p.get("text", "")).startswith(norm(g["starts_with"])):
            return 0
        names = [*_actor_names(digest, p.get("speaker")), p.get("speaker_text") or ""]
        return float(names_match(names, g["speaker"]))

    def position_score(g: dict[str, Any], p: dict[str, Any]) -> float:
        issue = norm(p.get("issue", ""))
        if p.get("stance") != g.get("stance") or not any(
            norm(k) and norm(k) in issue for k in g.get("issue") or []
        ):
            return 0
        return float(names_match(_actor_names(digest, p.get("actor")), g["actor"]))

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
        result.notes += [f"missed {kind[:-1]}: {_brief(g)}" for i, g in enumerate(golds) if i not in matched]
        matched_p = {pi for _, pi in pairs}
        result.notes += [
            f"extra {kind[:-1]}: {_brief_pred(digest, p)}" for i, p in enumerate(preds) if i not in matched_p
        ]
    return result


def _brief(g: dict[str, Any]) -> str:
    who = g.get("actor") or g.get("speaker") or g.get("brokers") or ""
    who = who[0] if isinstance(who, list) and who else who
    rest = g.get("status") or g.get("stance") or g.get("starts_with") or g.get("kind") or ""
    return f"{g.get('meeting', '')} {who} {rest}".strip()


def _brief_pred(digest: dict[str, Any], p: dict[str, Any]) -> str:
    who = p.get("actor") or p.get("speaker")
    name = (_actor_names(digest, who) or [""])[0] if who else ""
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


def gold_pairs(paths: Iterable[str | Path]) -> list[tuple[Path, Path]]:
    """(article, gold) pairs: X.txt beside X.yaml, or article.txt beside expected.yaml."""
    out = []
    for p in map(Path, paths):
        files = sorted(p.rglob("*.txt")) if p.is_dir() else [p]
        for article in files:
            for gold in (article.with_suffix(".yaml"), article.parent / "expected.yaml"):
                if gold.exists():
                    out.append((article, gold))
                    break
    return out
