"""``talkwatch correct ...`` and ``talkwatch corrections ...``: analysts fix the record from a shell.

A fact is named as a person finds it: the article (its id or the first
characters of it), the evidence (the sentence's words with ``--evidence``, or
offsets with ``--at START:END``) and, where a sentence holds several facts,
the actor. ``talkwatch corrections facts ARTICLE`` lists an article's facts
with all of that. Every correction records its author (``--author``, else
``$TALKWATCH_AUTHOR``, else the login name) and a note saying why.
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import InputError, NotFound
from ..store import corrections
from ..store.corrections import files, gold
from ..store.corrections.model import FIELDS, KINDS
from .store import DbOpt, FormatOpt, Out, _article_labels, _emit, _errors, _open

correct_app = typer.Typer(help="Correct one fact of the record (kept with who, when and why).",
                          no_args_is_help=True)
corrections_app = typer.Typer(help="List, export, apply corrections; turn them into gold.",
                              no_args_is_help=True)

Article = Annotated[str, typer.Argument(help="The article: its id, or the first 8+ characters of it.")]
KindOpt = Annotated[str, typer.Option("--kind", "-k", help=f"Fact kind: {', '.join(KINDS)}.")]
EvidenceOpt = Annotated[str | None, typer.Option(
    "--evidence", "-e", help="Words of the article that state the fact (found in its text).")]
AtOpt = Annotated[str | None, typer.Option("--at", help="Evidence as character offsets START:END.")]
ActorOpt = Annotated[str | None, typer.Option(
    "--actor", help="The fact's actor (name or id), when its sentence states several facts.")]
MeetingOpt = Annotated[str | None, typer.Option(
    "--meeting", help="The fact's meeting (id), to tell facts apart.")]
SetOpt = Annotated[list[str] | None, typer.Option(
    "--set", "-s", help="FIELD=VALUE to change (repeatable), e.g. status=arrived.")]
NoteOpt = Annotated[str, typer.Option("--note", "-n", help="Why: a short note kept with the correction.")]
AuthorOpt = Annotated[str | None, typer.Option(
    "--author", help="Who corrects (default: $TALKWATCH_AUTHOR, else the login name).")]


def _author(author: str | None) -> str:
    name = author or os.environ.get("TALKWATCH_AUTHOR")
    if not name:
        try:
            name = getpass.getuser()
        except (OSError, KeyError):
            name = None
    if not name:
        raise InputError("say who corrects: --author NAME (or set $TALKWATCH_AUTHOR)")
    return name


def _document(backend: Any, ref: str) -> dict[str, Any]:
    """The article a reference names: a whole id, or a prefix of at least 8 characters."""
    found = backend.query("SELECT id, body FROM documents WHERE id = ?", (ref,))
    if not found and len(ref) >= 8 and all(c in "0123456789abcdef" for c in ref):
        found = backend.query("SELECT id, body FROM documents WHERE id LIKE ? ORDER BY id LIMIT 2",
                              (ref + "%",))
        if len(found) > 1:
            raise InputError(f"{ref!r} starts more than one article id; give more characters")
    if not found:
        raise NotFound(f"no article {ref!r} in the record; see `talkwatch search` or the dashboard")
    return found[0]


def _span(doc: dict[str, Any], evidence: str | None, at: str | None) -> tuple[int, int]:
    """Evidence offsets from ``--at`` or from the words of ``--evidence``."""
    if at:
        try:
            start, end = (int(x) for x in at.split(":"))
        except ValueError:
            raise InputError(f"--at takes START:END character offsets, not {at!r}") from None
        return start, end
    if not evidence:
        raise InputError("say where the article states the fact: --evidence WORDS or --at START:END")
    body = doc["body"] or ""
    start = body.find(evidence)
    if start < 0:
        raise InputError(f"the article does not contain {evidence!r}; quote its words exactly")
    if body.find(evidence, start + 1) >= 0:
        raise InputError(f"{evidence!r} occurs more than once; quote more words or use --at")
    return start, start + len(evidence)


def _changes(kind: str, pairs: list[str] | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for pair in pairs or []:
        name, sep, value = pair.partition("=")
        if not sep:
            raise InputError(f"--set takes FIELD=VALUE, not {pair!r}; "
                             f"fields of {kind}: {', '.join(FIELDS[kind])}")
        out[name.strip()] = _value(name.strip(), value.strip())
    return out


def _value(name: str, value: str) -> Any:
    if value.lower() in ("", "none", "null"):
        return None
    if name == "hedged":
        if value.lower() not in ("true", "false", "yes", "no"):
            raise InputError("hedged is true or false")
        return value.lower() in ("true", "yes")
    if name == "size":
        if not value.isdigit():
            raise InputError("size is a whole number")
        return int(value)
    return value


def _fact(action: str, article: str, kind: str, evidence: str | None, at: str | None,
          actor: str | None, meeting: str | None, pairs: list[str] | None, note: str,
          author: str | None, db: str | None) -> None:
    with _errors(), _open(db) as rec:
        doc = _document(rec.backend, article)
        target = {k: v for k, v in (("actor", actor), ("meeting", meeting)) if v}
        if action == "add":
            target = {}
        if kind not in KINDS:
            raise InputError(f"unknown fact kind {kind!r}; choose one of {', '.join(KINDS)}")
        fix = corrections.Correction(
            action=action, kind=kind, author=_author(author), document=doc["id"],
            evidence=_span(doc, evidence, at), target=target, changes=_changes(kind, pairs), note=note)
        logged = rec.correct(fix)
        _say(logged)


def _say(logged: dict[str, Any]) -> None:
    before = logged.get("before")
    changed = ", ".join(f"{k}: {v}" for k, v in (logged.get("changes") or {}).items())
    was = f" (was {before})" if isinstance(before, dict) and logged["action"] == "set" else ""
    typer.echo(f"{logged['id']}: {logged['action']} {logged['kind']} {changed}{was}".rstrip())


@correct_app.command("confirm")
def confirm(article: Article, kind: KindOpt = "participations", evidence: EvidenceOpt = None,
            at: AtOpt = None, actor: ActorOpt = None, meeting: MeetingOpt = None, note: NoteOpt = "",
            author: AuthorOpt = None, db: DbOpt = None) -> None:
    """Say a fact is right (it then counts as checked gold)."""
    _fact("confirm", article, kind, evidence, at, actor, meeting, None, note, author, db)


@correct_app.command("reject")
def reject(article: Article, kind: KindOpt = "participations", evidence: EvidenceOpt = None,
           at: AtOpt = None, actor: ActorOpt = None, meeting: MeetingOpt = None, note: NoteOpt = "",
           author: AuthorOpt = None, db: DbOpt = None) -> None:
    """Say the article does not state a fact (it leaves the record; the correction keeps it)."""
    _fact("reject", article, kind, evidence, at, actor, meeting, None, note, author, db)


@correct_app.command("set")
def set_(article: Article, kind: KindOpt = "participations", evidence: EvidenceOpt = None,
         at: AtOpt = None, actor: ActorOpt = None, meeting: MeetingOpt = None, set_: SetOpt = None,
         note: NoteOpt = "", author: AuthorOpt = None, db: DbOpt = None) -> None:
    """Change fields of a fact: --set status=arrived --set role=observer."""
    _fact("set", article, kind, evidence, at, actor, meeting, set_, note, author, db)


@correct_app.command("add")
def add(article: Article, kind: KindOpt = "participations", evidence: EvidenceOpt = None,
        at: AtOpt = None, set_: SetOpt = None, note: NoteOpt = "", author: AuthorOpt = None,
        db: DbOpt = None) -> None:
    """Add a fact the extractor missed: --set actor=... --set meeting=... --set status=..."""
    _fact("add", article, kind, evidence, at, None, None, set_, note, author, db)


@correct_app.command("same-actor")
def same_actor(actor: Annotated[str, typer.Argument(help="The actor id that is not a separate actor.")],
               into: Annotated[str, typer.Argument(help="The actor id it is one with.")],
               note: NoteOpt = "", author: AuthorOpt = None, db: DbOpt = None) -> None:
    """Say two actors are one: every fact of the first becomes the second's."""
    with _errors(), _open(db) as rec:
        _say(rec.correct(corrections.Correction(action="same_actor", kind="actors", author=_author(author),
                                                target={"actor": actor}, changes={"into": into}, note=note)))


