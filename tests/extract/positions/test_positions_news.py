"""Positions: constructions found in real reports (stance nouns with their complements,
consent that is only open to talking, lists of conditions, territorial claims, holders the
actor index misses). Short sentences of our own; the fake actor index comes from
test_positions."""

from __future__ import annotations

import pytest

from test_positions import named, parse, run  # noqa: F401 - parse is a fixture

# (sentence, actors, holder, stance, words the issue must contain)
CASES = [
    ("Seoul voiced anger over the new tariffs.", [("Seoul", "government")],
     "Seoul", "oppose", ["new tariffs"]),
    ("The rebels objected to the draft charter.", [("rebels", "armed_group")],
     "rebels", "reject", ["draft charter"]),
    ("The monitors expressed their readiness to verify the pullback.", [("monitors", "group")],
     "monitors", "support", ["verify the pullback"]),
    ("The council agreed to discuss a prisoner swap.", [("council", "government")],
     "council", "open", ["prisoner swap"]),
    ("The militia is willing to give up its heavy weapons.", [("militia", "armed_group")],
     "militia", "support", ["give up its heavy weapons"]),
    ("Ministers of the Arab League called for a halt to the shelling.",
     [("Arab League", "igo")], "Arab League", "demand", ["halt to the shelling"]),
    ("The union will not return to the table until the wages are paid.",
     [("union", "organization")], "union", "demand", ["wages are paid"]),
    ("The US has said Iran will not be admitted until it frees the sailors.",
     [("US", "state"), ("Iran", "state")], "US", "demand", ["frees the sailors"]),
    ("The president would only meet the rebel leader in person.", [("president", "person")],
     "president", "demand", ["meet the rebel leader in person"]),
    ("Caracas claims the region is part of its territory.", [("Caracas", "government")],
     "Caracas", "demand", ["part of its territory"]),
    ("The rebels will not accept less than full autonomy.", [("rebels", "armed_group")],
     "rebels", "demand", ["full autonomy"]),
    ('"It was not possible to accept foreign bases," the minister said.',
     [("minister", "person")], "minister", "reject", ["foreign bases"]),
    ('"Direct talks are the only way, and we support this," the envoy said.',
     [("envoy", "person")], "envoy", "support", ["Direct talks"]),
    ("The government in Lusaka expressed its displeasure over the new levy.",
     [("government in Lusaka", "government"), ("Lusaka", "state")],
     "government in Lusaka", "oppose", ["new levy"]),
    ("The talks focus on Chile's demand that Peru withdraw its patrol boats.",
     [("Chile", "state"), ("Peru", "state")], "Chile", "demand", ["withdraw its patrol boats"]),
    ("The Nepali government met the rebels. The rebels rejected a government offer of an "
     "amnesty.", [("Nepali government", "government"), ("rebels", "armed_group")],
     "Nepali government", "support", ["amnesty"]),
    ("The protesters demanded new elections.", [], "protesters", "demand", ["new elections"]),
    ("The minister left early after criticizing the draft budget.", [("minister", "person")],
     "minister", "oppose", ["draft budget"]),
    ("Lima demanded that the Bolivian president also join the talks.", [("Lima", "government")],
     "Lima", "demand", ["join the talks"]),
    ('"Outside meddling in our elections is not acceptable," the minister told reporters.',
     [("minister", "person")], "minister", "reject", ["Outside meddling"]),
    ("The rebels accused the army of delays and demanded a new monitoring team.",
     [("rebels", "armed_group"), ("army", "armed_group")], "rebels", "demand",
     ["new monitoring team"]),
    ("The general said he might be willing to go back to the negotiating table.",
     [("general", "person")], "general", "open", ["negotiating table"]),
    ("The senator demanded for the hostages to be freed at once.", [("senator", "person")],
     "senator", "demand", ["hostages to be freed"]),
    ("The minister gave his backing to the talks in Oslo.", [("minister", "person")],
     "minister", "support", ["talks in Oslo"]),
    ('"We hope the coming weeks will bring an accord," the envoy said.', [("envoy", "person")],
     "envoy", "support", ["accord"]),
    ("The vote was postponed at the request of the opposition.", [("opposition", "opposition")],
     "opposition", "demand", ["postponed"]),
    ("The unions have reached an agreement with the employers to extend the truce.",
     [("unions", "organization")], "unions", "support", ["extend the truce"]),
    ("We do not want to negotiate with the militias, the spokesman said.",
     [("spokesman", "person")], "spokesman", "reject", ["negotiate with the militias"]),
]


@pytest.mark.parametrize("body,spec,holder,stance,words", CASES)
def test_position(parse, body, spec, holder, stance, words):  # noqa: F811
    found, index = run(parse, body, spec)
    hits = [p for p in named(found, index) if p[0] == holder and p[1] == stance]
    assert hits, named(found, index)
    assert any(all(w in h[2] for w in words) for h in hits), hits


