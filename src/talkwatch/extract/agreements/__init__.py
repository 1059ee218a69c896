"""Agreements: ceasefires, truces, accords, deals, memoranda and roadmaps.

A mention is a head phrase of ``data/rules/en/agreements.yaml`` used as a noun
("ceasefire", "cessation of hostilities", "memorandum of understanding"; the
longest phrase gives the kind; "a cessation of hostilities agreement" is one
ceasefire), or a document that is signed ("signed a joint statement"). Around
it, through the dependency parse: brokers ("brokered by X and Y",
"X-brokered", "under the auspices of X", "X mediated the truce"), parties
("signed by", "between X and Y", "X and Y agreed to"), the start date (a date
reached through "since", "took effect", "signed on", "from", or modifying the
head: "the December 30 truce") and the status (the latest status phrase around
the mention).

Only agreements that exist are kept: a mention is hypothetical when it is asked
for, hoped for, proposed or still to be made ("calls for a ceasefire", "efforts
to broker a treaty", "a deal could be reached", "ready for a truce", "a proposed
truce", "until a deal is reached"). An agreement is kept when a mention says it
was made or holds (a past verb of making or keeping it, a date, "ceasefire
violations"), or when the text introduces it as known ("the truce", "their
ceasefire", a name) and never only asks for it; an indefinite mention with no
such clause is not enough. Arrangements of the talks ("an agreement to postpone
the round", terms of reference) are not agreements. An extension made in the
report is an agreement of its own (see ``links``). "No ceasefire", "any deal",
"every truce" and "without agreement" are not mentions. Coreference: a definite
mention ("the truce", "the deal") joins the agreement mentioned last that fits
(sharing a modifier first), "this memorandum" the last agreement of any kind,
and an indefinite one ("a truce") starts another unless kind and date agree; a
different date, name or a marker such as "another" also starts another. Evidence
is the sentence that introduces the agreement.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ... import lexicon
from ...context import Context
from ...model import Agreement
from . import links
from .details import _brokers, _name, _parties, _start
from .mentions import (
    _REAL_STATUSES,
    _context,
    _Found,
    _mentions,
    _modifiers,
    _mood,
    _not_one_agreement,
)
from .traits import _counted, _definite, _on_agenda, _procedural

NAME = "agreements.v2"
REQUIRES: set[str] = set()


def extract(ctx: Context) -> list[Agreement]:
    lex = lexicon.load("agreements")
    found: list[_Found] = []
    extensions: dict[int, _Found] = {}
    slots: list[_Found] = []  # announced by a counted plural: "two agreements: A and B"
    mentions = _mentions(ctx, lex)
    heads = {head.i for head, _, _ in mentions}
    counted = _counted(ctx.doc, lex)
    for head, kind, span in sorted(
        mentions + [(h, k, h.doc[h.i : h.i + 1]) for h, k, _ in counted], key=_order
    ):
        if head.i in {h.i for h, _, _ in counted}:
            mention = _build(ctx, head, kind, span, heads, lex)
            if _exists(mention) and mention.real:
                slots = [_copy(mention) for _ in range(next(n for h, _, n in counted if h.i == head.i))]
                found += slots
            continue
        if _not_one_agreement(ctx, head, span, heads, lex):
            continue
        mention = _build(ctx, head, kind, span, heads, lex)
        slot = next(
            (f for f in slots if f.last < head.i and head.sent.start <= f.last and not f.filled), None
        )
        if slot is not None:  # the agreements a count announced, named one by one
            slot.filled = True
            _absorb(slot, mention)
            continue
        target = _antecedent(ctx, found, mention, head, span, lex)
        if target is None:
            if mention.generic and mention.definite and not mention.agreement.start:
                verbal = links.verbal_start(ctx, head, lex, _procedural_clause)
                mention.agreement = replace(mention.agreement, start=verbal)
            found.append(mention)
        else:
            _absorb(target, mention)
        _extend(ctx, target or mention, head, lex, extensions)
    return [_finish(f) for f in found + list(extensions.values()) if _exists(f)]


def _order(mention: tuple[Any, str, Any]) -> int:
    return int(mention[0].i)


def _copy(mention: _Found) -> _Found:
    return _Found(
        mention.agreement,
        mention.family,
        list(mention.parties),
        list(mention.brokers),
        mention.strength,
        mention.last,
        set(mention.words),
        real=True,
    )


def _build(ctx: Context, head: Any, kind: str, span: Any, heads: set[int], lex: dict[str, Any]) -> _Found:
    """One mention with what it says about its agreement."""
    start, strength = _start(ctx, head, span, heads, lex)
    if span.text.lower() in lex["kindless_heads"] and any(
        c.dep_ == "acl" and any(a.lower_ == "to" for a in c.children) for c in head.children
    ):
        kind = lex["action_kind"]  # "an agreement to open corridors": a deal on one action
    mention = _Found(
        Agreement(kind=kind, evidence=ctx.evidence(head.sent), start=start, name=_name(ctx, head, span)),
        lex["families"].get(kind, kind),
        _parties(ctx, head, span, lex),
        _brokers(ctx, head, span, lex),
        strength,
        last=head.i,
        words=_modifiers(head, span, lex),
    )
    mention.agreement = _status(_context(head, span), lex, mention.agreement)
    mood = _mood(head, span, kind, lex)
    mention.hypothetical = mood == "hypothetical"
    mention.real = (
        mood == "real"
        or mood is None
        and (strength > 0 or mention.agreement.status in _REAL_STATUSES)
        or _dated_before(mention, ctx.article.published)
    )
    mention.hypothetical &= not mention.real
    mention.old = any(t.lower_ in lex["old_markers"] for t in head.lefts)
    mention.definite = _definite(head, mention.agreement.name)
    mention.generic = span.text.lower() in lex["kindless_heads"]
    mention.weak = span.text.lower() in lex["weak_heads"]
    mention.procedural = _procedural(head, lex)
    proposal = any(t.lower_ in lex["hypothetical_modifiers"] for t in head.lefts)  # "a proposed truce"
    mention.agenda = (
        kind in lex["agenda_kinds"] and not (mention.real or proposal) and _on_agenda(head, lex)
    )
    mention.side = links.owner_side(ctx, head, lex)
    return mention


def _extend(
    ctx: Context, base: _Found, head: Any, lex: dict[str, Any], extensions: dict[int, _Found]
) -> None:
    """An extension made in the text is an agreement of its own, one per extended agreement."""
    verb = links.extension_verb(head, lex)
    if verb is None:
        return
    start = links.extension_start(ctx, verb, lex)
    ext = extensions.get(id(base))
    if ext is None:
        agreement = replace(base.agreement, start=start, evidence=ctx.evidence(head.sent), status="extended")
        extensions[id(base)] = _Found(agreement, base.family, real=True, last=head.i)
    elif start and not ext.agreement.start:
        ext.agreement = replace(ext.agreement, start=start)


def _procedural_clause(verb: Any, lex: dict[str, Any]) -> bool:
    """'agreed to meet again', 'agreed on the agenda': an agreeing verb about the talks."""
    words = {
        t.lemma_.lower() for c in verb.children if c.dep_ not in ("nsubj", "nsubjpass") for t in c.subtree
    }
    return bool(words & set(lex["procedural_words"]))


def _dated_before(mention: _Found, published: str | None) -> bool:
    """'support for the 2012 agreement': an agreement dated by its own modifier before the
    report exists, whatever is asked of it now."""
    start = mention.agreement.start
    return (
        mention.strength == 2
        and bool(start and published)
        and str(start) < str(published)[: len(start or "")]
    )


def _exists(found: _Found) -> bool:
    """An agreement the text says exists: some mention says it was made or holds, or it was
    introduced as known and never only asked for; never an arrangement of the talks."""
    presupposed = found.definite and not found.hypothetical and not found.weak
    return not found.procedural and (found.real or presupposed or found.agenda)


def _finish(found: _Found) -> Agreement:
    """The agreement with its brokers and parties; a start known only by its year is
    unknown (the format dates agreements to the month at least)."""
    start = found.agreement.start
    status = found.agreement.status
    if found.agenda and not found.real:
        status = lexicon.load("agreements")["agenda_status"]  # a topic of the talks, not yet made
    return replace(
        found.agreement,
        status=status,
        start=start if start is None or len(start) > 4 else None,
        parties=tuple(dict.fromkeys(found.parties)),
        brokers=tuple(dict.fromkeys(found.brokers)),
    )


# -- mentions ---------------------------------------------------------------


def _status(words: list[Any], lex: dict[str, Any], agreement: Agreement) -> Agreement:
    """The strongest status phrase around the mention (order of ``status`` in the lexicon)."""
    text = " ".join(t.lower_ for t in words)
    for status, patterns in lex["status"].items():
        if any(re.search(pattern, text) for pattern in patterns):
            return replace(agreement, status=status)
    return agreement


# -- coreference ------------------------------------------------------------


def _antecedent(
    ctx: Context, found: list[_Found], mention: _Found, head: Any, span: Any, lex: dict[str, Any]
) -> _Found | None:
    """The earlier agreement this mention refers to, or None for a new one."""
    new = mention.agreement
    recent = sorted(found, key=lambda f: -f.last)
    dets = {c.lower_ for c in head.children if c.dep_ in ("det", "predet")}
    marked = any(t.lower_ in lex["new_markers"] for t in head.subtree if t.i < head.i)
    generic = head.lower_ in lex["generic_heads"] and span.text.lower() == head.lower_
    if dets & {"this", "that", "these", "those"}:  # "this memorandum": the one just named
        same = [f for f in recent if f.family == mention.family and not generic]
        return (same or recent or [None])[0]
    if dets & {"a", "an", "another"} or marked and "the" not in dets:
        return next(
            (
                f
                for f in recent
                if _same_date(f.agreement.start, new.start) and (f.agreement.kind == new.kind or generic)
            ),
            None,
        )  # a new referent, unless kind and date say it is the same ("a 2012 accord", "a June 2012 accord")
    current = any(t.lower_ in lex["current_markers"] for t in head.lefts)
    if marked and current and not new.start:  # "the new accord": the latest not marked old
        return next((f for f in recent if f.family == mention.family and not f.old), None)
    if marked:
        return None
    if generic and mention.generic:  # "they agreed on X ... the agreement": the latest event
        recent = [old for old in recent if old.last > links.last_agreeing(ctx, head, lex)]
    fits = [old for old in recent if _compatible(old, mention, generic)]
    sharing = [old for old in fits if old.words & mention.words]
    return (sharing or fits or [None])[0]


def _compatible(old: _Found, mention: _Found, generic: bool) -> bool:
    """Whether a definite mention may refer back to an earlier agreement."""
    a, new = old.agreement, mention.agreement
    same_kind = old.family == mention.family
    if old.side and mention.side and old.side != mention.side:
        return False  # "the government's ceasefire" is not the one the rebels were on
    if (
        new.name
        and (a.name or "").lower() != new.name.lower()
        and (a.name or new.start or not (same_kind or old.generic) or not old.real)
    ):
        return False  # "the Minsk agreement (of 2015)" is not the truce mentioned earlier
    if (
        new.start
        and a.start
        and new.start != a.start
        and not (mention.strength > old.strength and not new.name)
    ):
        return False  # another date, another agreement (unless it tells when this one took effect)
    if new.start and (new.kind != a.kind or generic) and not (generic and new.start == a.start):
        return False  # a dated mention joins only the same kind ("the ceasefire of May 20")
    return same_kind or generic or old.generic


def _same_date(old: str | None, new: str | None) -> bool:
    """Both known and one refines the other ('2012' and '2012-06')."""
    return bool(old and new) and (str(old).startswith(str(new)) or str(new).startswith(str(old)))


def _absorb(target: _Found, mention: _Found) -> None:
    a, b = target.agreement, mention.agreement
    target.parties += mention.parties
    target.brokers += mention.brokers
    target.last = max(target.last, mention.last)
    target.words |= mention.words
    target.real |= mention.real
    target.hypothetical |= mention.hypothetical
    target.procedural |= mention.procedural
    target.agenda |= mention.agenda
    status = b.status if b.status is not None else a.status
    start = a.start
    refines = _same_date(a.start, b.start) and len(str(b.start)) > len(str(a.start))
    if b.start and (not a.start or mention.strength > target.strength or refines):
        start, target.strength = b.start, max(mention.strength, target.strength)
    kind = b.kind if target.generic and not mention.generic else a.kind  # "the agreement ... the communique"
    target.generic &= mention.generic
    target.side = target.side or mention.side
    target.weak &= mention.weak
    target.agreement = replace(a, kind=kind, start=start, name=a.name or b.name, status=status)
