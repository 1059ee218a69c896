"""Person names the tagger missed or typed as places, recognised from the role around them."""

from __future__ import annotations

from talkwatch.actors.people import role_people


def names(nlp, text):
    doc = nlp(text)
    return [doc[s:e].text for s, e in role_people(doc)]


def test_a_name_tagged_a_facility_with_a_title_in_apposition_is_a_person(nlp):
    assert names(nlp, "Opposition figures, including Tomas Guanipa, former envoy to Peru, will attend.") == [
        "Tomas Guanipa"
    ]


def test_an_untagged_name_after_a_ministry_is_a_person(nlp):
    found = names(nlp, "The delegation includes the Deputy Minister of Energy Dalibor Vrenko.")
    assert found == ["Dalibor Vrenko"]


def test_a_place_is_no_person(nlp):
    assert names(nlp, "Envoys arrived in New York City and Buenos Aires on Monday.") == []
