"""Corrections as files: reviewed, shared, and applied to another database.

Two forms, chosen by the file's suffix: YAML (``.yaml``/``.yml``: a mapping
with ``format: talkwatch.corrections/1`` and a ``corrections`` list, easy to
read in a review) and JSON Lines (any other suffix: one correction a line,
easy to append and diff). Each entry carries the evidence text, so a reviewer
reads what the analyst read; ``before`` and ``state`` are for reading only
and are ignored when a file is applied.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

import yaml

from ...errors import InputError
from .model import FORMAT

YAML_SUFFIXES = (".yaml", ".yml")


def is_yaml(path: str | Path) -> bool:
    return Path(path).suffix.lower() in YAML_SUFFIXES


def dump(entries: Iterable[dict[str, Any]], fh: IO[str], *, as_yaml: bool) -> int:
    """Write logged corrections (``corrections.listing`` dicts); return how many."""
    items = list(entries)
    if as_yaml:
        yaml.safe_dump({"format": FORMAT, "corrections": items}, fh, sort_keys=False,
                       allow_unicode=True, width=100)
    else:
        for item in items:
            fh.write(json.dumps(item, ensure_ascii=False, sort_keys=True) + "\n")
    return len(items)


def load(path: str | Path) -> list[dict[str, Any]]:
    """The corrections of a file, with a one-line message naming the place of any problem."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{p}: cannot read the corrections file ({type(exc).__name__})") from None
    return _load_yaml(p, text) if is_yaml(p) else _load_jsonl(p, text)


def _load_yaml(p: Path, text: str) -> list[dict[str, Any]]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark else ""
        raise InputError(f"{p}: not valid YAML{where}") from None
    if isinstance(data, dict) and data.get("format") not in (None, FORMAT):
        raise InputError(f"{p}: format {data.get('format')!r} is not {FORMAT}")
    items = data.get("corrections") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise InputError(f"{p}: expected a 'corrections' list")
    return items


def _load_jsonl(p: Path, text: str) -> list[dict[str, Any]]:
    items = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            items.append(json.loads(line))
        except ValueError:
            raise InputError(f"{p}:{n}: not a JSON line") from None
    return items
