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


def test_returning_to_the_table_is_no_arrival(run):
    digest = run(
        "Border talks resumed in Quito on Thursday. The rebels returned to the negotiating table in "
        "Quito on Thursday for a new phase of the talks."
    )
    assert not has_fact(digest, "participations", "rebels", "arrived"), digest["participations"]
