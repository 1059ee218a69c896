"""Participants told by objects and nouns: whom a side meets at the talks, who the talks involve,
whose arrival is reported or awaited, and a bare surname standing for a person named before."""

from __future__ import annotations

from conftest import has_fact


def test_whom_a_side_meets_at_talks_named_in_the_clause_attends(run):
    digest = run(
        "Peace talks between Peru and Ecuador opened in Lima on Monday. Rafael Correa met with "
        "Alan Garcia, the host of the peace talks, on Tuesday."
    )
    assert has_fact(digest, "participations", "Alan Garcia", "attended"), digest["participations"]


def test_a_meeting_with_someone_told_on_its_own_names_nobody_at_the_talks(run):
    digest = run(
        "Peace talks between Peru and Ecuador opened in Lima on Monday. Speaking after meeting with "
        "Pope Francis in Rome, Rafael Correa said he was hopeful."
    )
    talks = {m["id"] for m in digest["meetings"] if "talks" in m["name"].lower()}
    names = {a["id"]: a["name"] for a in digest["actors"]}
    facts = digest["participations"]
    at_talks = [p for p in facts if p["meeting"] in talks and names[p["actor"]] == "Pope Francis"]
    assert talks and not at_talks, digest["participations"]


def test_talks_involving_a_side_name_it_a_party(run):
    digest = run("The proximity talks in Lima, also involving Ecuador, resumed on Monday.")
    assert has_fact(digest, "participations", "Ecuador", "attended"), digest["participations"]


def test_the_arrival_of_a_person_is_arrived_and_awaited_arrival_is_ahead(run):
    digest = run(
        "The Lima talks began late on Monday because of the late arrival of Ecuadorean Foreign "
        "Minister Ricardo Patino."
    )
    assert has_fact(digest, "participations", "Ricardo Patino", "arrived"), digest["participations"]
    ahead = run(
        "Peace talks will open in Lima on Friday. In Lima, preparations were complete for the "
        "arrival of President Rafael Correa."
    )
    assert has_fact(ahead, "participations", "Rafael Correa", "will_attend"), ahead["participations"]


def test_a_bare_surname_names_the_person_named_in_full_before(run):
    digest = run(
        "Peace talks between Peru and Ecuador opened in Lima on Monday with Ecuadorean Foreign "
        "Minister Ricardo Patino present. Patino met with the Peruvian delegation at the talks on Tuesday."
    )
    assert has_fact(digest, "participations", "Ricardo Patino", "attended"), digest["participations"]


def test_a_role_noun_in_apposition_gives_the_name_that_role(run):
    digest = run(
        "Peace talks between Peru and Ecuador opened in Lima on Monday. The Chilean host at the "
        "palace, Foreign Minister Alejandro Foxley, said both sides were ready."
    )
    hosts = [p for p in digest["participations"] if p["role"] == "host" and p["status"] == "attended"]
    assert has_fact(digest, "participations", "Alejandro Foxley", "attended"), digest["participations"]
    assert hosts, digest["participations"]


def test_a_former_mediator_names_no_one_at_the_talks(run):
    digest = run(
        "Peace talks between Peru and Ecuador opened in Lima on Monday. Jimmy Carter, a former "
        "mediator, said he was hopeful."
    )
    assert not [p for p in digest["participations"] if p["role"] == "mediator"], digest["participations"]


def test_peoples_named_as_negotiating_are_parties(run):
    digest = run(
        "Peace talks on Kosovo ended in France on Saturday. The host said the Serbs and the ethnic "
        "Albanians have agreed a deal."
    )
    assert has_fact(digest, "participations", "Serbs", "attended"), digest["participations"]
    assert has_fact(digest, "participations", "ethnic Albanians", "attended")


