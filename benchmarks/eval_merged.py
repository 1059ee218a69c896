"""Score the merged record on real multi-article processes, as ``score_merged.py`` does.

For each ``process-NN-*/`` folder under the processes set
(default ``../shared/data/news-dev-processes``): extract its articles, store
them into a fresh SQLite record, export ``talkwatch.record/1`` JSON, and score
it against ``merged.yaml`` with the reference scorer
(``../shared/tools/score_merged.py``, imported, so the numbers are its own).
Prints per process and overall; ``--verbose`` adds the scorer's misses.

Extraction is the slow part and merge work does not change it, so
``--cache DIR`` keeps each article's digest keyed by the article id and a
fingerprint of the extraction code (everything but ``store/``): a change to
extraction re-extracts, a change to merging does not.

    python benchmarks/eval_merged.py [--set DIR] [--cache DIR] [--out DIR] [--verbose] [--reverse]

Exits 0 with a message when the shared data are absent.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import importlib.util
import io
import json
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SRC = REPO / "src" / "talkwatch"


def scorer(shared: Path) -> ModuleType:
    """The reference ``score_merged`` module (it imports ``score`` beside it)."""
    tools = shared / "tools"
    sys.path.insert(0, str(tools))
    spec = importlib.util.spec_from_file_location("score_merged", tools / "score_merged.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def fingerprint() -> str:
    """Hash of the code and data extraction depends on (the store is left out)."""
    h = hashlib.sha256()
    for path in sorted(SRC.rglob("*")):
        rel = path.relative_to(SRC)
        if path.is_file() and rel.parts[0] not in ("store", "serve", "cli") and path.suffix != ".pyc":
            h.update(str(rel).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:16]


def digests(folder: Path, cache: Path | None, code: str) -> list[dict[str, Any]]:
    """Each article's digest, from the cache when the extraction code is unchanged."""
    from talkwatch import read
    from talkwatch.batch.local import extract_article

    out = []
    for article in read.read_paths([folder / "articles"]):
        hit = cache / f"{code}-{article.id[:24]}.json" if cache else None
        if hit and hit.exists():
            out.append(json.loads(hit.read_text(encoding="utf-8")))
            continue
        digest = extract_article(article)
        if hit:
            hit.write_text(json.dumps(digest), encoding="utf-8")
        out.append(digest)
    return out


def build_record(items: list[dict[str, Any]], db: Path) -> dict[str, Any]:
    """Store digests one by one (as separate batches) and export the record."""
    from talkwatch import store

    with store.open(db, create=True) as rec:
        for d in items:
            rec.save(d)
        buf = io.StringIO()
        from talkwatch.store.exports import record as export

        export.write_json(rec.backend, buf)
    return json.loads(buf.getvalue())


def score_one(mod: ModuleType, gold_path: Path, record: dict[str, Any], verbose: bool) -> dict[str, Any]:
    import yaml

    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    notes: list[str] = []
    counts = mod.score(gold, record, notes)
    if verbose:
        print("\n".join("  " + n for n in notes))
    return counts


def summary(mod: ModuleType, c: dict[str, list[int]]) -> str:
    """The scorer's numbers for these counts, in its own printing."""
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        _print(mod, c)
    return buf.getvalue()


def _print(mod: ModuleType, c: dict[str, list[int]]) -> None:
    mp, mr, mf = mod.prf(*c["m"])
    pf = mod.prf(*c["p"])[2]

    def acc(k: str) -> float:
        return c[k][0] / c[k][1] if c[k][1] else 0.0

    matched, predicted, gold = c["m"]
    counts = f"({matched} matched, {predicted} predicted, {gold} gold)"
    print(f"meetings P {mp:.3f} R {mr:.3f} F1 {mf:.3f} {counts}")
    status, start, hist = acc("status"), acc("start"), acc("hist")
    print(f"final status acc {status:.3f}  final start acc {start:.3f}  history acc {hist:.3f}")
    print(f"participants F1 {pf:.3f} ({c['p'][0]} right, {c['p'][1]} predicted, {c['p'][2]} gold)")
    print(f"merged score = {(mf + acc('status') + pf) / 3:.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", type=Path, default=SHARED / "data" / "news-dev-processes")
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--cache", type=Path, help="folder for cached digests")
    ap.add_argument("--out", type=Path, help="folder for each process's record JSON")
    ap.add_argument("--reverse", action="store_true", help="store articles in reverse order")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--only", help="substring of the process folders to score")
    args = ap.parse_args(argv)
    if not (args.shared / "tools" / "score_merged.py").exists() or not args.set.is_dir():
        print(f"no processes set or scorer under {args.shared}; nothing to score")
        return 0
    mod = scorer(args.shared)
    code = fingerprint()
    for d in (args.cache, args.out):
        if d:
            d.mkdir(parents=True, exist_ok=True)
    total: dict[str, list[int]] = {}
    folders = sorted(p for p in args.set.iterdir() if (p / "merged.yaml").exists())
    for folder in folders:
        if args.only and args.only not in folder.name:
            continue
        items = digests(folder, args.cache, code)
        if args.reverse:
            items.reverse()
        with tempfile.TemporaryDirectory() as tmp:
            record = build_record(items, Path(tmp) / "record.db")
        if args.out:
            (args.out / f"{folder.name}.json").write_text(json.dumps(record, indent=1), encoding="utf-8")
        print(f"# {folder.name}")
        c = score_one(mod, folder / "merged.yaml", record, args.verbose)
        print(summary(mod, c), end="")
        for k, v in c.items():
            total[k] = [a + b for a, b in zip(total.get(k, [0] * len(v)), v, strict=True)]
    print("# overall")
    print(summary(mod, total), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
