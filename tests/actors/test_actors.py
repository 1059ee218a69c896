"""Actor resolution: gazetteer, entities, descriptions, clustering, titles and codes."""

from __future__ import annotations

import pytest

from talkwatch import actors


def resolve(nlp, text):
    return actors.resolve(nlp(text))


def by_name(index, name):
    actor = index.lookup(name)
    assert actor is not None, [a.name for a in index.actors]
    return actor


def test_surname_joins_full_name(nlp):
    index = resolve(nlp, "Martin Griffiths met the rebels. Griffiths said the talks would go ahead.")
    actor = by_name(index, "Griffiths")
    assert actor.name == "Martin Griffiths" and len(actor.mentions) == 2


def test_particles_in_surnames(nlp):
    index = resolve(nlp, "Bashar al-Jaafari led the delegation. Jaafari said nothing.")
    assert by_name(index, "Jaafari") is by_name(index, "Bashar al-Jaafari")


def test_acronym_joins_organisation(nlp):
    index = resolve(nlp, "The Southern Transitional Council (STC) walked out. The STC later returned.")
    assert by_name(index, "STC") is by_name(index, "Southern Transitional Council")


def test_demonym_and_possessive_institutions_merge(nlp):
    index = resolve(
        nlp, "The Qatari foreign ministry said talks would resume. Qatar's foreign ministry gave no date."
    )
    ministry = by_name(index, "Qatari foreign ministry")
    assert ministry is by_name(index, "Qatar's foreign ministry")
    assert (ministry.type, ministry.country, ministry.cameo) == ("government", "QAT", "QATGOV")


@pytest.mark.parametrize(
    "text, name, type_",
    [
        ("Armed rebels attacked the town.", "Armed rebels", "armed_group"),
        ("At least four rebel groups refused to attend.", "At least four rebel groups", "armed_group"),
        (
            "A Sudanese source close to the army said the talks had stalled.",
            "Sudanese source close to the army",
            "person",
        ),
        ("US officials said they would attend.", "US officials", "government"),
        # two typed modifiers: the one next to the head decides, whatever the hash seed
        ("Pro-government armed groups signed the accord.", "Pro-government armed groups", "armed_group"),
    ],
)
def test_collective_descriptions_are_actors(nlp, text, name, type_):
    actor = by_name(resolve(nlp, text), name)
    assert actor.type == type_


def test_description_stands_for_its_state(nlp):
    actor = by_name(resolve(nlp, "US officials declined to comment."), "US officials")
    assert "United States" in actor.aliases and actor.country == "USA"


def test_title_from_compound_and_apposition(nlp):
    index = resolve(
        nlp, "UN envoy Hans Grundberg arrived. Sergei Lavrov, the Russian foreign minister, spoke."
    )
    assert by_name(index, "Hans Grundberg").title == "UN envoy"
    lavrov = by_name(index, "Sergei Lavrov")
    assert lavrov.title == "Russian foreign minister" and lavrov.country == "RUS"


def test_expert_with_affiliation(nlp):
    index = resolve(
        nlp, "Jane Korver, a senior fellow at the Clingendael Institute, said the truce was fragile."
    )
    expert = by_name(index, "Jane Korver")
    assert expert.type == "expert"
    assert expert.affiliation is not None
    assert "Clingendael" in index.get(expert.affiliation).name


def test_bare_reference_joins_named_government(nlp):
    index = resolve(nlp, "The government will attend. The Yemeni government named its delegation.")
    assert by_name(index, "government") is by_name(index, "Yemeni government")


def test_unknown_acronym_subject_is_an_organisation(nlp):
    actor = by_name(resolve(nlp, "The KDF said it would attend the talks."), "KDF")
    assert actor.type == "organization"


def test_dateline_is_not_an_actor(nlp):
    index = resolve(nlp, "NAIROBI (Reuters) - Kenya said on Monday it would host the talks.")
    assert [a.name for a in index.actors] == ["Kenya"]


def test_venue_state_is_not_an_actor(nlp):
    index = resolve(nlp, "The delegation arrived in Qatar on Monday.")
    assert index.lookup("Qatar") is None


def test_mentions_and_lookup_queries(nlp):
    text = "Egypt and Qatar mediated. Egypt said more talks were needed."
    index = resolve(nlp, text)
    egypt = by_name(index, "Egypt")
    assert [text[s:e] for s, e in egypt.mentions] == ["Egypt", "Egypt"]
    assert index.at(0, 5) is egypt
    assert [m.text for m in index.mentions_in(0, 25)] == ["Egypt", "Qatar"]
    assert index.last_before(len(text)).text == "Egypt"


def test_acronym_in_parentheses_joins_name_with_other_letters(nlp):
    index = resolve(nlp, "The Popular Salvation Front (FSP) met the envoy. The FSP later left.")
    assert by_name(index, "FSP") is by_name(index, "Popular Salvation Front")


def test_dateline_with_any_agency_credit_is_not_an_actor(nlp):
    index = resolve(nlp, "LUSAKA, June 4 (Xinhua) - Zambia said on Monday it would host the talks.")
    assert [a.name for a in index.actors] == ["Zambia"]


def test_coordinated_demonym_delegations_are_one_delegation_each(nlp):
    index = resolve(nlp, "The Chilean and Peruvian delegations arrived in Quito on Monday.")
    names = sorted(a.name for a in index.actors)
    assert "Chilean delegation" in names and "Peruvian delegation" in names, names


def test_a_shared_last_demonym_qualifies_each_conjunct(nlp):
    index = resolve(nlp, "The talks brought the Greek and Turkish Cypriot delegations together in Geneva.")
    names = sorted(a.name for a in index.actors)
    assert "Greek Cypriot delegation" in names and "Turkish Cypriot delegation" in names, names
    assert "Cypriot delegations" not in names


