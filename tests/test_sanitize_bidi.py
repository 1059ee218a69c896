"""Bidi controls are dropped from web text, however the fast paths decide to look for them."""

from __future__ import annotations

from talkwatch.sanitize import _BIDI_CHARS, isolate_bidi


def test_every_bidi_control_is_dropped_from_short_and_long_text() -> None:
    for c in _BIDI_CHARS:
        assert isolate_bidi(f"live{c}evil") == "liveevil"
        long = "Talks — " * 200 + c + "résumé"
        assert isolate_bidi(long) == "Talks — " * 200 + "résumé"


def test_text_without_controls_is_returned_as_it_is() -> None:
    for text in ("plain ASCII", "Kampala · “talks” — ×3", ""):
        assert isolate_bidi(text) == text
    assert isolate_bidi(None) == "" and isolate_bidi(12) == "12"
