"""Careless command lines are refused before anything is touched (exit 2); outputs appear only
when a run completes; workers die with their parent; the terminal output reads well."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import citegrab
from citegrab import cli
from citegrab._outputs.table import display_width, fit_table

from .conftest import FIXTURES, ROOT

POST = FIXTURES / "archive-2019.txt"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# -- careless command lines ----------------------------------------------------------------


def test_output_naming_an_input_is_refused_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    post = tmp_path / "post.txt"
    post.write_bytes(POST.read_bytes())
    code, _, err = run(capsys, "extract", str(post), "--no-entities", "-o", str(post))
    assert code == 2 and "is one of the inputs" in err
    assert post.read_bytes() == POST.read_bytes()
    # the same file spelled another way is still the same file
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "extract", str(post), "--no-entities", "-o", "./post.txt")
    assert code == 2 and post.read_bytes() == POST.read_bytes()


def test_report_over_an_input_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    post = tmp_path / "post.html"
    post.write_text("<html><body><p>precious</p></body></html>", encoding="utf-8")
    code, _, err = run(capsys, "report", str(post), "--no-entities", "-o", str(post))
    assert code == 2 and "one of the inputs" in err and "precious" in post.read_text()


def test_errors_naming_the_output_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("precious\n", encoding="utf-8")
    code, _, err = run(
        capsys, "extract", str(POST), "--no-entities", "-o", str(out), "--errors", str(out)
    )
    assert code == 2 and "--errors" in err and out.read_text(encoding="utf-8") == "precious\n"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("out.xlsx", "cannot tell the output format"),
        ("out", "cannot tell the output format"),
        ("out.csv.gz", "compressed output is not supported"),
        ("out.jsonl.bz2", "compressed output is not supported"),
    ],
)
def test_unknown_output_extensions_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, message: str
) -> None:
    code, _, err = run(capsys, "extract", str(POST), "--no-entities", "-o", str(tmp_path / name))
    assert code == 2 and message in err
    if "format" in message:  # the message lists what would work
        assert all(ext in err for ext in (".jsonl", ".csv", ".parquet", "--format"))
    assert list(tmp_path.iterdir()) == []


def test_explicit_format_allows_any_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "citations.data"
    code, _, _ = run(
        capsys, "extract", str(POST), "--no-entities", "--format", "json", "-o", str(out)
    )
    assert code == 0 and len(json.loads(out.read_text(encoding="utf-8"))) == 7


def test_bad_model_is_one_error_before_any_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for i in range(5):
        (tmp_path / f"p{i}.txt").write_bytes(POST.read_bytes())
    errors = tmp_path / "errors.jsonl"
    code, out, err = run(
        capsys, "extract", str(tmp_path), "--model", "no-such-model-xyz", "--errors", str(errors)
    )
    assert code == 2 and out == ""
    assert err.count("no-such-model-xyz") == 1 and len(err.strip().splitlines()) == 1


def test_outlets_bare_name_is_read_from_the_working_directory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    post = tmp_path / "p.txt"
    post.write_text(
        "T\n\nJuly 8th, 2022\n\nFrom the Gazette:\n\nKim spoke.\n\n"
        "(Source: “Kim speaks,” Pyongyang Gazette, 7/7/2022.)\n",
        encoding="utf-8",
    )
    (tmp_path / "outlets.toml").write_text(  # the packaged table's name, on purpose
        '[[outlet]]\nid = "pg"\nname = "The Pyongyang Gazette"\naliases = ["Pyongyang Gazette"]\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "extract", "p.txt", "--no-entities", "--outlets", "outlets.toml")
    assert code == 0 and json.loads(out)["outlet"]["id"] == "pg"
    code, out, err = run(capsys, "extract", "p.txt", "--no-entities", "--outlets", "missing.toml")
    assert code == 2 and out == "" and err.count("missing.toml") == 1
    (tmp_path / "bad.toml").write_text("[[outlet]]\nname = 3\n", encoding="utf-8")
    code, out, err = run(capsys, "extract", "p.txt", "--no-entities", "--outlets", "bad.toml")
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1


def test_output_inside_a_scanned_directory_is_not_read_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "post.txt").write_bytes(POST.read_bytes())
    for name in ("out.jsonl", "table.txt"):
        out = tmp_path / name
        for _ in range(2):
            code, _, err = run(capsys, "extract", str(tmp_path), "--no-entities", "-o", str(out))
            assert code == 0 and "1 document, 7 citations" in err
    assert len((tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()) == 7


@pytest.mark.parametrize("workers", ["64", "99999999999999999999"])
def test_workers_are_capped_at_the_cpu_count(
    capsys: pytest.CaptureFixture[str], workers: str
) -> None:
    code, out, err = run(capsys, "extract", str(POST), "--no-entities", "--workers", workers)
    assert code == 0 and len(out.splitlines()) == 7
    if int(workers) > (os.cpu_count() or 1):
        assert "capped at" in err
    assert "Traceback" not in err and "Overflow" not in err


def test_directory_given_twice_is_read_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "post.txt").write_bytes(POST.read_bytes())
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "extract", "d", str(tmp_path / "d"), "--no-entities")
    assert code == 0 and len(out.splitlines()) == 7 and "read once" in err


# -- outputs appear only when a run completes -----------------------------------------------


@pytest.mark.parametrize("name", ["out.parquet", "out.json", "out.csv", "out.jsonl"])
def test_interrupted_run_leaves_no_torn_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    for i in range(3):
        (tmp_path / f"p{i}.txt").write_bytes(POST.read_bytes())
    out = tmp_path / "out" / name
    out.parent.mkdir()
    real = cli._write_prepared
    calls = {"n": 0}

    def flaky(*args: object) -> int:
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(cli, "_write_prepared", flaky)
    code, _, err = run(capsys, "extract", str(tmp_path), "--no-entities", "-o", str(out))
    assert code == 130 and not out.exists()
    left = sorted(p.name for p in out.parent.iterdir())
    if name.endswith((".jsonl", ".csv")):  # resumable: the partial output and its journal stay
        assert left == [f"{name}.citegrab-journal", f"{name}.citegrab-partial"]
        assert "--resume" in err
        monkeypatch.setattr(cli, "_write_prepared", real)
        code, _, err = run(
            capsys, "extract", str(tmp_path), "--no-entities", "-o", str(out), "--resume"
        )
        assert code == 0 and "1 already done" in err
        text = out.read_text(encoding="utf-8")
        if name.endswith(".csv"):  # one header, then the rows (a raw cell may span lines)
            assert len(list(csv.DictReader(io.StringIO(text)))) == 21
            assert text.count("doc,line,part") == 1
        else:
            assert len(text.splitlines()) == 21
    else:
        assert left == []  # no temporary file left behind either


def test_lone_surrogate_in_input_is_written_not_fatal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "posts.jsonl"
    text = POST.read_text(encoding="utf-8").replace("Rice prices", "Rice \\ud800prices")
    src.write_text(json.dumps({"id": "a", "text": text}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, _, err = run(capsys, "extract", str(src), "--no-entities", "-o", str(out))
    assert code in (0, 1) and "Traceback" not in err
    for line in out.read_text(encoding="utf-8").splitlines():
        json.loads(line)


# -- workers die with their parent ----------------------------------------------------------


def _children(pid: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_workers_exit_when_the_parent_dies(tmp_path: Path, sig: signal.Signals) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for i in range(400):
        (src / f"p{i:03d}.txt").write_bytes(POST.read_bytes())
    out = tmp_path / "out.jsonl"
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    argv = [sys.executable, "-m", "citegrab", "extract", str(src), "--no-entities"]
    proc = subprocess.Popen(
        [*argv, "-o", str(out), "--workers", "2"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    partial = tmp_path / "out.jsonl.citegrab-partial"
    workers: set[int] = set()
    while proc.poll() is None and (len(workers) < 2 or not partial.exists()):
        workers = _children(proc.pid)
        time.sleep(0.01)
    if proc.poll() is not None:
        pytest.skip("the run ended before its workers could be seen")
    proc.send_signal(sig)
    proc.wait()
    deadline = time.monotonic() + 30  # a bound on waiting, not on speed
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = [w for w in workers if _alive(w)]
    assert not left, f"workers {left} outlived their parent (rc {proc.returncode})"
    if sig == signal.SIGTERM:
        assert (proc.returncode, out.exists(), partial.exists()) == (143, False, True)


# -- the terminal -----------------------------------------------------------------------------


def test_table_fits_an_80_column_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = run(capsys, "extract", str(FIXTURES), "--no-entities", "--format", "table")
    lines = out.splitlines()
    expected = sum(len(d.citations) for d in citegrab.iter_documents(FIXTURES))
    assert code == 0 and len(lines) == expected + 2  # header, rule, one line per citation
    assert max(display_width(x) for x in lines) <= 80
    assert lines[0].split()[:3] == ["line", "authors", "title"]
    assert any("…" in x for x in lines)  # long titles are truncated, not wrapped


@pytest.mark.parametrize("width", [30, 50, 80, 100, 140, 250])
def test_fit_table_never_exceeds_the_width(width: int) -> None:
    rows = [
        {
            "doc": f"/very/long/path/to/some/archive/{i}.txt",
            "line": 10 * i,
            "authors": "Kang Mi Jin; Choe Song Il; 이상용",
            "title": "朝鮮 title with wide characters and a long English tail " * 2,
            "outlet": "Korean Central News Agency",
            "date": "2019-05-02",
            "diagnostics": "date-two-digit-year date-ambiguous-order",
        }
        for i in range(3)
    ]
    cols = ("doc", "line", "authors", "title", "outlet", "date", "diagnostics")
    lines = fit_table(rows, cols, width).splitlines()
    assert len(lines) == 5 and all(display_width(x) <= width for x in lines)
    if width >= 80:
        assert {"line", "title", "outlet", "date"} <= set(lines[0].split())


def test_unknown_option_suggests_the_nearest(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main(["extract", str(POST), "--formt", "table"])
    err = capsys.readouterr().err
    assert exc.value.code == 2 and "did you mean --format?" in err
    assert "citegrab extract" in err and "'table'" not in err


def test_paths_may_follow_options(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "extract", str(POST), "--no-entities", str(FIXTURES / "styles-2017.txt")
    )
    assert code == 0 and len({json.loads(x)["doc"] for x in out.splitlines()}) == 2


def test_help_tells_the_default_format(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["extract", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "table on a terminal" in out and "jsonl when piped" in out


def test_summary_uses_one_word_for_entities(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "entities", str(POST), "--format", "jsonl")
    n = len(out.splitlines())
    assert code == 0 and f"{n} entities" in err and "mentions" not in err
    assert err.count("entities") == 1


def test_error_line_names_the_file_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary" * 10)
    code, _, err = run(capsys, "extract", str(bad), "--no-entities")
    line = next(x for x in err.splitlines() if "binary" in x)
    assert code == 1 and line.count("bad.txt") == 1


@pytest.mark.parametrize("record", ["citation", "entity", "document"])
def test_schema_record_option(capsys: pytest.CaptureFixture[str], record: str) -> None:
    code, out, _ = run(capsys, "schema", "--record", record)
    schema = json.loads(out)
    assert code == 0 and record in schema.get("$id", "").casefold() + schema["title"].casefold()
    code, out, _ = run(capsys, "schema", "--record", record, "--strict")
    assert code == 0 and json.loads(out)["additionalProperties"] is False


def test_schema_default_is_the_document(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema")
    assert code == 0 and json.loads(out)["title"] == "citegrab Document"


def test_a_reader_failing_mid_file_is_one_error_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_bytes(POST.read_bytes())
    real = cli.read

    def failing(paths: list[object]) -> object:
        if str(paths[0]).endswith("b.txt"):
            raise RecursionError("maximum recursion depth exceeded")
        return real(paths)  # type: ignore[arg-type]

    monkeypatch.setattr(cli, "read", failing)
    errors = tmp_path / "errors.jsonl"
    code, out, err = run(capsys, "extract", str(tmp_path), "--no-entities", "--errors", str(errors))
    assert code == 1 and len(out.splitlines()) == 14 and "2 documents" in err
    rec = json.loads(errors.read_text(encoding="utf-8"))
    assert rec["doc"].endswith("b.txt") and rec["error"] == "RecursionError"


@pytest.mark.skipif(sys.platform != "linux", reason="file names as bytes")
def test_file_name_that_is_not_utf8_is_journaled_and_resumed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = os.fsencode(tmp_path)
    os.mkdir(root + b"/in")
    with open(root + b"/in/caf\xe9.txt", "wb") as fh:
        fh.write(POST.read_bytes())
    out = tmp_path / "out.jsonl"
    argv = ["extract", str(tmp_path / "in"), "--no-entities", "-o", str(out)]
    assert run(capsys, *argv)[0] == 0
    code, _, err = run(capsys, *argv, "--resume")
    assert code == 0 and "1 already done" in err
    assert len(out.read_text(encoding="utf-8").splitlines()) == 7


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a pseudo-terminal")
def test_table_on_an_80_column_pseudo_terminal() -> None:
    """The real thing: stdout and stderr on a terminal 80 columns wide (no COLUMNS)."""
    import fcntl
    import pty
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env["PYTHONPATH"] = str(ROOT / "src")
    argv = [sys.executable, "-m", "citegrab", "extract", str(FIXTURES), "--no-entities"]
    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the other side closed
            break
        if not data:
            break
        chunks.append(data)
    proc.wait()
    os.close(master)
    text = b"".join(chunks).decode("utf-8", "replace")
    # what stays on screen: after a carriage return a line is drawn over (the bar is cleared)
    screen = [x.rsplit("\r", 1)[-1] for x in text.split("\r\n")]
    table = [x for x in screen if x.strip() and not x.startswith("citegrab:")]
    assert re.search(r"\d+/\d+ \[", text)  # the bar was there, with a total ("2/5 [")
    assert proc.returncode == 0
    expected = sum(len(d.citations) for d in citegrab.iter_documents(FIXTURES))
    assert len(table) == expected + 2  # header and rule glued to nothing, one line per citation
    assert table[0].split()[:2] == ["line", "authors"]
    assert max(display_width(x) for x in table) <= 80


def test_entities_take_outlets_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`citegrab entities --outlets FILE` tags the user's outlets as institutions."""
    post = tmp_path / "p.txt"
    post.write_text("T\n\nJuly 8th, 2022\n\nThe HEC reported a fire in the port.\n", "utf-8")
    (tmp_path / "extra.toml").write_text(
        '[[outlet]]\nid = "hec"\nname = "Hamhung Evening Courier"\naliases = ["HEC"]\n', "utf-8"
    )
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "entities", "p.txt", "--format", "jsonl")
    assert code == 0 and "HEC" not in {json.loads(x)["text"] for x in out.splitlines()}
    code, out, _ = run(capsys, "entities", "p.txt", "--format", "jsonl", "--outlets", "extra.toml")
    rows = [json.loads(x) for x in out.splitlines()]
    assert code == 0 and ("HEC", "INSTITUTION") in {(r["text"], r["label"]) for r in rows}


