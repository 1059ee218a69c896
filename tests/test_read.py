"""Reading articles: headers, front matter, encodings, corpora, hostile input."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from talkwatch import read
from talkwatch.errors import InputError


def test_header_block(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("title: Talks resume\npublished: 2024-05-02\nurl: http://x\n\nBody text here.\n")
    (article,) = read.read_file(path)
    assert article.title == "Talks resume"
    assert article.published == "2024-05-02"
    assert article.body == "Body text here.\n"
    assert article.id == read.body_id("Body text here.\n")


def test_front_matter(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("---\ntitle: Truce holds\npublished: 2023-01-09\n---\nThe truce held.")
    (article,) = read.read_file(path)
    assert (article.title, article.published, article.body) == (
        "Truce holds",
        "2023-01-09",
        "The truce held.",
    )


def test_published_override(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("published: 2024-05-02\n\nBody.")
    assert read.read_file(path, published="2020-01-01")[0].published == "2020-01-01"


def test_body_without_header_keeps_colon_lines(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Note: the talks resumed.\n\nMore text.")
    (article,) = read.read_file(path)
    assert article.body.startswith("Note: the talks resumed.")


def test_malformed_date_warns_and_keeps_article(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("published: 2024-13-45\n\nThe talks resumed on Monday.")
    warnings: list[str] = []
    (article,) = read.read_file(path, on_warning=warnings.append)
    assert article.published is None
    assert warnings and "unreadable date" in warnings[0]


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty"),
        (b"title: x\n\n   \n", "empty"),
        (b"\x00\x01\x02binary\x00", "binary"),
        (b"caf\xe9 talks in Gen\xe8ve", "not UTF-8"),
    ],
)
def test_bad_files_raise_one_line_errors(tmp_path, data, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match=reason) as info:
        read.read_file(path)
    assert "\n" not in str(info.value)


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="cannot read"):
        read.read_file(tmp_path / "nope.txt")


def test_jsonl_skips_broken_lines(tmp_path):
    path = tmp_path / "c.jsonl"
    rows = [
        json.dumps({"text": "One.", "published": "2024-01-02"}),
        "{broken",
        json.dumps({"title": "no text"}),
        json.dumps({"text": "Two.", "url": "http://y"}),
    ]
    path.write_text("\n".join(rows))
    warnings: list[str] = []
    articles = read.read_file(path, on_warning=warnings.append)
    assert [a.body for a in articles] == ["One.", "Two."]
    assert len(warnings) == 2 and all(":" in w for w in warnings)


def test_html_page(tmp_path):
    path = tmp_path / "p.html"
    paragraph = "Negotiators from both sides met in Doha on Tuesday for a new round of talks. " * 4
    path.write_text(
        f"<html><head><title>Doha talks</title></head><body><article><h1>Doha talks</h1>"
        f"<p>{paragraph}</p><p>{paragraph}</p></article></body></html>"
    )
    (article,) = read.read_file(path)
    assert "Negotiators from both sides" in article.body
    assert article.title == "Doha talks"


def test_html_without_text(tmp_path):
    path = tmp_path / "p.html"
    path.write_text("<html><body><div></div></body></html>")
    with pytest.raises(InputError, match="without article text"):
        read.read_file(path)


def test_feed_entries_and_missing_dates(tmp_path):
    path = tmp_path / "f.rss"
    path.write_text("""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>A</title><link>http://a</link><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>
<description>Talks opened in Geneva.</description></item>
<item><title>B</title><link>http://b</link><description>Talks closed.</description></item>
</channel></rss>""")
    warnings: list[str] = []
    articles = read.read_file(path, on_warning=warnings.append)
    assert [(a.published, a.url) for a in articles] == [("2024-03-05", "http://a"), (None, "http://b")]
    assert any("no date" in w for w in warnings)


def test_directories_are_read_recursively(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Second.")
    (tmp_path / "a.txt").write_text("First.")
    (tmp_path / "notes.yaml").write_text("x: 1")
    warnings: list[str] = []
    bodies = [a.body for a in read.read_paths([tmp_path], on_warning=warnings.append)]
    assert bodies == ["First.", "Second."]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_split_header_never_loses_the_body(text):
    meta, body = read.split_header(text)
    assert isinstance(meta, dict)
    normalized = text.replace("\r\n", "\n").replace("\r", "\n")
    assert normalized.endswith(body)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_jsonl_reader_never_raises(data):
    list(read.read_jsonl(data, on_warning=lambda m: None))