def test_a_person_name_cut_in_two_by_the_tagger_is_joined(nlp):
    from spacy.tokens import Span

    doc = nlp("Vice Minister Pak Song Chol arrived in Hanoi.")
    doc.ents = [Span(doc, 2, 4, label="PERSON"), Span(doc, 4, 5, label="PERSON")]
    names = [a.name for a in actors.resolve(doc).actors if a.type == "person"]
    assert names == ["Pak Song Chol"], names


def test_a_group_noun_coordinated_with_a_modifier_is_no_actor(nlp):
    index = resolve(nlp, "Sudanese and rebel negotiators failed to agree on a ceasefire in Doha on Monday.")
    names = [a.name for a in index.actors]
    assert "rebel" not in names, names


def test_a_coordinated_group_noun_head_is_still_an_actor(nlp):
    index = resolve(nlp, "The army and the rebels met in Doha on Monday.")
    assert any(a.type == "armed_group" for a in index.actors), [(a.name, a.type) for a in index.actors]


def test_a_name_after_a_bodys_head_word_is_its_officer(nlp):
    text = "The delegation will be led by President of the National Congress Luis Alberto Mora."
    index = resolve(nlp, text)
    people = [a.name for a in index.actors if a.type == "person"]
    assert "Luis Alberto Mora" in people, [(a.name, a.type) for a in index.actors]


def test_a_body_named_after_a_person_keeps_its_name(nlp):
    index = resolve(nlp, "The Kofi Annan Foundation said on Monday that the talks would resume.")
    assert not any(a.type == "person" and a.name == "Annan Foundation" for a in index.actors)


def test_the_countrys_description_is_named_without_the_anaphoric_owner(nlp):
    index = resolve(nlp, "Talks between Peru's government and the country's opposition were suspended.")
    names = [a.name for a in index.actors]
    assert "opposition" in names and not any("country" in n for n in names), names


@pytest.mark.parametrize(
    "text, name",
    [
        ("It includes the Deputy Minister of Trade Dragan Fomenko and the Chairman Ivan Petrov.",
         "Dragan Fomenko"),
        ("The team is made up of lawmakers Francisco Valdivia, Diva Guzman, and aides.",
         "Francisco Valdivia"),
    ],
)
def test_an_untagged_name_next_to_a_title_is_a_person(nlp, text, name):
    index = resolve(nlp, text)
    assert by_name(index, name).type == "person", [(a.name, a.type) for a in index.actors]


def test_short_forms_join_the_long_name_whichever_comes_first(nlp):
    index = resolve(
        nlp,
        "Democratic Unity Front says it will boycott the talks. Shortly afterwards, the Democratic Front "
        "for Unity and National Renewal said it would withdraw from the conference. The Democratic Front "
        "met in Lagos on Sunday.",
    )
    front = by_name(index, "Democratic Front for Unity and National Renewal")
    assert by_name(index, "Democratic Unity Front") is front
    assert by_name(index, "Democratic Front") is front


def test_a_short_form_of_two_names_joins_neither(nlp):
    index = resolve(
        nlp,
        "The People's Democratic Party of Kaweri and the Democratic Party of Tarnia Workers met. "
        "The Democratic Party said it would attend.",
    )
    short = by_name(index, "Democratic Party")
    assert short.name == "Democratic Party"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The delegation includes the Deputy Minister of Energy Dalibor Vrenko.", "Dalibor Vrenko"),
        ("The delegation also included the Deputy Minister of Agriculture Stanko Veleski.", "Stanko Veleski"),
    ],
)
def test_an_untagged_name_after_a_title_is_a_person(nlp, text, name):
    actor = by_name(resolve(nlp, text), name)
    assert actor.type == "person" and actor.name == name


def test_a_portfolio_after_a_title_is_no_person(nlp):
    index = resolve(nlp, "The Deputy Minister of Foreign Affairs said the talks would resume.")
    assert not [a for a in index.actors if a.type == "person"]


def test_a_plural_movement_name_is_a_group(nlp):
    index = resolve(nlp, "A truce was reached between the government and the Veldrists. The Maoists left.")
    assert by_name(index, "Maoists").type == "armed_group"  # its head word is a known armed group noun
    assert by_name(index, "Veldrists").type in ("group", "organization")  # unknown to the gazetteer
    assert index.lookup("Syrians") is None


def test_a_known_officials_delegation_speaks_for_the_state(nlp):
    index = resolve(nlp, "Talks opened between Nyusi's delegation and the rebels on Monday.")
    delegation = by_name(index, "Nyusi's delegation")
    assert delegation.country == "MOZ" and delegation.key == "MOZ:delegation"


def test_a_bare_government_is_not_an_unnamed_group_of_officials(nlp):
    index = resolve(nlp, "Officials said the talks would go ahead. The government agreed to attend.")
    assert by_name(index, "government") is not by_name(index, "Officials")


def test_a_known_officer_after_a_bodys_head_word_is_split_from_it(nlp):
    index = resolve(nlp, "The delegation will be led by the head of the National Assembly Jorge Rodriguez.")
    officer = by_name(index, "Jorge Rodriguez")
    assert officer.type == "person" and officer.key == "P_JORGE_RODRIGUEZ"


def test_a_hyphenated_prefix_keeps_the_demonym_of_its_head(nlp):
    actor = by_name(resolve(nlp, "The Kenyan co-mediators missed their flights."), "Kenyan co-mediators")
    assert actor.country == "KEN"
