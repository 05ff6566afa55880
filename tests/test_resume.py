"""--resume ends with exactly the records of an uninterrupted run: killed runs (SIGKILL at ~30%
and ~85%, one input read in chunks), outputs cut mid-line, documents half written, paths spelled
two ways, and two runs on one output at once. Every run is a real subprocess."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citegrab import cli

from .conftest import FIXTURES, ROOT

CHUNK = 6000  # bytes: the big input is read in several chunks (CITEGRAB_CHUNK_BYTES)
POSTS = ("archive-2019.txt", "styles-2017.txt", "damaged-citations.txt", "markdown-2021.md")

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and flock")


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
    env["CITEGRAB_CHUNK_BYTES"] = str(CHUNK)
    env.pop("COLUMNS", None)
    return env


def _cmd(*argv: str) -> list[str]:
    return [sys.executable, "-m", "citegrab", *argv]


def _run(*argv: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        _cmd(*argv), env=_env(), cwd=cwd, capture_output=True, text=True, check=False
    )


def _batch(root: Path, copies: int = 12) -> Path:
    """A directory of posts (copies of the fixtures) with one big file read in chunks."""
    src = root / "in"
    src.mkdir()
    texts = [(FIXTURES / name).read_text(encoding="utf-8") for name in POSTS]
    for i in range(copies):
        for name, text in zip(POSTS, texts, strict=True):
            (src / f"{i:02d}-{name}").write_text(text, encoding="utf-8")
    big = "\n\n".join(texts[:2] * 12)  # posts ending in "Share" lines: chunk boundaries
    (src / "05-big.txt").write_text(big, encoding="utf-8")
    assert (src / "05-big.txt").stat().st_size > 4 * CHUNK
    return src


def _lines(path: Path) -> list[str]:
    data = path.read_text(encoding="utf-8")
    assert data == "" or data.endswith("\n")
    return data.splitlines()


def _reference(tmp_path: Path, src: Path, fmt: str = "jsonl") -> list[str]:
    ref = tmp_path / f"reference.{fmt}"
    done = _run("extract", str(src), "--no-entities", "-o", str(ref))
    assert done.returncode == 0, done.stderr
    return _lines(ref)


def _count(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except OSError:
        return 0


def _kill_after(argv: Sequence[str], watch: Path, records: int) -> bool:
    """Start a run, SIGKILL it once ``watch`` holds ``records`` lines; False if it ended first."""
    proc = subprocess.Popen(
        _cmd(*argv), env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        while proc.poll() is None:
            if _count(watch) >= records:
                proc.send_signal(signal.SIGKILL)
                proc.wait()
                return True
            time.sleep(0.002)
        return False
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def _check_same(got: list[str], want: list[str]) -> None:
    for line in got:
        json.loads(line)  # 0 invalid lines
    assert len(got) == len(want)  # 0 missing, 0 duplicated
    assert got == want  # and in the same order


# (two workers take documents in batches and records come back in bursts of a few documents:
# a larger input, so that the kill lands mid-run)
@pytest.mark.parametrize(("fraction", "workers", "copies"), [(0.3, "1", 12), (0.85, "2", 48)])
def test_sigkill_then_resume_gives_the_uninterrupted_records(
    tmp_path: Path, fraction: float, workers: str, copies: int
) -> None:
    src = _batch(tmp_path, copies)
    want = _reference(tmp_path, src)
    out = tmp_path / "out.jsonl"
    argv = ["extract", str(src), "--no-entities", "-o", str(out), "--workers", workers]
    partial = tmp_path / "out.jsonl.citegrab-partial"
    killed = _kill_after(argv, partial, int(len(want) * fraction))
    if killed:
        assert not out.exists()  # a killed run never leaves a torn file under the real name
        # (on a loaded machine the last records may be written before the kill lands: the
        # run is then killed between its last record and its commit, a case resume covers too)
        assert 0 < _count(partial) <= len(want)
    done = _run(*argv, "--resume")
    assert done.returncode == 0, done.stderr
    _check_same(_lines(out), want)
    if killed:
        assert "already done" in done.stderr
    assert not partial.exists()


def test_killed_resume_resumed_again(tmp_path: Path) -> None:
    src = _batch(tmp_path)
    want = _reference(tmp_path, src)
    out = tmp_path / "out.jsonl"
    argv = ["extract", str(src), "--no-entities", "-o", str(out)]
    _kill_after(argv, tmp_path / "out.jsonl.citegrab-partial", len(want) // 4)
    _kill_after([*argv, "--resume"], tmp_path / "out.jsonl.citegrab-partial", len(want) // 2)
    assert _run(*argv, "--resume").returncode == 0
    _check_same(_lines(out), want)


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_output_cut_mid_line_then_resume(tmp_path: Path, fmt: str) -> None:
    src = _batch(tmp_path, copies=3)
    want = _reference(tmp_path, src, fmt)
    out = tmp_path / f"out.{fmt}"
    argv = ["extract", str(src), "--no-entities", "-o", str(out)]
    assert _run(*argv).returncode == 0
    data = out.read_bytes()
    cut = data.rindex(b"\n", 0, len(data) * 2 // 3) + 40  # 40 bytes into a line
    out.write_bytes(data[:cut])
    done = _run(*argv, "--resume")
    assert done.returncode == 0, done.stderr
    assert _lines(out) == want


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_output_without_journal_cut_mid_line(tmp_path: Path, fmt: str) -> None:
    """A copy of an output (no journal beside it), cut mid-line: its last document is redone."""
    src = _batch(tmp_path, copies=3)
    want = _reference(tmp_path, src, fmt)
    data = (tmp_path / f"reference.{fmt}").read_bytes()
    out = tmp_path / f"copy.{fmt}"
    out.write_bytes(data[: len(data) // 2])
    done = _run("extract", str(src), "--no-entities", "-o", str(out), "--resume")
    assert done.returncode == 0, done.stderr
    assert "no journal" in done.stderr
    assert _lines(out) == want


def test_document_half_written_is_redone(tmp_path: Path) -> None:
    """Records written but not committed (a kill between the two) are dropped and redone."""
    src = _batch(tmp_path, copies=2)
    want = _reference(tmp_path, src)
    out = tmp_path / "out.jsonl"
    argv = ["extract", str(src), "--no-entities", "-o", str(out)]
    assert _run(*argv).returncode == 0
    journal = tmp_path / "out.jsonl.citegrab-journal"
    entries = journal.read_bytes().splitlines(keepends=True)
    keep = len(entries) // 2
    end = json.loads(entries[keep - 1])["end"]
    journal.write_bytes(b"".join(entries[:keep]))  # the journal stops here ...
    with out.open("r+b") as fh:  # ... while the data holds one more line and half of another
        data = fh.read()
        nxt = data.index(b"\n", end) + 1
        fh.truncate(data.index(b"\n", nxt) - 10)
    done = _run(*argv, "--resume")
    assert done.returncode == 0, done.stderr
    _check_same(_lines(out), want)


def test_relative_and_absolute_spellings_are_one_input(tmp_path: Path) -> None:
    src = _batch(tmp_path, copies=1)
    want = _reference(tmp_path, src)
    out = tmp_path / "out.jsonl"
    both = _run("extract", "in", str(src), "--no-entities", "-o", str(out), cwd=tmp_path)
    assert both.returncode == 0, both.stderr
    got = _lines(out)
    assert len(got) == len(want)  # each document once
    again = _run("extract", str(src), "--no-entities", "-o", str(out), "--resume")
    assert again.returncode == 0 and _lines(out) == got  # nothing added: all already done
    # the record's doc field stays as typed
    assert json.loads(got[0])["doc"].startswith("in/")


def test_second_run_on_a_locked_output_is_refused(tmp_path: Path) -> None:
    src = _batch(tmp_path, copies=1)
    out = tmp_path / "out.jsonl"
    journal = tmp_path / "out.jsonl.citegrab-journal"
    journal.touch()
    import fcntl

    with journal.open("rb") as fh:  # another run holds the lock
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        done = _run("extract", str(src), "--no-entities", "-o", str(out), "--resume")
    assert done.returncode == 2
    assert "another citegrab run is writing" in done.stderr
    assert not out.exists() and not (tmp_path / "out.jsonl.citegrab-partial").exists()


def test_resume_with_other_options_is_refused(tmp_path: Path) -> None:
    src = _batch(tmp_path, copies=1)
    out = tmp_path / "out.jsonl"
    assert _run("extract", str(src), "--no-entities", "-o", str(out)).returncode == 0
    before = out.read_bytes()
    done = _run("extract", str(src), "-o", str(out), "--resume")  # now with entities
    assert done.returncode == 2 and "other options" in done.stderr
    assert out.read_bytes() == before


@pytest.mark.parametrize("fmt", ["json", "parquet", "csl-json"])
def test_resume_refuses_formats_that_cannot_be_appended(tmp_path: Path, fmt: str) -> None:
    done = _run(
        "extract", str(FIXTURES / "archive-2019.txt"), "--no-entities", "--format", fmt,
        "-o", str(tmp_path / "out.x"), "--resume",
    )  # fmt: skip
    assert done.returncode == 2 and "jsonl or csv" in done.stderr


@pytest.fixture(scope="module")
def small_batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    root = tmp_path_factory.mktemp("batch")
    src = _batch(root, copies=2)
    refs = {}
    os.environ[cli.CHUNK_ENV] = str(CHUNK)
    try:
        for fmt in ("jsonl", "csv"):
            out = root / f"ref.{fmt}"
            assert cli.main(["extract", str(src), "--no-entities", "-o", str(out)]) == 0
            refs[fmt] = out.read_bytes()
    finally:
        del os.environ[cli.CHUNK_ENV]
    return src, refs


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    cut=st.floats(0.0, 1.0),
    keep_journal=st.booleans(),
    fmt=st.sampled_from(["jsonl", "csv"]),
)
def test_any_cut_of_an_output_resumes_to_the_reference(
    small_batch: tuple[Path, dict[str, bytes]],
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    cut: float,
    keep_journal: bool,
    fmt: str,
) -> None:
    """Cut an output anywhere (with or without its journal): --resume restores it exactly."""
    src, refs = small_batch
    monkeypatch.setenv(cli.CHUNK_ENV, str(CHUNK))
    out = tmp_path_factory.mktemp("cut") / f"out.{fmt}"
    argv = ["extract", str(src), "--no-entities", "-o", str(out)]
    assert cli.main(argv) == 0
    out.write_bytes(refs[fmt][: int(len(refs[fmt]) * cut)])
    if not keep_journal:
        Path(f"{out}.citegrab-journal").unlink()
    assert cli.main([*argv, "--resume"]) == 0
    assert out.read_bytes() == refs[fmt]
