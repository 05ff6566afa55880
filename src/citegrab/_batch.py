"""Running a batch: sources in order through one process or a pool of worker processes.

Workers never outlive the parent: on Linux each asks the kernel for SIGTERM when its parent
dies (``PR_SET_PDEATHSIG``), and everywhere a watchdog thread exits the worker once the parent
is gone. Results come back in input order whatever the number of workers.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

from ._extract import Extractor
from ._inputs._readers import Source
from ._models import Document

K = TypeVar("K")

Result = Document | dict[str, Any]
"""A document, or an error record ``{"doc", "error", "message"}`` for a document that failed."""


def cpu_count() -> int:
    """CPUs this process may run on (the affinity mask where the platform has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def cap_workers(requested: int) -> tuple[int, str | None]:
    """The worker count to use, capped at the CPU count, and a warning when it was capped."""
    cpus = cpu_count()
    if requested <= cpus:
        return requested, None
    shown = str(requested) if len(str(requested)) <= 12 else f"{str(requested)[:6]}…"
    return cpus, f"--workers {shown} capped at {cpus}, the number of CPUs available"


def extract_one(extractor: Extractor, src: Source) -> Result:
    """Extract one source; a failure becomes an error record (runs in worker processes too)."""
    try:
        return extractor.extract_source(src)
    except Exception as exc:  # one bad document never stops the batch
        return {"doc": src.id, "error": type(exc).__name__, "message": str(exc)}


def _extract_job(job: tuple[Extractor, Source]) -> Result:
    return extract_one(*job)


def _die_with_parent(parent: int) -> None:
    """Worker initializer: exit when the parent process is gone (never left orphaned)."""
    import signal

    # the parent turns SIGTERM into a clean stop; a worker just ends (also on the parent's death)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            pr_set_pdeathsig = 1
            libc.prctl(pr_set_pdeathsig, int(signal.SIGTERM), 0, 0, 0)
        except (OSError, AttributeError):  # no prctl: the watchdog below still applies
            pass
    if os.getppid() != parent:  # the parent died before the request above took effect
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="citegrab-parent-watchdog", daemon=True).start()


def run_units(
    extractor: Extractor, units: Iterable[tuple[K, Source]], workers: int = 1
) -> Iterator[tuple[K, Result]]:
    """Extract ``(key, source)`` units in order in ``workers`` processes; yields ``(key, result)``.

    Only a bounded window of documents is in flight, so the input is never read far ahead of
    the workers and memory stays bounded.
    """
    if workers <= 1:
        for key, src in units:
            yield key, extract_one(extractor, src)
        return
    from concurrent.futures import Future, ProcessPoolExecutor

    window: deque[tuple[K, Future[Result]]] = deque()
    pool = ProcessPoolExecutor(
        max_workers=workers, initializer=_die_with_parent, initargs=(os.getpid(),)
    )
    finished = False
    try:
        for key, src in units:
            window.append((key, pool.submit(_extract_job, (extractor, src))))
            if len(window) >= 2 * workers:
                k, fut = window.popleft()
                yield k, fut.result()
        while window:
            k, fut = window.popleft()
            yield k, fut.result()
        finished = True
    finally:
        if finished:
            pool.shutdown(wait=True)
        else:  # interrupted (signal, closed consumer): stop the workers now, do not wait
            procs = list(getattr(pool, "_processes", {}).values())
            pool.shutdown(wait=False, cancel_futures=True)
            for proc in procs:
                if proc.is_alive():
                    proc.terminate()
            for proc in procs:
                proc.join(timeout=5)


def run_documents(
    extractor: Extractor, sources: Iterable[Source], workers: int = 1
) -> Iterator[Result]:
    """Extract sources in order, in ``workers`` processes; yields Documents or error records."""
    for _, result in run_units(extractor, ((None, s) for s in sources), workers):
        yield result
