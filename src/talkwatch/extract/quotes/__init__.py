"""Direct quotations (words inside quote marks) and who said them.

Direct quotes only: paraphrase and reported speech without quote marks are
not extracted here. Quote marks are paired per paragraph
(``marks``). A passage, the stretches of one quotation split only by its
attribution ("...," X said, "...") or running over paragraphs
(``passages``), is one ``Quote``: it runs from its first stretch's start to
its last one's end, ``parts`` holds each stretch's offsets, and ``text`` is
their words joined by an ellipsis, which marks the attribution left out
(``body[start:end] == text`` for a quote of one stretch). Quoted words a new
clause introduces ("..." and added that "...") are another quote.

The speaker is read from the dependency parse (``speakers``): the subject of
the nearest reporting verb that governs the quote (or that hangs off it),
"according to X", "X: '...'", a reporting sentence just before or after a
quote-only sentence, else the speaker of the quotation just before. Pronouns
and definite descriptions ("the envoy") resolve to the last fitting actor;
mentions the actor index does not know get an actor of their own
(``speaker_actors``). Quoted words with no speaker are not a quotation (scare
quotes, labels, a title) and are dropped, and so are short Title Case quotes
(names of shows, books, slogans) that no speech verb of their own sentence
governs. A headline (the short first line of a body that came without a
title) only repeats a quote the article reports with its speaker, so quotes
in it are left out.
"""

from __future__ import annotations

import re
from typing import Any

from ...model import Evidence, Quote
from .attribution import governed, local_speaker, neighbour_speaker
from .doc import Mention, Quoted, QuoteDoc
from .lexicon import Lex, lexicon
from .marks import Span, find_spans, outer_end
from .passages import passage_ids, share_speakers
from .speaker_actors import resolve, to_mention
from .speakers import relative_source

__all__ = ["NAME", "REQUIRES", "Span", "extract", "find_spans"]

NAME = "quotes.v3"
PART_JOINER = " … "  # between a passage's stretches in its text: the attribution is left out
REQUIRES: set[str] = set()


def extract(ctx: Any) -> list[Quote]:
    """Direct quotes of the article with their speakers.

    Args:
        ctx: the article's context (body, parsed doc, actor index); speakers
            the index does not know are added to it.

    Returns:
        One ``Quote`` per passage in text order; ``[]`` for an empty body.
    """
    body = ctx.body
    if not body or not body.strip():
        return []
    spans = find_spans(body)
    if not spans:
        return []
    lex = lexicon()
    d = QuoteDoc(ctx.doc, spans, body)
    qs = [Quoted.of(s, d) for s in spans]
    local = [to_mention(local_speaker(q, d, lex), d, lex) for q in qs]
    ids = passage_ids(qs, local, d, lex)
    found = _attribute(qs, share_speakers(ids, local, qs), d, lex)
    return _quotes(ctx, qs, found, ids, d, lex)


def _attribute(qs: list[Quoted], found: list[Mention | None], d: QuoteDoc, lex: Lex) -> list[Mention | None]:
    """Speakers for the stretches whose sentence and passage name none: the quotations around them."""
    found = list(found)
    for k, q in enumerate(qs):  # in text order: a found speaker carries on to the next quote
        if found[k] is None:
            found[k] = _inherit(k, qs, found, d)
        if found[k] is None:
            found[k] = to_mention(neighbour_speaker(q, d, lex), d, lex)
        if found[k] is None and q.starts_sentence(d):
            found[k] = _continues(k, qs, found)
    return found


def _quotes(
    ctx: Any, qs: list[Quoted], found: list[Mention | None], ids: list[int], d: QuoteDoc, lex: Lex
) -> list[Quote]:
    """The kept quotes as facts; each speaker mention is resolved to an actor once."""
    out: list[Quote] = []
    head_end = _headline_end(d.body, d.spans) if not getattr(ctx.article, "title", None) else 0
    kept = [
        q.span.open_mark >= head_end and not _dropped(d.body[q.span.start : q.span.end], q, m, d, lex)
        for q, m in zip(qs, found, strict=True)
    ]
    passages: dict[int, list[int]] = {}  # passage id -> its kept stretches, in text order
    for k, (pid, keep) in enumerate(zip(ids, kept, strict=True)):
        if keep:
            passages.setdefault(pid, []).append(k)
    speakers: list[tuple[int, str]] = []  # (quote start, actor id): pronoun antecedents
    resolved: dict[tuple[int, int], str | None] = {}
    for members in passages.values():
        men = next((found[k] for k in members if found[k] is not None), None)
        actor_id = None
        if men is not None:
            key = (men.start, men.end)
            if key not in resolved:
                resolved[key] = resolve(ctx, men, d, lex, speakers)
            actor_id = resolved[key]
            if actor_id:
                speakers.append((qs[members[0]].span.start, actor_id))
        out.append(_quote([qs[k] for k in members], d, men, actor_id))
    return out


