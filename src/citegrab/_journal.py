"""Resumable line outputs (JSONL, CSV): a sidecar journal commits each document as a unit.

A run writing ``out.jsonl`` holds three names next to each other:

- ``out.jsonl.citegrab-partial``: the output of a fresh run until it completes, then renamed
  to ``out.jsonl`` (so a failed run never leaves a half-written output under the real name);
- ``out.jsonl.citegrab-journal``: one JSON line per committed unit (a document, or one chunk of
  a huge file) giving its key and the output's byte length once its records were written. The
  first line names the data file by device and inode (a rename keeps them) and the options of
  the run. The journal is locked (``flock``) while a run writes, so two runs cannot interleave.

Resuming truncates the data file to the last committed length (a cut line or a document whose
records were only partly written is dropped) and skips every committed key, so a resumed run
ends with exactly the records of an uninterrupted one. An output with no journal (written by an
older citegrab, or copied) is scanned instead: its cut tail and its last document (which may be
incomplete) are dropped and that document is redone.
"""

from __future__ import annotations

import csv
import json
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ._errors import OutputError

JOURNAL_SUFFIX = ".citegrab-journal"
PARTIAL_SUFFIX = ".citegrab-partial"
RESUMABLE_FORMATS = ("jsonl", "csv")
SYNC_EVERY = 1.0
"""Seconds between fsyncs: a killed process loses nothing committed (every unit is written
through to the OS at once); after a power loss at most this much work is redone."""


def normalise_doc(doc: str) -> str:
    """A document id that does not depend on how its path was typed (URLs and "-" as they are)."""
    if doc == "-" or "://" in doc:
        return doc
    return os.path.realpath(doc)  # (Path.resolve raises on a symbolic-link loop)


def sidecars(final: Path) -> tuple[Path, Path]:
    """The partial-output and journal paths that belong to an output path."""
    return (
        final.with_name(final.name + PARTIAL_SUFFIX),
        final.with_name(final.name + JOURNAL_SUFFIX),
    )


