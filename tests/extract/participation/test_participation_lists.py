"""Lists of participants the parser cuts: a person coordinated with the place of the item before."""

from __future__ import annotations

from conftest import has_fact


def test_a_person_hung_on_the_place_before_is_in_the_list(run):
    digest = run(
        "Talks on the border open today in Vienna. Preparations were complete for the arrival of "
        "Presidents Stjepan Mesic of Croatia, Ilir Meta of Albania and Milo Djukanovic of Montenegro, "
        "and 100 aides."
    )
    assert has_fact(digest, "participations", "Ilir Meta", "will_attend"), digest["participations"]
    assert has_fact(digest, "participations", "Djukanovic", "will_attend"), digest["participations"]
