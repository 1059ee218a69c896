"""Attendance at one meeting from its statements: who is who, and what a report can know.

Pure functions over participation rows (no database): descriptions are filed
under the actor they stand for, collectives under the meeting's parties, and a
report published before the talks began cannot say anyone attended them.
"""

from __future__ import annotations

from typing import Any

from talkwatch.store import attendance, identity


def _row(n: int, aid: str, name: str, type_: str, status: str, published: str, *, akey: str | None = None,
         country: str | None = None, role: str | None = "party") -> dict[str, Any]:
    return {
        "doc_id": f"d{published}", "idx": n, "actor_id": aid, "actor_local": f"a{n}", "status": status,
        "role": role, "hedged": 0, "ev_start": n * 10, "ev_end": n * 10 + 5, "ev_text": f"sentence {n}",
        "report_id": "r1", "published": published, "akey": akey or f"n:{name.casefold()}", "a_name": name,
        "a_type": type_, "a_country": country,
    }


def _final(rows: list[dict[str, Any]], **kw: Any) -> dict[str, str]:
    return {p["actor"]: p["status"] for p in attendance.participants(rows, **kw)}


def test_a_description_with_modifiers_is_the_meeting_named_actor_of_its_part():
    rows = [
        _row(1, "front", "Kaweri Liberation Front", "opposition", "will_attend", "2031-05-01",
             akey="k:KWR:front", country="KWR"),
        _row(2, "desc", "the country's main opposition", "opposition", "arrived", "2031-05-03"),
        _row(3, "gov", "Kaweri government", "government", "attended", "2031-05-04", akey="k:KWR_GOV"),
    ]
    assert _final(rows) == {"front": "arrived", "gov": "attended"}
    assert identity.generic_type("several opposition parties", None, None) == "opposition"
    assert identity.generic_type("Kaweri Liberation Front", None, None) is None


def test_a_state_whose_government_is_at_the_table_is_that_government():
    rows = [
        _row(1, "state", "Kaweri", "state", "will_attend", "2031-05-01", akey="k:UKR", country="UKR"),
        _row(2, "gov", "Kaweri government", "government", "attended", "2031-05-04", akey="k:UKR_GOV"),
    ]
    (only,) = attendance.participants(rows)
    assert only["actor"] == "gov" and [h["status"] for h in only["history"]] == ["will_attend", "attended"]


def test_a_collective_is_filed_under_each_party_of_the_meeting():
    rows = [
        _row(1, "gov", "Kaweri government", "government", "will_attend", "2031-05-01", akey="k:KWR_GOV"),
        _row(2, "front", "Northern Front", "opposition", "will_attend", "2031-05-01", akey="k:KWR_NF"),
        _row(3, "med", "Envoy Example", "person", "will_attend", "2031-05-01", role="mediator"),
        _row(4, "both", "the warring sides", "group", "declined", "2031-05-05"),
    ]
    assert _final(rows) == {"gov": "declined", "front": "declined", "med": "will_attend"}
    assert identity.is_collective("both delegations", "n:both delegations")
    assert not identity.is_collective("opposition parties", "n:opposition parties")


def test_attended_before_the_talks_began_is_read_as_coming():
    rows = [_row(1, "gov", "Kaweri government", "government", "attended", "2031-05-06", akey="k:KWR_GOV")]
    (p,) = attendance.participants(rows, start="2031-05-08")
    assert p["status"] == "will_attend" and p["history"][0]["stated"] == "attended"
    assert _final(rows, start="2031-05-06") == {"gov": "attended"}


def test_talks_held_imply_the_parties_attended_not_the_sponsors():
    rows = [
        _row(1, "gov", "Kaweri government", "government", "will_attend", "2031-05-01", akey="k:KWR_GOV"),
        _row(2, "spon", "Example Union", "igo", "will_attend", "2031-05-01", role="sponsor"),
    ]
    end = {"status": "held", "reported": "2031-05-09", "document": "d9", "evidence": {}}
    assert _final(rows, meeting_end=end) == {"gov": "attended", "spon": "will_attend"}


def test_a_short_name_of_an_organisation_is_the_one_actor_whose_name_holds_it():
    rows = [
        _row(1, "long", "Union of Free Kaweri Forces", "opposition", "will_attend", "2031-05-01",
             country="KWR"),
        _row(2, "short", "Free Kaweri Union", "opposition", "declined", "2031-05-02"),
        _row(3, "shorter", "Kaweri Forces", "opposition", "attended", "2031-05-04"),
    ]
    assert _final(rows) == {"long": "attended"}


def test_a_short_name_two_actors_hold_or_a_person_is_left_alone():
    rows = [
        _row(1, "a", "Kaweri Liberation Front", "armed_group", "attended", "2031-05-04"),
        _row(2, "b", "Kaweri Popular Front", "armed_group", "attended", "2031-05-04"),
        _row(3, "c", "Kaweri Front", "armed_group", "declined", "2031-05-04"),
        _row(4, "d", "Lina Moro", "person", "will_attend", "2031-05-04"),
        _row(5, "e", "supporters of Lina Moro", "group", "attended", "2031-05-04"),
    ]
    assert _final(rows) == {"a": "attended", "b": "attended", "c": "declined", "d": "will_attend",
                            "e": "attended"}


