"""The per-article pipeline: a list of steps and a short loop.

``run(article)`` is a pure function of the article: parse, resolve actors and
dates, run every extractor of the registry in order, build the digest. Any
engine (a loop, a process pool, Dask) can call it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from . import actors, dates, language, nlp
from .context import Context
from .digests import build_digest
from .errors import TalkwatchError
from .extract import EXTRACTORS
from .limits import message
from .model import Article

log = logging.getLogger(__name__)

ErrorHandler = Callable[[str, Exception, Context], None]


def raise_error(step: str, exc: Exception, ctx: Context) -> None:
    """Re-raise: the default, so that tests see every failure."""
    raise exc


def note_error(step: str, exc: Exception, ctx: Context) -> None:
    """Note the failure of one step among the digest's warnings and go on with what the others found."""
    where = ctx.article.path or ctx.article.id[:12]
    ctx.warnings.append(f"{where}: {step} failed ({type(exc).__name__}: {exc})")


def warn_error(step: str, exc: Exception, ctx: Context) -> None:
    """Note the failure of one step and log it too (for callers that drop the digest's warnings)."""
    note_error(step, exc, ctx)
    log.warning(ctx.warnings[-1])


def check_order() -> None:
    """Fail at start-up if an extractor reads facts that no earlier one produces."""
    seen: set[str] = set()
    for kind, module in EXTRACTORS.items():
        missing = set(getattr(module, "REQUIRES", set())) - seen
        if missing:
            raise TalkwatchError(f"extractor {kind} needs {sorted(missing)} to run before it")
        seen.add(kind)


check_order()


def build_context(article: Article, doc: Any = None) -> Context:
    """Parse the body (unless a Doc is given) and resolve actors and dates.

    An article in a language the extractors do not read gets an empty Doc:
    English rules on Arabic or Chinese text give junk actors and facts.
    """
    if not language.is_extracted(article.language):
        doc = nlp.load().make_doc("")
    doc = doc if doc is not None else nlp.parse(article.body)
    ctx = Context(article=article, doc=doc, actors=actors.resolve(doc, article))
    if ctx.published is None:
        ctx.warnings.append(
            f"{article.path or article.id[:12]}: no publication date; relative dates stay unresolved"
        )
    ctx.dates = dates.normalize(doc, ctx.published)
    return ctx


def extract(ctx: Context, *, on_error: ErrorHandler = raise_error) -> Context:
    """Run every registered extractor on a context, in order (none for a language they do not read)."""
    if not language.is_extracted(ctx.article.language):
        where = f"{ctx.article.path or ctx.article.id[:12]}: "
        ctx.warnings.append(message("language", where=where, language=ctx.article.language))
        ctx.facts = {kind: [] for kind in EXTRACTORS}
        return ctx
    for kind, module in EXTRACTORS.items():
        try:
            ctx.facts[kind] = list(module.extract(ctx))
        except Exception as exc:  # each step's failure goes to the handler
            ctx.facts[kind] = []
            on_error(kind, exc, ctx)
    return ctx


def run(article: Article, *, doc: Any = None, on_error: ErrorHandler = raise_error) -> dict[str, Any]:
    """The ``talkwatch.digest/1`` dict of one article."""
    return build_digest(extract(build_context(article, doc), on_error=on_error))


def run_many(
    articles: Iterable[Article], *, batch_size: int = 8, on_error: ErrorHandler = warn_error
) -> Iterator[tuple[Article, dict[str, Any]]]:
    """Digests of many articles, parsing them in batches with ``nlp.pipe``."""
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= batch_size:
            yield from _run_batch(batch, on_error)
            batch = []
    if batch:
        yield from _run_batch(batch, on_error)


def _run_batch(batch: list[Article], on_error: ErrorHandler) -> Iterator[tuple[Article, dict[str, Any]]]:
    docs = nlp.parse_many([a.body for a in batch], batch_size=len(batch))
    for article, doc in zip(batch, docs, strict=True):
        yield article, run(article, doc=doc, on_error=on_error)
