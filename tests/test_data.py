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
    assert set(cues["subject_cues"]) | set(cues["object_cues"]) <= set(PARTICIPATION_STATUSES)
    assert set(cues["roles"]) | set(cues["role_verbs"]) <= set(ROLES)


def test_schema_files_parse():
    for name in ("digest.schema.json", "plover.schema.json"):
        text = resources.files("talkwatch").joinpath("data", name).read_text(encoding="utf-8")
        assert yaml.safe_load(text)["type"] == "object"
