"""Kill -9 a batch at ~30% and ~85%, and cut an output mid-line, then --resume: compare with an
uninterrupted run (missing, duplicated, invalid lines). Not a timing benchmark: a check at the
scale of issue 9 (61 files, one of ~9.6 MB read in chunks).

    python benchmarks/resume_kill.py [--entities] [--workers N] [--big-mb 9.6]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POSTS = [ROOT / "fixtures" / n for n in ("archive-2019.txt", "styles-2017.txt", "markdown-2021.md")]
CORPUS = ROOT / "tests" / "data" / "corpus" / "nkeconwatch-2022.txt"


def build(root: Path, big_mb: float) -> Path:
    src = root / "in"
    src.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in [*POSTS, CORPUS]]
    for i in range(60):
        text = texts[i % len(texts)]
        (src / f"{i:02d}-post.{'md' if i % len(texts) == 2 else 'txt'}").write_text(
            text, encoding="utf-8"
        )
    corpus = texts[-1]
    reps = max(1, int(big_mb * 1024 * 1024 / len(corpus.encode())))
    (src / "30-big.txt").write_text("\n\n".join([corpus] * reps), encoding="utf-8")
    return src


def cmd(argv: list[str]) -> list[str]:
    return [sys.executable, "-m", "citegrab", *argv]


def env() -> dict[str, str]:
    e = dict(os.environ)
    e["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), e.get("PYTHONPATH", "")])
    return e


def lines(p: Path) -> list[str]:
    return p.read_text(encoding="utf-8").splitlines() if p.exists() else []


def compare(got: list[str], want: list[str]) -> dict[str, int]:
    invalid = 0
    for x in got:
        try:
            json.loads(x)
        except ValueError:
            invalid += 1
    g, w = Counter(got), Counter(want)
    return {
        "missing": sum((w - g).values()),
        "duplicated": sum((g - w).values()),
        "invalid": invalid,
        "same_order": int(got == want),
    }


def kill_at(argv: list[str], watch: Path, records: int) -> int:
    proc = subprocess.Popen(
        cmd(argv), env=env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    while proc.poll() is None:
        try:
            n = watch.read_bytes().count(b"\n")
        except OSError:
            n = 0
        if n >= records:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            return n
        time.sleep(0.005)
    return -1  # finished before the kill


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--entities", action="store_true", help="run the NER pass too")
    ap.add_argument("--workers", default="1")
    ap.add_argument("--big-mb", type=float, default=9.6)
    opts = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="citegrab-resume-"))
    try:
        src = build(tmp, opts.big_mb)
        base = ["extract", str(src), "--workers", opts.workers]
        if not opts.entities:
            base.append("--no-entities")
        ref = tmp / "ref.jsonl"
        subprocess.run(cmd([*base, "-o", str(ref)]), env=env(), check=True, capture_output=True)
        want = lines(ref)
        print(f"uninterrupted: {len(want)} records from {len(list(src.iterdir()))} files")
        for frac in (0.3, 0.85):
            out = tmp / f"out{frac}.jsonl"
            argv = [*base, "-o", str(out)]
            seen = kill_at(argv, Path(f"{out}.citegrab-partial"), int(len(want) * frac))
            done = subprocess.run(
                cmd([*argv, "--resume"]), env=env(), capture_output=True, text=True
            )
            res = compare(lines(out), want)
            print(
                f"kill -9 at {frac:.0%} (after {seen} records), resume rc {done.returncode}: {res}"
            )
        out = tmp / "cut.jsonl"
        shutil.copy(ref, out)
        shutil.copy(f"{ref}.citegrab-journal", f"{out}.citegrab-journal")
        data = out.read_bytes()
        out.write_bytes(data[: len(data) // 2])  # a crash mid-write: cut inside a line
        argv = [*base, "-o", str(out), "--resume"]
        done = subprocess.run(cmd(argv), env=env(), capture_output=True, text=True)
        print(
            f"cut mid-line (journal kept), resume rc {done.returncode}: {compare(lines(out), want)}"
        )
        out = tmp / "cut-nojournal.jsonl"
        out.write_bytes(data[: len(data) // 3])
        argv = [*base, "-o", str(out), "--resume"]
        done = subprocess.run(cmd(argv), env=env(), capture_output=True, text=True)
        print(
            f"cut mid-line (no journal), resume rc {done.returncode}: {compare(lines(out), want)}"
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
