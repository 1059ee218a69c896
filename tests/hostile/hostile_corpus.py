"""Generate the hostile-input corpus at test time: one small file (or special file) per class.

Nothing large is kept in the repository: each case is written by a function of
its own, and the few that must be big (a run of 20,000 quote marks, a 100 KB
title, an alias bomb) are built from a short recipe. ``expect`` is a fragment
of the one-line message the reader or pipeline must give for that case (empty:
the case must simply be read without a traceback).
"""

from __future__ import annotations

import json
import os
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

GOOD = (
    "title: Talks resume in Geneva\npublished: 2024-03-05\n\n"
    "Delegations from Armenia and Azerbaijan met in Geneva on Tuesday for a second round of talks. "
    "The mediator said the talks would continue on Friday.\n"
)


@dataclass(frozen=True)
class Case:
    """One class of hostile input: its name, how to make it, and the message it must earn."""

    name: str
    make: Callable[[Path], Path]
    expect: str = ""
    #: "skip": nothing is read from it; "read": it yields an article (maybe with a warning)
    outcome: str = "read"
    #: the path is named on the command line only (a device or FIFO outside the corpus folder)
    named_only: bool = False
    #: who gives the message: the reader ("read") or the pipeline and commands ("run")
    stage: str = "read"


def _text(name: str, content: str | bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return make


def _article(name: str, body: str, header: str = "published: 2024-03-05\n") -> Callable[[Path], Path]:
    return _text(name, f"{header}\n{body}\n")


def _alias_bomb() -> str:
    lines = ["---", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i, (prev, cur) in enumerate(zip("abcdefgh", "bcdefghi", strict=True)):
        lines.append(f"{cur}: &{cur} [{','.join(['*' + prev] * 9)}]")
        del i
    lines += ["title: *i", "---", "The talks resumed in Geneva on Tuesday."]
    return "\n".join(lines) + "\n"


def _fifo(folder: Path, name: str = "pipe.txt") -> Path:
    path = folder / name
    os.mkfifo(path)
    return path


def _symlink(target: str, name: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.symlink_to(target)
        return path

    return make


def _device(path: str) -> Callable[[Path], Path]:
    return lambda folder: Path(path)


def _sparse(name: str, size: int) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        with path.open("wb") as fh:
            fh.truncate(size)
        return path

    return make


def _jsonl(name: str, *rows: object) -> Callable[[Path], Path]:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in rows]
    return _text(name, "\n".join(lines) + "\n")


_BODY = "Delegations met in Geneva on Tuesday for talks on a ceasefire."
_BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY a "lollollollollollollollollollol">\n'
    + "".join(
        f'<!ENTITY {c} "{("&" + p + ";") * 10}">\n' for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    + ']>\n<rss version="2.0"><channel><title>&i;</title><item><title>t</title>'
    "<description>&i;</description></item></channel></rss>\n"
)


def _random_bytes(n: int) -> bytes:
    return random.Random(7).randbytes(n)


CASES: list[Case] = [
    # --- header and front matter
    Case("yaml-alias-bomb", _text("bomb.txt", _alias_bomb()), "front matter"),
    Case(
        "yaml-deep-nesting",
        _text("deep.txt", "---\ntitle: " + "[" * 200 + "]" * 200 + "\n---\nTalks.\n"),
        "front matter",
    ),
    Case(
        "yaml-huge-front-matter",
        _text("hugefm.txt", "---\ntitle: " + "x" * 200_000 + "\n---\nTalks.\n"),
        "front matter",
    ),
    Case(
        "yaml-python-tag",
        _text("tag.txt", "---\ntitle: !!python/object/apply:os.system ['true']\n---\nTalks resumed.\n"),
        "front matter",
    ),
    Case("yaml-not-a-mapping", _text("list.txt", "---\n- a\n- b\n---\nTalks resumed.\n")),
    Case("yaml-unterminated", _text("unterminated.txt", "---\ntitle: x\nTalks resumed in Geneva.\n")),
    Case(
        "header-huge-title",
        _article("longtitle.txt", _BODY, "title: " + "Talks " * 20_000 + "\n"),
        "title longer than",
    ),
    Case("header-title-markup", _article("markup.txt", _BODY, "title: Talks [/nope] [bold red]x\n")),
    Case(
        "header-title-terminal-escapes", _article("esc.txt", _BODY, "title: \x1b]0;pwned\x07\x1b[2JTalks\n")
    ),
    Case("header-title-bidi-override", _article("bidi.txt", _BODY, "title: \u202eevil\u202c talks\n")),
    Case("header-date-1970", _article("d1970.txt", _BODY, "published: 1970-01-01\n"), "implausible"),
    Case("header-date-2999", _article("d2999.txt", _BODY, "published: 2999-01-01\n"), "implausible"),
    Case(
        "header-date-impossible", _article("d0230.txt", _BODY, "published: 2024-02-30\n"), "unreadable date"
    ),
    Case(
        "header-date-garbage",
        _article("dgarbage.txt", _BODY, "published: " + "9" * 5000 + "\n"),
        "unreadable date",
    ),
    # --- tokenization and text shape
    Case("quote-run-straight", _article("quotes.txt", '"' * 20_000), "run of"),
    Case("quote-run-curly", _article("curly.txt", "\u201c\u201d" * 10_000), "run of"),
    Case("punctuation-run", _article("bang.txt", "Talks" + "!?.-" * 5_000), "run of"),
    Case("sentence-without-end", _article("sentence.txt", "talks resumed " * 8_000)),
    Case("word-without-space", _article("word.txt", "a" * 60_000), "split every"),
    Case("emoji-only", _article("emoji.txt", "\U0001f54a\ufe0f\U0001f91d" * 300)),
    Case(
        "zero-width-in-words", _article("zw.txt", "Dele\u200bgations met in Gen\u200beva on Tues\u200bday.")
    ),
    Case("control-characters", _article("ctrl.txt", "Talks\x07 resumed\x1b[31m in \x08Geneva.")),
    Case("markup-in-body", _article("bodymarkup.txt", '[bold]The UN[/bold] said "[/x] we will meet [red]".')),
    Case(
        "lone-surrogate-jsonl",
        _jsonl("surrogate.jsonl", '{"text": "Talks \\ud800 resumed."}'),
        "surrogate",
        "skip",
    ),
    Case("crlf-and-cr", _text("crlf.txt", b"title: x\r\npublished: 2024-03-05\r\n\r\nTalks\rresumed.\r\n")),
    Case(
        "body-too-long",
        _article("long.txt", ("Talks resumed in Geneva. " * 40 + "\n\n") * 120),
        "only the first",
    ),
    # --- languages and numbers
    Case(
        "arabic",
        _article("ar.txt", "التقت وفود الطرفين يوم الثلاثاء في جنيف لجولة ثانية من المحادثات."),
        "language ar",
        stage="run",
    ),
    Case(
        "russian",
        _article(
            "ru.txt", "Делегации обеих сторон встретились во вторник в Женеве для второго раунда переговоров."
        ),
        "language ru",
        stage="run",
    ),
    Case(
        "chinese",
        _article("zh.txt", "双方代表团周二在日内瓦举行第二轮会谈。官员表示停火协议仍在维持。"),
        "language zh",
        stage="run",
    ),
    Case(
        "round-number-not-year",
        _article("round.txt", "Negotiators opened round 1008 of the talks in Geneva."),
    ),
    # --- encodings and binary
    Case("utf16-bom", _text("utf16.txt", ("published: 2024-03-05\n\n" + _BODY).encode("utf-16"))),
    Case("utf16-no-bom", _text("utf16le.txt", _BODY.encode("utf-16-le")), "UTF-16", "skip"),
    Case("nul-byte-in-text", _text("nul.txt", (_BODY + "\x00" + _BODY).encode()), "NUL", "skip"),
    Case(
        "pdf",
        _text("report.pdf.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"),
        "PDF is not supported",
        "skip",
    ),
    Case("pdf-suffix", _text("report.pdf", b"%PDF-1.7\n"), "PDF is not supported", "skip", named_only=True),
    Case("random-binary", _text("random.txt", _random_bytes(4096)), "binary", "skip"),
    Case("latin-1", _text("latin1.txt", "Négociations à Genève".encode("latin-1")), "not UTF-8", "skip"),
    Case("empty-file", _text("empty.txt", b""), "empty", "skip"),
    Case("whitespace-only", _text("blank.txt", "\n \t\n" * 100), "empty", "skip"),
    Case("invisible-only", _article("invisible.txt", "\u200b\u00ad\u2060" * 50), "empty", "skip"),
    Case("header-only", _text("headeronly.txt", "title: x\npublished: 2024-03-05\n\n"), "empty", "skip"),
    Case("over-size-limit", _sparse("huge.txt", 60_000_000), "too large", "skip"),
    # --- JSON Lines
    Case("jsonl-text-not-string", _jsonl("notstr.jsonl", {"text": 42}), "'text' is not a string", "skip"),
    Case("jsonl-no-text", _jsonl("notext.jsonl", {"title": "x"}), "no 'text' field", "skip"),
    Case(
        "jsonl-wrong-field-type",
        _jsonl("fieldtype.jsonl", {"text": _BODY, "title": {"a": 1}}),
        "'title' is not a string",
        "skip",
    ),
    Case("jsonl-broken-line", _jsonl("broken.jsonl", '{"text": "Talks', {"text": _BODY}), "broken JSON line"),
    Case("jsonl-not-object", _jsonl("array.jsonl", [1, 2, 3]), "not a JSON object", "skip"),
    Case(
        "jsonl-deep-nesting",
        _jsonl("deepjson.jsonl", "[" * 100_000 + "]" * 100_000),
        "broken JSON line",
        "skip",
    ),
    Case(
        "jsonl-huge-number",
        _jsonl("bignum.jsonl", '{"text": "x", "published": ' + "9" * 5000 + "}"),
        "",
        "skip",
    ),
    # --- HTML and feeds
    Case(
        "html-no-text",
        _text("empty.html", "<html><body><script>x()</script></body></html>"),
        "without article text",
        "skip",
    ),
    Case(
        "html-deep-nesting", _text("deep.html", "<div>" * 50_000 + "Talks." + "</div>" * 50_000), "", "skip"
    ),
    Case("feed-not-xml", _text("junk.rss", "this is not a feed"), "not a readable RSS/Atom feed", "skip"),
    Case("feed-billion-laughs", _text("laughs.rss", _BILLION_LAUGHS)),
    Case(
        "feed-no-date",
        _text(
            "nodate.rss",
            '<rss version="2.0"><channel><title>S</title><item><title>T</title>'
            f"<description>{_BODY}</description></item></channel></rss>",
        ),
        "no date",
    ),
    # --- special files
    Case("fifo-in-folder", _fifo, "not a regular file", "skip"),
    Case("symlink-to-dev-zero", _symlink("/dev/zero", "zero.txt"), "not a regular file", "skip"),
    Case("fifo-jsonl-in-folder", lambda folder: _fifo(folder, "pipe.jsonl"), "not a regular file", "skip"),
    Case("symlink-jsonl-to-dev-zero", _symlink("/dev/zero", "zero.jsonl"), "not a regular file", "skip"),
    Case("dangling-symlink", _symlink("/nonexistent/x", "dangling.txt"), "", "skip"),
    Case("named-dev-zero", _device("/dev/zero"), "not a regular file", "skip", named_only=True),
    Case("named-dev-urandom", _device("/dev/urandom"), "not a regular file", "skip", named_only=True),
    Case(
        "named-fifo",
        lambda folder: _fifo(folder, "named-pipe.txt"),
        "not a regular file",
        "skip",
        named_only=True,
    ),
    Case("named-missing", lambda folder: folder / "missing.txt", "No such file", "skip", named_only=True),
    Case(
        "named-directory-empty",
        lambda folder: (folder / "emptydir").mkdir() or folder / "emptydir",
        "no article could be read",
        "skip",
        named_only=True,
        stage="run",
    ),
    Case(
        "non-utf8-file-name",
        _article(b"bad\xff\xfename.txt".decode("utf-8", "surrogateescape"), _BODY + " (x)"),
    ),
    Case("newline-in-file-name", _article("new\nline.txt", _BODY + " (y)")),
    Case("html-too-large", _sparse("huge.html", 6_000_000), "too large", "skip"),
    Case("feed-too-large", _sparse("huge.rss", 21_000_000), "too large", "skip"),
    Case("markup-in-file-name", _article("[bold]x[red]\x1b[2J.txt", _BODY)),
]

GOOD_FILES = {
    f"good-{i}.txt": GOOD.replace("Tuesday", day)
    for i, day in enumerate(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday"))
}


def build(folder: Path, cases: list[Case] | None = None) -> dict[str, Path]:
    """Write every case under ``folder`` (named-only ones under ``folder/named``); return name -> path."""
    corpus, named = folder / "corpus", folder / "named"
    corpus.mkdir(parents=True, exist_ok=True)
    named.mkdir(exist_ok=True)
    return {c.name: c.make(named if c.named_only else corpus) for c in cases or CASES}


def build_good(folder: Path) -> list[Path]:
    """Five good articles: the database every case runs against holds them before the corpus."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in GOOD_FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(folder / name)
    return paths


def good_companion(folder: Path, case: str) -> Path:
    """A good article of its own for one case's mixed batch (its text names the case, so it is new)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"good-with-{case}.txt"
    path.write_text(GOOD.replace("on Friday.", f"on Friday, the day of {case}."), encoding="utf-8")
    return path
