"""The quote extractor's cue words (``data/rules/en/quotes.yaml``), loaded once per process.

Reporting verbs are listed as base forms and expanded here to their surface
forms, because the pipeline's parser has no lemmatizer; naming verbs ("call",
"dub") count as speech only with the tags the lexicon allows.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from ...lexicon import load as load_lexicon


@dataclass(frozen=True)
class Lex:
    """Cue sets for finding speakers and dropping scare quotes and titles."""

    reporting: frozenset[str]
    naming: frozenset[str]
    naming_tags: frozenset[str]
    thinking: frozenset[str]
    prepositions: tuple[tuple[str, ...], ...]
    pronouns: dict[str, frozenset[str]]
    nouns: dict[str, str]
    documents: frozenset[str]
    speech_nouns: frozenset[str]
    document_verbs: frozenset[str]
    addressee: frozenset[str]
    quoting: frozenset[str]
    entity_types: dict[str, str]
    plural_type: str
    title_max: int
    title_small: frozenset[str]
    recordings: frozenset[str] = frozenset()
    characterising: frozenset[tuple[str, str]] = frozenset()  # (verb form, particle or "")
    new_utterance: frozenset[tuple[str, str]] = frozenset()  # (verb form, particle or "")
    phrasal_reporting: frozenset[tuple[str, str]] = frozenset()  # (verb form, particle)
    verdict: frozenset[str] = frozenset()


def _forms(base: str, irregular: dict[str, list[str]]) -> set[str]:
    """Surface forms of a verb (the pipeline has no lemmatizer)."""
    out = {base, *irregular.get(base, [])}
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        out |= {base[:-1] + "ies", base[:-1] + "ied"}
    elif base.endswith(("s", "sh", "ch", "x", "z")):
        out |= {base + "es", base + "ed"}
    else:
        out |= {base + "s", base + ("d" if base.endswith("e") else "ed")}
    out.add((base[:-1] if base.endswith("e") and base != "be" else base) + "ing")
    return out


def _phrasal(verbs: Any, irregular: dict[str, list[str]]) -> frozenset[tuple[str, str]]:
    """(form, particle) pairs of verbs listed as "verb" or "verb particle" ("go after")."""
    return frozenset(
        (form, (words + [""])[1])
        for words in (v.split() for v in verbs)
        for form in _forms(words[0], irregular)
    )


@functools.cache
def lexicon() -> Lex:
    """The cue words, read and expanded once (every article uses the same set)."""
    raw = load_lexicon("quotes")
    irregular = raw.get("irregular") or {}
    reporting: set[str] = set()
    for verb in raw["reporting_verbs"]:
        reporting |= _forms(verb, irregular)
    naming: set[str] = set()
    for verb in raw["naming_verbs"]:
        naming |= _forms(verb, irregular)
    doc_verbs: set[str] = set()
    for verb in raw.get("document_verbs") or ():
        doc_verbs |= _forms(verb, irregular)
    thinking: set[str] = set()
    for verb in raw.get("thinking_verbs") or ():
        thinking |= _forms(verb, irregular)
    quoting: set[str] = set()
    for verb in raw.get("quoting_verbs") or ():
        quoting |= _forms(verb, irregular)
    told: set[str] = set()
    for verb in raw.get("addressee_verbs") or ():
        told |= _forms(verb, irregular)
    return Lex(
        reporting=frozenset(reporting - naming),
        naming=frozenset(naming),
        naming_tags=frozenset(raw.get("naming_tags") or ()),
        thinking=frozenset(thinking),
        prepositions=tuple(tuple(p.split()) for p in raw.get("source_prepositions") or ()),
        pronouns={k: frozenset(v) for k, v in (raw.get("pronouns") or {}).items()},
        nouns=dict(raw.get("speaker_nouns") or {}),
        documents=frozenset(raw.get("document_nouns") or ()),
        speech_nouns=frozenset(raw.get("speech_nouns") or ()),
        document_verbs=frozenset(doc_verbs),
        addressee=frozenset(told),
        quoting=frozenset(quoting),
        entity_types=dict(raw.get("entity_types") or {}),
        plural_type=raw.get("plural_type", "group"),
        title_max=int(raw.get("title_max_words", 6)),
        title_small=frozenset(raw.get("title_small_words") or ()),
        recordings=frozenset(raw.get("recording_nouns") or ()),
        characterising=_phrasal(raw.get("characterising_verbs") or (), irregular),
        new_utterance=_phrasal(raw.get("new_utterance_verbs") or (), irregular),
        phrasal_reporting=_phrasal(raw.get("phrasal_reporting_verbs") or (), irregular),
        verdict=frozenset(f for v in raw.get("verdict_verbs") or () for f in _forms(v, irregular)),
    )


def phrasal_in(verb: Any, verbs: frozenset[tuple[str, str]]) -> bool:
    """Is the verb, with one of its particles or prepositions (or none), in a (form, particle) list?"""
    particles = {c.lower_ for c in verb.children if c.dep_ in ("prt", "prep")} | {""}
    return any((verb.lower_, p) in verbs for p in particles)
