"""Cue lexicons, kept as data: one YAML file per concern in ``data/rules/en/``.

Extractors read their cues with ``lexicon.load("participation")``; the files
are parsed once per process.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

import yaml

try:  # the C loader is ~10x faster; fall back where PyYAML was built without it
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


def data_path(*parts: str) -> Any:
    """A ``Traversable`` for a file shipped in ``talkwatch/data``."""
    return resources.files("talkwatch").joinpath("data", *parts)


@functools.cache
def load_yaml(*parts: str) -> Any:
    """Parse a YAML data file of the package (cached)."""
    with data_path(*parts).open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_Loader)


def load(name: str, language: str = "en") -> dict[str, Any]:
    """The cue lexicon ``data/rules/<language>/<name>.yaml``."""
    return load_yaml("rules", language, f"{name}.yaml") or {}
