"""Clues in a meeting noun's phrase that tell which meeting it is.

A year before the noun ('the 2022 talks') or a pluperfect ('had held talks') dates it
before the news; named sides ('a meeting between X and Y') make an indefinite mention
concrete; 'on the sidelines of a summit' makes the summit a host of its own, and 'talks
at the conference' a meeting held inside another.
"""

from __future__ import annotations

import re
from typing import Any

from .. import _clauses as clauses


def sides_named(tok: Any) -> bool:
    """'a meeting between the envoy and the president', 'a meeting for talks between X and Y':
    an indefinite meeting whose sides are named is a concrete one."""
    preps = [c for c in tok.children if c.dep_ == "prep"]
    inner = [g for p in preps if p.lower_ == "for" for g in p.children if g.dep_ == "pobj"]
    return any(p.lower_ in ("with", "between") for p in preps) or any(
        c.dep_ == "prep" and c.lower_ == "between" for g in inner for c in g.children
    )


def held_at_meeting(tok: Any, heads: set[str]) -> bool:
    """'reconciliation talks at the Moscow gathering', 'a meeting during the summit': a
    meeting held inside another one the text names."""
    preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("at", "during")]
    return any(o.lower_ in heads for p in preps for o in p.children if o.dep_ == "pobj")


def hosting(tok: Any, lex: dict[str, Any]) -> bool:
    """'on the sidelines of a summit': the summit hosts the meeting told around it."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in lex["host_nouns"]


def had_held(tok: Any, lex: dict[str, Any]) -> bool:
    """'he had held talks with X': a meeting told in the pluperfect, before the news."""
    held = set(lex["status_cues"]["held"])
    return any(v.lemma_.lower() in held and clauses.pluperfect(v) for v in clauses.governing_verbs(tok))


def year_modifier(tok: Any) -> int | None:
    """'the 2022 peace talks', 'the 1978 summit': a year before the noun names the meeting."""
    for c in tok.lefts:
        if c.dep_ in ("nummod", "compound", "amod", "npadvmod") and re.fullmatch(r"(19|20)\d\d", c.text):
            return int(c.text)
    return None


def light_noun(tok: Any, lex: dict[str, Any]) -> Any:
    """'attempts at dialogue', 'efforts at talks': the noun the meeting completes, whose
    modifiers and places are the meeting's own."""
    outer = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ in ("at", "of") else None
    return outer if outer is not None and outer.lemma_.lower() in lex["light_nouns"] else None


def qualified_head(tok: Any, lex: dict[str, Any]) -> bool:
    """'in a series of working groups': a noun that names sessions only with its modifier (a
    'group' alone is a body of people) and where things happen ('agreed to create working
    groups' founds bodies)."""
    wanted = lex["qualified_heads"].get(tok.lower_, [])
    if not any(c.dep_ in ("amod", "compound") and c.lower_ in wanted for c in tok.children):
        return False
    while tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
        tok = tok.head.head  # 'a series of working groups'
    return tok.dep_ == "pobj" and tok.head.lower_ in ("in", "during", "at")  # not 'agreed to create'


def befell(tok: Any, lex: dict[str, Any]) -> bool:
    """'after direct talks broke down', 'since further talks stalled': talks something happened
    to took place; a generic modifier ('direct', 'further') does not make them an idea."""
    verb = tok.head if tok.dep_ == "nsubj" else None
    if verb is None or verb.tag_ != "VBD":
        return False
    return any(v.i == verb.i and s in _HALTED for v, s in clauses.status_cues(tok, lex["status_cues"]))


_HALTED = ("suspended", "cancelled", "concluded")


def earlier_period(text: str) -> bool:
    """'talks earlier this year', 'a meeting earlier this month': a period the report is in,
    told as before it ('earlier today' may be the news itself)."""
    words = text.lower().split()
    return len(words) >= 2 and words[0] == "earlier" and words[-1] in ("year", "month", "week")
