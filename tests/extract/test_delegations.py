"""Delegations: size, owner, head and replacements."""

from __future__ import annotations

from conftest import names


def test_size_owner_and_meeting(run):
    digest = run(
        "The talks in Geneva open on Monday. The opposition said it will send a 15-member delegation."
    )
    (delegation,) = digest["delegations"]
    assert delegation["size"] == 15
    assert names(digest)[delegation["actor"]] == "opposition"
    assert delegation["meeting"] == digest["meetings"][0]["id"]


def test_delegation_of_n(run):
    digest = run("The talks in Doha resume on Friday. Kabul will send a delegation of twelve.")
    assert [d["size"] for d in digest["delegations"]] == [12]


def test_head_of_delegation(run):
    digest = run("The talks in Jeddah resume on Friday. The army delegation will be led by Omar Sadiq.")
    heads = [names(digest)[d["head"]] for d in digest["delegations"] if d["head"]]
    assert heads == ["Omar Sadiq"]


def test_replacement(run):
    digest = run(
        "The talks in Geneva open on Monday. Ahmed Toumi will replace Karim Selmi as chief negotiator."
    )
    (delegation,) = digest["delegations"]
    who = names(digest)
    assert (who[delegation["head"]], who[delegation["replaces"]]) == ("Ahmed Toumi", "Karim Selmi")


def test_no_delegation_without_size_or_head(run):
    assert run("The talks in Geneva open on Monday. A delegation is expected.")["delegations"] == []


def test_members_of_a_delegation(run):
    digest = run(
        "Talks between Vestria and Ostria opened in Geneva on Monday. The Vestrian delegation is led"
        " by Foreign Minister Anna Berg, and it also includes Deputy Minister Piotr Lind and"
        " General Omar Sadi. The other delegation, which includes the adviser Maria Costa, arrived"
        " on Sunday."
    )
    who = names(digest)
    members = [sorted(who[m] for m in d["members"]) for d in digest["delegations"]]
    assert ["Omar Sadi", "Piotr Lind"] in members  # the head is not listed again
    assert ["Maria Costa"] in members


def test_members_after_including(run):
    digest = run(
        "A delegation including Senator John Reyes and the envoy Karl Holm left for the talks in Oslo."
    )
    (delegation,) = digest["delegations"]
    assert sorted(names(digest)[m] for m in delegation["members"]) == ["John Reyes", "Karl Holm"]


def test_members_of_a_representation_made_up_of_people(run):
    digest = run(
        "Talks opened in Lima on Friday. Besides the minister, the government representation is made"
        " up of lawmakers Ana Lopez, Pedro Ruiz and Juan Mora."
    )
    members = [sorted(names(digest)[m] for m in d["members"]) for d in digest["delegations"]]
    assert members == [["Ana Lopez", "Juan Mora", "Pedro Ruiz"]]


def test_a_delegation_told_in_the_past_is_at_the_talks_just_held(run):
    digest = run(
        "A new round of talks between Vestria and Ostria is expected in Tromso on Friday. The first round"
        " was held in Bergen on May 3 and lasted six hours. The"
        " Vestrian delegation included Deputy Minister Piotr Lind and General Omar Sadi."
    )
    by_id = {m["id"]: m for m in digest["meetings"]}
    (delegation,) = [d for d in digest["delegations"] if d["members"]]
    assert by_id[delegation["meeting"]]["status"] in ("held", "concluded")


def test_a_delegation_told_in_the_future_stays_with_the_plan(run):
    digest = run(
        "A new round of talks between Vestria and Ostria is expected in Tromso on Friday. The first round"
        " was held in Bergen on May 3 and lasted six hours. The"
        " Vestrian delegation will include Deputy Minister Piotr Lind and General Omar Sadi."
    )
    by_id = {m["id"]: m for m in digest["meetings"]}
    (delegation,) = [d for d in digest["delegations"] if d["members"]]
    assert by_id[delegation["meeting"]]["status"] == "scheduled"


def test_a_conjoined_clause_without_its_own_subject_lists_members(run):
    digest = run(
        "Talks between Vestria and Ostria open in Geneva on Monday. The Vestrian delegation will be led by"
        " Foreign Minister Anna Berg and will also feature General Omar Sadi."
    )
    who = names(digest)
    assert [[who[m] for m in d["members"]] for d in digest["delegations"]] == [["Omar Sadi"]]


def test_persons_in_apposition_to_the_delegation_are_members(run):
    digest = run(
        "Talks between Vestria and Ostria opened in Geneva on Monday. The Vestrian delegation, Deputy"
        " Minister Piotr Lind and General Omar Sadi, arrived on Sunday."
    )
    who = names(digest)
    members = [sorted(who[m] for m in d["members"]) for d in digest["delegations"]]
    assert members == [["Omar Sadi", "Piotr Lind"]]


def test_titled_members_of_a_list_are_found_but_not_whom_they_serve(run):
    digest = run(
        "Talks between Vestria and Ostria opened in Geneva on Monday. Anna Berg heads the Vestrian"
        " delegation, which includes the adviser to the Chief of Staff Piotr Lind, the leader of the Green"
        " Party Omar Sadi and an aide to Karl Moss."
    )
    who = names(digest)
    members = [sorted(who[m] for m in d["members"]) for d in digest["delegations"] if d["members"]]
    assert members == [["Omar Sadi", "Piotr Lind"]]
