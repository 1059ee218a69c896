"""Every event side carries its country: from the phrase, the clause or the gazetteer (own sentences)."""

from __future__ import annotations

from typing import Any

from talkwatch import pipeline
from talkwatch.extract.events import home
from talkwatch.read import make_article


def first_source(text: str) -> dict[str, Any]:
    digest = pipeline.run(make_article(text, {"published": "2001-01-01"}))
    assert digest["events"], f"no event in {text!r}"
    actors = {a["id"]: a for a in digest["actors"]}
    return actors.get(digest["events"][0].get("source"), {})


def test_state_named_inside_an_uncoded_phrase() -> None:
    source = first_source("Ivory Coast rebels rejected the government's offer on Friday.")
    assert source.get("country") == "CIV"


def test_multiword_state_after_a_preposition() -> None:
    source = first_source("Rebels in the Central African Republic rejected the peace plan.")
    assert source.get("country") == "CAF"


def test_unplaced_actor_takes_the_clause_country() -> None:
    source = first_source("Opposition leader Amadou Sow blocked roads in Bamako on Monday.")
    assert source.get("country") == "MLI"


def test_other_sides_country_is_not_the_source_country() -> None:
    # the only country is the target's: the source stays unplaced rather than taking it
    source = first_source("The Lumbu Front threatened Nigeria with new attacks.")
    assert source.get("country") in (None, "")


def test_attribution_does_not_place_the_event() -> None:
    text = "The junta declared a state of emergency in Niger, a spokesman for the French embassy said."
    source = first_source(text)
    assert source.get("country") != "FRA"


def test_unlisted_subject_becomes_a_placed_actor() -> None:
    text = "Dockers continued their hunger strike to demand the resignation of the Tunisian minister."
    source = first_source(text)
    assert source.get("country") == "TUN"


def test_stance_demonym_is_no_nationality(nlp: Any) -> None:
    from talkwatch.extract.events.parties import _capitalized_names

    doc = nlp("the pro-Russian militia")
    assert "Russian" not in _capitalized_names(list(doc))


def test_home_country_needs_a_single_candidate(nlp: Any) -> None:
    doc = nlp("Soldiers fired on protesters in Lahore and Delhi.")
    verb = next(t for t in doc if t.lower_ == "fired")
    assert home.home_country(verb, set(), "193") is None  # PAK and IND: undecidable
    doc = nlp("Soldiers fired on protesters in Lahore.")
    verb = next(t for t in doc if t.lower_ == "fired")
    assert home.home_country(verb, set(), "193") == "PAK"
    # a place named after "in" places an act done at home even when the other side is from there
    assert home.home_country(verb, {"PAK"}, "193") == "PAK"
    # ... but not a meeting or an appeal, often made abroad
    assert home.home_country(verb, set(), "040") is None
    doc = nlp("The militia threatened Kenyan and Somali officials.")
    verb = next(t for t in doc if t.lower_ == "threatened")
    assert home.home_country(verb, {"KEN"}, "130") == "SOM"
    assert home.home_country(verb, {"KEN", "SOM"}, "130") is None


def test_source_is_not_its_own_target() -> None:
    text = "General Kiva reneged on his promise to hold elections."
    digest = pipeline.run(make_article(text, {"published": "2001-01-01"}))
    first = digest["events"][0]
    assert first["plover"] == "REJECT"
    assert first.get("target") != first.get("source")


def test_past_leaders_have_countries() -> None:
    assert first_source("President Bill Clinton imposed sanctions on the junta.").get("country") == "USA"


def test_international_organisations_are_igo() -> None:
    source = first_source("The International Labour Organization demanded that Qatar protect workers.")
    assert source.get("country") == "IGO"


def test_other_events_and_venues_do_not_place_a_source() -> None:
    # "after Malian air strikes" is another event; "talks in Nairobi" a venue
    source = first_source("Guerrilla units withdrew from the hills after Malian air strikes.")
    assert source.get("country") != "MLI"
    source = first_source("The Lumbu rebels refused to attend the peace talks in Nairobi.")
    assert source.get("country") != "KEN"


def test_legacy_cameo_roots_give_the_iso_country() -> None:
    from talkwatch.extract.events import actor_codes

    assert actor_codes.country_root("ROMGOV") == "ROU"  # CAMEO's Romania
    assert actor_codes.country_root("IGOUNO") == "IGO"
    assert actor_codes.country_root("QQQ") is None


def test_every_side_with_an_actor_carries_its_code() -> None:
    text = "Romanian officials met Bulgarian officials in Sofia. Romania agreed to open the border."
    digest = pipeline.run(make_article(text, {"published": "2001-01-01"}))
    actors = {a["id"]: a for a in digest["actors"]}
    assert digest["events"]
    for event in digest["events"]:
        for side in ("source", "target"):
            actor = actors.get(event.get(side))
            if actor is not None and (actor.get("cameo") or actor.get("country")):
                assert event.get(side + "_code"), (event, side)
            if event.get(side + "_code") and actor is not None:
                assert actor.get("country"), (event, side)


def test_non_agentive_subjects_make_no_actors() -> None:
    # "the dialogue" refused nothing, and an explosion is no actor to place in Iraq
    digest = pipeline.run(make_article("Dialogue in Lusaka last year failed to bridge differences.", {}))
    assert all(e["plover"] != "REJECT" or e.get("source") is None for e in digest["events"])
    digest = pipeline.run(make_article("A mine explosion near Basra killed two Iraqi soldiers.", {}))
    names = {a["name"].lower() for a in digest["actors"]}
    assert not any("explosion" in n for n in names)


def test_a_foreign_minister_is_not_the_british_foreign_office() -> None:
    # the gazetteer once split "Foreign, Commonwealth and Development Office" into the alias "Foreign"
    digest = pipeline.run(make_article("Kenya's Foreign Minister criticized Uganda on Monday.", {}))
    assert all(a.get("country") != "GBR" for a in digest["actors"])


def test_a_state_the_act_is_addressed_to_does_not_place_its_author() -> None:
    # the only state is the one the invitation went to: the other side, not the group's home
    from talkwatch import nlp

    doc = nlp.load()("The Unity Front said it would leave unless the envoy withdrew his invitation to Iran.")
    assert home.sentence_countries(doc[:]) == []
    doc = nlp.load()("The Unity Front said it would withdraw unless Iranian fighters left.")
    assert home.sentence_countries(doc[:]) == ["IRN"]


def test_several_states_take_no_home_country() -> None:
    source = first_source("Ten additional countries rejected the Syrian plan on Monday.")
    assert source.get("name") == "Ten additional countries" and source.get("country") in (None, "")


def test_a_meeting_is_coded_by_its_venue_but_is_no_actor() -> None:
    digest = pipeline.run(make_article("The Lumbu Front is boycotting the border talks in Lusaka.",
                                       {"published": "2001-01-01"}))
    assert not [a for a in digest["actors"] if "talks" in a["name"]], digest["actors"]
