"""Property tests: the header, JSON Lines and feed readers and the sanitizers on arbitrary input.

Whatever the input, a reader either yields articles within the limits or
raises ``InputError`` (never another exception); every warning is one line;
text made safe for the terminal renders as itself.
"""

from __future__ import annotations

import io
import json
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text

from talkwatch import header, limits, read, sanitize
from talkwatch.errors import InputError

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
header_key = st.sampled_from([*header.HEADER_KEYS, "other", "Title", "x-y"])
scalar = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=40))
json_value = st.recursive(
    scalar,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)


def _one_line(warnings: list[str]) -> None:
    for w in warnings:
        assert "\n" not in w, w


def _check(article: Any) -> None:
    assert article.body.strip()
    assert len(article.title or "") <= limits.MAX_TITLE_CHARS
    assert len(article.body) <= limits.MAX_CHARS
    assert not re.search(rf"[^\w\s]{{{limits.MAX_PUNCT_RUN + 1},}}", article.body)
    article.body.encode("utf-8")


@FAST
@given(
    st.dictionaries(
        header_key, st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=60), max_size=6
    ),
    st.text(max_size=200),
)
def test_header_block(fields: dict[str, str], body: str):
    text = "".join(f"{k}: {v}\n" for k, v in fields.items()) + "\n" + body
    warnings: list[str] = []
    meta, rest = header.split_header(text, on_warning=warnings.append)
    assert set(meta) <= set(header.HEADER_KEYS)
    _one_line(warnings)


@FAST
@given(st.text(max_size=300), st.text(max_size=100))
def test_front_matter_never_raises(yaml_text: str, body: str):
    warnings: list[str] = []
    meta, _ = header.split_header(f"---\n{yaml_text}\n---\n{body}", on_warning=warnings.append)
    assert set(meta) <= set(header.HEADER_KEYS)
    for value in meta.values():
        assert value is None or isinstance(value, str | int | float) or hasattr(value, "isoformat")
    _one_line(warnings)


@FAST
@given(st.text(max_size=400))
def test_read_text_yields_or_refuses(text: str):
    warnings: list[str] = []
    try:
        article = read.read_text(text, path="x.txt", on_warning=warnings.append)
    except InputError as exc:
        assert "\n" not in str(exc)
    else:
        _check(article)
    _one_line(warnings)


@FAST
@given(st.lists(st.binary(max_size=120), max_size=5))
def test_jsonl_bytes(lines: list[bytes]):
    warnings: list[str] = []
    for article in read.read_jsonl(lines, path="c.jsonl", on_warning=warnings.append):
        _check(article)
    _one_line(warnings)


@FAST
@given(st.dictionaries(st.sampled_from(["text", *read.JSONL_FIELDS, "extra"]), json_value, max_size=5))
def test_jsonl_typed_fields(row: dict[str, Any]):
    """A line is read exactly when its text is a non-blank string and every known field is text."""
    warnings: list[str] = []
    raw = json.dumps(row).encode()
    articles = list(read.read_jsonl([raw], path="c.jsonl", on_warning=warnings.append))
    typed = all(isinstance(row.get(k), str | None) for k in ("text", *read.JSONL_FIELDS))
    good = typed and isinstance(row.get("text"), str) and bool(row["text"].strip())
    if not good:
        assert articles == [] and len(warnings) >= 1
    for article in articles:
        _check(article)
    _one_line(warnings)


@FAST
@given(st.text(max_size=300))
def test_feed_never_raises(text: str):
    data = f'<rss version="2.0"><channel><item><title>{text}</title><description>{text}</description>'
    for payload in (text.encode(), data.encode()):
        warnings: list[str] = []
        try:
            for article in read.read_feed(payload, path="f.rss", on_warning=warnings.append):
                _check(article)
        except InputError:
            pass
        _one_line(warnings)


@FAST
@given(st.text(max_size=200))
def test_terminal_text_renders_as_itself(text: str):
    safe = sanitize.for_terminal(text)
    rendered = Text.from_markup(f"[bold]{safe}[/bold]: said")  # never a MarkupError
    assert rendered.plain == sanitize.plain(text) + ": said"
    assert sanitize.as_text(text).plain == sanitize.plain(text)
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", rendered.plain)
    Console(file=io.StringIO(), width=60).print(safe)


@pytest.mark.parametrize("title", ["[/nope]", "[bold red]x", "x\\", "\\[b]", "[link=file:///etc/passwd]x"])
def test_terminal_text_known_markup(title: str):
    assert Text.from_markup(f"[i]{sanitize.for_terminal(title)}[/i]").plain == title


@FAST
@given(st.text(max_size=300))
def test_normalize_body_bounds_runs(text: str):
    out = sanitize.normalize_body(text)
    assert not re.search(rf"[^\w\s]{{{limits.MAX_PUNCT_RUN + 1},}}", out)
    assert not re.search(rf"\S{{{limits.MAX_WORD_CHARS + 1},}}", out)
