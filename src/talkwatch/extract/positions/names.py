"""Names of holders the actor index did not resolve where they stand: a name it marked
elsewhere ('The US has long said'), the full name a short one stands for ('the Ministry'),
a generic party modifier ('a government offer'), a plural pronoun for a conjoined subject,
the named group a description stands for ('the group')."""

from __future__ import annotations

import re
from typing import Any

from ... import nlp
from ...context import Context
from .._discourse import Focus
from ..participation import sides
from .cues import _ENTITY_TYPES, _SUBJ_DEPS, _Cue
from .issues import end

# "X and Y", "X and the Y", "X and southern Y": two parties named together
_AND = re.compile(r"\s+and\s+(?:the\s+)?(?:[A-Za-z'-]+\s+){0,2}")


def _plural(ctx: Context, tok: Any, lex: dict[str, Any]) -> list[Any]:
    """'they'/'their' after 'X and Y arrived', or a plural description no actor goes by
    ('the former allies'): both of the conjoined subject just named."""
    if tok.lower_ not in ("they", "their", "them") and not _plural_description(ctx, tok, lex):
        return []
    sents = [tok.sent] + ([ctx.doc[tok.sent.start - 1].sent] if tok.sent.start > 0 else [])
    for sent in sents:
        subjs = [t for t in sent if t.dep_ in _SUBJ_DEPS and t.i < tok.i and t.conjuncts]
        subj = subjs[-1] if subjs else None
        if subj is not None and any(c.dep_ in ("appos", "acl") for c in subj.children):
            return []  # "X, Y and Z, known as the Troika": the pronoun finds the collective name
        if subj is not None:
            found = [ctx.actors.at(t.idx, end(t)) or _by_name(ctx, t) for t in [subj, *subj.conjuncts]]
            if all(found):
                return list({a.id: a for a in found}.values())
    return []


def _modifier_actor(ctx: Context, mod: Any, lex: dict[str, Any]) -> Any:
    """The actor a noun modifier names ('North Korean anger'), or the party a generic one
    stands for ('a government offer', 'rebel requests': the last such actor named); a
    named modifier the index missed becomes an actor."""
    actor = ctx.actors.at(mod.idx, end(mod))
    types = lex["party_modifiers"].get(mod.lower_)
    if actor is None and types:
        named = [a for a in ctx.actors.actors if a.type in types and a.mentions
                 and a.mentions[0][0] < mod.idx
                 and any(w.startswith(mod.lower_) for w in a.name.lower().split())]
        if named:  # "rebel requests" after "the Darfur rebels": the rebels, not any armed group
            return named[-1]
        mention = ctx.actors.last_before(mod.idx, set(types))
        return ctx.actors.get(mention.actor) if mention is not None else None
    if actor is not None or mod.ent_type_ not in _ENTITY_TYPES:
        return actor
    ent = nlp.entity_at(mod)  # not doc.ents: it rebuilds every entity per call
    if ent.end - 1 > mod.i:
        return None  # "Russian delegation": the entity runs on into the head
    return ctx.actors.add(ent.text, _ENTITY_TYPES[mod.ent_type_], ent.start_char, ent.end_char)


def marked_holder(cue: _Cue, ctx: Context, lex: dict[str, Any]) -> bool:
    """A stance noun that names its holder ('a government offer of X', 'Kyiv's demand for
    X') stands on its own even inside another cue's issue."""
    return cue.kind == "noun" and any(
        c.dep_ in ("poss", "amod", "compound") and c.pos_ != "PRON" and _modifier_actor(ctx, c, lex)
        for c in cue.token.children)


