"""The event-coding lexicon (``data/rules/en/events.yaml``), compiled for matching.

The pipeline runs spaCy without its lemmatizer, so verbs are matched through
an inflection table generated from the base forms of the data file (plus its
irregular forms), and nouns through singular/plural regular expressions.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from ... import lexicon

FRAME_KINDS = ("intent", "appeal", "demand", "refuse", "threat")
_VOWELS = set("aeiou")


@dataclass(frozen=True)
class VerbEntry:
    """One verb of a class: its base form and the words that must follow it."""

    lemma: str
    rest: tuple[str, ...] = ()


@dataclass(frozen=True)
class EventClass:
    code: str
    family: str
    verbs: tuple[VerbEntry, ...]
    nouns: re.Pattern[str] | None
    light: bool  # fires on a light verb + one of its nouns

    @property
    def specific(self) -> bool:
        return bool(self.verbs) and self.nouns is not None


@dataclass(frozen=True)
class Lexicon:
    raw: dict[str, Any]
    forms: dict[str, frozenset[str]]  # inflected form -> base forms
    classes: tuple[EventClass, ...]
    families: dict[str, tuple[str | None, ...]]
    frames: dict[str, tuple[VerbEntry, ...]]  # kind -> verbs
    frame_adjectives: dict[str, str]  # "ready" -> intent
    frame_nouns: tuple[tuple[str, re.Pattern[str]], ...]
    frame_heads: dict[str, str]  # "demand" (noun) -> demand
    reporting: frozenset[str]
    light: tuple[VerbEntry, ...]
    sectors: dict[str, str]  # head word -> sector
    igo: re.Pattern[str]

    def lemmas(self, word: str) -> frozenset[str]:
        """Base forms a (lower-case) word may be an inflection of, itself included."""
        return self.forms.get(word, frozenset()) | {word}

    def family(self, name: str) -> tuple[str | None, ...]:
        return self.families.get(name, self.families["generic"])


def inflections(base: str, irregular: dict[str, list[str]]) -> set[str]:
    """Regular English verb forms of a base form, plus listed irregular ones."""
    out = {base, *irregular.get(base, [])}
    if base.endswith("e"):
        out |= {base + "s", base + "d", base[:-1] + "ing"}
    elif base.endswith("y") and len(base) > 2 and base[-2] not in _VOWELS:
        out |= {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    elif base.endswith(("s", "sh", "ch", "x", "z", "o")):
        out |= {base + "es", base + "ed", base + "ing"}
    else:
        out |= {base + "s", base + "ed", base + "ing"}
        if (
            len(base) >= 3
            and base[-1] not in _VOWELS | set("wxy")
            and base[-2] in _VOWELS
            and base[-3] not in _VOWELS
        ):
            # stop -> stopped, kidnap -> kidnapped; over-generating "visitted" is harmless
            out |= {base + base[-1] + "ed", base + base[-1] + "ing"}
    return out


def noun_pattern(nouns: list[str]) -> re.Pattern[str] | None:
    """A regex matching any of the nouns (phrases allowed) in singular or plural."""
    if not nouns:
        return None
    alts = []
    for noun in sorted({n.lower() for n in nouns}, key=len, reverse=True):
        # a hyphen may stand alone in the matched text, or be dropped with the punctuation ("sit - in")
        words = [re.escape(w).replace(r"\-", r"(?:\s*-\s*|\s+)") for w in noun.split()]
        body = r"[\s-]+".join(words)
        alts.append(body + r"(?:s|es)?" if not noun.endswith("s") else body)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])")


def _verb(entry: str) -> VerbEntry:
    words = entry.lower().split()
    return VerbEntry(words[0], tuple(words[1:]))


@functools.cache
def load() -> Lexicon:
    """The compiled lexicon (once per process)."""
    raw = lexicon.load("events")
    irregular = raw.get("irregular", {})
    classes = []
    bases: set[str] = set()
    for item in raw["classes"]:
        verbs = tuple(_verb(v) for v in item.get("verbs") or [])
        nouns = noun_pattern(item.get("nouns") or [])
        classes.append(
            EventClass(
                str(item["code"]),
                item["family"],
                verbs,
                nouns,
                light=not verbs and nouns is not None,
            )
        )
        bases |= {v.lemma for v in verbs}
    frames: dict[str, tuple[VerbEntry, ...]] = {}
    adjectives: dict[str, str] = {}
    for kind, verbs in raw["frames"].items():
        key = "threat" if kind == "threaten" else kind
        entries = []
        for v in verbs:
            entry = _verb(v)
            if entry.lemma == "be" and entry.rest:
                adjectives[entry.rest[0]] = key
            else:
                entries.append(entry)
        frames[key] = tuple(entries)
        bases |= {e.lemma for e in entries}
    light = tuple(_verb(v) for v in raw["light_verbs"])
    mod = raw["modality"]
    bases |= {v.lemma for v in light} | set(raw["reporting_verbs"]) | set(mod["future_verbs"])
    bases |= set(mod.get("decision_verbs", [])) | set(mod.get("preparation_verbs", []))
    forms: dict[str, set[str]] = {}
    for base in bases | set(irregular):
        for form in inflections(base, irregular):
            forms.setdefault(form, set()).add(base)
    sectors = {}
    for sector, words in raw["sectors"].items():
        for w in words:
            sectors.setdefault(w.lower(), sector)
    frame_nouns = tuple(
        (fam, pat) for fam, nouns in raw["frame_nouns"].items() if (pat := noun_pattern(nouns)) is not None
    )
    heads = {
        noun.lower(): ("threat" if kind == "threaten" else kind)
        for kind, nouns in raw.get("frame_heads", {}).items()
        for noun in nouns
    }
    igo = noun_pattern(raw["igo_words"])
    assert igo is not None
    return Lexicon(
        raw=raw,
        forms={k: frozenset(v) for k, v in forms.items()},
        classes=tuple(classes),
        families={k: tuple(v) for k, v in raw["families"].items()},
        frames=frames,
        frame_adjectives=adjectives,
        frame_nouns=frame_nouns,
        frame_heads=heads,
        reporting=frozenset(raw["reporting_verbs"]),
        light=light,
        sectors=sectors,
        igo=igo,
    )