def test_each_condition_of_a_list_is_demanded(parse):  # noqa: F811
    body = ("The mayor said he was ready for talks if two conditions are met: an end to the "
            "curfew and the return of the exiles.")
    found, index = run(parse, body, [("mayor", "person")])
    issues = sorted(i for n, s, i, _ in named(found, index) if n == "mayor" and s == "demand")
    assert issues == ["end to the curfew", "return of the exiles"], named(found, index)


def test_two_cues_of_one_sentence_are_two_positions(parse):  # noqa: F811
    body = "The envoy demanded a truce and called for the release of the hostages."
    found, index = run(parse, body, [("envoy", "person")])
    issues = sorted(i for n, s, i, _ in named(found, index) if s == "demand")
    assert issues == ["release of the hostages", "truce"], named(found, index)


def test_their_after_two_named_subjects_is_both(parse):  # noqa: F811
    body = "Lima and Quito arrived with one message: their claims are not open to negotiation."
    found, index = run(parse, body, [("Lima", "government"), ("Quito", "government")])
    holders = sorted(n for n, s, _, _ in named(found, index) if s == "non_negotiable")
    assert holders == ["Lima", "Quito"], named(found, index)


NO_POSITION = [
    "The envoys failed to agree on the wording of the text.",
    "The two delegations agreed to hold another round in May.",
    "The forum, which aims to end the blockade, opened on Monday.",
    "The army offered no timetable.",
    '"We do not want to create false hopes," the mediator said.',
    "The mediators drafted a plan calling for a buffer zone.",
    '"We hope that we will finish the job," the mediator said.',
    '"If they keep stalling, we will have to leave," the mediator said.',
    "Two presidents arrived in the capital at the request of the mediator.",
    "PARIS (talkwatch) - The envoys agreed on Friday to a truce in the northern province.",
]


@pytest.mark.parametrize("body", NO_POSITION)
def test_no_position(parse, body):  # noqa: F811
    spec = [("envoys", "group"), ("delegations", "group"), ("army", "armed_group"),
            ("mediator", "person"), ("mediators", "group")]
    found, index = run(parse, body, spec)
    assert named(found, index) == []


def test_both_sides_are_the_two_parties_named_together(parse):  # noqa: F811
    body = ("Talks between Lima and Quito resumed. "
            "Both sides agreed to a joint survey of the border.")
    found, index = run(parse, body, [("Lima", "government"), ("Quito", "government")])
    holders = sorted(n for n, s, i, _ in named(found, index) if s == "support" and "survey" in i)
    assert holders == ["Lima", "Quito"], named(found, index)


def test_both_countries_claim_a_zone(parse):  # noqa: F811
    body = ("Oslo and Moscow met on Monday. The shelf is rich in fish and both countries "
            "claim it is located in their own economic zones.")
    found, index = run(parse, body, [("Oslo", "government"), ("Moscow", "government")])
    holders = sorted(n for n, s, i, _ in named(found, index) if s == "demand" and "zones" in i)
    assert holders == ["Moscow", "Oslo"], named(found, index)


def test_each_side_is_still_nobody(parse):  # noqa: F811
    body = "Lima and Quito met on Monday. Each side wants a new border commission."
    found, index = run(parse, body, [("Lima", "government"), ("Quito", "government")])
    assert named(found, index) == []


def test_dismissing_a_delegation_opposes_it(parse):  # noqa: F811
    body = "The president dismissed the make-up of the rival delegation."
    found, index = run(parse, body, [("president", "person")])
    assert [(n, s) for n, s, i, _ in named(found, index) if "delegation" in i] == [("president", "oppose")]


def test_insisting_on_a_fact_demands_nothing(parse):  # noqa: F811
    body = "The envoy insisted that the ministry had lost the file."
    found, index = run(parse, body, [("envoy", "person")])
    assert named(found, index) == []


def test_insisting_it_is_time_to_act_supports_the_act(parse):  # noqa: F811
    body = "The envoy insisted it was time to lift the curfew."
    found, index = run(parse, body, [("envoy", "person")])
    assert [(n, s, i) for n, s, i, _ in named(found, index)] == [("envoy", "support", "lift the curfew")]


def test_they_is_no_single_person(parse):  # noqa: F811
    body = "The minister spoke on Monday. Now they want an amnesty."
    found, index = run(parse, body, [("minister", "person")])
    assert named(found, index) == []


def test_pronoun_of_a_coordinated_clause_is_the_first_subject(parse):  # noqa: F811
    body = "The mayor said the colonel asked for a pardon, but he was not willing to grant one."
    found, index = run(parse, body, [("mayor", "person"), ("colonel", "person")])
    assert ("mayor", "reject") in [(n, s) for n, s, _, _ in named(found, index)], named(found, index)


