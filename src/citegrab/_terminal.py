"""What a person sees on a terminal while a run goes: a progress bar with an ETA, messages above it.

The table that fits the terminal's width is the table output format (`_outputs.table`).
"""

from __future__ import annotations

import sys
import time
from typing import Any

_ACTIVE: list[Any] = []  # the bar on screen, if any


def say(message: str) -> None:
    """A line on stderr that does not tear the progress bar (printed above it)."""
    if _ACTIVE:
        _ACTIVE[-1].write(message, file=sys.stderr)
    else:
        print(message, file=sys.stderr)


class Progress:
    """A progress bar on a terminal (input files with a total and an ETA, documents, records
    per second); silent when stderr is not a terminal."""

    def __init__(self, what: str, total: int | None = None) -> None:
        self.bar: Any = None
        self.what = what
        if sys.stderr.isatty():
            try:
                from tqdm import tqdm

                tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked
                self.bar = tqdm(
                    total=total,
                    unit=" files",
                    file=sys.stderr,
                    dynamic_ncols=True,
                    leave=False,
                    mininterval=0.2,
                )
            except ImportError:  # pragma: no cover - tqdm is a core dependency
                self.bar = None
            if self.bar is not None:
                _ACTIVE.append(self.bar)
        self.records = 0
        self.docs = 0
        self.t0 = time.perf_counter()

    def update(self, records: int, files_done: int | None = None) -> None:
        """One more document with ``records`` records; ``files_done`` input files are finished."""
        self.records += records
        self.docs += 1
        if self.bar is not None:
            rate = self.records / max(1e-9, time.perf_counter() - self.t0)
            self.bar.set_postfix_str(
                f"{self.docs} docs, {self.records} {self.what}, {rate:.0f}/s", refresh=False
            )
            if files_done is not None and files_done > self.bar.n:
                self.bar.update(files_done - self.bar.n)
            else:
                self.bar.refresh()

    def close(self) -> None:
        """Remove the bar from the screen (before a table or the summary is printed)."""
        if self.bar is not None:
            if self.bar in _ACTIVE:
                _ACTIVE.remove(self.bar)
            self.bar.close()
            self.bar = None
