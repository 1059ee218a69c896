"""extract.meetings.when on parses a tagger can produce for headline-like lines."""

from __future__ import annotations

from types import SimpleNamespace

import spacy
from spacy.tokens import Doc

from talkwatch.extract.meetings import when
from talkwatch.extract.meetings.mentions import _Mention


def test_meeting_noun_parsed_as_a_clause_head_keeps_its_own_phrase() -> None:
    # "new hope as island talks open": the tagger may read "open" as an adjective and hang
    # "talks" as an adverbial clause; the noun's phrase is still the mention's, not empty
    words = ["new", "hope", "as", "island", "talks", "open", "in", "Vienna"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 4, 4, 1, 4, 4, 6],
              deps=["amod", "ROOT", "mark", "compound", "advcl", "amod", "prep", "pobj"])
    ctx = SimpleNamespace(dates_in=lambda start, end: [])
    mention = _Mention(head=doc[4], start=3, end=8)
    assert when._named(ctx, mention) == []
