"""Collective participants named by a description: "three groups", "leaders of the armies".

Reports often say who takes part by a plural description rather than a name
("five parties boycotted the round", "rebel delegates are in Juba for talks").
Such a phrase is an actor of its own; the names it lists in an apposition
("three groups - the AA, the MNDAA and the TNLA") are actors too, and each
takes part with the group.
"""

from __future__ import annotations

from typing import Any

from ...context import Context
from ...lexicon import load as load_lexicon
from .. import _clauses as clauses
from .._discourse import actors_of

_GROUP_POSS = {"its", "their"}
_NUMBERS: dict[str, int] = load_lexicon("numbers")["cardinals"]
_SELF = {"member", "delegate", "representative"}  # a group's own people stand for it
_GROUP_TYPES = {"group", "government", "armed_group", "opposition", "organization", "state"}
_DROP_DEPS = ("conj", "appos", "relcl", "cc", "punct", "acl", "advmod")


def actors(ctx: Context, head: Any, cue: Any, nouns: set[str]) -> list[str]:
    """The description as an actor (made if new) followed by the members it lists."""
    if head.tag_ != "NNS" or head.lemma_.lower() not in nouns or head.ent_type_:
        return []
    owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in _GROUP_POSS), None)
    if owner is not None and head.lemma_.lower() in _SELF:
        return _owner(ctx, owner)  # "its members arrived": the group itself
    start, end = _phrase(head)
    if cue.i > head.i and cue.idx < end:
        return []
    text = ctx.body[start:end]
    found = ctx.actors.at(start, end)
    serving = head.lemma_.lower() in load_lexicon("participation")["serving_nouns"] and any(
        c.dep_ == "prep" and c.lower_ == "to" for c in head.children
    )
    if found is not None and ctx.actors.mentions_in(start, end) and not serving:
        return []  # it names a known actor: the caller resolves that one (not "advisers to X")
    group = ctx.actors.add(text, "group", start, end).id
    members = [a for c in head.children if c.dep_ == "appos" for a in actors_of(ctx, c, cue)]
    members = members or _listed_elsewhere(ctx, head, cue) or _counted_before(ctx, head)
    return [group, *dict.fromkeys(members)]


def listed_members(ctx: Context, found: list[str], cue: Any) -> list[str]:
    """A plural description reached through a pronoun ('bar the three groups, though they had
    said they would come') brings the members its apposition lists where it was named."""
    out: list[str] = []
    for actor in found:
        if ctx.actors.get(actor).type != "group":
            continue
        for m in ctx.actors.mentions:
            if m.actor != actor:
                continue
            heads = [t for t in ctx.tokens if m.start <= t.idx < m.end and t.tag_ == "NNS"]
            out += [a for h in heads for c in h.children if c.dep_ == "appos" for a in actors_of(ctx, c, cue)]
            out += [a for h in heads for a in _listed_elsewhere(ctx, h, cue)]
    return [a for a in dict.fromkeys(out) if a not in found]


def partitive(head: Any, lex: dict[str, Any]) -> Any:
    """'some of his advisers', 'many of the delegates': the group the quantifier takes from."""
    if head.lower_ not in lex["partitive_words"]:
        return head
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    group = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return group if group is not None and group.tag_ in ("NNS", "NNPS") else head


def represented(head: Any, lex: dict[str, Any]) -> Any:
    """'Representatives of five parties', 'members of the X', 'the delegation that X sent':
    the side they stand for."""
    word = head.lemma_.lower()
    sent = next((c for c in head.children if c.dep_ == "relcl" and c.lemma_ == "send"), None)
    sender = next((c for c in sent.children if c.dep_ == "nsubj"), None) if sent is not None else None
    if sender is not None and sender.lower_ not in ("who", "which", "that"):
        return sender  # "the delegation that Ukraine sent for negotiations": Ukraine
    if word not in lex["proxy_nouns"] and word.removesuffix("s") not in lex["proxy_nouns"]:
        return head  # (a capitalised 'Representatives' keeps its plural as lemma)
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "from")), None)
    side = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return side if side is not None and side.tag_ in ("NNS", "NNP", "NNPS") else head


