"""Coder mechanisms (frames, light verbs, commands, joint actions, misparses) on sentences written here."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import first_coded
from talkwatch.extract.events import codes
from talkwatch.extract.events.coder import Coder


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        # intent frames over a noun: agreeing to a truce or offering troops is an intent (AGREE)
        ("Chad and Niger agreed to a truce after a week of border clashes.", "AGREE"),
        ("Kenya offered its soldiers to the Somali government to help it retake the port.", "AGREE"),
        # a light verb's event noun wins over the verb's own sense ("held" is no arrest here)
        ("Peruvian diplomats held a meeting with the Chilean foreign minister in Lima.", "CONSULT"),
        # a verb of opening is no verb of continuing: the bridge names no event of its own
        ("Tajikistan opened the border bridge to allow the delivery of wheat to Afghanistan.", "RETREAT"),
        # "decided to" reports the decided act itself
        ("The electoral board decided to allow rallies by opposition parties in the capital.", "CONCEDE"),
        # an authority's order carries out the ordered coercion / action
        ("The junta ordered the independent radio station to suspend its broadcasts.", "COERCE"),
        ("The provincial governor ordered patrols by police after the riots.", "MOBILIZE"),
        # a frame noun held by a reporting verb: "reiterated its demand that X ..."
        ("The union reiterated its demand that Ghana lift restrictions on public meetings.", "REQUEST"),
        # failing to reach an agreement is a refusal
        ("Armenia and Azerbaijan failed to reach agreement on the border commission.", "REJECT"),
        # peacekeepers arriving are deployed, not visiting
        ("Nepalese peacekeeping troops arrived in Lebanon on Monday.", "AID"),
        # stopping work is a strike, not ending one
        ("Dock workers stopped work on Monday over the new labour law.", "PROTEST"),
        # paying compensation returns property
        ("Peru paid compensation to families whose land was seized in the 1990s.", "RETREAT"),
        # an infinitive parsed as an adverbial clause is still the frame's complement
        ("The militia had sworn to attack the garrison until it surrendered.", "THREATEN"),
        # an ultimatum is a threat (CAMEO 13), not a demand
        ("Ghana issued an ultimatum to the mutineers to leave the barracks.", "THREATEN"),
        # an intent light verb with an event noun does the event: "undertook a mediation mission"
        ("The Commonwealth envoy undertook a mediation mission between the two parties.", "CONSULT"),
        # an owner is not what the object is: welcoming a president's statement is support
        ("The Dutch government welcomed the president's latest statement on the talks.", "SUPPORT"),
        # preparing a violent act is mobilizing; an aspect verb is looked through
        ("The Ugandan army prepared to resume shelling rebel positions.", "MOBILIZE"),
        # "tried to" is an attempt, not a trial
        ("The rebels tried to storm the army barracks on Sunday.", "ASSAULT"),
        # the most specific object noun wins ("ceasefire agreement" over "agreement")
        ("Both armies are guilty of violating the ceasefire agreement signed in May.", "ASSAULT"),
        # the noun modified by a participle is its object: returning weapons seized earlier
        ("The rebels returned weapons seized from the peacekeepers last year.", "RETREAT"),
        # forcing an aid agency out is expelling it (SANCTION), not deporting persons
        ("Khartoum forced the UN refugee agency out of the camps in October.", "SANCTION"),
        # a verb with its own class keeps it over a frame noun of its object ("decision to hold")
        ("Uruguay praised Bolivia's decision to hold early elections.", "SUPPORT"),
        # the entry with more particle words wins ("blow himself up" over "blow up")
        ("A bomber blew himself up at a market in Kabul.", "ASSAULT"),
        # hyphenated nouns match however the parser splits them
        ("Hundreds of nurses staged a sit-in outside the ministry in Accra.", "PROTEST"),
        # "hold" is an arrest only with people held; a light verb otherwise
        ("Police held forty activists without charge in Harare.", "COERCE"),
        # a light verb carries a cooperative class's object noun ("organize corridors")
        ("The two sides reached an understanding to organize humanitarian corridors.", "AGREE"),
        # a resignation is a RETREAT (PLOVER gold convention); capturing territory is ASSAULT
        ("The defence minister of Bolivia resigned on Friday.", "RETREAT"),
        ("Government troops captured the rebel stronghold after heavy fighting.", "ASSAULT"),
    ],
)
def test_mechanism_types(nlp: Any, text: str, plover: str) -> None:
    assert first_coded(nlp, text).plover == plover


def test_joint_exercise_is_cooperation(nlp: Any) -> None:
    coded = first_coded(nlp, "Indian and Japanese warships began war games in the Arabian Sea on Monday.")
    assert coded.plover == "COOPERATE"
    alone = first_coded(nlp, "Iranian warships began war games in the Arabian Sea on Monday.")
    assert alone.plover == "MOBILIZE"
    naval = first_coded(nlp, "Brazilian and Argentine navies held naval exercises off Rio.")
    assert naval.plover == "COOPERATE"


def test_verb_left_by_a_misparse_is_still_coded(nlp: Any) -> None:
    coder = Coder(None)
    doc = nlp("Angry youths resorted to throwing stones at the police station, witnesses said.")
    found = coder.code_text(doc)
    assert found and found[0].plover == "PROTEST"


def test_mapping_follows_gold_convention() -> None:
    assert codes.plover_type("0831") == "RETREAT"
    assert codes.plover_type("192") == "ASSAULT"
    assert codes.legacy_type("192") == "FIGHT"


def test_held_meetings_are_no_arrests(nlp: Any) -> None:
    coder = Coder(None)
    for text in (
        "The envoy hopes the meetings will be as useful as those we have held before.",
        "The meeting, to be held in Accra next week, will be the first in a year.",
    ):
        found = coder.code_text(nlp(text))
        assert all(c.plover != "COERCE" for c in found), text
