"""The general sentence coder on sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import first_coded


@pytest.mark.parametrize(
    ("text", "cameo", "plover"),
    [
        (
            "Government forces shelled rebel positions near the northern town on Sunday.",
            "194",
            "ASSAULT",
        ),
        ("Colombian police arrested two opposition leaders in Bogota.", "173", "COERCE"),
        (
            "The Philippine president praised Malaysia for its role in the peace process.",
            "051",
            "SUPPORT",
        ),
        ("Ethiopia and Eritrea signed a peace agreement in Jeddah.", "057", "SUPPORT"),
        (
            "Thousands of students demonstrated in the capital against the military junta.",
            "141",
            "PROTEST",
        ),
        ("The Sudanese army declared a unilateral ceasefire in Darfur.", "0871", "RETREAT"),
        ("The rebels released forty soldiers captured last month.", "0841", "RETREAT"),
        ("Egypt urged Israel to lift the blockade of Gaza.", "0256", "REQUEST"),
        ("The opposition rejected the government's peace plan.", "127", "REJECT"),
        ("Turkey accused Greece of violating its airspace.", "1123", "ACCUSE"),
        ("Washington imposed new sanctions on Venezuela.", "163", "SANCTION"),
        ("Norway will host a new round of talks between the two sides.", "036", "AGREE"),
    ],
)
def test_sentence_types(nlp: Any, text: str, cameo: str, plover: str) -> None:
    coded = first_coded(nlp, text)
    assert (coded.code, coded.plover) == (cameo, plover)


def test_source_and_target_codes(nlp: Any) -> None:
    coded = first_coded(nlp, "Pakistani troops fired mortars at Indian army posts across the border.")
    assert coded.plover == "ASSAULT"
    assert {p.code[:3] for p in coded.sources} == {"PAK"}
    assert {p.code[:3] for p in coded.targets} == {"IND"}


def test_reported_clause_keeps_the_speaker_as_source(nlp: Any) -> None:
    coded = first_coded(nlp, "Russia said on Tuesday that Ukraine must withdraw its troops from the border.")
    assert coded.plover == "REQUEST"
    assert {p.code[:3] for p in coded.sources} == {"RUS"}
    assert {p.code[:3] for p in coded.targets} == {"UKR"}


def test_negated_statements_are_refusals_in_negated_mode(nlp: Any) -> None:
    coded = first_coded(nlp, "The Syrian opposition will not attend the talks in Geneva.")
    assert (coded.code, coded.plover, coded.mode) == ("125", "REJECT", "negated")
    coded = first_coded(nlp, "The rebels refused to release the hostages.")
    assert (coded.code, coded.mode) == ("1243", "negated")
    coded = first_coded(nlp, "Indian troops did not fire on the protesters.")
    assert coded.mode == "negated" and coded.plover == "ASSAULT"


def test_future_and_hypothetical_statements(nlp: Any) -> None:
    coded = first_coded(nlp, "Iran will send a delegation to visit Iraq next week.")
    assert (coded.plover, coded.mode) == ("AGREE", "future")
    coded = first_coded(nlp, "Qatar may mediate between the two factions if both sides agree.")
    assert (coded.code, coded.mode) == ("039", "hypothetical")
    coded = first_coded(nlp, "Hamas threatened to resume rocket attacks on Israel.")
    assert coded.plover == "THREATEN"
    coded = first_coded(nlp, "The army said it would impose a curfew in the city.")
    assert (coded.code, coded.mode) == ("1323", "future")
