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


def test_an_acronym_names_the_actor_of_that_name_found_elsewhere(context):
    from talkwatch.extract._discourse import _acronym

    ctx = context("The leader of FREPAP, Luis Vega, said FREPAP would boycott the talks in Lima.")
    named = [a for a in ctx.actors.actors if a.name == "FREPAP"]
    assert named, [a.name for a in ctx.actors.actors]
    tok = next(t for t in ctx.doc if t.text == "FREPAP")
    assert _acronym(ctx, tok) == named[0].id
    assert _acronym(ctx, next(t for t in ctx.doc if t.text == "Lima")) is None
