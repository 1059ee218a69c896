"""'Returned for more talks': arriving back at a meeting (participation subject cues)."""

from __future__ import annotations

from conftest import has_fact


def test_returning_for_talks_under_way_is_arriving(run):
    digest = run(
        "Border talks continued in Quito on Tuesday. Peruvian Foreign Minister Luis Vega returned "
        "for more talks after flying back to Lima the previous day."
    )
    assert has_fact(digest, "participations", "Luis Vega", "arrived"), digest["participations"]


def test_returning_home_is_no_arrival(run):
    digest = run(
        "Border talks continued in Quito on Tuesday. Peruvian Foreign Minister Luis Vega returned home."
    )
    assert not has_fact(digest, "participations", "Luis Vega", "arrived"), digest["participations"]


def test_agreeing_to_return_to_the_table_will_attend(run):
    digest = run(
        "Border talks in Quito were suspended last month. The rebels agreed on Monday to return to "
        "the negotiating table next week."
    )
    assert not has_fact(digest, "participations", "rebels", "arrived"), digest["participations"]
