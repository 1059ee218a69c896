"""A body named only as a person's affiliation is not a participant.

"the president of the National Assembly, Jorge Rodriguez, arrived", "a meeting
with President of Kosovo, Hashim Thaci": the person takes part; the assembly or
the country only says whose office the title is. The parser often hangs the
"of" phrase on the wrong noun, so the pattern is read from the text: a mention
right after "of (the)" and right before a comma and a person's name.
"""

from __future__ import annotations

import re

from ...actors import Mention
from ...context import Context
from ...model import Participation
from .._discourse import is_person

_OF = re.compile(r"\bof\s+(?:the\s+)?$", re.IGNORECASE)
_COMMA = re.compile(r"^\s*,\s*")


def drop(ctx: Context, facts: list[Participation]) -> list[Participation]:
    """The facts whose actor the evidence names as someone's affiliation only are left out."""
    return [f for f in facts if not _only_affiliation(ctx, f)]


def _only_affiliation(ctx: Context, fact: Participation) -> bool:
    if is_person(ctx, fact.actor):
        return False
    ev = fact.evidence
    mentions = ctx.actors.mentions_in(ev.start, ev.end)
    own = [m for m in mentions if m.actor == fact.actor]
    return bool(own) and all(_of_person(ctx, m, mentions) for m in own)


def _of_person(ctx: Context, mention: Mention, mentions: list[Mention]) -> bool:
    """'<title> of (the) M, <person>': M is the title holder's body or country."""
    before = ctx.body[max(0, mention.start - 12) : mention.start]
    comma = _COMMA.match(ctx.body[mention.end : mention.end + 4])
    if not _OF.search(before) or comma is None:
        return False
    at = mention.end + comma.end()
    return any(m.start == at and is_person(ctx, m.actor) for m in mentions)