# -- parallel runs: batches of documents, records mapped in the workers ----------------------


def _warc_of_pages(path: Path, pages: list[tuple[str, str]]) -> None:
    """A gzipped WARC with one response record per (url, html) page."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for url, html in pages:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            payload = io.BytesIO(html.encode("utf-8"))
            w.write_record(
                w.create_warc_record(url, "response", payload=payload, http_headers=headers)
            )


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "json", "ris"])
def test_workers_write_what_one_process_writes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    # many small pages (they travel to the workers in batches), plain posts, and a document
    # that fails: the same records and error records, in the same order, with one or two workers
    html_pages = sorted((FIXTURES / "html").glob("*.html"))
    pages = [
        (f"https://nk.example/{k}/{p.stem}/", p.read_text(encoding="utf-8"))
        for k in range(12)
        for p in html_pages
    ]
    _warc_of_pages(tmp_path / "crawl.warc.gz", pages)
    (tmp_path / "post.txt").write_bytes(POST.read_bytes())
    (tmp_path / "zz.txt").write_bytes(b"\x00\x01binary")
    outs = []
    for workers in ("1", "2"):
        out = tmp_path / f"out{workers}.{fmt}"
        code, _, err = run(
            capsys, "extract", str(tmp_path), "--no-entities", "--format", fmt,
            "-o", str(out), "--workers", workers,
        )  # fmt: skip
        assert code == 1 and "zz.txt" in err  # the binary file is an error record, once
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    if fmt == "jsonl":  # every page's citations are there
        assert outs[0].count(b'"doc":"https://nk.example/') >= len(pages)


@pytest.mark.parametrize(
    ("sizes", "max_chars", "expected"),
    [
        ([10, 10, 10], 25, [3]),  # a batch closes once it holds max_chars
        ([10, 10, 10], 20, [2, 1]),
        ([50, 1, 1], 20, [1, 2]),  # a large document travels alone
        ([1] * 70, 10**9, [64, 6]),  # never more than BATCH_DOCS documents
        ([5, 5], 1, [1, 1]),  # max_chars 1: one document per task (entity runs)
        ([], 10, []),
    ],
)
def test_documents_travel_in_batches(sizes: list[int], max_chars: int, expected: list[int]) -> None:
    from citegrab._batch import _batches
    from citegrab._inputs._readers import Source

    units = [(k, Source(f"d{k}", "x" * n)) for k, n in enumerate(sizes)]
    got = list(_batches(units, max_chars))
    assert [len(b) for b in got] == expected
    assert [u for b in got for u in b] == units  # every unit, in order


def test_prepare_maps_records_as_the_writer_would() -> None:
    import pickle

    from citegrab._outputs import Prepare, open_writer

    doc = citegrab.Extractor().extract(POST.read_text(encoding="utf-8"), doc="p")
    prepare = pickle.loads(pickle.dumps(Prepare("jsonl")))  # it travels to worker processes
    prepared = prepare(doc)
    direct = io.StringIO()
    w = open_writer("jsonl", direct)
    for c in doc.citations:
        w.write(c)
    mapped = io.StringIO()
    w = open_writer("jsonl", mapped)
    for r in prepared.records:
        w.write_mapped(r)
    assert mapped.getvalue() == direct.getvalue() and prepared.records
    assert prepared.entities == 0 and not prepared.continues
