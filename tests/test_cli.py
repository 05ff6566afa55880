"""The command line: formats, required JSON fields, exit codes, errors that never stop a batch."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import citegrab
from citegrab.cli import main

from .conftest import FIXTURES


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_extract_jsonl_fields(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(FIXTURES / "archive-2019.txt")
    code, out, err = run(capsys, "extract", path, "--no-entities", "--format", "jsonl")
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 7
    first = records[0]
    for key in (
        "doc",
        "line",
        "raw",
        "authors",
        "title",
        "outlet",
        "date",
        "date_raw",
        "quote",
        "diagnostics",
    ):
        assert key in first
    assert first["doc"] == path
    assert first["line"] == 17
    assert first["authors"][0]["name"] == "Kang Mi Jin"
    assert first["outlet"]["name"] == "Daily NK" and first["outlet"]["raw"] == "DailyNK"
    assert first["date"] == "2019-05-02" and first["date_raw"] == "2/5/2019"
    assert (first["quote"]["first_line"], first["quote"]["last_line"]) == (9, 15)
    assert "1 document, 7 citations" in err


def test_directory_recursive_and_formats(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_csv = tmp_path / "out.csv"
    code, _, _ = run(capsys, "extract", str(FIXTURES), "--no-entities", "-o", str(out_csv))
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out_csv.read_text(encoding="utf-8"))))
    files = sorted(p for p in FIXTURES.rglob("*") if p.suffix in (".txt", ".md", ".html"))
    expected = sum(len(citegrab.extract_file(p).citations) for p in files)
    assert len(rows) == expected and {r["doc"] for r in rows} == {str(p) for p in files}
    out_json = tmp_path / "out.json"
    run(capsys, "extract", str(FIXTURES), "--no-entities", "-o", str(out_json))
    assert len(json.loads(out_json.read_text(encoding="utf-8"))) == expected
    code, out, _ = run(
        capsys, "extract", str(FIXTURES / "archive-2019.txt"), "--no-entities", "--format", "table"
    )
    assert out.splitlines()[0].split()[:3] == ["line", "authors", "title"]


def test_missing_file_is_reported_and_batch_continues(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    errors = tmp_path / "errors.jsonl"
    code, out, err = run(
        capsys, "extract", str(tmp_path / "nope.txt"), str(FIXTURES / "archive-2019.txt"),
        "--no-entities", "--errors", str(errors),
    )  # fmt: skip
    assert code == 1
    assert len(out.splitlines()) == 7
    rec = json.loads(errors.read_text(encoding="utf-8"))
    assert rec["error"] == "InputError" and "nope.txt" in rec["message"]
    assert "Traceback" not in err


def test_cp1252_input_is_decoded_with_diagnostic(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    p = tmp_path / "old.txt"
    p.write_bytes(
        "Title\n\nMay 2nd, 2019\n\nAP:\n\nQuoted.\n\n(Source: \x93T,\x94 Reuters, 1/5/2019.)\n".encode(
            "latin-1"
        )
    )
    code, out, _ = run(capsys, "extract", str(p), "--no-entities")
    assert code == 0
    assert json.loads(out)["title"] == "T"


def test_usage_error_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["extract"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["extract", "x", "--workers", "0"])
    assert exc.value.code == 2


def test_schema_command(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema")
    assert code == 0 and json.loads(out)["title"] == "citegrab Document"


def test_eval_on_gold(corpus_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "eval", str(corpus_dir), "--no-entities")
    assert code == 0
    assert "citations  P 1.000  R 1.000  F1 1.000" in out
    assert "fields" in out and "quotes" in out


def test_eval_bad_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "eval", str(tmp_path), "--no-entities")
    assert code == 2 and "no NAME.txt" in err


def test_user_outlet_registry_from_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    post = tmp_path / "p.txt"
    post.write_text(
        "T\n\nJuly 8th, 2022\n\nFrom the Gazette:\n\nKim spoke.\n\n"
        "(Source: “Kim speaks,” Pyongyang Gazette, 7/7/2022.)\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "extract", str(post), "--no-entities")
    assert json.loads(out)["outlet"]["match"] == "unknown"
    extra = tmp_path / "mine.toml"
    extra.write_text(
        '[[outlet]]\nid = "pg"\nname = "The Pyongyang Gazette"\naliases = ["Pyongyang Gazette"]\n',
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "extract", str(post), "--no-entities", "--outlets", str(extra))
    rec = json.loads(out)
    assert (
        code == 0
        and rec["outlet"]["name"] == "The Pyongyang Gazette"
        and rec["outlet"]["id"] == "pg"
    )


def test_entities_labels_option(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(FIXTURES / "archive-2019.txt")
    code, out, _ = run(capsys, "entities", path, "--labels", "PROVINCE", "--format", "jsonl")
    labels = {json.loads(x)["label"] for x in out.splitlines()}
    assert code == 0 and labels == {"PROVINCE"}
    code, out, _ = run(capsys, "entities", path, "--labels", "all", "--format", "jsonl")
    assert {json.loads(x)["label"] for x in out.splitlines()} > {
        "PERSON",
        "PROVINCE",
        "INSTITUTION",
    }


def test_bad_gold_file_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "x.txt").write_text("T\n\nJuly 8th, 2022\n\nText.\n", encoding="utf-8")
    (tmp_path / "x.citations.jsonl").write_text("{not json\n", encoding="utf-8")
    code, _, err = run(capsys, "eval", str(tmp_path), "--no-entities")
    assert code == 2 and "x.citations.jsonl:1: not valid JSON" in err and "Traceback" not in err


def test_progress_bar_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from citegrab import _terminal

    monkeypatch.setattr(_terminal.sys.stderr, "isatty", lambda: False)
    assert _terminal.Progress("citations", total=3).bar is None
    monkeypatch.setattr(_terminal.sys.stderr, "isatty", lambda: True)
    progress = _terminal.Progress("citations", total=3)
    assert progress.bar is not None and progress.bar.total == 3  # a total, hence an ETA
    progress.update(5, files_done=2)
    assert progress.records == 5 and progress.docs == 1 and progress.bar.n == 2
    progress.close()
    assert progress.bar is None  # cleared from the screen before a table is printed


def test_a_symbolic_link_loop_is_an_error_record_and_the_rest_is_read(tmp_path: Path) -> None:
    d = tmp_path / "d"
    d.mkdir()
    (d / "good.txt").write_text("(Source: Yonhap, 2020-01-01)\n", encoding="utf-8")
    (d / "self.txt").symlink_to("self.txt")  # a link to itself
    out, errors = tmp_path / "o.jsonl", tmp_path / "e.jsonl"
    rc = main(["extract", str(d), "--no-entities", "-o", str(out), "--errors", str(errors)])
    assert rc == 1
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1
    (err,) = [json.loads(x) for x in errors.read_text(encoding="utf-8").splitlines()]
    assert err["doc"].endswith("self.txt") and err["error"] == "InputError"


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_model_that_is_not_installed_is_a_usage_error_with_any_workers(
    workers: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With several workers the model is loaded by the workers, but a named model that is not
    installed is still one clear error before any document is read."""
    doc = tmp_path / "a.txt"
    doc.write_text("(Source: Yonhap, 2020-01-01)\n", encoding="utf-8")
    rc = main(["entities", str(doc), "--model", "no_such_model_pkg", "--workers", workers])
    assert rc == 2 and "no_such_model_pkg" in capsys.readouterr().err