def _listed_elsewhere(ctx: Context, head: Any, cue: Any) -> list[str]:
    """Members listed for the same description in another sentence ('Six world powers - A, B and
    C - aim to ...' ... 'the powers said'; 'The five parties, A, B and C, are concerned')."""
    numbers = {c.lower_ for c in head.children if c.dep_ == "nummod"}
    out: list[str] = []
    for tok in ctx.tokens:
        if tok.i == head.i or tok.lemma_ != head.lemma_ or tok.tag_ != "NNS":
            continue
        if numbers and numbers != {c.lower_ for c in tok.children if c.dep_ == "nummod"}:
            continue  # "five parties" is not "three parties"
        out += [a for c in tok.children if c.dep_ == "appos" for a in actors_of(ctx, c, cue)]
    return list(dict.fromkeys(out))


def _counted_before(ctx: Context, head: Any) -> list[str]:
    """'A and B were joined by C, D and E. The five leaders met in X before': a definite
    counted description stands for the people (else the bodies) the sentence before named,
    when it named exactly that many."""
    if not any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in head.children):
        return []
    count = next((_NUMBERS.get(c.lower_) for c in head.children if c.dep_ == "nummod"), None)
    if not count or head.sent.start == 0:
        return []
    before = head.doc[head.sent.start - 1].sent
    found = ctx.actors.mentions_in(before.start_char, before.end_char)
    named = list(dict.fromkeys(m.actor for m in found if not _inside_other(m, found)))
    people = [a for a in named if ctx.actors.get(a).type in ("person", "expert")]
    others = [a for a in named if a not in people]
    return people if len(people) == count else others if len(others) == count else []


def _inside_other(m: Any, mentions: list[Any]) -> bool:
    """'Council' in 'the European Council President X': part of a longer mention."""
    return any(
        o is not m and o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start
        for o in mentions
    )


def peoples(ctx: Context, head: Any) -> None:
    """Make actors of peoples named as participants the index left out ('the Serbs and the
    ethnic Albanians have agreed a deal'): each plural nationality noun of a list is a group."""
    for tok in clauses.conjuncts(head):
        if tok.ent_type_ != "NORP" or tok.tag_ not in ("NNPS", "NNS"):
            continue
        start, end = _phrase(tok)
        if ctx.actors.mentions_in(start, end) or ctx.actors.at(tok.idx, tok.idx + len(tok)):
            continue
        ctx.actors.add(ctx.body[start:end], "group", start, end)


def _phrase(head: Any) -> tuple[int, int]:
    """The noun phrase without determiners, possessive pronouns ('their sponsors'), clauses,
    appositions and coordinated items."""
    owner = {c.i for c in head.children if c.dep_ == "poss" and c.lower_ in _GROUP_POSS | {"his", "her"}}
    skip = {c.i for c in head.children if c.dep_ in _DROP_DEPS or c.dep_ == "det"} | owner
    tokens = [head] + [t for c in head.children if c.i not in skip for t in c.subtree]
    tokens = [t for t in tokens if not (t.is_punct and t.i > head.i)]
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last)


def _owner(ctx: Context, pron: Any) -> list[str]:
    """The group a possessive pronoun refers to: the last group named before it."""
    last = ctx.actors.last_before(pron.idx, _GROUP_TYPES)
    return [last.actor] if last is not None else []


def among(ctx: Context, rel: Any, cue: Any) -> list[str]:
    """'X and Y are among (a number of) leaders who arrived': X and Y did what the group did."""
    if rel.lower_ not in ("who", "that") or rel.head.dep_ != "relcl":
        return []
    noun = rel.head.head
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.i != noun.head.i:
        noun = noun.head.head  # "a number of leaders", "one of the delegations"
    prep = noun.head if noun.dep_ == "pobj" else None
    if prep is None or prep.lower_ != "among" or prep.head.lemma_ != "be":
        return []
    subj = next((c for c in prep.head.children if c.dep_ == "nsubj"), None)
    return actors_of(ctx, subj, cue) if subj is not None else []
