"""Body names typed by an apposed description ('X Y, a coalition of ...')."""

from __future__ import annotations

from talkwatch.actors.described import described_bodies


def bodies(nlp, text):
    doc = nlp(text)
    return [(doc[s:e].text, typ) for s, e, typ in described_bodies(doc)]


def test_a_name_with_an_apposed_coalition_is_that_coalition(nlp):
    found = bodies(nlp, "Wakit Tama, a coalition of civic groups and parties, said it had not been invited.")
    assert found == [("Wakit Tama", "opposition")]


def test_a_person_with_an_apposed_role_is_no_body(nlp):
    assert bodies(nlp, "Amara Konde, a senior official of the ministry, said the talks would resume.") == []


def test_the_name_is_the_actor_and_the_coalition_its_alias(run):
    digest = run(
        "Peace talks between the government and the rebels opened in Lome on Monday. Mosaka Lisi, "
        "an alliance of civic groups and opposition parties, said it had not been invited to Lome."
    )
    names = {a["id"]: a["name"] for a in digest["actors"]}
    refused = [names[p["actor"]] for p in digest["participations"] if p["status"] == "not_invited"]
    assert refused == ["Mosaka Lisi"], digest["participations"]
    assert next(a["type"] for a in digest["actors"] if a["name"] == "Mosaka Lisi") != "person"