@correct_app.command("not-actor")
def not_actor(actor: Annotated[str, typer.Argument(help="The actor id that is not an actor.")],
              note: NoteOpt = "", author: AuthorOpt = None, db: DbOpt = None) -> None:
    """Say a name is not an actor: its participations, positions and delegations leave the record."""
    with _errors(), _open(db) as rec:
        _say(rec.correct(corrections.Correction(action="not_actor", kind="actors", author=_author(author),
                                                target={"actor": actor}, note=note)))


COLUMNS = ["id", "created", "author", "action", "kind", "document", "changes", "state", "note"]


@corrections_app.command("list")
def list_(article: Annotated[str | None, typer.Argument(help="Only this article's corrections.")] = None,
          orphaned: Annotated[bool, typer.Option(
              "--orphaned", help="Only those whose fact is gone.")] = False,
          fmt: FormatOpt = Out.table, db: DbOpt = None) -> None:
    """The corrections log, oldest first (the audit trail: nothing is ever removed)."""
    with _errors(), _open(db) as rec:
        doc = _document(rec.backend, article)["id"] if article else None
        found = rec.corrections(document=doc, state="orphaned" if orphaned else None)
        if fmt is Out.table:  # people read the article's title and outlet; CSV keeps its id
            labels = _article_labels(rec, [c.get("document") for c in found])
            rows = [c | {"document": labels.get(c.get("document") or "", (c.get("document") or "")[:12])}
                    for c in found]
        else:
            rows = [c | {"document": (c.get("document") or "")[:12]} for c in found]
        _emit(fmt, found, rows, COLUMNS, f"{len(found)} correction(s)")


