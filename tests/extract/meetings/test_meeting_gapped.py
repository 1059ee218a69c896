"""extract.meetings.gapped: a temporal 'after NOUN [date] VERB' clause belongs to NOUN
(published Wednesday 2024-03-06)."""

from __future__ import annotations

from talkwatch import nlp
from talkwatch.extract.meetings.gapped import gapped_subject

SENTENCE = (
    "The two teams returned to Addis Ababa Tuesday for a third round of talks "
    "after initial sessions Sunday failed to narrow the gaps."
)


def test_the_verb_after_the_noun_is_the_nouns() -> None:
    doc = nlp.load()(SENTENCE)
    told = [(t.text, gapped_subject(t).text) for t in doc if gapped_subject(t) is not None]
    assert told == [("failed", "sessions")]


def test_a_verb_with_its_own_subject_has_no_gap() -> None:
    doc = nlp.load()("The envoys met on Monday after the talks stalled.")
    assert all(gapped_subject(t) is None for t in doc)


def test_the_main_round_keeps_neither_the_earlier_verb_nor_its_day(run) -> None:
    meetings = run(SENTENCE)["meetings"]
    third = next(m for m in meetings if m["round"] == 3)
    assert third["status"] not in ("concluded", "cancelled", "suspended")
    assert third["end"] != "2024-03-03"  # the day the earlier sessions failed does not end it


def test_the_earlier_meeting_takes_the_verb_and_its_day(run) -> None:
    meetings = run(SENTENCE)["meetings"]
    earlier = next(m for m in meetings if m["name"] == "initial sessions")
    assert (earlier["status"], earlier["start"]) == ("held", "2024-03-03")


def test_a_day_in_an_after_phrase_is_the_other_events(run) -> None:
    """'a round after exploratory sessions Sunday': Sunday dates the sessions, not the round."""
    meetings = run(
        "The two teams returned to Addis Ababa Tuesday for a third round of talks "
        "after exploratory sessions Sunday failed to narrow the gaps."
    )["meetings"]
    third = next(m for m in meetings if m["round"] == 3)
    assert third["start"] == "2024-03-05"
