"""Rendering pieces of the dashboard without a server: highlights, SVG timeline, paging."""

from __future__ import annotations

import re
from typing import Any

import pytest

from talkwatch.serve import highlight, svg
from talkwatch.serve.grids import positions_grid
from talkwatch.serve.queries import Move
from talkwatch.serve.render import Pager, _safe_url, _snippet

BODY = ("KAMPALA, March 3 - Envoys of Lumbia and the Delta Front met in Kampala on Monday. "
        '"We came to listen," said envoy Ana Ruiz. Talks resume on March 20.')


def span(text: str, body: str = BODY) -> dict[str, Any]:
    start = body.index(text)
    return {"start": start, "end": start + len(text), "text": text}


def digest() -> dict[str, Any]:
    s1 = span("KAMPALA, March 3 - Envoys of Lumbia and the Delta Front met in Kampala on Monday.")
    quote = span("We came to listen,")
    return {
        "actors": [{"id": "a1", "name": "Lumbia", "type": "state",
                    "mentions": [[BODY.index("Lumbia"), BODY.index("Lumbia") + 6]]},
                   {"id": "a2", "name": "Ana Ruiz", "type": "person",
                    "mentions": [[BODY.index("Ana Ruiz"), BODY.index("Ana Ruiz") + 8]]}],
        "meetings": [{"id": "m1", "name": "Kampala talks", "status": "held",
                      "history": [{"status": "held", "start": "2024-03-02", "evidence": s1}],
                      "evidence": [s1]}],
        "participations": [{"meeting": "m1", "actor": "a1", "status": "attended",
                            "evidence": s1}],
        "quotes": [{"speaker": "a2", "text": quote["text"], "start": quote["start"],
                    "end": quote["end"], "evidence": span(BODY.split(". ")[1] + ".")}],
        "dates": [{"text": "Monday", "value": "2024-03-02", **{
            k: v for k, v in span("Monday").items() if k != "text"}},
                  {"text": "broken", "value": None, "start": 10, "end": 5}],
    }


def test_segments_cover_the_body_and_every_mark() -> None:
    marks = highlight.marks(digest())
    kinds = {m.kind for m in marks}
    assert kinds == {"actor", "meeting", "participation", "quote", "date"}
    assert all(m.end > m.start for m in marks)  # the broken date span is dropped
    segs = highlight.segments(BODY, marks)
    assert "".join(s.text for s in segs) == BODY
    pos = 0
    for s in segs:
        for i in s.marks:
            assert marks[i].start <= pos and pos + len(s.text) <= marks[i].end
        pos += len(s.text)
    for i, m in enumerate(marks):  # each mark is exactly the union of its segments
        covered = "".join(s.text for s in segs if i in s.marks)
        assert covered == BODY[m.start:m.end]


def test_a_passage_quote_marks_its_parts_not_the_attribution_between() -> None:
    body = '"We came," said Ana Ruiz. "We stay."'
    first, second = body.index("We came,"), body.index("We stay.")
    quote = {"speaker_text": "Ana Ruiz", "text": "We came, We stay.", "start": first, "end": second + 8,
             "parts": [[first, first + 8], [second, second + 8]]}
    marks = highlight.marks({"quotes": [quote]})
    assert [body[m.start:m.end] for m in marks] == ["We came,", "We stay."]


def test_segments_clip_offsets_past_the_end() -> None:
    marks = [highlight.Mark("actor", 3, 500, "x")]
    segs = highlight.segments("short text", marks)
    assert "".join(s.text for s in segs) == "short text"
    assert [s.marks for s in segs] == [(), (0,)]


def test_el_escapes_text_and_attributes() -> None:
    out = str(svg.el("text", {"title": '"><script>x</script>'}, "<b>bold</b> & co"))
    assert "<script>" not in out and "<b>" not in out
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; co" in out and "&#34;&gt;&lt;script&gt;" in out


def meeting(mid: str, start: str | None, status: str | None, name: str = "Talks",
            rnd: int | None = None) -> dict[str, Any]:
    return {"id": mid, "name": name, "start": start, "status": status, "round": rnd,
            "venue": {"city": "Kampala", "country": None}}


