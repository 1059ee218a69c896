"""The process a merged meeting belongs to, named from its reports' words or the gazetteer."""

from __future__ import annotations

import json

import pytest

from store_fixtures import round_report
from talkwatch.store import processes

pytest_plugins = ("store_backends",)


@pytest.mark.parametrize(("name", "expected"), [
    ("the Lake Kivu process", ("Lake Kivu process", "process")),
    ("intra-Lumbian negotiations", ("intra-Lumbian negotiations", "negotiations")),
    ("Kivu-Tana talks", ("Kivu-Tana talks", "talks")),
    ("Lusaka peace talks", ("Lusaka peace talks", "talks")),
    ("Oslo II talks", ("Oslo II talks", "talks")),
    ("Peace talks", None),  # a common word opening a sentence
    ("Tuesday's talks", None),
    ("March 4 talks", None),
    ("AU-mediated talks", None),  # names the mediator
    ("talks", None),
    ("Lusaka meeting", None),  # a meeting, not a process
])
def test_a_name_is_proper_modifiers_before_a_process_head(name, expected):
    assert processes.candidate(name) == expected


def _report(doc: str, name: str, aliases: list[str], city: str | None = "Lusaka") -> dict:
    return {"doc_id": doc, "name": name, "aliases": json.dumps(aliases), "city": city,
            "country": None}


def test_one_article_names_a_process_two_name_talks_and_venue_names_come_last():
    one = [_report("d1", "round", ["the Lake Kivu process", "Lusaka talks"])]
    assert processes.from_reports(one) == ("Lake Kivu process", None)
    two = [_report("d1", "round", ["intra-Lumbian talks", "Lusaka talks"]),
           _report("d2", "talks", ["intra-Lumbian talks", "Lusaka talks"])]
    assert processes.from_reports(two) == ("intra-Lumbian talks", "Lusaka talks")
    once = [_report("d1", "round", ["intra-Lumbian talks"])]
    assert processes.from_reports(once) == (None, None)


def test_the_record_states_first_then_own_words_then_gazetteer_then_venue(record):
    b = record.backend
    assert processes.name(b, "none", "Stated process", "Lumbia talks") == "Stated process"
    assert processes.name(b, "none", None, "Lumbia talks") == "Lumbia talks"
    assert processes.name(b, "none", None, None) is None


def test_merged_rounds_carry_the_name_their_reports_use(record):
    first = ("Lusaka, 1 March - The Lusaka talks open on March 12. "
             "The Lusaka talks are the first in a year")
    later = "Lusaka, 8 March - The Lusaka talks will open on March 12"
    for body, day in ((first, "2024-03-01"), (later, "2024-03-08")):
        d = round_report(body, day, "scheduled", "2024-03-12")
        d["meetings"][0]["aliases"] = ["Lusaka talks"]
        record.save(d)
    (m,) = record.meetings()
    assert m["process"] == "Lusaka talks"  # the record's own field, also in the API and CLI
    assert record.meetings(process="Lusaka talks") == [m]
