"""Agreements: kinds, brokers, parties, start dates, status and coreference.

Unit tests give the extractor a small fake actor index and hand-made date
expressions, so they test this module alone; the integration test at the end
goes through the real pipeline (actors, dates).
"""

from __future__ import annotations

import re

import pytest

from fake_actors import FakeIndex
from talkwatch import nlp
from talkwatch.context import Context
from talkwatch.extract import agreements
from talkwatch.model import AGREEMENT_KINDS, Article, DateExpr

STATUSES = {"in_force", "signed", "proposed", "collapsed", "violated", "expired", "extended"}


@pytest.fixture(scope="session")
def parse():
    return nlp.load()


def run(parse, body: str, names: list[str], dates: dict[str, str]):
    """Agreements of ``body``; ``names`` become state actors, ``dates`` map text -> value."""
    index = FakeIndex.of(body, [(n, "state") for n in names])
    exprs = sorted((DateExpr(text, m.start(), m.end(), value, "day")
                    for text, value in dates.items() for m in re.finditer(re.escape(text), body)),
                   key=lambda d: d.start)
    ctx = Context(article=Article(body=body, id="t", published="2024-03-01"), doc=parse(body),
                  actors=index, dates=exprs)
    found = agreements.extract(ctx)
    for a in found:
        assert a.kind in AGREEMENT_KINDS and (a.status is None or a.status in STATUSES)
        assert body[a.evidence.start:a.evidence.end] == a.evidence.text
    return found, index


def names(index, ids) -> list[str]:
    return [index.get(i).name for i in ids]


# (text, actor names, dates, kind, start, brokers, parties, status)
CASES = [
    ("Fighting has eased under a ceasefire that has been in place since March 5 and was "
     "brokered by Russia and Turkey.", ["Russia", "Turkey"], {"March 5": "2020-03-05"},
     "ceasefire", "2020-03-05", ["Russia", "Turkey"], [], "in_force"),
    ("A Qatar-mediated truce between Israel and Hamas took effect on Friday.",
     ["Qatar", "Israel", "Hamas"], {"Friday": "2023-11-24"},
     "truce", "2023-11-24", ["Qatar"], ["Israel", "Hamas"], "in_force"),
    ("The memorandum of understanding, signed by Ethiopia and Somaliland on January 1, "
     "angered Mogadishu.", ["Ethiopia", "Somaliland"], {"January 1": "2024-01-01"},
     "memorandum", "2024-01-01", [], ["Ethiopia", "Somaliland"], "signed"),
    ("Under the auspices of the African Union, Ethiopia and the TPLF signed a cessation of "
     "hostilities in Pretoria on November 2.", ["African Union", "Ethiopia", "TPLF"],
     {"November 2": "2022-11-02"}, "ceasefire", "2022-11-02", ["African Union"],
     ["Ethiopia", "TPLF"], "signed"),
    ("Russia and Turkey brokered a ceasefire in Idlib in March.", ["Russia", "Turkey"],
     {"March": "2020-03"}, "ceasefire", "2020-03", ["Russia", "Turkey"], [], "signed"),
    ("The two leaders signed a cessation of hostilities agreement in Arusha on Thursday.", [],
     {"Thursday": "2024-02-29"}, "ceasefire", "2024-02-29", [], [], "signed"),
    ("Their summit in Sochi in May, where they signed a joint statement on the border, was "
     "hailed as a breakthrough.", [], {"May": "2023-05"}, "accord", "2023-05", [], [], "signed"),
    ("The second round ended on April 9 with an accord on prisoner releases.", [],
     {"April 9": "2024-04-09"}, "accord", "2024-04-09", [], [], None),
    ("The peace deal, signed in Lome in 1999, ended the war.", [], {"1999": "1999"}, "deal",
     None, [], [], "signed"),  # a year alone leaves the start unknown
    ("The 1975 Helsinki Declaration remains the basis of the talks.", [], {"1975": "1975"},
     "accord", None, [], [], None),
    ("The truce, signed on June 2, took effect on June 4 and has largely held.", [],
     {"June 2": "2023-06-02", "June 4": "2023-06-04"}, "truce", "2023-06-04", [], [], "in_force"),
    ("The 2008 ceasefire agreement, mediated by France, ended a five-day war.", ["France"],
     {"2008": "2008"}, "ceasefire", None, ["France"], [], "signed"),
    ("The plan provides for a truce to start on the 9th and for talks on prisoners.", [],
     {"9th": "2024-03-09"}, "truce", "2024-03-09", [], [], None),
    ("Armenia and Azerbaijan agreed to a peace agreement drafted in Washington.",
     ["Armenia", "Azerbaijan"], {}, "accord", None, [], ["Armenia", "Azerbaijan"], "signed"),
    ("The grain deal expired on Monday after Moscow withdrew its guarantees.", [],
     {"Monday": "2023-07-17"}, "deal", None, [], [], "expired"),
    ("Both sides said the road map, guaranteed by Egypt and Qatar, would be extended.",
     ["Egypt", "Qatar"], {}, "roadmap", None, ["Egypt", "Qatar"], [], "extended"),
    ("Monitors reported dozens of violations of the humanitarian pause on Tuesday.", [],
     {"Tuesday": "2024-02-27"}, "truce", None, [], [], "violated"),
    ("The December 30 truce between the army and the militias collapsed last week.",
     ["army", "militias"], {"December 30": "2023-12-30", "last week": "2024-02"},
     "truce", "2023-12-30", [], ["army", "militias"], "collapsed"),
]


