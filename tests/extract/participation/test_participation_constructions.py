"""Participation told by constructions without an attendance verb: observers by passive agents,
hosts opening talks between others, companions, titled heads, named sides and ending verbs."""

from __future__ import annotations

import pytest

from conftest import has_fact, names

CASES = [
    # passive observers; a by-phrase followed by 'at the invitation of' was also invited
    (
        "Talks between Peru and Ecuador resumed in Lima on Monday. The talks are observed by Chile, "
        "and by Brazil at the invitation of Peru.",
        {("Chile", "attended"), ("Brazil", "attended"), ("Brazil", "invited")},
    ),
    # the subject opening talks between others hosts them; the others are parties
    (
        "Norway opened talks on Tuesday between Sudan and the SPLM in Oslo.",
        {("Norway", "attended"), ("Sudan", "attended")},
    ),
    # a companion shares the status of the subject
    (
        "Egypt will take part in the Geneva talks next week along with Jordan.",
        {("Egypt", "will_attend"), ("Jordan", "will_attend")},
    ),
    (
        "Kenya attended the Arusha talks on Monday together with Uganda.",
        {("Kenya", "attended"), ("Uganda", "attended")},
    ),
    # 'X from Y': Y is the side the people come from, not a place
    (
        "Negotiators from Armenia and Azerbaijan met in Vienna on Friday for peace talks.",
        {("Armenia", "attended"), ("Azerbaijan", "attended")},
    ),
    # 'the delegations of X and Y' name their sides
    (
        "The delegations of Serbia and Kosovo met in Brussels on Monday for talks.",
        {("Serbia", "attended"), ("Kosovo", "attended")},
    ),
    # a head named by a title in apposition shares the delegation's status
    (
        "Talks between Colombia and the ELN will resume in Havana next month. Antonio Garcia, the head "
        "of the ELN delegation, said the agenda was ready.",
        {("Antonio Garcia", "will_attend")},
    ),
    # ... or by a copular title
    (
        "Talks between Chad and the FACT rebels opened in Doha on Monday. Mahamat Zene is the head of "
        "the Chadian delegation.",
        {("Mahamat Zene", "attended")},
    ),
    # ending the talks is declining them
    (
        "Talks between Israel and Hamas opened in Cairo last week. Israel on Monday called off the "
        "talks in Cairo.",
        {("Israel", "declined")},
    ),
    # 'X and Y are among the leaders who arrived': X and Y arrived
    (
        "The Geneva talks opened on Monday. Ghana and Togo are among a dozen states that arrived in "
        "Geneva for the talks.",
        {("Ghana", "arrived"), ("Togo", "arrived")},
    ),
    # an inverted clause whose participle the parser makes a clausal subject
    (
        "The Lome summit opened on Monday. Also attending the summit is Nana Akufo-Addo, the president "
        "of Ghana.",
        {("Nana Akufo-Addo", "attended")},
    ),
    # separatists are an armed group that can take part
    (
        "The government and Kurdish separatists wrapped up peace talks in Oslo on Friday.",
        {("Kurdish separatists", "attended")},
    ),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_constructions(run, text, expected):
    digest = run(text)
    for actor, status in expected:
        assert has_fact(digest, "participations", actor, status), digest["participations"]


def test_passive_suspension_declines_for_nobody(run):
    digest = run("Talks between Mali and the CMA in Algiers were suspended on Monday.")
    assert not [p for p in digest["participations"] if p["status"] == "declined"]


def test_calling_off_a_ceasefire_is_no_refusal(run):
    digest = run("Talks between Chad and FACT resumed in Doha. Chad called off a ceasefire on Monday.")
    assert not [p for p in digest["participations"] if p["status"] == "declined"]


def test_a_denied_representation_states_no_attendance(run):
    digest = run(
        "Talks between Peru and Ecuador open in Lima on Monday. Two exile groups have denied being"
        " represented at the talks."
    )
    who = names(digest)
    assert {who[p["actor"]] for p in digest["participations"]} == {"Peru", "Ecuador"}


def test_opening_talks_of_ones_own_is_taking_part(run):
    digest = run("Peru and Ecuador opened talks in Lima on Monday.")
    roles = {p["role"] for p in digest["participations"] if p["status"] == "attended"}
    assert roles == {"party"}


def test_refusing_something_said_about_talks_is_no_refusal_to_attend(run):
    digest = run(
        "Peace talks will open in Lima on Friday. Because the rebels have refused to issue a statement "
        "saying they will lay down their arms during talks, the government barred them."
    )
    assert not has_fact(digest, "participations", "rebels", "declined"), digest["participations"]


def test_refusing_to_meet_is_declining(run):
    digest = run("Talks will open in Lima on Friday. The Ecuadorean diplomats refused to meet in Lima.")
    assert [p for p in digest["participations"] if p["status"] == "declined"], digest["participations"]


def test_a_description_said_of_later_takes_the_members_listed_for_it(run):
    digest = run(
        "Four world powers - France, Germany, Italy and Spain - want a deal. Talks with Iran resumed "
        "in Vienna on Monday. The powers and Iran said they had moved closer."
    )
    assert has_fact(digest, "participations", "Germany", "attended"), digest["participations"]
    assert has_fact(digest, "participations", "Iran", "attended")


def test_representatives_of_parties_after_a_run_in_dateline(run):
    digest = run(
        "ARUSHA, Tanzania July 12 Representatives of four parties boycotted a round of peace talks in "
        "Arusha on Tuesday."
    )
    assert has_fact(digest, "participations", "four parties", "declined"), digest["participations"]


def test_not_yet_arrived_is_still_expected(run):
    digest = run(
        "The talks in Lima were postponed to Friday. The Ecuadorean delegation has not yet arrived in Lima."
    )
    facts = digest["participations"]
    assert has_fact(digest, "participations", "Ecuadorean delegation", "will_attend"), facts
    assert not has_fact(digest, "participations", "Ecuadorean delegation", "declined")


def test_a_withdrawn_invitation_was_made_first(run):
    digest = run(
        "The Lima conference will open on Friday. On Monday the UN chief rescinded his invitation to Chile."
    )
    assert has_fact(digest, "participations", "Chile", "not_invited"), digest["participations"]
    assert has_fact(digest, "participations", "Chile", "invited")


def test_a_boycott_threat_is_declining(run):
    digest = run(
        "The Lima conference will open on Friday. Under a boycott threat from the Ecuadorean "
        "opposition, the UN chief changed the agenda on Monday."
    )
    assert [p for p in digest["participations"] if p["status"] == "declined"], digest["participations"]


def test_rumours_that_a_side_might_cancel_its_participation_leave_it_undecided(run):
    digest = run(
        "The Lima conference opened on Monday. Sources said Quito might cancel the participation of "
        "the Ecuadorean delegation in the conference."
    )
    assert [p for p in digest["participations"] if p["status"] == "undecided"], digest["participations"]
    assert not [p for p in digest["participations"] if p["status"] == "declined"]


def test_a_possessive_arrival_belongs_to_the_clause_subject(run):
    digest = run(
        "Peace talks opened in Lima on Monday. Foreign Minister Alan Garcia met the press on Sunday. "
        "Ecuadorean envoy Rafael Correa made no statement upon his arrival in Lima."
    )
    assert has_fact(digest, "participations", "Rafael Correa", "arrived"), digest["participations"]
    assert not has_fact(digest, "participations", "Alan Garcia", "arrived")


def test_an_agency_in_a_representatives_title_is_no_participant(run):
    digest = run(
        "Peace talks between Peru and Ecuador are under way in Lima. Peru is represented by Lars "
        "Ortega, director of the intelligence agency DINI, and Rosa Campos, head of the Ministry of Defence."
    )
    assert has_fact(digest, "participations", "Lars Ortega", "attended"), digest["participations"]
    assert not has_fact(digest, "participations", "DINI", "attended"), digest["participations"]
    assert not has_fact(digest, "participations", "Ministry of Defence", "attended")


def test_upon_arriving_gives_the_main_clause_subject_the_arrival(run):
    digest = run(
        "The third round of peace talks is under way in Quito. Upon arriving on Monday night in Quito, "
        "Peruvian envoy Marta Ibarra said she expected a deal."
    )
    assert has_fact(digest, "participations", "Marta Ibarra", "arrived"), digest["participations"]


def test_a_journey_before_a_return_is_not_this_meetings_attendance(run):
    digest = run(
        "Peace talks are under way in Quito. Peruvian envoy Marta Ibarra returned for more talks "
        "after flying back to Lima the previous day."
    )
    assert not has_fact(digest, "participations", "Marta Ibarra", "will_attend"), digest["participations"]


def test_a_name_hung_on_the_verb_is_a_conjunct_of_its_subject(nlp):
    from spacy.tokens import Doc

    from talkwatch.extract.participation import _stray_conjuncts

    words = ["Also", "attending", "are", "Campos", ",", "and", "Ortega", "."]
    heads = [1, 2, 2, 2, 3, 2, 2, 2]
    deps = ["advmod", "csubj", "ROOT", "nsubj", "punct", "cc", "conj", "punct"]
    pos = ["ADV", "VERB", "AUX", "PROPN", "PUNCT", "CCONJ", "PROPN", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert [t.text for t in _stray_conjuncts(doc[3])] == ["Ortega"]
    assert _stray_conjuncts(doc[6]) == []


def test_a_readiness_to_participate_is_its_owners_will_to_attend(run):
    digest = run(
        "Peace talks between Peru and Ecuador will open in Lima on March 3. The Shining Path rebels "
        "expressed a readiness to participate."
    )
    assert has_fact(digest, "participations", "Shining Path rebels", "will_attend"), digest["actors"]


def test_which_after_a_person_is_the_body_named_in_the_persons_title(run):
    digest = run(
        "Indirect peace talks between Peru and Ecuador are under way in Quito. Karim Selmi is the special "
        "envoy of President Abdel Rahman, current head of the Arab Maghreb Union (AMU), which is "
        "sponsoring the talks."
    )
    assert has_fact(digest, "participations", "Arab Maghreb Union", "sponsor", "role"), digest["actors"]
    assert not has_fact(digest, "participations", "Abdel Rahman", "sponsor", "role")


def test_who_leads_a_working_group_heads_no_delegation(run):
    digest = run(
        "The peace conference on Peru opened in Lima on Monday. During the day, in a series of working "
        "groups led by the UN mission to Peru (UNMIP) and the Peruvian Ministry of Foreign Affairs, "
        "delegates discussed trade and security."
    )
    assert not has_fact(digest, "participations", "UNMIP", "head_of_delegation", "role")
    # the working groups are a session of their own (news-dev README): the ministry attends
    # them from the chair, not the conference as a side's team
    conference = digest["meetings"][0]["id"]
    ministry = [
        p
        for p in digest["participations"]
        if names(digest)[p["actor"]] == "Peruvian Ministry of Foreign Affairs"
    ]
    assert all(p["meeting"] != conference for p in ministry)
    assert all(p["role"] != "head_of_delegation" for p in ministry)


def test_a_delegation_led_by_a_person_still_has_its_head(run):
    digest = run("The talks in Lima open on Monday. The rebel delegation will be led by Omar Sadiq.")
    assert has_fact(digest, "participations", "Omar Sadiq", "will_attend"), digest["participations"]


def test_they_in_a_concessive_clause_is_not_the_singular_main_subject(run):
    digest = run(
        "Peace talks between Peru and the rebels will open in Lima on March 3. The Peruvian army has "
        "decided to bar the two rebel factions from the talks, though they had expressed a readiness "
        "to participate."
    )
    facts = digest["participations"]
    names = {a["id"]: a["name"] for a in digest["actors"]}
    willing = [names[p["actor"]] for p in facts if p["status"] == "will_attend"]
    assert any("factions" in n for n in willing), (willing, facts)
    assert not any("army" in n for n in willing), willing


def test_they_for_a_numbered_description_brings_the_members_it_listed(run):
    digest = run(
        "Peace talks between Peru and the rebels will open in Lima on March 3. Officials were still "
        "discussing the participation of two groups that split from the army last year—the Red Brigade (RB) "
        "and the Tupac Amaru Revolutionary Movement (MRTA). "
        "The Peruvian army has decided to bar the two groups from the talks, though they had expressed "
        "a readiness to participate."
    )
    assert has_fact(digest, "participations", "Red Brigade", "will_attend"), digest["participations"]


def test_an_invitation_to_a_named_conference_invites_no_place(run):
    digest = run(
        "Peru and Ecuador received invitations to the Dayton peace conference on Tuesday, a week before "
        "it opens."
    )
    names = {a["id"]: a["name"] for a in digest["actors"]}
    invited = [names[p["actor"]] for p in digest["participations"] if p["status"] == "invited"]
    assert not any("Dayton" in n for n in invited), invited


def test_they_after_a_place_is_the_people_who_went_there(run):
    digest = run(
        "Peace talks between Peru and Ecuador opened in Lima on Monday. Peruvian Foreign Minister Ana Reyes "
        "and Ecuadorean Foreign Minister Luis Mora arrived early Monday morning at the Clarion Hotel and "
        "Conference Center. They were joined by UN envoy Karim Selmi."
    )
    names = {a["id"]: a["name"] for a in digest["actors"]}
    placed = [names[p["actor"]] for p in digest["participations"] if "Hotel" in names[p["actor"]]]
    assert not placed, digest["participations"]


def test_withdrawing_an_invitation_is_not_the_withdrawers_own_refusal(run):
    digest = run(
        "The Lima peace conference opens on Friday. In a statement, Ban said he had withdrawn the "
        "invitation to the opening session because Chile had not accepted the terms."
    )
    assert not has_fact(digest, "participations", "Ban", "declined"), digest["participations"]
    refused = run("The Lima peace conference opens on Friday. Chile declined the invitation on Monday.")
    assert has_fact(refused, "participations", "Chile", "declined"), refused["participations"]


def test_an_invitation_withdrawn_only_as_a_condition_is_not_withdrawn(run):
    digest = run(
        "The Lima peace conference opens on Friday. The rebels say they will quit the conference unless "
        "the UN chief withdraws his invitation to Chile."
    )
    assert not has_fact(digest, "participations", "Chile", "not_invited"), digest["participations"]


def test_those_nations_along_with_invitees_are_the_states_listed_before(run):
    digest = run(
        "A peace conference on Chad opens in Geneva on March 4. The envoy spoke after a day of talks with"
        " Kenya, Ghana and Peru. Along with those nations, other invitees include Chile and Norway."
    )
    for actor in ("Kenya", "Ghana", "Peru", "Chile", "Norway"):
        assert has_fact(digest, "participations", actor, "invited"), digest["participations"]


def test_those_nations_without_a_list_before_invite_no_one_else(run):
    digest = run(
        "A peace conference on Chad opens in Geneva on March 4. Kenya praised the envoy. Along with those"
        " nations, other invitees include Chile and Norway."
    )
    who = names(digest)
    invited = {who[p["actor"]] for p in digest["participations"] if p["status"] == "invited"}
    assert invited == {"Chile", "Norway"}