@corrections_app.command("facts")
def facts_(article: Article, kind: KindOpt = "participations", fmt: FormatOpt = Out.table,
           db: DbOpt = None) -> None:
    """An article's facts of one kind, with the evidence offsets a correction names."""
    with _errors(), _open(db) as rec:
        doc = _document(rec.backend, article)
        digest = rec.digest(doc["id"])
        if kind == "meetings":  # a meeting's facts are its status statements
            digest["meetings"] = [h | {"meeting": m.get("id"), "name": m.get("name")}
                                  for m in digest.get("meetings") or [] for h in m.get("history") or []]
        names = {a["id"]: a["name"] for a in digest.get("actors") or []}
        rows = [{"at": f"{(f.get('evidence') or {}).get('start')}:{(f.get('evidence') or {}).get('end')}",
                 **{k: (names.get(v, v) if k in ("actor", "speaker", "source", "target", "head") else v)
                    for k, v in f.items() if k not in ("evidence", "extractor")},
                 "evidence": (f.get("evidence") or {}).get("text")} for f in digest.get(kind) or []]
        columns = sorted({k for r in rows for k in r}, key=lambda k: (k != "at", k == "evidence", k))
        label = _article_labels(rec, [doc["id"]]).get(doc["id"], "")
        _emit(fmt, rows, rows, columns, f"{kind} of {label} ({doc['id'][:12]})")


@corrections_app.command("export")
def export(out: Annotated[Path | None, typer.Option("--out", "-o", help=(
               "File: .yaml/.yml for YAML, else JSON Lines (default: stdout)."))] = None,
           as_yaml: Annotated[bool, typer.Option("--yaml", help="YAML on stdout.")] = False,
           db: DbOpt = None) -> None:
    """Write every correction to a file to review, share or apply elsewhere."""
    with _errors(), _open(db) as rec:
        found = rec.corrections()
        if out is None:
            files.dump(found, sys.stdout, as_yaml=as_yaml)
            return
        with out.open("w", encoding="utf-8") as fh:
            n = files.dump(found, fh, as_yaml=files.is_yaml(out))
        typer.echo(f"{n} correction(s) written to {out}", err=True)


@corrections_app.command("apply")
def apply_(path: Annotated[Path, typer.Argument(help="A corrections file (YAML or JSON Lines).")],
           db: DbOpt = None) -> None:
    """Apply a corrections file to this record; corrections already here are skipped."""
    with _errors(), _open(db) as rec:
        tally = rec.apply_corrections(files.load(path))
        typer.echo(f"{tally['added']} added ({tally['applied']} applied, {tally['orphaned']} orphaned:"
                   f" their article or fact is not here), {tally['known']} already here")


@corrections_app.command("gold")
def gold_(out: Annotated[Path, typer.Option("--out", "-o", help="Folder for <article>.txt and .yaml.")],
          db: DbOpt = None) -> None:
    """Write each corrected article and its gold, for `talkwatch evaluate DIR`."""
    with _errors(), _open(db) as rec:
        written = gold.write(rec.backend, out)
        typer.echo(f"{len(written)} gold file(s) in {out}; score with: talkwatch evaluate {out}", err=True)


def register(app: typer.Typer) -> None:
    """Add ``correct`` and ``corrections`` to the ``talkwatch`` app."""
    app.add_typer(correct_app, name="correct")
    app.add_typer(corrections_app, name="corrections")