@pytest.mark.parametrize("body,actors,dates,kind,start,brokers,parties,status", CASES)
def test_agreement(parse, body, actors, dates, kind, start, brokers, parties, status):
    found, index = run(parse, body, actors, dates)
    assert len(found) == 1, found
    a = found[0]
    assert (a.kind, a.start, a.status) == (kind, start, status)
    assert sorted(names(index, a.brokers)) == sorted(brokers)
    assert sorted(names(index, a.parties)) == sorted(parties)


@pytest.mark.parametrize("body", [
    "Mediators are trying to deal with the crisis.",
    "The two sides are in agreement that talks should continue.",
    "The president said there would be no ceasefire until the city falls.",
    "Negotiators discussed the agenda for the next round.",
    # proposed, asked for, hoped for or yet to be made: not annotated
    "The rebels called for an immediate cease-fire.",
    "European mediators have stepped up efforts to broker a peace treaty.",
    "The minister said he was ready to sign a treaty by the end of the year.",
    "Envoys met on Monday to discuss a proposed ten-day truce.",
    "The rebels said they were ready to discuss a truce as a matter of priority.",
    "The army said it was open to a monitored humanitarian pause.",
    "Diplomats said a deal could be reached within days.",
    "He said he hoped a truce would be in place by the end of the month.",
    "The comprehensive agreement is expected to be signed in Nairobi next month.",
    "Reaching an agreement on a ceasefire remains the main goal.",
    "The commander took part in the ceremony but did not mention a truce.",
    "A ceasefire is negotiated at the table, not announced on television.",
    "Observers cast doubt on hopes for a deal before the holiday.",
    # no one agreement
    "The talks ended without agreement on the border.",
    "Both sides are wary of any deal that looks like surrender.",
    "The rebels have broken every truce they ever signed.",
    "Fighting continued despite several truces.",
    "According to a ceasefire monitoring body, shelling continued.",
    "The Government of National Accord rejected the offer.",
])
def test_no_agreement(parse, body):
    names = ["Government of National Accord"] if "National Accord" in body else []
    assert run(parse, body, names, {"the 9th": "2024-03-09", "Monday": "2024-02-26"})[0] == []


@pytest.mark.parametrize("body,kind", [
    ("The negotiations will include discussion of a ceasefire and the return of prisoners.", "ceasefire"),
    ("A truce is on the agenda of the second round.", "truce"),
    ("The envoys will discuss a ceasefire on Monday.", "ceasefire"),
])
def test_an_agreement_the_talks_take_up_is_proposed(parse, body, kind):
    (a,), _ = run(parse, body, [], {"Monday": "2024-02-26"})
    assert (a.kind, a.status) == (kind, "proposed")


def test_a_plan_exists_once_proposed(parse):
    found, index = run(parse, "The envoy has proposed a roadmap with three tracks that would "
                              "start with a permanent ceasefire.", [], {})
    assert [a.kind for a in found] == ["roadmap"]


def test_a_hypothetical_mention_does_not_hide_a_real_one(parse):
    body = ("Envoys discussed a proposed six-week truce on Monday. A week-long truce brokered by "
            "Qatar in November saw the release of hostages.")
    found, index = run(parse, body, ["Qatar"], {"November": "2023-11"})
    assert [(a.kind, a.start) for a in found] == [("truce", "2023-11")]
    assert names(index, found[0].brokers) == ["Qatar"]


def test_signed_agreement_for_a_ceasefire_is_one_ceasefire(parse):
    body = ("The president and the rebel commander signed an agreement in Havana on Friday for a "
            "six-month ceasefire. The ceasefire will take full effect on August 3.")
    found, _ = run(parse, body, [], {"Friday": "2024-06-07", "August 3": "2024-08-03"})
    assert [(a.kind, a.start) for a in found] == [("ceasefire", "2024-08-03")]


