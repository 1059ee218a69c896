"""What a mention says about its agreement besides its mood: taken as known, about the
talks themselves, or counted ("two agreements")."""

from __future__ import annotations

from typing import Any

from .. import _clauses as clauses


def _definite(head: Any, name: str | None) -> bool:
    """'the truce', 'this accord', 'their ceasefire', 'the Minsk agreement': the text takes
    the agreement as known, so it exists unless a mention says otherwise."""
    if any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in head.children):
        return False
    return bool(name) or any(
        c.dep_ == "poss"
        or c.dep_ in ("det", "predet")
        and c.lower_ in ("the", "this", "that", "these", "those")
        for c in head.children
    )


def _procedural(head: Any, lex: dict[str, Any]) -> bool:
    """'an agreement to postpone the talks', 'agreed on terms of reference', 'an agreement
    that delegations should not exceed seven': arrangements of the talks, not agreements."""
    content = [c for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "about", "over", "for")]
    content += [
        c for c in head.children if c.dep_ in ("acl", "relcl") and any(a.lower_ == "to" for a in c.children)
    ]
    content += [
        t for t in head.subtree if t.dep_ in ("relcl", "ccomp", "acl") and t.left_edge.lower_ == "that"
    ]
    words = {t.lemma_.lower() for c in content for t in c.subtree}
    text = " ".join(t.lower_ for c in content for t in c.subtree)
    return bool(words & set(lex["procedural_words"])) or any(p in text for p in lex["procedural_phrases"])


def _on_agenda(head: Any, lex: dict[str, Any]) -> bool:
    """'discussion of a ceasefire', 'will discuss a truce', 'a truce is on the agenda': the
    agreement is a topic the talks take up, neither made nor merely wished for."""
    gov = head.head
    discussed = head.dep_ == "dobj" and gov.lemma_.lower() in lex["agenda_verbs"]
    on_agenda = head.dep_ in ("nsubj", "nsubjpass") and any(
        p.lower_ == "on" and any(o.lower_ == "agenda" for o in p.children)
        for p in gov.children if p.dep_ == "prep"
    )
    if head.dep_ == "pobj" and gov.lower_ == "of" and gov.head.lemma_.lower() in lex["agenda_nouns"]:
        anchor = gov.head
    elif discussed or on_agenda:
        anchor = gov
    else:
        return False
    blockers = set(lex["agenda_blockers"])  # "ready to discuss a truce": offered, not taken up
    return not any(a.lemma_.lower() in blockers for a in [anchor, *list(anchor.ancestors)[:3]])


# More agreements than this in one counted plural is a statistic, not a list the text goes on to name.
_MAX_COUNTED = 6


def _counted(doc: Any, lex: dict[str, Any]) -> list[tuple[Any, str, int]]:
    """'two agreements were approved', 'they reached three deals': a plural head with a count,
    subject or object of a verb, announces that many agreements (head, kind, count)."""
    out = []
    for tok in doc:
        kind = lex["kinds"].get(tok.lemma_.lower())
        count = next((clauses.number(c.lower_) for c in tok.children if c.dep_ == "nummod"), None)
        count = count if count is not None and 2 <= count <= _MAX_COUNTED else None
        argument = tok.dep_ in ("nsubj", "nsubjpass", "dobj") and tok.head.pos_ in ("VERB", "AUX")
        if tok.tag_ == "NNS" and kind and count and argument:  # not "the last of four annexes"
            out.append((tok, kind, count))
    return out
