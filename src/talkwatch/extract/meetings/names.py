"""Surface forms of a meeting: how the text calls it, so that readers (and gold names) find it.

A mention's short name is its noun phrase ("the third round"); its long name adds the
complements that identify it ("third round of talks in Helsinki", "meeting with the
prime minister", "talks between the two leaders"); a meeting held in a known city is
also "the <City> talks", the form reports use once the venue is known.
"""

from __future__ import annotations

import re
from typing import Any

from ...model import Meeting
from .. import _clauses as clauses

# Complements that belong to a meeting's name ("round of talks", "talks in Doha",
# "meeting with X", "talks between X and Y", "conference on Cyprus").
_NAME_PREPS = ("of", "in", "at", "with", "between", "on")
# Dependents that start a clause or an aside, not part of a name.
_STOP_DEPS = {"relcl", "acl", "advcl", "appos", "punct", "parataxis", "ccomp"}
_MAX_TOKENS = 14
_TIME_NOUNS = ("day", "week", "hour", "night", "morning", "afternoon", "evening")


def long_name(doc: Any, head: Any, start: int, end: int) -> str | None:
    """The mention with its identifying complements, or None when it adds nothing."""
    last = end - 1
    for prep in (c for c in head.rights if c.dep_ == "prep" and c.lower_ in _NAME_PREPS):
        if prep.i != last + 1:
            break
        last = max(last, clauses.phrase_end(prep, _STOP_DEPS))
    if last < end or last - start >= _MAX_TOKENS:
        return None
    return _strip_det(doc[start : last + 1].text)


def by_agent(doc: Any, head: Any) -> list[str]:
    """'talks mediated by Uganda', 'a meeting hosted by Qatar': who runs a meeting names it."""
    out = []
    for acl in (c for c in head.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.i == head.i + 1):
        agent = next((c for c in acl.children if c.dep_ == "agent"), None)
        if agent is not None and agent.right_edge.i - head.i < _MAX_TOKENS:
            out.append(doc[head.i : agent.right_edge.i + 1].text)
    return out


def span_of_time(doc: Any, head: Any) -> list[str]:
    """'a day of talks from September 3 to 6', 'two days of negotiations': the stretch of
    time the report measures the meeting by names it too."""
    if head.dep_ != "pobj" or head.head.lower_ != "of" or head.head.head.lemma_.lower() not in _TIME_NOUNS:
        return []
    outer = head.head.head
    first = min(t.i for t in outer.subtree if t.dep_ != "det" and t.i <= outer.i)
    last = clauses.phrase_end(outer, _STOP_DEPS)
    return [_strip_det(doc[first : last + 1].text)] if last - first < _MAX_TOKENS else []


def place_forms(meeting: Meeting, heads: set[str]) -> list[str]:
    """'Doha talks', 'talks in Doha': the place-name forms of a meeting held in a city."""
    if not meeting.city:
        return []
    words = [w.lower() for a in [meeting.name, *meeting.aliases] for w in re.findall(r"[\w-]+", a)]
    used = list(dict.fromkeys(w for w in words if w in heads))
    return [form for h in used for form in (f"{meeting.city} {h}", f"{h} in {meeting.city}")]


def _strip_det(text: str) -> str:
    return re.sub(r"^(the|a|an|this|that)\s+", "", text, flags=re.I)