class JournaledOutput:
    """A JSONL or CSV output file written unit by unit, each unit committed in a journal."""

    def __init__(
        self, final: str | Path, fmt: str, settings: dict[str, Any], *, resume: bool
    ) -> None:
        if fmt not in RESUMABLE_FORMATS:
            raise OutputError(f"--resume works with jsonl and csv outputs, not {fmt}")
        self.final = Path(final)
        self.partial, self.journal_path = sidecars(self.final)
        self.fmt = fmt
        self.settings = settings
        self.resume = resume
        self.done_keys: set[str] = set()
        self.done_docs: set[str] = set()
        self.resumed_from: str | None = None  # "journal", "scan" or None (fresh)
        self._jfd = -1
        self._data: IO[bytes] | None = None
        self._journal: IO[bytes] | None = None
        self.data_path = self.partial
        self.size = 0
        self._header_len = 0
        self._synced = time.monotonic()

    # -- opening ------------------------------------------------------------------------------

    def open(self, columns: tuple[str, ...] = ()) -> None:
        """Lock the output, then start fresh or pick up where the last run stopped."""
        self._lock()
        try:
            header, entries = self._read_journal()
            target = self._matching_data(header) if self.resume else None
            if target is not None:
                self._check_settings(header)
                self._continue(target, entries)
                self.resumed_from = "journal"
            elif self.resume and self.final.exists() and self.final.stat().st_size > 0:
                self._scan(columns)
                self.resumed_from = "scan"
            else:
                self._fresh()
        except BaseException:
            self.close()
            raise
        if self.data_path == self.final and self.partial.exists():  # left by an older run
            self.partial.unlink()

    def _lock(self) -> None:
        try:
            self._jfd = os.open(self.journal_path, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError as exc:
            raise OutputError(f"cannot write next to {self.final}: {exc.strerror or exc}") from exc
        try:
            import fcntl
        except ImportError:  # no flock on this platform: runs are not protected from each other
            return
        try:
            fcntl.flock(self._jfd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(self._jfd)
            self._jfd = -1
            raise OutputError(
                f"another citegrab run is writing {self.final} (its journal {self.journal_path.name}"
                " is locked); wait for it to finish or choose another -o"
            ) from exc

    def _read_journal(self) -> tuple[dict[str, Any] | None, list[tuple[dict[str, Any], int]]]:
        """The journal's header and its complete entries, each with its end in the journal."""
        with os.fdopen(os.dup(self._jfd), "rb") as fh:
            raw = fh.read()
        header: dict[str, Any] | None = None
        entries: list[tuple[dict[str, Any], int]] = []
        pos = 0
        for line in raw.splitlines(keepends=True):
            if not line.endswith(b"\n"):
                break  # cut by a kill mid-write
            try:
                obj = json.loads(line)
            except ValueError:
                break
            if not isinstance(obj, dict):
                break
            pos += len(line)
            if header is None:
                if obj.get("citegrab_journal") != 1:
                    break
                header = obj
                self._header_len = pos
            elif isinstance(obj.get("end"), int):
                entries.append((obj, pos))
            else:
                break
        return header, entries

    def _matching_data(self, header: dict[str, Any] | None) -> Path | None:
        """The data file (partial or final) the journal describes, if it still exists."""
        if header is None:
            return None
        for cand in (self.partial, self.final):
            try:
                st = cand.stat()
            except OSError:
                continue
            if (st.st_dev, st.st_ino) == (header.get("dev"), header.get("ino")):
                return cand
        return None

    def _check_settings(self, header: dict[str, Any] | None) -> None:
        old = (header or {}).get("settings", {})
        diff = sorted(
            k for k in set(old) | set(self.settings) if old.get(k) != self.settings.get(k)
        )
        if diff:
            was = ", ".join(f"{k}={old.get(k)!r}" for k in diff)
            raise OutputError(
                f"{self.final} was written with other options ({was}); resume with the same "
                "options, or run without --resume to rewrite it"
            )

    def _continue(self, target: Path, entries: list[tuple[dict[str, Any], int]]) -> None:
        """Resume from the journal: keep the committed prefix of data and journal."""
        size = target.stat().st_size
        with target.open("rb") as fh:
            keep = len(entries)
            while keep:  # the longest prefix of entries the data file really holds
                end = entries[keep - 1][0]["end"]
                if end <= size and (end == 0 or _byte_at(fh, end - 1) == b"\n"):
                    break
                keep -= 1
        end = entries[keep - 1][0]["end"] if keep else 0
        jend = entries[keep - 1][1] if keep else self._header_len
        for obj, _ in entries[:keep]:
            if "k" in obj:
                self.done_keys.add(str(obj["k"]))
            if "d" in obj:
                self.done_docs.add(str(obj["d"]))
        os.truncate(target, end)
        os.ftruncate(self._jfd, jend)
        self.data_path = target
        self.size = end
        self._open_files(journal_at=jend)

    def _scan(self, columns: tuple[str, ...]) -> None:
        """Resume an output that has no journal: drop its cut tail and its last document."""
        docs: list[tuple[str, int]] = []  # (doc, offset where its first record starts)
        end = 0
        with self.final.open("rb") as fh:
            rows = _jsonl_rows(fh) if self.fmt == "jsonl" else _csv_rows(fh, columns)
            for doc, start, stop in rows:
                if doc is None:  # the CSV header
                    end = stop
                    continue
                if not docs or docs[-1][0] != doc:
                    docs.append((doc, start))
                end = stop
        if docs:  # the last document may have been cut short: redo it
            end = docs[-1][1]
            docs.pop()
        os.truncate(self.final, end)
        self.done_docs = {normalise_doc(d) for d, _ in docs}
        self.data_path = self.final
        self.size = end
        self._write_header(self.final)
        for doc in sorted(self.done_docs):
            self._append_journal({"d": doc, "end": end})
        self._sync()

    def _fresh(self) -> None:
        fd = os.open(self.partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
        os.close(fd)
        self.data_path = self.partial
        self.size = 0
        self._write_header(self.partial)

    def _write_header(self, data: Path) -> None:
        st = data.stat()
        os.ftruncate(self._jfd, 0)
        header = {
            "citegrab_journal": 1,
            "dev": st.st_dev,
            "ino": st.st_ino,
            "format": self.fmt,
            "settings": self.settings,
        }
        line = (json.dumps(header) + "\n").encode("ascii")
        self._open_files(journal_at=0)
        assert self._journal is not None
        self._journal.write(line)
        self._journal.flush()

    def _open_files(self, journal_at: int) -> None:
        self._data = self.data_path.open("ab")
        self._journal = os.fdopen(os.dup(self._jfd), "r+b")
        self._journal.seek(journal_at)

    # -- writing ------------------------------------------------------------------------------

    @property
    def append(self) -> bool:
        """True when the data file already holds records (a CSV header is not to be written)."""
        return self.size > 0

    def is_done(self, key: str, doc: str) -> bool:
        """Whether a unit was committed by an earlier run."""
        return key in self.done_keys or doc in self.done_docs

    def commit(self, key: str, data: bytes) -> None:
        """Write one unit's records, then record the unit as done."""
        assert self._data is not None
        if data:
            self._data.write(data)
            self._data.flush()
            self.size += len(data)
        self._append_journal({"k": key, "end": self.size})
        if time.monotonic() - self._synced >= SYNC_EVERY:
            self._sync()

    def _append_journal(self, entry: dict[str, Any]) -> None:
        assert self._journal is not None
        # ASCII: a file name that is not valid UTF-8 (surrogate escapes) round-trips as \udcXX
        self._journal.write((json.dumps(entry) + "\n").encode("ascii"))
        self._journal.flush()

    def _sync(self) -> None:
        for fh in (self._data, self._journal):
            if fh is not None:
                os.fsync(fh.fileno())
        self._synced = time.monotonic()

    def finish(self) -> None:
        """The run completed: make it durable and give the output its real name."""
        self._sync()
        if self.data_path != self.final:
            os.replace(self.data_path, self.final)
            self.data_path = self.final
            _sync_dir(self.final.parent)

    def close(self) -> None:
        """Close the files and release the lock (a partial output stays, for --resume)."""
        for fh in (self._data, self._journal):
            if fh is not None:
                fh.close()
        self._data = self._journal = None
        if self._jfd >= 0:
            os.close(self._jfd)
            self._jfd = -1


def _byte_at(fh: IO[bytes], pos: int) -> bytes:
    fh.seek(pos)
    return fh.read(1)


def _sync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _jsonl_rows(fh: IO[bytes]) -> Iterator[tuple[str | None, int, int]]:
    """(doc, start, end) of each complete record line, up to the first cut or invalid line."""
    pos = 0
    for line in fh:
        if not line.endswith(b"\n"):
            return
        try:
            rec = json.loads(line)
        except ValueError:
            return
        if not isinstance(rec, dict) or not isinstance(rec.get("doc"), str):
            return
        yield rec["doc"], pos, pos + len(line)
        pos += len(line)


def _csv_rows(fh: IO[bytes], columns: tuple[str, ...]) -> Iterator[tuple[str | None, int, int]]:
    """(doc, start, end) of each complete CSV row (doc None for the header), up to a cut."""
    consumed = 0
    cut = False

    def lines() -> Iterator[str]:
        nonlocal consumed, cut
        for raw in fh:
            if not raw.endswith(b"\n"):
                cut = True
                return
            consumed += len(raw)
            yield raw.decode("utf-8", "replace")

    reader = csv.reader(lines())
    start = 0
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        return
    if columns and tuple(header) != columns:
        raise OutputError(
            "cannot resume: the CSV's header is not citegrab's columns for this command; "
            "run without --resume to rewrite it"
        )
    yield None, 0, consumed
    doc_at = header.index("doc") if "doc" in header else 0
    start = consumed
    try:
        for row in reader:
            if cut:
                return
            if len(row) != len(header):
                return
            yield row[doc_at], start, consumed
            start = consumed
    except csv.Error:
        return


def encode_unit(text: str) -> bytes:
    """A unit's rendered records as UTF-8 (a lone surrogate is kept as a ``\\udXXX`` escape)."""
    return text.encode("utf-8", "backslashreplace")


__all__ = [
    "JOURNAL_SUFFIX",
    "PARTIAL_SUFFIX",
    "RESUMABLE_FORMATS",
    "JournaledOutput",
    "encode_unit",
    "normalise_doc",
    "sidecars",
]