def test_a_day_in_the_clause_picks_the_meeting_that_started_then(context):
    from talkwatch.extract._discourse import Focus, meeting_for
    from talkwatch.model import Meeting

    ctx = context("Alan Garcia and Rafael Correa met in Lima on 3 July.", published="2024-08-20")
    ctx.meeting_mentions = []  # only the two meetings below, named by no noun of the sentence
    meetings = [
        Meeting("m1", "summit", city="Lima", start="2024-08-31", status="scheduled"),
        Meeting("m2", "meeting", city="Lima", start="2024-07-03", status="held"),
    ]
    focus = Focus(ctx, meetings)
    cue = next(t for t in ctx.tokens if t.lemma_ == "meet")
    assert meeting_for(ctx, cue, focus).id == "m2"


def test_a_relative_clause_on_an_apposition_is_about_the_named_person(run):
    digest = run(
        '"We are close," said James Brown, the Irish minister, who has been chairing the Belfast talks.'
    )
    assert has_fact(digest, "participations", "James Brown", "attended"), digest["participations"]
    assert not has_fact(digest, "participations", "Ireland", "attended")


def test_trying_to_mediate_is_no_seat_at_the_talks(run):
    digest = run(
        "Talks between Peru and Ecuador resumed in Lima on Monday. Rafael Correa met Alan Garcia, "
        "a close ally also trying to mediate in the talks."
    )
    assert not [p for p in digest["participations"] if p["role"] == "mediator"], digest["participations"]


def test_a_second_passive_role_verb_shares_the_meeting_subject(run):
    digest = run(
        "Talks between Peru and Ecuador opened on Monday. The talks are being mediated by Norway and "
        "hosted by Chile."
    )
    assert has_fact(digest, "participations", "Chile", "attended"), digest["participations"]


def test_the_owner_of_a_mediation_mediates(run):
    digest = run(
        "The talks between Peru and Ecuador will be held in Lima next week through Norway's mediation."
    )
    mediators = [p for p in digest["participations"] if p["role"] == "mediator"]
    assert has_fact(digest, "participations", "Norway", "will_attend") and mediators, digest["participations"]


def test_whoever_welcomes_the_delegations_hosts(run):
    digest = run(
        "Talks between Peru and Ecuador started in Lima today. The delegations were welcomed by "
        "Carlos Mesa, the mayor of Lima."
    )
    hosts = [p for p in digest["participations"] if p["role"] == "host" and p["status"] == "attended"]
    assert hosts and has_fact(digest, "participations", "Carlos Mesa", "attended"), digest["participations"]


def test_a_named_aide_or_adviser_is_not_the_one_served(run):
    digest = run(
        "Alan Garcia's top aide, Jorge del Castillo, as well as advisers to Rafael Correa, met in Lima "
        "on Monday for peace talks."
    )
    assert has_fact(digest, "participations", "Jorge del Castillo", "attended"), digest["participations"]
    assert not has_fact(digest, "participations", "Alan Garcia", "attended")
    assert not has_fact(digest, "participations", "Rafael Correa", "attended")


def test_the_engagement_of_sides_at_a_closed_conference_is_attendance(run):
    digest = run(
        "The conference on Cyprus in Geneva ended on Friday without a deal. Despite the strong "
        "commitment and engagement of Greece, Turkey and Britain, no agreement was reached."
    )
    assert has_fact(digest, "participations", "Turkey", "attended"), digest["participations"]


def test_other_invitees_include_names_the_invited(run):
    digest = run(
        "A regional conference on the border war will open in Lima on March 3. Besides the two "
        "neighbours, other invitees include Chile, Bolivia and Argentina."
    )
    for state in ("Chile", "Bolivia", "Argentina"):
        assert has_fact(digest, "participations", state, "invited"), digest["participations"]


def test_a_plan_that_includes_a_country_invites_no_one(run):
    digest = run(
        "A regional conference on the border war will open in Lima on March 3. The draft plan "
        "includes Chile as a guarantor of the border."
    )
    assert not has_fact(digest, "participations", "Chile", "invited"), digest["participations"]
