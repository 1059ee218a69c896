"""Integrity of the data files: cue lexicons hold strings only, vocabularies match the model."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from talkwatch.lexicon import load
from talkwatch.model import MEETING_STATUSES, PARTICIPATION_STATUSES, ROLES

RULES = sorted(
    p.name[:-5]
    for p in resources.files("talkwatch").joinpath("data", "rules", "en").iterdir()
    if p.name.endswith(".yaml")
)


def _leaves(value, path=""):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, f"{path}/{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _leaves(item, f"{path}[{i}]")
    else:
        yield path, value


@pytest.mark.parametrize("name", RULES)
def test_cue_words_are_strings(name):
    """YAML reads a bare on/no/off/yes as a boolean: every cue must stay a word."""
    bad = [(path, v) for path, v in _leaves(load(name)) if isinstance(v, bool)]
    assert not bad, f"{name}.yaml has booleans where words were meant (quote them): {bad[:5]}"


def test_status_vocabularies_match_the_model():
    assert set(load("meetings")["status_cues"]) <= set(MEETING_STATUSES)
    assert set(load("meetings")["status_nouns"]) <= set(MEETING_STATUSES)
    cues = load("participation")
    # "negotiating" is a cue class, not a status: its status comes from the meeting's ("failed to agree" at
    # talks under way is attending them, at scheduled talks it is nothing yet)
    assert set(cues["subject_cues"]) | set(cues["object_cues"]) <= {*PARTICIPATION_STATUSES, "negotiating"}
    assert set(cues["roles"]) | set(cues["role_verbs"]) <= set(ROLES)


def test_schema_files_parse():
    for name in ("digest.schema.json", "plover.schema.json"):
        text = resources.files("talkwatch").joinpath("data", name).read_text(encoding="utf-8")
        assert yaml.safe_load(text)["type"] == "object"


def _mappings(value, path=""):
    """Every mapping in a YAML tree, with its path."""
    if isinstance(value, dict):
        yield path, value
        for key, item in value.items():
            yield from _mappings(item, f"{path}/{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _mappings(item, f"{path}[{i}]")


def test_number_words_are_defined_once():
    """numbers.yaml is the one table of number words: no other rule file spells out its own."""
    numbers = load("numbers")
    cardinals = numbers["cardinals"]
    assert all(isinstance(n, int) and not isinstance(n, bool) for n in cardinals.values())
    assert sorted(cardinals.values()) == [*range(1, 20), *range(20, 100, 10)]
    assert all(isinstance(n, int) for n in [*numbers["articles"].values(), *numbers["phrases"].values()])
    spelled = set(cardinals)
    for name in RULES:
        if name == "numbers":
            continue
        for path, mapping in _mappings(load(name)):
            assert len(spelled & set(mapping)) < 3, f"{name}.yaml{path} lists number words again"


DATES_WORD_LISTS = [
    ("day_parts",), ("day_part_determiners",), ("period_parts",), ("vague_numbers",),
    ("quantity_hedges",), ("range_splitters",), ("modifiers", "coming"),
    ("tense", "time_nouns"), ("tense", "be_forms"), ("tense", "future_aux"),
]


@pytest.mark.parametrize("keys", DATES_WORD_LISTS, ids="/".join)
def test_dates_word_lists_are_lower_case_words(keys):
    """The dates code reads these lists as sets of lower-case tokens."""
    node = load("dates")
    for key in keys:
        node = node[key]
    assert node and all(isinstance(w, str) and w == w.lower() and w.strip() == w for w in node)
    assert len(set(node)) == len(node), f"{'/'.join(keys)} repeats a word"


def test_coming_is_a_kind_of_future():
    modifiers = load("dates")["modifiers"]
    assert set(modifiers["coming"]) <= set(modifiers["future"])
