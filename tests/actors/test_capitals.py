"""Organisations written in capitals that the tagger leaves untagged."""

from __future__ import annotations

from talkwatch.actors.capitals import capital_names


def names(nlp, text):
    doc = nlp(text)
    return [doc[s:e].text for s, e in capital_names(doc)]


def test_every_capitalised_member_of_a_list_of_parties_is_an_organisation(nlp):
    found = names(nlp, "The four parties, KDU, MOLAPA, SIRA VELOKANTA and TREFO, rejected the invitation.")
    assert {"KDU", "MOLAPA", "SIRA VELOKANTA"} <= set(found)


def test_capitals_outside_a_list_of_organisations_are_left(nlp):
    assert names(nlp, "The talks were HUGE, the mediator wrote.") == []
