"""Which meetings a report tells of, and where (published Wednesday 2024-03-06)."""

from __future__ import annotations


def test_place_after_the_noun_beats_a_region_before_it(run):
    (meeting,) = run("The envoy spoke at a Darfur rebel meeting in Kampala on Monday.")["meetings"]
    assert meeting["venue"]["city"] == "Kampala"


def test_capital_named_in_apposition(run):
    (meeting,) = run("Rebel leaders held talks in Sudan's capital, Juba, on Monday.")["meetings"]
    assert meeting["venue"]["city"] == "Juba"


def test_meet_inside_a_meeting_clause_is_that_meeting(run):
    digest = run(
        "Tsvangirai skipped a meeting at State House, where he was scheduled to meet President Mugabe."
    )
    assert len(digest["meetings"]) == 1


def test_only_meeting_someone_is_a_condition(run):
    digest = run("The president said he would only meet with President Putin in person.")
    assert digest["meetings"] == []


def test_finer_date_of_the_same_plan_is_the_start(run):
    (meeting,) = run(
        "The talks, which begin in Sirte on Saturday, are due to start this weekend, officials said."
    )["meetings"]
    assert meeting["start"] == "2024-03-09"


def test_members_of_a_named_body_are_no_meeting(run):
    digest = run(
        "The bishops of the Nicaraguan Episcopal Conference suspended the National Dialogue on Monday."
    )
    assert [m["name"] for m in digest["meetings"]] == ["National Dialogue"]


def test_direct_talks_with_a_named_side_are_a_meeting(run):
    digest = run("Officials said direct talks with the rebels would open in Geneva on Friday.")
    (meeting,) = digest["meetings"]
    assert (meeting["venue"]["city"], meeting["status"]) == ("Geneva", "scheduled")


def test_talks_held_on_another_past_day_are_another_meeting(run):
    digest = run(
        "The two delegations first met in Oslo on February 12. "
        "Later the delegations held a day of talks from February 20 to 21."
    )
    starts = sorted(m["start"] for m in digest["meetings"])
    assert starts == ["2024-02-12", "2024-02-20"]
    assert any("day of talks" in m["aliases"] + [m["name"]] for m in digest["meetings"])


def test_first_round_that_ended_earlier_is_not_the_talks_under_way(run):
    digest = run(
        "Indirect talks in Algiers opened on Wednesday. "
        "Officials said a first round of talks ended on February 5 without a deal."
    )
    assert len(digest["meetings"]) == 2


def test_initial_discussions_after_which_a_round_convened(run):
    digest = run(
        "The delegations convened in Minsk for a second round of talks after initial discussions failed."
    )
    assert len(digest["meetings"]) == 2


def test_direct_talks_that_broke_down_years_ago_are_an_earlier_meeting(run):
    digest = run(
        "Four years after direct talks broke down, the Karlan government and the Ostra rebels "
        "will meet in Vienna on Friday."
    )
    earlier = [m for m in digest["meetings"] if m["name"] == "direct talks"]
    assert [m["status"] for m in earlier] == ["suspended"]
    assert len(digest["meetings"]) == 2


def test_direct_talks_as_an_idea_are_no_meeting(run):
    digest = run("The envoy said direct talks were the only way to end the war.")
    assert digest["meetings"] == []


def test_talks_mediated_earlier_this_year_are_an_earlier_meeting(run):
    digest = run(
        "Peace talks on Ostria opened in Vienna on Tuesday. Talks mediated by Norway earlier this "
        "year quickly stalled."
    )
    vienna = [m for m in digest["meetings"] if m["venue"]["city"] == "Vienna"]
    assert [m["status"] for m in vienna] == ["ongoing"]
    earlier = [m for m in digest["meetings"] if "Talks mediated by Norway" in m["aliases"]]
    assert [m["status"] for m in earlier] == ["suspended"]


def test_further_talks_scheduled_elsewhere_are_a_later_meeting(run):
    digest = run(
        "Preliminary talks between Karlan and the Ostra rebels open in Vienna on Friday. If they go "
        "well, further negotiations are scheduled later in Lisbon."
    )
    lisbon = [m for m in digest["meetings"] if m["venue"]["city"] == "Lisbon"]
    assert [m["status"] for m in lisbon] == ["scheduled"]
    assert len(digest["meetings"]) == 2


def test_further_talks_as_a_need_are_no_meeting(run):
    digest = run("Peace talks open in Vienna on Friday. The envoy said further talks were needed.")
    assert len(digest["meetings"]) == 1
