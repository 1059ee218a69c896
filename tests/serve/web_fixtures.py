"""The web tests' database: the dev set plus one hostile article, ingested once per process.

Both the API tests and the browser tests import ``web_db``; the build is
cached per process so that the spaCy pipeline runs over the articles once.
"""

from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "tests" / "eval" / "dev"

# An article that tries to run code: tags and event-handler attributes in the title,
# in a quote, in actor names and in plain text. Every page must show them as text.
HOSTILE_TITLE = ('Envoy <script>window.__pwned = 1</script> says talks '
                 '<b onmouseover="window.__pwned=5">resume</b>')
HOSTILE = "\n".join((
    f"title: {HOSTILE_TITLE}",
    'source: <img src=x onerror="window.__pwned=6">',
    "url: javascript:window.__pwned=7",
    "published: 2024-05-02",
    "",
    "GENEVA, May 2 - The government of Norland and the rebel Free Coast Movement will meet "
    "in Geneva on May 20 for a third round of talks, the United Nations envoy said on Thursday.",
    "",
    '"We will not accept <script>window.__pwned = 2</script> any further delay," the envoy, '
    "Maria Lund, told reporters after briefing the Security Council.",
    "",
    'The Free Coast Movement said it would attend the round <img src=x onerror="window.__pwned=3">'
    " but demanded the release of detainees before any ceasefire.",
    "",
    "Norland's foreign minister, Erik <i onclick=\"window.__pwned=4\">Dahl</i>, said his "
    "government had accepted the invitation.",
    "",
))


@functools.cache
def build() -> tuple[Path, str]:
    """Ingest the dev set and the hostile article; return (database, hostile document id)."""
    from talkwatch import read, store
    from talkwatch.batch.local import ingest

    folder = Path(tempfile.mkdtemp(prefix="talkwatch-web-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    hostile = folder / "hostile" / "article.txt"
    hostile.parent.mkdir()
    hostile.write_text(HOSTILE, encoding="utf-8")
    db = folder / "web.db"
    paths = sorted(DEV.glob("*/article.txt")) + [hostile]
    with store.open(db, create=True) as record:
        report = ingest(paths, record)
    assert report.failed == 0, report.failures
    return db, read.read_text(HOSTILE).id