def test_timeline_markers_moves_and_undated() -> None:
    lane = svg.Lane("Lumbia <process>", "/meetings?process=x", [
        meeting("m1", "2024-01-10", "concluded", rnd=1),
        meeting("m2", "2024-03-20", "postponed", "<img src=x onerror=alert(1)>", rnd=2),
        meeting("m3", "2024-05", "scheduled"),
        meeting("m4", None, None)],
        {"m2": [Move("2024-03-04", "2024-03-20", "2024-02-28", "d1")]})
    out = str(svg.timeline([lane], current="m2"))
    markers = re.findall(r'<a href="/meetings/(\w+)" class="([^"]+)" data-meeting="\w+" '
                         r'data-status="(\w+)"', out)
    assert [(m, s) for m, _, s in markers] == [("m1", "concluded"), ("m2", "postponed"),
                                               ("m3", "scheduled"), ("m4", "unknown")]
    assert "current" in markers[1][1] and "current" not in markers[0][1]
    assert out.count('class="move"') == 1 and "postponed from 2024-03-04 to 2024-03-20" in out
    assert "<img" not in out and "&lt;img src=x onerror=alert(1)&gt;" in out
    assert "Lumbia &lt;process&gt;" in out
    assert out.count("<rect x=") >= 1  # the month-only start is a bar


def test_timeline_without_dates_still_renders() -> None:
    out = str(svg.timeline([svg.Lane("x", None, [meeting("m1", None, "held")])]))
    assert out.startswith("<svg") and 'data-status="held"' in out


def test_pager_links() -> None:
    p = Pager(2, 50, 120, "/meetings", (("process", "A & B"),))
    assert (p.pages, p.offset) == (3, 50)
    assert p.prev == "/meetings?process=A+%26+B&page=1"
    assert p.next == "/meetings?process=A+%26+B&page=3"
    assert Pager(1, 50, 0, "/x").pages == 1 and Pager(1, 50, 0, "/x").next is None


@pytest.mark.parametrize(("url", "ok"), [("https://example.org/a", True),
                                         ("http://example.org", True),
                                         ("javascript:alert(1)", False),
                                         (" JavaScript:alert(1)", False),
                                         ("data:text/html,x", False), (None, False)])
def test_only_http_links(url: str | None, ok: bool) -> None:
    assert (_safe_url(url) is not None) is ok


def test_snippet_pieces() -> None:
    assert _snippet("…the [ceasefire] held [since] May") == [
        ("…the ", False), ("ceasefire", True), (" held ", False), ("since", True),
        (" May", False)]


def test_positions_side_by_side_latest_wins() -> None:
    pos = [{"actor": "a1", "actor_name": "Lumbia", "issue": "ceasefire", "stance": "reject",
            "evidence": {}, "document": "d1", "published": "2024-01-01"},
           {"actor": "a1", "actor_name": "Lumbia", "issue": "ceasefire", "stance": "support",
            "evidence": {}, "document": "d2", "published": "2024-02-01"},
           {"actor": "a2", "actor_name": "Delta Front", "issue": "ceasefire", "stance": "demand",
            "evidence": {}, "document": "d2", "published": "2024-02-01"}]
    grid = positions_grid(pos)
    assert [a["name"] for a in grid["actors"]] == ["Lumbia", "Delta Front"]
    (row,) = grid["rows"]
    assert [c["stance"] for c in row["cells"]] == ["support", "demand"]
    assert row["cells"][0]["n"] == 2


def test_svg_escapes_text_and_attributes_exactly_as_markupsafe() -> None:
    from markupsafe import escape

    for text in ('a&b<c>d"e\'f', "plain", "", "&amp;", "ü — ◀", "<script>"):
        assert svg._text(text) == str(escape(text))
    out = svg.el("text", {"class_": 'x"y', "aria_label": "a<b", "x": 1.5, "hidden": False},
                 "5 < 6", escape("<b>"), 7)
    assert out == ('<text class="x&#34;y" aria-label="a&lt;b" x="1.5">'
                   "5 &lt; 6&lt;b&gt;7</text>")


def test_a_shared_lane_drawing_marked_for_a_meeting_is_its_own_timeline() -> None:
    lane = svg.Lane("Lumbia talks", "/meetings?process=x", [
        meeting("m1", "2024-01-10", "concluded", rnd=1), meeting("m11", "2024-03-20", "held"),
        meeting("m2", "2025-09", "scheduled"), meeting("m3", None, None)])
    for current in ("m1", "m11", "m2", "m3"):
        win = svg.window([lane], current)
        drawn = svg.timeline([lane], title="t", given=win)
        assert svg.mark_current(drawn, current) == svg.timeline([lane], current=current,
                                                                title="t", given=win)
    assert svg.mark_current(drawn, "m9") is None  # not in the lane: drawn the long way
