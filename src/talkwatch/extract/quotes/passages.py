"""Quoted stretches that belong to one quotation (a passage) and its one speaker.

A writer splits one quotation with its attribution ("'We came in good faith,'
said Ruiz. 'We leave with nothing.'") or runs it over paragraphs; the parts
are one passage. Two neighbouring stretches of a paragraph are one passage
when nothing but one attribution clause lies between them: the clause names
the speaker found for either part, its first verb reports speech, it holds no
sentence break, is short and ends in punctuation. A gap that ends in a word
("..." Doe said the plan is "...") embeds the next stretch in new reported
content, which is another quotation; so does an attribution that opens a new
sentence after a finished one ("'... change.' She adds, '...'"). Two stretches
that each name a speaker of their own (a transcript's labels, "'...,' the envoy
interjected") are two quotations. Every part of a passage takes the passage's
speaker, so a later part never falls back on an earlier speaker of the
article.
"""

from __future__ import annotations

import re

from .doc import Mention, Quoted, QuoteDoc
from .lexicon import Lex, phrasal_in
from .marks import outer_end
from .speakers import is_reporting

_GAP_MAX = 220  # characters of an attribution between two parts ("..., said X, a former aide. '")
_CONJUNCTION = re.compile(r"(?<=,)\s+(?:and|but)(?:\s+(?:still|also|then))?$")
_ABBREV = re.compile(r"(?:\b[A-Z][a-z]{0,3}|\b[A-Z]|\.[A-Z])\.$")  # Mr. Sen. D-N.C. J.


def _sentence_break(gap: str) -> bool:
    """A full stop followed by a capital inside the gap, not after a title or an initial."""
    stops = re.finditer(r"[.!?]\s+(?=[A-Z])", gap)
    return any(not _ABBREV.search(gap[: m.start() + 1]) for m in stops)


def _attribution_gap(a: Quoted, b: Quoted, men: Mention | None, d: QuoteDoc, lex: Lex) -> bool:
    """Only an attribution naming ``men`` lies between the closing mark of ``a`` and ``b``'s opening one."""
    if men is None or a.span.close_mark is None or a.para != b.para:
        return False
    start, end = a.span.close_mark + 1, b.span.open_mark
    gap = _CONJUNCTION.sub("", d.body[start:end].strip())  # '"...," he said, but "..."': the same words go on
    if len(gap) > _GAP_MAX or not start <= men.start < end or "\n" in gap:
        return False
    if not gap or gap[-1] not in ",.:;!?\u2014\u2013-" or _sentence_break(gap):
        return False
    if gap[-1] in ",:" and d.body[a.span.start : a.span.end].rstrip().endswith("."):
        return False  # the clause introduces the next stretch: '"... change." She adds, "..."'
    verbs = [  # a capitalised "verb" that does not report (a city the tagger misreads) is a name
        t for t in (d.doc[i] for i in d.tokens(start, end))
        if t.pos_ in ("VERB", "AUX") and (not t.text[0].isupper() or is_reporting(t, lex))
    ]
    if any(phrasal_in(v, lex.new_utterance) for v in verbs[1:]):
        return False  # "..., Doe said, adding later, '...'": the second verb says something new
    return bool(verbs) and is_reporting(verbs[0], lex)


def passage_ids(qs: list[Quoted], found: list[Mention | None], d: QuoteDoc, lex: Lex) -> list[int]:
    """A passage number per stretch (text order): same mark group, or split by an attribution."""
    ids: list[int] = []
    for k, q in enumerate(qs):
        if k and _own_speakers(found[k - 1], found[k]):
            ids.append(ids[-1] + 1)
            continue
        if k and q.span.group == qs[k - 1].span.group:
            ids.append(ids[-1])
            continue
        prev = qs[k - 1] if k else None
        if prev is not None and any(
            _attribution_gap(prev, q, men, d, lex) for men in (found[k - 1], found[k])
        ):
            ids.append(ids[-1])
            continue
        ids.append(ids[-1] + 1 if ids else 0)
    return ids


def _own_speakers(a: Mention | None, b: Mention | None) -> bool:
    """Both stretches name a speaker, and not with the same words: two quotations."""
    return a is not None and b is not None and (a.start, a.end) != (b.start, b.end)


def share_speakers(ids: list[int], found: list[Mention | None], qs: list[Quoted]) -> list[Mention | None]:
    """A part whose own sentence names no speaker takes its passage's: named between the parts, else first.

    A part that names its own keeps it (a transcript's labels, a stray mark
    that ran two quotations together).
    """
    out = list(found)
    for pid in set(ids):
        members = [k for k, p in enumerate(ids) if p == pid]
        if len(members) < 2:
            continue
        first, last = qs[members[0]].span, qs[members[-1]].span
        inner = [
            found[k] for k in members
            if found[k] is not None and outer_end(first) <= found[k].start < last.open_mark
        ]
        known = [found[k] for k in members if found[k] is not None]
        best = inner[0] if inner else (known[0] if known else None)
        for k in members:
            out[k] = found[k] or best
    return out