def _by_name(ctx: Context, tok: Any) -> Any:
    """A name the index did not mark at this place ('The US has long said', 'Presidents X
    and Y'): the actor that goes by exactly that name elsewhere in the article."""
    if tok.pos_ != "PROPN":
        return None
    ent = nlp.entity_at(tok)
    compound = tok.doc[min([tok.i, *(c.i for c in tok.children if c.dep_ == "compound")]):tok.i + 1]
    for span in ([ent] if ent is not None else []) + [compound, tok.doc[tok.i:tok.i + 1]]:
        text = span.text.removeprefix("the ").removeprefix("The ")
        found = next((a for a in ctx.actors.actors if text == a.name or text in (a.aliases or ())), None)
        if found is not None:
            return found
    return None


def _fuller(ctx: Context, actor: Any) -> Any:
    """'the Ministry said' after 'the Ministry of Foreign Affairs': the full name it shortens."""
    if actor is None or " " in actor.name:
        return actor
    longer = [a for a in ctx.actors.actors if a.name.startswith(actor.name + " of ")]
    return longer[0] if len(longer) == 1 else actor


_GROUP_WORDS = ("collectives", "descriptions", "members", "generic_subjects")


def _plural_description(ctx: Context, tok: Any, lex: dict[str, Any]) -> bool:
    """'the former friends', 'the two men': a plural common noun with 'the' that names no
    actor and is no group word the index knows ('the rebels', 'the leaders')."""
    return tok.tag_ == "NNS" and tok.dep_ in _SUBJ_DEPS and not tok.conjuncts \
        and any(c.lower_ == "the" for c in tok.children) and ctx.actors.at(tok.idx, end(tok)) is None \
        and not any(tok.lower_ in lex[k] for k in _GROUP_WORDS)


def _sides(ctx: Context, tok: Any) -> list[Any]:
    """'both sides agreed to X', 'both countries claim Y': the parties of the meeting the
    sentence is about, as the participation extractor found them."""
    meetings = ctx.facts.get("meetings", [])
    if not sides.is_sides(tok):
        return []
    if not meetings:
        return _pair_before(ctx, tok)
    focus = Focus(ctx, meetings)
    for t in ctx.doc[: tok.i]:
        focus.see(t)
    facts = ctx.facts.get("participations", [])
    meeting = focus.for_statement(tok.head) or focus.main
    ids = sides.parties(ctx, facts, meeting.id) or sides.parties(ctx, facts, focus.main.id)
    return [ctx.actors.get(i) for i in ids] if len(ids) == 2 else _pair_before(ctx, tok)


def _pair_before(ctx: Context, tok: Any) -> list[Any]:
    """The last two parties the report named together ('talks between X and Y', 'X and Y
    have reached'): the sides a later 'both sides' means when the meetings name none."""
    text = ctx.doc.text
    mentions = sorted(ctx.actors.mentions_in(0, tok.idx), key=lambda m: (m.start, m.end))
    for first, second in reversed(list(zip(mentions, mentions[1:], strict=False))):
        pair = [ctx.actors.get(first.actor), ctx.actors.get(second.actor)]
        if _AND.fullmatch(text[first.end:second.start]) and pair[0].id != pair[1].id \
                and all(a.type in sides.PARTY_TYPES for a in pair):
            return pair
    return []


_FUNCTION_WORDS = {"its", "their", "his", "her", "our", "the", "a", "an", "some", "other"}


def _described(ctx: Context, pos: int, types: list[str] | None, head: str = "") -> Any:
    """The actor 'the group' stands for: the last named one of its types ('the ELN', not
    'its fighters' an index may have listed after it), else the last of its types; 'the
    groups' is first the last actor named by the same plural ('the three groups')."""
    fits = [ctx.actors.get(m.actor) for m in ctx.actors.mentions_in(0, pos)]
    same = [a for a in fits if a is not None and head.endswith("s") and a.name.lower().split()[-1:] == [head]]
    if same:
        return same[-1]
    fits = [a for a in fits if a is not None and (not types or a.type in types)]
    named = [a for a in fits if any(w[:1].isupper() for w in a.name.split()
                                    if w.lower() not in _FUNCTION_WORDS)]
    return (named or fits or [None])[-1]
