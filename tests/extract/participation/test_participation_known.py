"""Known actors whose part at a meeting is told indirectly: a fronted 'on his arrival' phrase,
'the inclusion of X in the talks', a side's adjective, role nouns the parser left unlinked,
thanks for hosting, companions named in apposition, agreements reached at the talks."""

from __future__ import annotations

from conftest import has_fact


def test_arrival_phrase_with_subject_hung_on_the_place(run):
    digest = run(
        "Peace talks on the Andean border opened in Lucerne on Monday. On his arrival in Switzerland, "
        "Michael Peterson, secretary-general of the Andean Front, told reporters that the front was ready."
    )
    assert has_fact(digest, "participations", "Michael Peterson", "arrived"), digest["participations"]


def test_inclusion_in_the_dialogue_invites_those_named(run):
    digest = run(
        "A new round of the Andean dialogue opened in Lima on Monday. The rebels are unhappy about "
        "the inclusion of Michael Peterson in the dialogue."
    )
    assert has_fact(digest, "participations", "Michael Peterson", "invited"), digest["participations"]


def test_inclusion_asked_for_invites_no_one(run):
    digest = run(
        "A new round of the Andean dialogue opened in Lima on Monday. The rebels demanded "
        "the inclusion of Michael Peterson in the dialogue."
    )
    assert not has_fact(digest, "participations", "Michael Peterson", "invited"), digest["participations"]


def test_thanks_for_hosting_talks_held(run):
    digest = run(
        "Peru and Ecuador held border talks in Brasilia on Monday. Afterwards the two foreign "
        "ministers, Maria Lopez and Carlos Ruiz, thanked Brazil for hosting the talks."
    )
    parts = digest["participations"]
    assert has_fact(digest, "participations", "Brazil", "host", field="role"), parts
    assert has_fact(digest, "participations", "Maria Lopez", "attended"), parts
    assert has_fact(digest, "participations", "Carlos Ruiz", "attended"), parts


def test_a_role_played_in_the_talks(run):
    digest = run(
        "Border talks between Peru and Ecuador were held in Brasilia last week. Chile, which has "
        "been playing a central role in the discussions, said a deal was near."
    )
    assert has_fact(digest, "participations", "Chile", "attended"), digest["participations"]


def test_a_role_played_in_the_economy_is_no_attendance(run):
    digest = run(
        "Border talks between Peru and Ecuador were held in Brasilia last week. Chile, which has "
        "been playing a central role in the economy, said a deal was near."
    )
    assert not has_fact(digest, "participations", "Chile", "attended"), digest["participations"]


def test_companions_named_after_the_meeting(run):
    digest = run(
        "Vice-President Anna Berg also attended the meeting together with the Liberal Party "
        "representatives to the border talks, Michael Peterson and David Clark."
    )
    parts = digest["participations"]
    assert has_fact(digest, "participations", "Michael Peterson", "attended"), parts
    assert has_fact(digest, "participations", "David Clark", "attended"), parts


def test_head_of_the_governmental_delegation_shares_its_status(run):
    digest = run(
        "The Peruvian government is boycotting the border talks in Quito, the governmental "
        "delegation's chief, Michael Peterson, said on Sunday."
    )
    assert has_fact(digest, "participations", "Michael Peterson", "declined"), digest["participations"]


def test_role_noun_and_name_both_parsed_as_subjects(run):
    digest = run(
        "Border talks between Peru and Ecuador were held in Quito this week. The chosen mediator, "
        "Michael Peterson spoke to reporters on Friday after two days of talks."
    )
    assert has_fact(digest, "participations", "Michael Peterson", "mediator", field="role"), digest[
        "participations"
    ]


def test_staying_on_at_talks_under_way(run):
    digest = run(
        "Border talks between Peru and Ecuador continued in Quito on Wednesday. Peruvian Foreign "
        "Minister Michael Peterson announced he would stay at least until Friday."
    )
    assert has_fact(digest, "participations", "Michael Peterson", "attended"), digest["participations"]


def test_staying_in_power_is_no_attendance(run):
    digest = run(
        "Border talks between Peru and Ecuador continued in Quito on Wednesday. President Michael "
        "Peterson vowed he would stay in power."
    )
    assert not has_fact(digest, "participations", "Michael Peterson", "attended"), digest["participations"]


def test_acronym_before_a_hyphen_names_the_actor(run):
    digest = run(
        "The first UN-backed talks on the Andean border open in Lima on Wednesday. UN envoy "
        "Michael Peterson will host them."
    )
    assert has_fact(digest, "participations", "United Nations", "sponsor", field="role"), digest[
        "participations"
    ]


def test_beginning_a_day_of_the_talks(run):
    digest = run(
        "Lima, March 4 (news agency).- The Peruvian government and the rebels began Friday in Lima "
        "the second day of dialogue, after the new round of talks opened on Thursday."
    )
    parts = digest["participations"]
    assert has_fact(digest, "participations", "rebels", "attended"), parts


def test_a_role_in_the_talks_hung_on_the_role_noun(run):
    digest = run(
        "Talks between Peru and Ecuador resumed in Quito on Monday. Chile, which has played a key "
        "role in the negotiations, urged restraint."
    )
    assert has_fact(digest, "participations", "Chile", "attended"), digest["participations"]


def test_thanks_for_hospitality_and_mediation(run):
    digest = run(
        "Peru and Ecuador ended two days of border talks in Brasilia on Tuesday. Peruvian foreign "
        "minister Maria Lopez thanked Brazil for its hospitality and praised the African Union "
        "for its mediation."
    )
    parts = digest["participations"]
    assert has_fact(digest, "participations", "Brazil", "host", field="role"), parts
    assert has_fact(digest, "participations", "African Union", "mediator", field="role"), parts


def test_plural_role_noun_names_its_state(run):
    digest = run(
        "Border talks between Peru and Ecuador resumed in Lima on Monday. Brazilian mediators "
        "gave both sides a draft text."
    )
    assert has_fact(digest, "participations", "Brazil", "mediator", field="role"), digest["participations"]


def test_former_mediators_name_no_state(run):
    digest = run(
        "Border talks between Peru and Ecuador resumed in Lima on Monday. Former Brazilian "
        "mediators criticised the draft."
    )
    assert not has_fact(digest, "participations", "Brazil", "mediator", field="role"), digest[
        "participations"
    ]
