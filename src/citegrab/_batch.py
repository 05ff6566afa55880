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
from collections.abc import Callable, Iterable, Iterator
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


def extract_one(
    extractor: Extractor, src: Source, prepare: Callable[[Document], Any] | None = None
) -> Any:
    """Extract one source, then ``prepare`` the document if given (its output records, say); a
    failure of either becomes an error record (runs in worker processes too)."""
    try:
        doc = extractor.extract_source(src)
        return doc if prepare is None else prepare(doc)
    except Exception as exc:  # one bad document never stops the batch
        return {"doc": src.id, "error": type(exc).__name__, "message": str(exc)}


def _extract_batch(
    job: tuple[Extractor, list[Source], Callable[[Document], Any] | None],
) -> list[Any]:
    extractor, sources, prepare = job
    return [extract_one(extractor, src, prepare) for src in sources]


BATCH_CHARS = 32_000
"""A task sent to a worker holds documents up to about this many characters (parse-only runs):
a web archive's pages take about a millisecond each, as little as the round trip to a worker
costs, so they travel in batches. With entities each document is its own task (the model's
work dwarfs the round trip, and small batches keep the workers evenly loaded)."""
BATCH_DOCS = 64
"""At most this many documents in one task."""


def _batches(units: Iterable[tuple[K, Source]], max_chars: int) -> Iterator[list[tuple[K, Source]]]:
    """Consecutive units grouped until a group holds ``max_chars`` characters (or BATCH_DOCS)."""
    batch: list[tuple[K, Source]] = []
    size = 0
    for unit in units:
        batch.append(unit)
        size += len(unit[1].text)
        if size >= max_chars or len(batch) >= BATCH_DOCS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


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
    extractor: Extractor,
    units: Iterable[tuple[K, Source]],
    workers: int = 1,
    prepare: Callable[[Document], Any] | None = None,
) -> Iterator[tuple[K, Any]]:
    """Extract ``(key, source)`` units in order in ``workers`` processes; yields ``(key, result)``.

    A result is the `Document`, or what ``prepare`` (picklable) makes of it in the process that
    extracted it, or an error record ``{"doc", "error", "message"}``.

    Documents travel to the workers in small batches (see `BATCH_CHARS`); only a bounded
    window of batches is in flight, so the input is never read far ahead of the workers and
    memory stays bounded.
    """
    if workers <= 1:
        for key, src in units:
            yield key, extract_one(extractor, src, prepare)
        return
    from concurrent.futures import Future, ProcessPoolExecutor

    window: deque[tuple[list[K], Future[list[Any]]]] = deque()
    pool = ProcessPoolExecutor(
        max_workers=workers, initializer=_die_with_parent, initargs=(os.getpid(),)
    )
    max_chars = 1 if extractor.entities else BATCH_CHARS
    finished = False
    try:
        for batch in _batches(units, max_chars):
            job = (extractor, [src for _, src in batch], prepare)
            window.append(([key for key, _ in batch], pool.submit(_extract_batch, job)))
            if len(window) >= 2 * workers:
                keys, fut = window.popleft()
                yield from zip(keys, fut.result(), strict=True)
        while window:
            keys, fut = window.popleft()
            yield from zip(keys, fut.result(), strict=True)
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
