"""Wire datelines: the place and date opening a report ('GENEVA, Nov 20 (Reuters) -').

A dateline says where the report was filed, not who takes part in anything;
the names in it are no actors.
"""

from __future__ import annotations

from typing import Any


def datelines(doc: Any) -> list[tuple[int, int]]:
    """Token spans of the dateline opening the body or the paragraph after a standfirst."""
    starts = [0] + [t.i for t in doc[:80] if t.i > 0 and "\n" in doc[t.i - 1].text_with_ws][:1]
    spans = [(i, i + _dateline_end(doc[i:])) for i in starts]
    return [(a, b) for a, b in spans if b > a]


def _dateline_end(doc: Any) -> int:
    """Token index after a wire dateline ('GENEVA/DOHA, Nov 20 (Reuters) -', 'Palermo, Italy -',
    'ARUSHA, Tanzania July 12'), else 0."""
    for i, tok in enumerate(doc[:12]):
        if tok.text in ("-", "—", "–") and i > 0:
            head = doc[:i]
            credited = _in_parentheses(head)  # the agency credit: "(Reuters)", "(AFP)"
            letters = [t for t in head if t.is_alpha and t.ent_type_ != "DATE" and t.i not in credited]
            caps = [t for t in letters if t.is_upper or t.ent_type_ == "GPE"]
            return i + 1 if caps and len(caps) >= len(letters) - 2 else 0
    if len(doc) > 3 and doc[0].is_upper and doc[0].is_alpha and doc[1].text == ",":
        i = 2  # a capitalised city, its country and a date, with no dash after them
        while i < min(len(doc), 10) and (doc[i].ent_type_ in ("GPE", "DATE") or doc[i].is_punct):
            i += 1
        return i if i > 2 and doc[i - 1].ent_type_ == "DATE" else 0
    return 0


def _in_parentheses(span: Any) -> set[int]:
    """Indices of the tokens between a "(" and its ")" in the span."""
    inside, depth = set(), 0
    for tok in span:
        if tok.text == ")":
            depth = max(0, depth - 1)
        elif tok.text == "(":
            depth += 1
        elif depth:
            inside.add(tok.i)
    return inside


def opens_dateline(tok: Any) -> bool:
    """'GENEVA (Reuters) -': the capitalised place that opens a wire report."""
    return (
        tok.i < 4
        and tok.sent.start == 0
        and any(t.text in ("(", "-", "—") for t in tok.doc[tok.i + 1 : tok.i + 4])
    )
