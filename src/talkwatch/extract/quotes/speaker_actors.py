"""A speaker mention turned into an actor of the article's index.

Names resolve through the actor index (or become a new actor of a type
guessed from the entity label or the noun: "a government spokesman" is
government). Pronouns take the last fitting actor, preferring the speaker of
the quote just before and a recent subject; definite descriptions ("the
envoy", "the ministry") take the last actor with that title or type. A
statement or report ("the ministry's statement") is attributed to its issuer.
Mentions inside quotes are someone's words and never an antecedent.
"""

from __future__ import annotations

import re
from typing import Any

from ... import nlp
from ...model import ACTOR_TYPES
from .doc import Mention, QuoteDoc
from .lexicon import Lex, lexicon
from .speakers import SUBJ, is_document, np_head

_ARTICLES = {"the", "a", "an"}
_DEFINITE = {"the", "this", "that", "its", "their", "his", "her", "our"}
_NP_PREPS = {"of", "for", "from", "at", "with", "to", "close"}
_POSS_RE = re.compile(r"[\u2019']s$")


def _mention(doc: Any, head: Any, lex: Lex) -> Mention:
    """The span naming a speaker, from the head of its noun phrase."""
    if head.tag_ in ("PRP", "PRP$") or head.lower_ in lex.pronouns:
        return Mention(head.idx, head.idx + len(head), head, "pronoun")
    if head.ent_type_ in lex.entity_types and head.ent_iob_ != "O":
        named = _entity_mention(doc, head)
        if named is not None:
            return named
    span = _phrase(doc, head)
    if is_document(head, lex):
        kind = "document"
    elif head.pos_ == "PROPN":
        kind = "name"
    else:
        kind = "description"
    return Mention(span.start_char, span.end_char, head, kind)


def _entity_mention(doc: Any, head: Any) -> Mention | None:
    """The named entity around the head, without a leading article or a trailing "'s"."""
    ent = nlp.entity_at(head)
    if ent is None:
        return None
    toks = [t for t in ent if not (t.i == ent.start and t.lower_ in _ARTICLES)]
    if toks and toks[-1].tag_ == "POS":
        toks = toks[:-1]
    if not toks:
        return None
    return Mention(toks[0].idx, toks[-1].idx + len(toks[-1]), head, "name")


def _phrase(doc: Any, head: Any) -> Any:
    """The noun phrase around the head, without clauses, conjuncts or trailing punctuation."""
    left = [c for c in head.lefts if c.dep_ not in ("punct", "cc", "conj", "appos", "prep")]
    start = min([head.i] + [c.left_edge.i for c in left])
    end = head.i + 1
    if head.pos_ != "PROPN":
        for c in head.rights:  # "a source close to the government", "a spokesman for the army"
            saying = c.dep_ == "acl" and c.lower_ in lexicon().reporting  # "the governor saying '...'"
            nominal_part = c.dep_ in ("amod", "acl") or c.dep_ == "prep" and c.lower_ in _NP_PREPS
            if c.i == end and not saying and nominal_part:
                end = c.right_edge.i + 1
            else:
                break
    while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end]


