"""Reference helpers for the discourse module: who a pronoun or a name really points at.

A he/she opening a sentence continues the last main-clause subject, not a name in a
subordinate clause; an apposition before a subjectless "said" is the sayer; the person
whose body is named ("the government of X", "X's government") only qualifies the body.
"""

from __future__ import annotations

from typing import Any

from ..context import Context
from ..lexicon import load as load_lexicon


def sayer(tok: Any) -> bool:
    """An apposition right before a subjectless reporting verb is that verb's subject."""
    after = tok.doc[max(t.i for t in tok.subtree) + 1 :]
    verb = next((t for t in after if not t.is_punct), None)
    reporting = load_lexicon("quotes")["reporting_verbs"]
    return (
        verb is not None
        and verb.lemma_ in reporting
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


def owner_of(ctx: Context, tok: Any, m: Any, mentions: list[Any]) -> bool:
    """Whose body another mention is: "the government of X", "X's government" (however parsed):
    the body takes part, X only says whose it is."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of":
        noun = tok.head.head
        if any(o is not m and o.start <= noun.idx < o.end for o in mentions):
            return True
    after = ctx.body[m.end : m.end + 3]
    owner = after[:2] in ("'s", "’s") and after[2:] == " "
    return owner and any(o.start == m.end + 3 for o in mentions)


def subordinate(ctx: Context, mention: Any) -> bool:
    """A mention inside a subordinate clause or a modifier ('since its former leader X was deposed')."""
    span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    return not (root.dep_ in ("nsubj", "nsubjpass") and root.head.dep_ == "ROOT")


def main_subject_before(ctx: Context, tok: Any, types: set[str]) -> Any | None:
    """The last person who is the subject of a main clause in this or the previous sentence: a
    he/she in a sentence naming nobody continues the topic, not the last name of a subordinate
    clause ('X heads ... since Y was deposed. His arrival ... he might': X)."""
    sents = [tok.sent]
    if tok.sent.start > 0:
        sents.insert(0, ctx.doc[tok.sent.start - 1].sent)
    start = sents[0].start_char
    found = [
        m
        for m in ctx.actors.mentions_in(start, tok.idx)
        if ctx.actors.get(m.actor).type in types and not subordinate(ctx, m)
    ]
    return found[-1] if found else None


def describes(ctx: Context, actor_id: str, tok: Any) -> bool:
    """A singular description ('a recently identified rebel group') that the name ``tok`` in
    apposition identifies (the parser may make it an unlinked conjunct): one actor, not two."""
    noun = tok.head
    apposed = tok.dep_ == "appos" or tok.dep_ == "conj" and not any(c.dep_ == "cc" for c in noun.children)
    name = ctx.actors.get(actor_id).name
    return apposed and noun.tag_ == "NN" and tok.pos_ == "PROPN" and name[:1].islower()