def test_a_date_of_another_agreement_is_not_taken(parse):
    body = ("Several truces announced since mid-April, including a 72-hour ceasefire brokered by "
            "Washington on April 24, have been violated.")
    found, _ = run(parse, body, ["Washington"], {"mid-April": "2023-04", "April 24": "2023-04-24"})
    assert [(a.kind, a.start) for a in found] == [("ceasefire", "2023-04-24")]


def test_later_mentions_merge_into_the_first(parse):
    body = ("A truce brokered by Egypt took effect on May 2. Residents said the truce was "
            "largely holding, but the ceasefire collapsed on Sunday after rockets were fired.")
    found, index = run(parse, body, ["Egypt"], {"May 2": "2024-05-02", "Sunday": "2024-05-12"})
    assert len(found) == 1
    a = found[0]
    assert (a.kind, a.start, a.status) == ("truce", "2024-05-02", "collapsed")
    assert names(index, a.brokers) == ["Egypt"]
    assert a.evidence.text.startswith("A truce brokered by Egypt")


def test_a_new_date_or_marker_starts_another_agreement(parse):
    body = ("A truce agreed on May 3 collapsed within hours. A new truce took effect on May 9. "
            "The ceasefire of May 21 is holding.")
    dates = {"May 3": "2024-05-03", "May 9": "2024-05-09", "May 21": "2024-05-21"}
    found, _ = run(parse, body, [], dates)
    assert [(a.start, a.status) for a in found] == [
        ("2024-05-03", "collapsed"), ("2024-05-09", "in_force"), ("2024-05-21", "in_force")]


def test_named_and_generic_mentions(parse):
    body = ("A ceasefire took effect on May 4. The 2015 Minsk agreement is dead, Moscow said, "
            "and the agreement will not be revived.")
    found, _ = run(parse, body, [], {"2015": "2015", "May 4": "2024-05-04"})
    assert [(a.kind, a.name, a.start) for a in found] == [
        ("ceasefire", None, "2024-05-04"), ("accord", "Minsk agreement", None)]
    assert found[1].status == "collapsed"


def test_coreference_by_determiner_and_modifier(parse):
    body = ("Greece is furious over a maritime accord signed in November. Athens will fight "
            "this illegal memorandum, the minister said. The parties signed an annex on "
            "demobilisation that clears the way for a comprehensive accord. The annex is the "
            "last of four. The comprehensive agreement is expected to be signed in March.")
    found, _ = run(parse, body, [], {"November": "2023-11", "March": "2024-03"})
    assert [(a.kind, a.start) for a in found] == [("accord", "2023-11"), ("accord", None)]
    assert found[1].evidence.text.startswith("The parties signed an annex")


def test_the_new_truce_is_the_current_one(parse):
    body = ("Both sides pledged to respect a truce that has been in place since July 1. A "
            "previous truce signed in 2002 collapsed four years later. Diplomats said the new "
            "truce could be extended.")
    found, _ = run(parse, body, [], {"July 1": "2024-07-01", "2002": "2002"})
    assert [(a.start, a.status) for a in found] == [("2024-07-01", "extended"),
                                                    (None, "collapsed")]


def test_an_indefinite_mention_is_another_agreement(parse):
    body = ("The truce brokered by Egypt collapsed in May. Residents said a truce agreed "
            "on June 2 was holding.")
    found, _ = run(parse, body, ["Egypt"], {"May": "2024-05", "June 2": "2024-06-02"})
    assert [a.start for a in found] == [None, "2024-06-02"]


def test_lexicon_kinds_and_statuses():
    lex = agreements.lexicon.load("agreements")
    for key, value in lex.items():  # YAML 1.1 reads a bare no / on as a boolean
        assert all(isinstance(v, str) for v in value) if isinstance(value, list) else True, key
    assert set(lex["kinds"].values()) <= set(AGREEMENT_KINDS)
    assert set(lex["status"]) == STATUSES
    for patterns in lex["status"].values():
        for pattern in patterns:
            re.compile(pattern)


# -- through the real pipeline ------------------------------------------------

ARTICLE = (
    "Sudan's warring parties met in Jeddah on Saturday to discuss a humanitarian truce, a "
    'week after the ceasefire they signed on May 20 broke down.\n'
    '\n'
    'The ceasefire, brokered by Saudi Arabia and the United States, was violated within '
    'hours, residents said.\n'
    '\n'
)


def test_pipeline_agreements():
    pipeline = pytest.importorskip("talkwatch.pipeline")
    ctx = pipeline.extract(pipeline.build_context(
        Article(body=ARTICLE, id="g", published="2023-06-03")))
    found = ctx.facts["agreements"]
    assert [(a.kind, a.status) for a in found if a.kind == "truce"] == [("truce", "proposed")]  # to discuss
    assert [a.kind for a in found].count("ceasefire") == 1, found
    ceasefire = next(a for a in found if a.kind == "ceasefire")
    assert ceasefire.start == "2023-05-20"
    assert {ctx.actors.get(b).name for b in ceasefire.brokers} >= {"Saudi Arabia"}
    assert ceasefire.status in ("collapsed", "violated")