def _issuer(head: Any) -> Any | None:
    """The issuer of a statement: "the ministry's statement", "a statement from the ministry"."""
    for c in head.children:
        if c.dep_ == "poss" or c.dep_ == "compound" and c.ent_type_ in ("PERSON", "ORG"):
            return c
        if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                return objs[0]
        if c.dep_ == "acl":  # "a statement signed by both sides"
            objs = [g for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


def to_mention(found: Mention | Any | None, d: QuoteDoc, lex: Lex) -> Mention | None:
    """The speaker's mention from a found head token; a statement stands for its issuer."""
    if found is None or isinstance(found, Mention):
        return found
    men = _mention(d.doc, found, lex)
    if men.kind == "document":
        issuer = _issuer(found)
        if issuer is not None:
            men = _mention(d.doc, issuer, lex)
    return men


def _clean_name(text: str) -> str:
    """The name for a new actor: no leading article, no possessive "'s"."""
    words = text.split()
    if words and words[0].lower() in _ARTICLES:
        words = words[1:]
    return _POSS_RE.sub("", " ".join(words)).strip()


def _actor_type(head: Any, lex: Lex) -> str:
    """A new actor's type from its entity label or noun; plural persons are a group."""
    if head.ent_type_ in lex.entity_types:
        typ = lex.entity_types[head.ent_type_]
    else:
        low = head.lower_
        plural = head.tag_ in ("NNS", "NNPS")
        typ = lex.nouns.get(low) or (lex.nouns.get(low[:-1]) if plural else None)
        if typ is None:
            typ = "person" if head.pos_ == "PROPN" else lex.plural_type
        if plural and typ in ("person", "expert"):
            typ = lex.plural_type
    return typ if typ in ACTOR_TYPES else "group"


def _before(ctx: Any, pos: int, types: set[str] | None, d: QuoteDoc, limit: int = 12) -> list[Any]:
    """Mentions before ``pos`` (most recent first), skipping those inside quotes."""
    out = []
    while len(out) < limit:
        m = ctx.actors.last_before(pos, types=types)
        if m is None:
            break
        if not d.in_quote(m.start):
            out.append(m)
        pos = m.start
    return out


def _by_pronoun(ctx: Any, men: Mention, d: QuoteDoc, lex: Lex, speakers: list[tuple[int, str]]) -> str | None:
    """A pronoun's antecedent: the last speaker or subject of its type nearby, else the last one.

    With no actor of its type at all, the speaker of the quote just before (a
    "he" after a name the index took for an organisation).
    """
    types = set(lex.pronouns.get(men.head.lower_, ())) or None
    cands = _before(ctx, men.start, types, d)
    n = d.sent_no[men.head.i]
    window = d.sents[max(0, n - 1)].start_char
    if not cands:  # no actor of its type: the index may have mistyped the speaker just quoted
        return next((a for pos, a in reversed(speakers) if pos >= window), None)
    recent = [m for m in cands if m.start >= window]
    own = [m for m in recent if m.start >= d.sents[n].start_char]  # named earlier in the pronoun's sentence
    for pos, actor_id in reversed(speakers):  # the speaker of the quote just before
        if pos >= window and any(m.actor == actor_id for m in (own or recent)):
            return actor_id
    if own:  # "X's advice earned him ..., where he said '...'": the sentence's own person
        return next((m.actor for m in own if np_head(d.token_at(m.start)).dep_ in SUBJ), own[0].actor)
    for m in recent:
        if np_head(d.token_at(m.start)).dep_ in SUBJ:
            return m.actor
    return cands[0].actor


def _by_description(ctx: Any, men: Mention, d: QuoteDoc, lex: Lex) -> str | None:
    """ "the envoy" -> the last actor with that title; "the newspaper" -> the last media actor."""
    words = [t.lower_ for t in d.doc[d.token_at(men.start).i : men.head.i + 1]]
    if not words or words[0] not in _DEFINITE:
        return None
    noun = men.head.lower_
    best = _last_titled(ctx, noun, men.start, d)
    if best:
        return best[1]
    typ = lex.nouns.get(noun)
    if typ in ("media", "government", "organization") and len(words) <= 3:
        cands = _before(ctx, men.start, {typ}, d, limit=1)
        if cands:
            return cands[0].actor
    return None


def _last_titled(ctx: Any, noun: str, pos: int, d: QuoteDoc) -> tuple[int, str] | None:
    """(position, id) of the actor whose title or name has ``noun``, mentioned last before ``pos``."""
    best: tuple[int, str] | None = None
    for actor in getattr(ctx.actors, "actors", []):
        labels = " ".join([actor.title or "", actor.name or ""]).lower().split()
        if noun not in labels:
            continue
        before = [s for s, _e in actor.mentions if s < pos and not d.in_quote(s)]
        if before and (best is None or max(before) > best[0]):
            best = (max(before), actor.id)
    return best


def resolve(ctx: Any, men: Mention, d: QuoteDoc, lex: Lex, speakers: list[tuple[int, str]]) -> str | None:
    """The actor id for a speaker mention, creating an actor for an unknown one.

    ``speakers`` lists (quote start, actor id) of the quotes resolved so far,
    which a pronoun prefers as its antecedent. Statements without an issuer
    resolve to None.
    """
    if men.kind == "pronoun":
        return _by_pronoun(ctx, men, d, lex, speakers)
    actor = ctx.actors.at(men.start, men.end)
    if actor is not None:
        return actor.id
    if men.kind == "document":
        return None
    name = _clean_name(ctx.body[men.start : men.end])
    if men.kind == "description":
        found = _by_description(ctx, men, d, lex)
        if found:
            return found
    actor = ctx.actors.lookup(name) if name else None
    if actor is not None:
        return actor.id
    if not name:
        return None
    typ = _actor_type(men.head, lex)
    return ctx.actors.add(name=name, type=typ, start=men.start, end=men.end).id
