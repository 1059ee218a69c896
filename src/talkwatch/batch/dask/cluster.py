"""Which Dask cluster to run on, and what each worker prepares once.

The same code runs on a local cluster (``local:N``), on a scheduler started by
dask-jobqueue (Slurm, PBS, SGE ...), on Kubernetes (dask-kubernetes, the
Helm chart) or on any ``dask scheduler`` / ``dask worker`` pair: all it needs
is the scheduler's address or its scheduler file.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ...errors import TalkwatchError

try:  # a plain base class when distributed is missing: the error comes from ``connect``
    from distributed import WorkerPlugin
except ImportError:  # pragma: no cover
    WorkerPlugin = object  # type: ignore[misc,assignment]

INSTALL = "Dask is not installed: pip install 'talkwatch[dask]'"
_LOCAL = re.compile(r"^local(?::(\d+))?$")


class NlpPlugin(WorkerPlugin):  # type: ignore[misc,valid-type]
    """Load the spaCy pipeline once per worker process, before its first task.

    A worker that dies and is restarted by its nanny loads it again; tasks
    then share the process-wide model of ``talkwatch.nlp.load``.
    """

    name = "talkwatch-nlp"

    def setup(self, worker: Any) -> None:
        from ... import nlp

        nlp.load()


# Dask's statistical profiler samples the running task's stack every 10 ms: a few % of
# a worker's CPU on the pipeline's deep call stacks. Off on clusters we start.
WORKER_CONFIG = {"distributed": {"worker": {"profile": {"enabled": False}}}}
# Dask starts workers with MALLOC_TRIM_THRESHOLD_=65536, so glibc hands freed memory
# back at once; spaCy allocates and frees all the time, and pays ~8% CPU for it.
NANNY_ENV = {"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}


def local_cluster(n_workers: int, **options: Any) -> Any:
    """A cluster of ``n_workers`` processes on this machine, one thread each (spaCy holds the GIL)."""
    try:
        import dask
        from distributed import LocalCluster
    except ImportError:
        raise TalkwatchError(INSTALL) from None
    settings = {
        "threads_per_worker": 1,
        "processes": True,
        "dashboard_address": ":8787",
        "silence_logs": logging.WARNING,
    }
    # A whole copy of the configuration: nannies hand it to every worker they (re)start.
    settings["config"] = dask.config.merge(dask.config.config, WORKER_CONFIG)
    with dask.config.set(NANNY_ENV):  # read once by each nanny, kept for restarts
        return LocalCluster(n_workers=max(1, n_workers), **(settings | options))


@contextmanager
def connect(spec: str | None = None, *, n_workers: int | None = None, **options: Any) -> Iterator[Any]:
    """A ``distributed.Client`` for ``spec``; a cluster started here is closed on exit.

    ``spec``: ``local`` / ``local:N`` (a local cluster of N workers), the path
    of a scheduler file (``scheduler.json``), or a scheduler address
    (``tcp://10.0.0.5:8786``). ``None`` means ``local:n_workers``.
    """
    try:
        from distributed import Client
    except ImportError:
        raise TalkwatchError(INSTALL) from None
    spec = spec or f"local:{n_workers or os.cpu_count() or 1}"
    local = _LOCAL.match(spec.strip())
    if local:
        n = int(local.group(1) or n_workers or os.cpu_count() or 1)
        with local_cluster(n, **options) as cluster, Client(cluster) as client:
            yield client
        return
    try:
        if spec.endswith(".json") and Path(spec).is_file():
            client = Client(scheduler_file=spec, timeout="30s")
        else:
            client = Client(spec, timeout="30s")
    except (OSError, ValueError) as exc:
        raise TalkwatchError(f"cannot reach the Dask scheduler at {spec} ({exc})") from None
    with client:
        yield client