# -- existence, procedure and coreference in news style ------------------------

@pytest.mark.parametrize("body", [
    # an indefinite mention needs a clause that says the agreement was made or holds
    "An accord to reunite the island would end decades of division.",
    "Envoys will stay in the capital until a final agreement is reached.",
    "No government has ever signed a truce with a dissolved militia.",
    "The talks came to the closest point to a deal seen in years.",
    "The conference will explore a new road map for the region.",
    "Mediators discussed a plan to end the war.",
    "The joint communique issued after the talks praised the hosts.",
    # arrangements of the talks are procedural
    "The parties reached an agreement to postpone the third round.",
    "The sides signed an agreement on terms of reference for the dialogue.",
    "There is an agreement that delegations should not exceed ten members.",
    # a modifier of another noun
    "Members of the ceasefire monitoring team arrived in the port.",
])
def test_not_an_existing_agreement(parse, body):
    assert run(parse, body, [], {})[0] == []


@pytest.mark.parametrize("body,dates,expected", [
    ("Shelling went on despite ceasefire violations in the north.", {}, [("ceasefire", None)]),
    ("Both sides pledged to respect the truce code of conduct.", {}, [("truce", None)]),
    ("The monks said the rebels were on a ceasefire.", {}, [("ceasefire", None)]),
    ("Groups that did not sign a peace agreement with the army in May 2019 were left out.",
     {"May 2019": "2019-05"}, [("accord", "2019-05")]),
    ("Elections are foreseen in an agreement signed in June 2012.", {"June 2012": "2012-06"},
     [("accord", "2012-06")]),
    ("The opposition demanded support for the June 2012 agreement.", {"June 2012": "2012-06"},
     [("accord", "2012-06")]),
    ("The parties have signed an agreement to open humanitarian corridors.", {},
     [("deal", "2024-03-01")]),  # the news perfect dates it to the day of the report
    ("The envoys met in Oslo on June 4, when they signed a truce.", {"June 4": "2023-06-04"},
     [("truce", "2023-06-04")]),
    ("A deal has been reached, and a summit on the deal will open on April 9.",
     {"April 9": "2024-04-09"}, [("deal", "2024-03-01")]),
    ("The two sides ended the round on Saturday, signing an annex on prisoners.",
     {"Saturday": "2024-02-24"}, [("accord", "2024-02-24")]),
    ("Envoys arrived a day after the mediators reached a deal on prisoners.", {},
     [("deal", "2024-02-29")]),
    ("In May, two agreements were signed, one on water and one on trade.", {"May": "2023-05"},
     [("accord", "2023-05"), ("accord", "2023-05")]),
    ("They want Iran to accept an agreement adopted in 2012. The communique calls for a "
     "transition.", {"2012": "2012"}, [("roadmap", None)]),
])
def test_existing_agreement(parse, body, dates, expected):
    found, _ = run(parse, body, [], dates)
    assert [(a.kind, a.start) for a in found] == expected


def test_an_extension_agreed_is_an_agreement_of_its_own(parse):
    body = ("The two sides agreed to extend the ceasefire by three days shortly before it was due "
            "to expire on Sunday.")
    found, _ = run(parse, body, [], {"Sunday": "2024-02-25"})
    assert [(a.kind, a.start) for a in found] == [("ceasefire", None), ("ceasefire", "2024-02-25")]


def test_an_extension_reported_is_an_agreement_of_its_own(parse):
    body = "The truce, signed on June 2, took effect on June 4 and was extended on Monday."
    found, _ = run(parse, body, [], {"June 2": "2023-06-02", "June 4": "2023-06-04", "Monday": "2023-06-26"})
    assert [(a.kind, a.start) for a in found] == [("truce", "2023-06-04"), ("truce", "2023-06-26")]


def test_unilateral_truces_of_opposite_sides(parse):
    body = ("The militia said it was on a truce. The army lifted the government's truce on Friday. "
            "The militia said it would keep its own truce.")
    found, _ = run(parse, body, [], {"Friday": "2024-02-23"})
    assert [a.kind for a in found] == ["truce", "truce"]


def test_the_agreement_names_the_last_agreeing_event(parse):
    body = ("A final agreement is still far off. The leaders met in Ohrid on May 5, where they "
            "agreed on a path to normal ties. Critics say the agreement favours the north.")
    found, _ = run(parse, body, [], {"May 5": "2023-05-05"})
    assert [(a.kind, a.start) for a in found] == [("accord", "2023-05-05")]