def test_do_that_stands_for_the_action_just_named(parse):  # noqa: F811
    body = "The mayor said the colonel asked him to free the guards, but he was not willing to do that."
    found, index = run(parse, body, [("mayor", "person"), ("colonel", "person")])
    refused = [i for n, s, i, _ in named(found, index) if (n, s) == ("mayor", "reject")]
    assert refused and "free the guards" in refused[0], named(found, index)


def test_barring_a_party_from_attending_opposes_it(parse):  # noqa: F811
    body = "The junta decided to bar the two militias from attending the forum."
    found, index = run(parse, body, [("junta", "government"), ("militias", "armed_group")])
    assert [(n, s) for n, s, i, _ in named(found, index) if "militias" in i] == [("junta", "oppose")]


def test_they_of_a_concessive_clause_is_not_the_main_subject(parse):  # noqa: F811
    body = "The junta barred the militias, though they had expressed a readiness to disarm."
    found, index = run(parse, body, [("junta", "government"), ("militias", "armed_group")])
    assert ("militias", "support", "disarm") in [(n, s, i) for n, s, i, _ in named(found, index)]


def test_readiness_to_leave_the_talks_is_no_stance(parse):  # noqa: F811
    body = "The envoy said he was willing to walk away from the talks."
    found, index = run(parse, body, [("envoy", "person")])
    assert named(found, index) == []


def test_agreeing_not_to_touch_on_a_topic_arranges_the_talks(parse):  # noqa: F811
    body = "The envoys agreed not to touch on the border in the first round."
    found, index = run(parse, body, [("envoys", "group")])
    assert named(found, index) == []


def test_a_plural_description_is_the_pair_just_named(parse):  # noqa: F811
    body = "Ortiz and Blanco met on Monday. The old rivals refused to share a stage."
    found, index = run(parse, body, [("Ortiz", "person"), ("Blanco", "person")])
    holders = sorted(n for n, s, _, _ in named(found, index) if s == "reject")
    assert holders == ["Blanco", "Ortiz"], named(found, index)


def test_a_modal_over_two_coordinated_verbs_demands_both(parse):  # noqa: F811
    body = 'The envoy said the militia must accept the plan and hand over its tanks.'
    found, index = run(parse, body, [("envoy", "person"), ("militia", "armed_group")])
    demanded = [i for n, s, i, _ in named(found, index) if (n, s) == ("envoy", "demand")]
    assert demanded and "hand over its tanks" in demanded[0], named(found, index)


def test_saying_x_would_not_be_needed_opposes_x(parse):  # noqa: F811
    body = "The islanders say that foreign garrisons would not be needed after the deal."
    found, index = run(parse, body, [("islanders", "group")])
    assert [(n, s, i) for n, s, i, _ in named(found, index)] == [("islanders", "oppose", "foreign garrisons")]


def test_saying_x_is_needed_is_no_stance_of_its_own(parse):  # noqa: F811
    body = "The islanders say that more time is needed."
    found, index = run(parse, body, [("islanders", "group")])
    assert named(found, index) == []


def test_that_noun_is_the_same_noun_named_before(parse):  # noqa: F811
    body = ("The summit has the aim of a joint customs union. "
            "The islanders said they could not agree to that aim.")
    found, index = run(parse, body, [("islanders", "group")])
    assert [(n, s, i) for n, s, i, _ in named(found, index)] == [
        ("islanders", "reject", "aim of a joint customs union")], named(found, index)


def test_a_right_the_holder_keeps_is_not_negotiable(parse):  # noqa: F811
    body = "Quito wants to end the embargo while preserving its right to fish in the bay."
    found, index = run(parse, body, [("Quito", "government")])
    kept = [i for n, s, i, _ in named(found, index) if (n, s) == ("Quito", "non_negotiable")]
    assert kept and "right to fish in the bay" in kept[0], named(found, index)


def test_a_stance_noun_in_a_list_of_conditions_is_what_is_demanded(parse):  # noqa: F811
    body = "Our conditions include a full audit and the army's commitment to stay in its barracks."
    found, index = run(parse, body, [("army", "armed_group")])
    assert not any(n == "army" for n, _, _, _ in named(found, index)), named(found, index)


def test_ready_for_vague_work_is_no_stance(parse):  # noqa: F811
    body = "The ministry said the delegation was ready for hard work."
    found, index = run(parse, body, [("ministry", "government")])
    assert named(found, index) == []


def test_the_subject_of_a_passive_cue_holds_no_stance(parse):  # noqa: F811
    body = "The rebel leader was again barred from taking part in the talks."
    found, index = run(parse, body, [("rebel leader", "person")])
    assert named(found, index) == []
