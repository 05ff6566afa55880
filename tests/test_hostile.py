"""The hostile batch at a small scale: no traceback, every document accounted for."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from citegrab.cli import main

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from hostile import write_hostile


def test_hostile_batch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = write_hostile(tmp_path / "in", scale=0.05)
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    code = main(["extract", str(tmp_path / "in"), "-o", str(out), "--errors", str(errors)])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert code == 1  # the binary file fails; everything else is extracted
    failed = [json.loads(x)["doc"] for x in errors.read_text(encoding="utf-8").splitlines()]
    assert [Path(f).name for f in failed] == ["binary.txt"]
    assert f"{len(files) - 1} documents" in err  # every other file is a document
    recs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    per_doc: dict[str, int] = {}
    for r in recs:
        per_doc[Path(r["doc"]).name] = per_doc.get(Path(r["doc"]).name, 0) + 1
    # the good document and its CRLF, cp1252 and impossible-date variants are fully extracted
    assert per_doc["good.txt"] == per_doc["crlf.txt"] == per_doc["mixed-cp1252.txt"] == 7
    assert per_doc["impossible-dates.txt"] == 7
    bad_dates = [
        r for r in recs if Path(r["doc"]).name == "impossible-dates.txt" and r["date"] is None
    ]
    assert {d["code"] for r in bad_dates for d in r["diagnostics"]} >= {"date-impossible"}
    assert per_doc["deep.html"] == 1