def test_a_third_state_intention_told_weeks_before_the_talks_is_not_attendance():
    end = {"reported": "2031-06-10", "status": "held", "document": "dm", "evidence": {}}
    rows = [
        _row(1, "early", "Ostrava", "state", "will_attend", "2031-05-01"),
        _row(2, "late", "Tarnia", "state", "will_attend", "2031-06-07"),
        _row(3, "side", "Ostravan government", "government", "will_attend", "2031-05-01"),
    ]
    assert _final(rows, meeting_end=end, start="2031-06-10") == {
        "early": "will_attend", "late": "attended", "side": "attended",
    }


def test_a_revoked_invitation_is_the_article_latest_news():
    rows = [
        _row(1, "x", "Tarnia", "state", "invited", "2031-05-01"),
        _row(2, "x", "Tarnia", "state", "not_invited", "2031-05-03"),
        _row(2, "x", "Tarnia", "state", "invited", "2031-05-03"),
        _row(5, "x", "Tarnia", "state", "will_attend", "2031-05-03"),
    ]
    rows[2]["idx"] = 3
    hist = attendance.participants(rows)[0]["history"]
    assert [h["status"] for h in hist] == ["invited", "will_attend", "not_invited"]


def test_one_person_spelled_two_ways_or_by_surname_is_one_participant():
    rows = [
        _row(1, "p1", "Andrej Volkanov", "person", "will_attend", "2031-05-01"),
        _row(2, "p2", "Andrey Volkanov", "person", "arrived", "2031-05-02"),
        _row(3, "p3", "Volkanov", "person", "attended", "2031-05-03"),
        _row(4, "p4", "Yurij Dasko", "person", "attended", "2031-05-03"),
        _row(5, "p5", "Yuliya Dasko", "person", "declined", "2031-05-03"),
        _row(6, "p6", "Dasko", "person", "attended", "2031-05-03"),
    ]
    assert _final(rows) == {"p1": "attended", "p4": "attended", "p5": "declined", "p6": "attended"}
    assert identity.spelling_key("Aleksej Podoljak") == identity.spelling_key("Alexey Podolyak")


def test_a_description_in_apposition_is_the_actor_named_beside_it():
    rows = [
        _row(1, "front", "Kaweri Liberation Front", "opposition", "attended", "2031-05-01"),
        _row(2, "bloc", "Civic Bloc", "opposition", "declined", "2031-05-02"),
        _row(2, "desc", "the moderate opposition group", "opposition", "declined", "2031-05-02"),
    ]
    assert _final(rows) == {"front": "attended", "bloc": "declined"}


def test_of_several_named_oppositions_a_bare_description_is_the_country_s_opposition():
    rows = [
        _row(1, "opp", "Kaweri opposition", "opposition", "will_attend", "2031-05-01",
             akey="k:KWR:opposition", country="KWR"),
        _row(2, "front", "Kaweri Liberation Front", "opposition", "will_attend", "2031-05-01",
             akey="k:KWR_FRONT", country="KWR"),
        _row(3, "desc", "the opposition delegation", "opposition", "declined", "2031-05-03"),
        _row(4, "opp", "Kaweri opposition", "opposition", "attended", "2031-05-09",
             akey="k:KWR:opposition", country="KWR"),
    ]
    assert _final(rows) == {"opp": "attended", "front": "will_attend"}


def test_a_ranked_description_is_its_country_s_named_actor_of_that_part():
    rows = [
        _row(1, "front", "Kaweri Liberation Front", "opposition", "will_attend", "2031-05-01",
             akey="k:KWR_FRONT", country="KWR"),
        _row(2, "bloc", "Tarnian Civic Bloc", "opposition", "declined", "2031-05-01",
             akey="k:TRN_BLOC", country="TRN"),
        _row(3, "desc", "a top Kaweri opposition group", "opposition", "attended", "2031-05-03",
             akey="k:KWR:top opposition group", country="KWR"),
    ]
    assert _final(rows) == {"front": "attended", "bloc": "declined"}
    assert identity.ranked_part("k:KWR:main opposition group") == ("opposition", "KWR")
    assert identity.ranked_part("k:KWR:opposition") is None  # not singled out: an actor of its own


def test_a_generic_description_placed_in_a_country_is_that_country_s_actor():
    rows = [
        _row(1, "front", "Kaweri Liberation Front", "opposition", "will_attend", "2031-05-01",
             akey="k:KWR_FRONT", country="KWR"),
        _row(2, "bloc", "Tarnian Civic Bloc", "opposition", "declined", "2031-05-01",
             akey="k:TRN_BLOC", country="TRN"),
        _row(3, "desc", "several opposition parties", "opposition", "attended", "2031-05-03", country="TRN"),
    ]
    assert _final(rows) == {"front": "will_attend", "bloc": "attended"}


def test_given_names_transliterated_with_other_vowels_are_one_person():
    rows = [
        _row(1, "p1", "Aleksandar Morin", "person", "will_attend", "2031-05-01"),
        _row(2, "p2", "Alexander Morin", "person", "attended", "2031-05-03"),
        _row(3, "p3", "Marta Morin", "person", "declined", "2031-05-03"),
        _row(4, "p4", "Marco Morin", "person", "attended", "2031-05-03"),
    ]
    assert _final(rows) == {"p1": "attended", "p3": "declined", "p4": "attended"}
