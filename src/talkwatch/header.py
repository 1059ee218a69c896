"""The header of a text article (``key: value`` lines or YAML front matter) and its dates.

A header is small and flat: a few scalar fields. So front matter is parsed
with a bounded loader (size, nesting and YAML aliases capped: an alias bomb
or a 5,000-deep list is refused before it is built), only scalar values are
kept, and a date is read only when it is short and plausible. Whatever is
refused is named in one warning and the body is still read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

import yaml

from . import limits
from .limits import message

HEADER_KEYS = ("title", "source", "url", "published", "language", "date")
_HEADER_LINE = re.compile(r"^([A-Za-z_]+):[ \t]*(.*)$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")

Warn = Callable[[str], None]


class _Refused(Exception):
    """Front matter beyond a bound; its message is the reason given to the user."""


class BoundedLoader(yaml.SafeLoader):
    """``SafeLoader`` that refuses deep nesting and more than a few aliases while composing."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0
        self._aliases = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > limits.MAX_YAML_ALIASES:
                raise _Refused(f"more than {limits.MAX_YAML_ALIASES} YAML aliases")
        self._depth += 1
        try:
            if self._depth > limits.MAX_NESTING:
                raise _Refused(f"nested deeper than {limits.MAX_NESTING} levels")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def load_front_matter(text: str) -> dict[str, Any] | None:
    """Parse front matter safely: its fields, or None when it is no mapping (prose between two
    ``---`` rules is text, as before). Raise ``_Refused`` with the reason past a bound or on a
    tag that would build an object: those are named in a warning."""
    if len(text) > limits.MAX_HEADER_CHARS:
        raise _Refused(f"longer than {limits.MAX_HEADER_CHARS:,} characters")
    try:
        meta = yaml.load(text, Loader=BoundedLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.constructor.ConstructorError as exc:
        raise _Refused(f"not plain YAML ({exc.problem})") from None
    except yaml.YAMLError:
        return None
    if meta is None:
        return {}
    return meta if isinstance(meta, dict) else None


def split_header(text: str, *, where: str = "", on_warning: Warn | None = None) -> tuple[dict[str, Any], str]:
    """Split a leading header block or YAML front matter from the body.

    Front matter that is refused (past a bound, or with a tag) is named in a
    warning and the whole text is read as body, as is text that only looks like
    a header.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end != -1:
            rest = text[end + 4 :]
            body = rest.split("\n", 1)[1] if "\n" in rest else ""
            try:
                meta = load_front_matter(text[4:end])
            except _Refused as exc:
                if on_warning:
                    on_warning(message("front_matter", where=where, reason=exc))
                return {}, text
            if meta is not None:
                return scalar_fields(meta, where=where, on_warning=on_warning), body
    head, sep, rest = text.partition("\n\n")
    if not sep:
        return {}, text
    fields = [_HEADER_LINE.match(line) for line in head.split("\n")]
    if all(m and m.group(1).lower() in HEADER_KEYS for m in fields):
        return {m.group(1).lower(): m.group(2).strip() for m in fields if m}, rest
    return {}, text


def scalar_fields(meta: dict[Any, Any], *, where: str = "", on_warning: Warn | None = None) -> dict[str, Any]:
    """The known header fields whose values are scalars; others are named in a warning and dropped."""
    out: dict[str, Any] = {}
    for key in HEADER_KEYS:
        value = meta.get(key)
        if value is None or isinstance(value, str | int | float | date) and not isinstance(value, bool):
            out[key] = value
        elif on_warning:
            on_warning(message("field_not_text", where=where, field=key))
    return out


def parse_date(value: Any, *, where: str = "", on_warning: Warn | None = None) -> str | None:
    """A header date as ``YYYY-MM-DD``; None with a warning when it won't parse or is implausible."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return plausible(value, where=where, on_warning=on_warning)
    text = str(value).strip()
    found = _read_date(text) if len(text) <= limits.MAX_DATE_CHARS else None
    if found is None:
        if on_warning:
            on_warning(message("date_unreadable", where=where, text=text[:40]))
        return None
    return plausible(found, where=where, on_warning=on_warning)


def _read_date(text: str) -> date | None:
    match = _ISO.match(text)
    if match:
        try:
            return date(*map(int, match.groups()))
        except ValueError:
            return None
    import dateparser  # slow to import: only for odd header formats

    found = dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": True})
    return found.date() if found else None


def plausible(value: date, *, where: str = "", on_warning: Warn | None = None) -> str | None:
    """The ISO date when it lies in the plausible window, else None with a warning."""
    value = value if type(value) is date else date(value.year, value.month, value.day)
    latest = limits.latest_published()
    if limits.EARLIEST_PUBLISHED <= value <= latest:
        return value.isoformat()
    if on_warning:
        on_warning(
            message(
                "date_implausible",
                where=where,
                value=value.isoformat(),
                earliest=limits.EARLIEST_PUBLISHED.isoformat(),
                latest=latest.isoformat(),
            )
        )
    return None


def parse_iso_option(value: str) -> str:
    """A ``--published`` value: an ISO date that exists, else ``ValueError`` naming the problem."""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
    if not match:
        raise ValueError(f"{value!r} is not an ISO date (YYYY-MM-DD)")
    try:
        return date(*map(int, match.groups())).isoformat()
    except ValueError:
        raise ValueError(f"{value!r} is not a date of the calendar") from None
