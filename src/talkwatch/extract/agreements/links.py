"""Agreements tied to other events of the text: extensions, unilateral owners, verbal
antecedents and dates counted from another event."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ...context import Context
from .. import _clauses as clauses

_PRONOUN_OWNERS = {"their", "its", "his", "her", "our", "my"}


def extension_verb(head: Any, lex: dict[str, Any]) -> Any | None:
    """'agreed to extend the truce', 'extended the ceasefire': the verb of an extension made
    in the text (a past extension, or one the parties agreed to), which is an agreement of
    its own next to the one it extends; 'the truce could be extended' is not."""
    verb = head.head
    if head.dep_ == "nsubjpass" or head.dep_ == "nsubj" and verb.lemma_ != "be":
        return _extended(verb, lex)
    if head.dep_ != "dobj" or verb.lemma_.lower() not in lex["extension_verbs"]:
        return None
    if verb.tag_ == "VBD":
        return verb
    governor = verb.head.head if verb.dep_ == "pcomp" else verb.head
    agreed = governor.lemma_.lower() in lex["agreeing_verbs"] and governor.tag_ in ("VBD", "VBN")
    return verb if agreed and verb.dep_ in ("xcomp", "pcomp") else None


def _extended(verb: Any, lex: dict[str, Any]) -> Any | None:
    """'the truce was extended on Monday', 'the truce took effect and was extended': a past
    passive extension of the subject."""
    for cand in [verb, *(c for c in verb.children if c.dep_ == "conj")]:
        passive = any(c.dep_ == "auxpass" and c.lower_ in ("was", "were") for c in cand.children)
        if cand.lemma_.lower() in lex["extension_verbs"] and cand.tag_ == "VBN" and passive:
            return cand
    return None


def extension_start(ctx: Context, verb: Any, lex: dict[str, Any]) -> str | None:
    """The day the extension starts: a day-precise date of the extension clause, its governor,
    or the expiry of the agreement it extends ('before it was set to expire on Monday')."""
    anchors = {verb.i, verb.head.i} if verb.dep_ in ("xcomp", "pcomp") else {verb.i}
    for date in ctx.dates_in(verb.sent.start_char, verb.sent.end_char):
        span = ctx.doc.char_span(date.start, date.end, alignment_mode="expand")
        if span is None or not date.value or len(str(date.value)) != 10:
            continue
        path = list(span.root.ancestors)
        if any(a.i in anchors or a.lemma_.lower() in lex["expiry_verbs"] for a in path):
            return str(date.value)
    return None


def owner_side(ctx: Context, head: Any, lex: dict[str, Any]) -> str | None:
    """Whose unilateral agreement this is: 'the government's ceasefire', 'their truce', 'the
    rebels were on a ceasefire'. 'state' for a government side, 'other' for the rest."""
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    if owner is None and head.dep_ == "pobj" and head.head.lower_ == "on" and head.head.head.lemma_ == "be":
        owner = _subject(head.head.head)
    if owner is not None and owner.lower_ in _PRONOUN_OWNERS:
        owner = _named_subject(owner)
    if owner is None:
        return None
    actor = ctx.actors.at(owner.idx, owner.idx + len(owner))
    state = actor is not None and actor.type in ("state", "government")
    return "state" if state or owner.lemma_.lower() in lex["state_owners"] else "other"


def _subject(verb: Any) -> Any | None:
    """The subject of a verb, climbing raising verbs ('the NPA was supposed to be on ...')."""
    for _ in range(3):
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None or verb.dep_ not in ("xcomp", "ccomp", "conj"):
            return subj
        verb = verb.head
    return None


def _named_subject(pronoun: Any) -> Any | None:
    """The nearest non-pronoun subject above a possessive pronoun ('the rebels said they
    would lift their truce')."""
    for anc in pronoun.ancestors:
        subj = next((c for c in anc.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.pos_ != "PRON":
            return subj
    return None


def last_agreeing(ctx: Context, head: Any, lex: dict[str, Any]) -> int:
    """Token index of the last past agreeing verb before the mention's sentence, or -1."""
    for tok in reversed(ctx.doc[: head.sent.start]):
        if tok.lemma_.lower() in lex["verbal_antecedents"] and tok.tag_ in ("VBD", "VBN"):
            return tok.i
    return -1


def verbal_start(ctx: Context, head: Any, lex: dict[str, Any], procedural: Any) -> str | None:
    """'They met on 3 July, where they agreed on a new phase ... The agreement ...': a bare
    definite 'the agreement' with no earlier mention names the last agreeing event before
    it, and takes that event's date."""
    for tok in reversed(ctx.doc[: head.sent.start]):
        if tok.lemma_.lower() not in lex["verbal_antecedents"] or tok.tag_ not in ("VBD", "VBN"):
            continue
        if any(c.dep_ == "neg" for c in tok.children) or procedural(tok, lex):
            return None
        return _event_date(ctx, tok)
    return None


def _event_date(ctx: Context, verb: Any) -> str | None:
    """A date of the verb's clause, or of the clause a 'where/when' clause hangs on."""
    while verb.dep_ == "conj":  # "agreed on X as well as agreed upon Y": the first conjunct
        verb = verb.head
    anchors = {verb.i}
    if any(c.lower_ in ("where", "when") for c in verb.children):
        anchors.add(verb.head.i)
    for date in ctx.dates_in(verb.sent.start_char, verb.sent.end_char):
        span = ctx.doc.char_span(date.start, date.end, alignment_mode="expand")
        if span is not None and date.value and any(a.i in anchors for a in [span.root, *span.root.ancestors]):
            return str(date.value)
    return None


def offset_start(ctx: Context, verbs: list[Any], lex: dict[str, Any]) -> str | None:
    """'a day after mediators reached a deal', 'two days after they signed': the agreement
    is that many days before the event of the main clause, the day of the report when that
    clause gives no date of its own."""
    for verb in verbs:
        if verb.lemma_.lower() not in lex["creation_verbs"] or verb.tag_ not in ("VBD", "VBN"):
            continue
        if not any(c.dep_ == "mark" and c.lower_ == "after" for c in verb.children):
            continue
        after = next(c for c in verb.children if c.dep_ == "mark" and c.lower_ == "after")
        measure = [c for c in [*verb.children, *verb.head.children] if c.dep_ == "npadvmod"]
        days = _days(next((c for c in measure if c.right_edge.i == after.i - 1), None))
        published = ctx.article.published
        if days is None or not published or _dated_clause(ctx, verb.head):
            continue
        return (dt.date.fromisoformat(str(published)[:10]) - dt.timedelta(days=days)).isoformat()
    return None


def _days(tok: Any) -> int | None:
    """'a day' -> 1, 'two days' -> 2; None for other measures."""
    if tok is None or tok.lemma_.lower() != "day":
        return None
    word = next((c.lower_ for c in tok.children if c.dep_ in ("det", "nummod")), "a")
    return clauses.count(word)


def _dated_clause(ctx: Context, verb: Any) -> bool:
    """Whether a date of the sentence hangs on this verb."""
    for date in ctx.dates_in(verb.sent.start_char, verb.sent.end_char):
        span = ctx.doc.char_span(date.start, date.end, alignment_mode="expand")
        if span is not None and date.value and verb in span.root.ancestors:
            return True
    return False
