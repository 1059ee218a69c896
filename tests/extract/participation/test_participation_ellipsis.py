"""Participants named by an echo clause ('as did Y', 'and so will Y'), after an inverted copula
('Also present were X'), by who sends a delegation, and by a confirmation of attendance
(published Wednesday 2024-03-06)."""

from __future__ import annotations


def _statuses(digest, name):
    names = {a["id"]: a["name"] for a in digest["actors"]}
    return {p["status"] for p in digest["participations"] if names[p["actor"]] == name}


_SCHEDULED = "Peace talks between the Karlan government and the Ostra rebels will open in Vienna on Friday. "
_OPEN = "Peace talks between the Karlan government and the Ostra rebels opened in Vienna on Monday. "


def test_as_did_shares_the_arrival(run):
    digest = run(_OPEN + "Chile's foreign minister arrived on Tuesday, as did Peru and Bolivia.")
    for name in ("Peru", "Bolivia"):
        assert "arrived" in _statuses(digest, name), digest["participations"]


def test_and_so_will_shares_the_plan(run):
    digest = run(_SCHEDULED + "Chile will attend the talks, and so will Peru.")
    assert _statuses(digest, "Peru") == {"will_attend"}, digest["participations"]


def test_as_with_its_own_object_is_no_echo(run):
    digest = run(_SCHEDULED + "Chile will attend the talks, as Peru did the statement of support.")
    assert not _statuses(digest, "Peru"), digest["participations"]


def test_also_present_were_attend(run):
    digest = run(_OPEN + "Also present were envoys from Chile and Peru.")
    for name in ("Chile", "Peru"):
        assert _statuses(digest, name) == {"attended"}, digest["participations"]


def test_among_those_attending_were_attend(run):
    digest = run(_OPEN + "Among those attending were Chile, Peru and the African Union.")
    for name in ("Chile", "Peru", "African Union"):
        assert _statuses(digest, name) == {"attended"}, digest["participations"]


def test_a_president_sending_a_delegation_sends_it_for_the_state(run):
    text = "Bolivia backs the talks. Bolivian President Luis Arce will send a delegation to Vienna."
    digest = run(_SCHEDULED + text)
    assert _statuses(digest, "Bolivia") == {"will_attend"}, digest["participations"]
    assert not _statuses(digest, "Luis Arce"), digest["participations"]


def test_an_envoy_of_no_named_state_sending_a_team_stands_for_it(run):
    digest = run(_SCHEDULED + "UN envoy Tomas Varga said he would send a technical team to Vienna.")
    assert _statuses(digest, "Tomas Varga") == {"will_attend"}, digest["participations"]


def test_a_state_sending_a_delegation_takes_part(run):
    digest = run(_SCHEDULED + "Bolivia will send a delegation to Vienna.")
    assert _statuses(digest, "Bolivia") == {"will_attend"}, digest["participations"]


def test_confirmed_attendance_of_talks_ahead_is_will_attend(run):
    digest = run(_SCHEDULED + "Chile has confirmed its attendance.")
    assert _statuses(digest, "Chile") == {"will_attend"}, digest["participations"]


def test_as_well_as_names_both_subjects(run):
    digest = run(_SCHEDULED + "Brazil as well as Argentina will attend.")
    for name in ("Brazil", "Argentina"):
        assert _statuses(digest, name) == {"will_attend"}, digest["participations"]


def test_but_not_excepts_a_subject(run):
    digest = run(_SCHEDULED + "Brazil, but not Argentina, will attend.")
    assert _statuses(digest, "Brazil") == {"will_attend"}, digest["participations"]
    assert _statuses(digest, "Argentina") == {"declined"}, digest["participations"]


def test_talks_in_the_presence_of_someone_have_them_there(run):
    digest = run("Peace talks between Chile and Peru opened in Lima on Monday in the presence of Brazil.")
    assert _statuses(digest, "Brazil") == {"attended"}, digest["participations"]


def test_interest_in_the_presence_of_someone_is_no_presence(run):
    digest = run(_SCHEDULED + "Peru has shown interest in the presence of Brazil.")
    assert not _statuses(digest, "Brazil"), digest["participations"]


def test_a_negated_echo_declines(run):
    for text in ("Brazil will attend, but Argentina will not.", "Brazil will attend; Argentina will not."):
        digest = run(_SCHEDULED + text)
        assert _statuses(digest, "Argentina") == {"declined"}, digest["participations"]


def test_a_negated_echo_with_its_own_act_is_no_refusal(run):
    digest = run(_OPEN + "Brazil attended the talks, but Argentina did not say why.")
    assert not _statuses(digest, "Argentina"), digest["participations"]
