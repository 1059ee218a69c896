"""The stance cue record and the word-form lookup every cue module shares."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

_OBJ_DEPS = {"dobj", "ccomp", "xcomp", "attr", "oprd"}
_SUBJ_DEPS = ("nsubj", "nsubjpass", "csubj")
_CLIMB_DEPS = ("conj", "xcomp", "acomp", "dobj", "pobj", "prep", "pcomp")
_FIXED_STANCE = ("modal", "fixed", "considered", "condition", "refusal", "restriction", "list", "claim",
                 "minimum", "evaluation", "request", "right", "predicate", "ruled_out", "short_of",
                 "attitude", "judged", "fulfilled")
_ENTITY_TYPES = {"GPE": "state", "ORG": "organization", "NORP": "group"}


@dataclass
class _Cue:
    token: Any  # the cue word
    pred: Any  # the predicate whose subject (or reporter) holds the stance
    stance: str
    kind: str  # verb | passive | adjective | noun | modal | condition | refusal | fixed | summary
    objects: list[Any] = field(default_factory=list)
    width: int = 1  # tokens the cue spans ("not open to negotiation")


def _base(word: str, lex: dict[str, Any], vocab: Any) -> str | None:
    """The base form of an inflected word if it is in ``vocab`` (no lemmatizer needed)."""
    word = lex["irregular"].get(word, word)
    cands = [word, word[:-1], word[:-2], word[:-3], word[:-3] + "e", word[:-4]]
    return next((c for c in cands if c in vocab), None)
