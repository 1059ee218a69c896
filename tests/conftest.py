"""Shared fixtures: the spaCy model once per session, articles built from short texts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp() -> Any:
    from talkwatch import nlp as nlp_module

    return nlp_module.load()


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared evaluation folder beside the repo; tests using it skip when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture
def run(nlp: Any):
    """Run the whole pipeline on a body text: ``run(text, published="2024-03-05") -> digest``."""
    from talkwatch import pipeline
    from talkwatch.read import make_article

    def _run(text: str, published: str | None = "2024-03-06") -> dict[str, Any]:
        return pipeline.run(make_article(text, {"published": published}))

    return _run


@pytest.fixture
def context(nlp: Any):
    """Build a full pipeline context (actors, dates, all facts) for a body text."""
    from talkwatch import pipeline
    from talkwatch.read import make_article

    def _ctx(text: str, published: str | None = "2024-03-06") -> Any:
        return pipeline.extract(pipeline.build_context(make_article(text, {"published": published})))

    return _ctx


def names(digest: dict[str, Any]) -> dict[str, str]:
    """Actor id -> name, for readable assertions."""
    return {a["id"]: a["name"] for a in digest["actors"]}


def aliases(digest: dict[str, Any]) -> dict[str, set[str]]:
    """Actor id -> every name the actor goes by in the digest."""
    return {a["id"]: {a["name"], *a["aliases"]} for a in digest["actors"]}


def has_fact(digest: dict[str, Any], kind: str, actor_name: str, value: str, field: str = "status") -> bool:
    """True when a fact of ``kind`` names the actor (by any alias) with the given field value."""
    known = aliases(digest)
    return any(actor_name in known.get(f["actor"], set()) and f[field] == value for f in digest[kind])


def first_coded(nlp: Any, text: str) -> Any:
    """The events coder's first event in ``text`` (actors resolved as the pipeline does)."""
    from talkwatch import actors
    from talkwatch.extract.events.coder import Coder
    from talkwatch.model import Article

    doc = nlp(text)
    found = Coder(actors.resolve(doc, Article(body=text, id="t"))).code_text(doc)
    assert found, f"nothing coded in {text!r}"
    return found[0]