def _dropped(text: str, q: Quoted, men: Mention | None, d: QuoteDoc, lex: Lex) -> bool:
    """Quoted words nobody is said to speak, and titles no speech verb governs, are not quotes."""
    if men is None:
        return True
    return _is_title(text, lex) and (_name_slot(q, d) or not governed(q, d, lex))


def _name_slot(q: Quoted, d: QuoteDoc) -> bool:
    """ "on CBS's 'Face the Nation'", "during a 'Unity Forum'": a possessor, article or preposition before it.

    "as" is not one: "described him as 'The Closer'" names what someone called him.
    """
    i = d.token_at(q.span.open_mark).i - 1
    while i >= 0 and d.doc[i].is_space:
        i -= 1
    return i >= 0 and d.doc[i].tag_ in ("POS", "DT", "IN", "PRP$") and d.doc[i].lower_ != "as"


_HEADLINE_MAX_WORDS = 20


def _headline_end(body: str, spans: list[Span]) -> int:
    """End of the headline: a first line of a few words, set off by a blank line from the text.

    A line that is all quotation is the article's first quote, not a headline.
    """
    m = re.match(r"[^\S\n]*([^\n]+)\n[^\S\n]*\n\s*\S", body)
    if not m or len(m.group(1).split()) > _HEADLINE_MAX_WORDS:
        return 0
    line = list(body[: m.end(1)])
    for s in spans:
        line[s.start : min(s.end, m.end(1))] = " " * max(0, min(s.end, m.end(1)) - s.start)
    return m.end(1) if re.search(r"[^\W\d_]{2}", "".join(line)) else 0


def _is_title(text: str, lex: Lex) -> bool:
    """ "Fox and Friends", "The Art of the Deal": a short run of capitalised words is a name."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text)]
    if not words or len(words) > lex.title_max:
        return False
    return all(w[0].isupper() or w.lower() in lex.title_small for w in words) and words[0][0].isupper()


def _quote(parts: list[Quoted], d: QuoteDoc, men: Mention | None, actor_id: str | None) -> Quote:
    """The fact for one passage: from its first stretch to its last, its words joined, its parts' offsets."""
    first, body = parts[0], d.body
    said = _said_span(first, d, men, actor_id)
    return Quote(
        text=PART_JOINER.join(body[q.span.start : q.span.end] for q in parts),
        start=first.span.start,
        end=parts[-1].span.end,
        evidence=_evidence(first, parts[-1], d, men),
        speaker=actor_id,
        speaker_text=body[said[0] : said[1]] if said else None,
        speaker_start=said[0] if said else None,
        speaker_end=said[1] if said else None,
        parts=tuple((q.span.start, q.span.end) for q in parts),
    )


def _said_span(q: Quoted, d: QuoteDoc, men: Mention | None, actor_id: str | None) -> tuple[int, int] | None:
    """The words naming the speaker in this passage: the mention, or the relative pronoun standing for it
    when the speaker resolves to an actor (a bare "which" with no actor would name no one)."""
    if men is None:
        return None
    if actor_id is None:
        return (men.start, men.end)
    rel = relative_source(men.start, men.end, list(q.sentences(d)), lexicon())
    return (rel.idx, rel.idx + len(rel)) if rel is not None else (men.start, men.end)


def _evidence(q: Quoted, last: Quoted, d: QuoteDoc, men: Mention | None) -> Evidence:
    """The passage's sentences, with the speaker's sentence when it is adjacent."""
    a, b = q.first, last.last
    if men is not None:
        n = d.sent_no[men.head.i]
        if a - 1 <= n <= b + 1:
            a, b = min(a, n), max(b, n)
    s, e = d.sents[a].start_char, d.sents[b].end_char
    e = max(e, min(outer_end(last.span) + 1, len(d.body)))
    s = min(s, q.span.open_mark)
    return Evidence.from_offsets(d.body, s, e)


def _inherit(k: int, qs: list[Quoted], found: list[Mention | None], d: QuoteDoc) -> Mention | None:
    """The speaker of the quotation this one continues: same group, or split by an attribution."""
    q = qs[k]
    same = [j for j in range(len(qs)) if j != k and qs[j].span.group == q.span.group]
    for j in sorted(same, key=lambda j: abs(j - k)):
        if found[j] is not None:
            return found[j]
    j = _previous(k, found)
    if j is None:
        return None
    prev, men = qs[j], found[j]
    gap_start = outer_end(prev.span)
    if prev.para == q.para and gap_start <= men.start < q.span.open_mark:
        return men  # "'...,' Doe said. '...'"
    return None


def _continues(k: int, qs: list[Quoted], found: list[Mention | None]) -> Mention | None:
    """A quote-only sentence right after a quoted sentence goes on with the same speaker."""
    j = _previous(k, found)
    if j is not None and qs[j].last in (qs[k].first, qs[k].first - 1):
        return found[j]
    return None


def _previous(k: int, found: list[Mention | None]) -> int | None:
    """The last quote before ``k`` with a speaker (titles in between have none)."""
    return next((j for j in range(k - 1, -1, -1) if found[j] is not None), None)
