"""What every extractor receives: the parsed article and the facts found so far.

The pipeline builds one ``Context`` per article (parse, actors, dates), then
runs the extractors in registry order; each one's facts are stored under its
kind in ``ctx.facts`` so that later extractors (participation after meetings,
events after everything) can read them.
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .model import Article, DateExpr, Evidence


@dataclass
class Context:
    article: Article
    doc: Any  # spacy.tokens.Doc of article.body
    actors: Any  # actors.ActorIndex
    dates: list[DateExpr] = field(default_factory=list)
    facts: dict[str, list[Any]] = field(default_factory=dict)
    # (character offset of a meeting noun, id of the meeting it names): set by the meetings extractor,
    # read by the extractors that attach statements to meetings
    meeting_mentions: list[tuple[int, str]] = field(default_factory=list)
    # ids of meetings told beside the report's talks (sides gathering where it is filed): never
    # the report's main meeting
    side_meetings: set[str] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)

    @functools.cached_property
    def tokens(self) -> list[Any]:
        """The doc's tokens, made once: iterating a Doc builds new Token objects each time."""
        return list(self.doc)

    @property
    def body(self) -> str:
        return self.article.body

    @property
    def published(self) -> date | None:
        """The publication date, or None when the article has none."""
        if not self.article.published:
            return None
        try:
            return date.fromisoformat(self.article.published[:10])
        except ValueError:
            return None

    def evidence(self, span: Any) -> Evidence:
        """Evidence for a spaCy span (a sentence or any token range)."""
        return Evidence.from_span(span)

    def dates_in(self, start: int, end: int) -> list[DateExpr]:
        """Temporal expressions lying inside ``[start, end)``, in text order."""
        starts = [d.start for d in self.dates]
        i = bisect.bisect_left(starts, start)
        out = []
        while i < len(self.dates) and self.dates[i].start < end:
            if self.dates[i].end <= end:
                out.append(self.dates[i])
            i += 1
        return out

    def date_at(self, start: int, end: int) -> DateExpr | None:
        """The temporal expression overlapping ``[start, end)``, if any."""
        for d in self.dates:
            if d.start < end and start < d.end:
                return d
        return None
