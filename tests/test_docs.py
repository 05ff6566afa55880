"""The docs say what the code does: every Python example in README.md and docs/*.md runs, and
every `citegrab …` shell command that works on the bundled files exits 0.

Examples run in a temporary directory that holds the repository's ``fixtures/`` and
``tests/data/`` (as a clone has them). The Python blocks of one page share a namespace, like
cells of a notebook. A block that needs the reader's own files or services is preceded by a
``<!-- skip-test: why -->`` comment; a shell command is skipped only when it names one of
`USER_PATHS` (inputs the docs say are the reader's own) or is a usage synopsis.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
GENERATED = {"reference.md"}  # API signatures generated from the code, not examples
USER_PATHS = {"archive/", "crawl.warc.gz"}  # the docs say these stand for the reader's own files
SKIP = re.compile(r"<!--\s*skip-test\b")
FENCE = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```", re.M | re.S)


def blocks(lang: str) -> list[tuple[str, int, str, bool]]:
    """(page, line, code, marked skip) for every fenced block in ``lang``."""
    found = []
    for page in PAGES:
        if page.name in GENERATED:
            continue
        text = page.read_text(encoding="utf-8")
        for m in FENCE.finditer(text):
            if m.group(1) != lang:
                continue
            before = text[: m.start()].rstrip().rsplit("\n", 1)[-1]
            line = text.count("\n", 0, m.start()) + 1
            found.append((page.name, line, m.group(2), bool(SKIP.search(before))))
    return found


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory that looks like a clone: fixtures/ and tests/data/ beside the examples."""
    d = tmp_path_factory.mktemp("docs")
    (d / "fixtures").symlink_to(ROOT / "fixtures", target_is_directory=True)
    (d / "tests").mkdir()
    (d / "tests" / "data").symlink_to(ROOT / "tests" / "data", target_is_directory=True)
    return d


PY_PAGES = sorted({page for page, _, _, skip in blocks("python") if not skip})


@pytest.mark.parametrize("page", PY_PAGES)
def test_python_examples_run(page: str, workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(workdir)
    namespace: dict[str, object] = {"__name__": "__docs__"}
    ran = 0
    for name, line, code, skip in blocks("python"):
        if name != page or skip:
            continue
        exec(compile(code, f"{name}:{line}", "exec"), namespace)
        ran += 1
    assert ran


def test_skipped_python_blocks_are_few_and_compile() -> None:
    skipped = [(f"{p}:{n}", code) for p, n, code, skip in blocks("python") if skip]
    assert len(skipped) <= 2, skipped  # keep examples runnable; mark only what truly cannot run
    for where, code in skipped:
        compile(code, where, "exec")  # they cannot run here, but they must at least parse


def citegrab_commands() -> list[tuple[str, list[str]]]:
    """Every `citegrab …` command in sh blocks that runs on the bundled files (deduplicated)."""
    seen: dict[tuple[str, ...], str] = {}
    for name, line, code, skip in blocks("sh"):
        if skip:
            continue
        for i, text in enumerate(code.splitlines()):
            for part in text.split("&&"):
                words = shlex.split(part, comments=True)
                if not words or words[0] != "citegrab":
                    continue
                if any("..." in w or w.startswith("[") or w.isupper() for w in words):
                    continue  # a usage synopsis, not a command
                if user_paths(words):
                    continue
                seen.setdefault(tuple(words), f"{name}:{line + 1 + i}")
    return [(where, list(words)) for words, where in seen.items()]


def input_paths(words: list[str]) -> list[str]:
    """The inputs a command line names, as the CLI's own parser reads them."""
    from citegrab.cli import build_parser

    args = build_parser().parse_args(words[1:])
    paths = list(getattr(args, "paths", None) or [])
    return paths + ([args.gold_dir] if getattr(args, "gold_dir", None) else [])


def user_paths(words: list[str]) -> list[str]:
    """The inputs that stand for the reader's own files."""
    try:
        return [p for p in input_paths(words) if p in USER_PATHS]
    except SystemExit:  # reported by test_documented_commands_parse
        return []


def test_commands_name_only_bundled_or_user_paths(workdir: Path) -> None:
    """A path in a command is either bundled (it exists in a clone) or declared the reader's."""
    missing = [
        f"{where}: {p}"
        for where, words in citegrab_commands()
        for p in input_paths(words)
        if p != "-" and not (workdir / p).exists()
    ]
    assert not missing
    assert len(COMMANDS) >= 3  # the bundled-file commands really run


COMMANDS = citegrab_commands()


def cli(args: list[str], workdir: Path) -> subprocess.CompletedProcess[str]:
    """``citegrab ARGS`` run from ``workdir`` with this checkout's sources."""
    env = {**os.environ, "COLUMNS": "100"}
    env["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]
    )
    return subprocess.run(
        [sys.executable, "-m", "citegrab", *args],
        cwd=workdir,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.mark.parametrize(("where", "words"), COMMANDS, ids=[w for w, _ in COMMANDS])
def test_shell_commands_run(where: str, words: list[str], workdir: Path) -> None:
    proc = cli(words[1:], workdir)
    assert proc.returncode == 0, f"{where}: {shlex.join(words)}\n{proc.stderr[-2000:]}"
    assert "Traceback" not in proc.stderr


def test_data_model_lists_every_citation_field_and_code() -> None:
    """docs/data-model.md has a row for every Citation field and names every diagnostic code."""
    import citegrab

    page = (ROOT / "docs" / "data-model.md").read_text(encoding="utf-8")
    rows = set(re.findall(r"^\| `(\w+)` \|", page, re.M))
    assert set(citegrab.Citation.model_fields) - rows == set()
    assert [c.value for c in citegrab.DiagnosticCode if f"`{c.value}`" not in page] == []


def test_formats_lists_the_csv_columns_in_order(workdir: Path) -> None:
    """The flat-columns table of docs/formats.md gives the header the CSV writer writes, in order."""
    page = (ROOT / "docs" / "formats.md").read_text(encoding="utf-8")
    table = page.split("| column | kind | meaning |", 1)[1].split("\n\n", 1)[0]
    documented = [
        name for row in table.splitlines()[2:] for name in re.findall(r"`(\w+)`", row.split("|")[1])
    ]
    proc = cli(
        ["extract", "fixtures/archive-2019.txt", "--no-entities", "--format", "csv"], workdir
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0].split(",") == documented


def test_normalisation_form_examples_parse_as_their_form() -> None:
    """Each example in the table of citation forms (docs/normalisation.md) is read as that form."""
    import citegrab

    page = (ROOT / "docs" / "normalisation.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([a-z-]+)` \| `([^`]+)`", page, re.M)
    examples = [  # a label alone ("Source:") names a layout, it is no example of a citation
        (form, ex) for form, ex in rows if ex.startswith(("(", "Source")) and not ex.endswith(":")
    ]
    assert len(examples) >= 4
    for form, example in examples:
        cite = citegrab.parse_citation(example)
        assert cite is not None and cite.form == form, (form, example)
        assert cite.title and cite.date, example


def sh_command_lines() -> list[tuple[str, list[str]]]:
    """Every `citegrab …` line of the sh blocks, synopses and the reader's own paths included."""
    found = []
    for name, line, code, _ in blocks("sh"):
        for i, text in enumerate(code.splitlines()):
            for part in text.split("&&"):
                words = shlex.split(part, comments=True)
                if words and words[0] == "citegrab":
                    found.append((f"{name}:{line + 1 + i}", words))
    return found


def subparser(command: str) -> argparse.ArgumentParser:
    from citegrab.cli import build_parser

    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    parser: argparse.ArgumentParser = sub.choices[command]
    return parser


def test_documented_commands_parse() -> None:
    """Every documented command line is accepted by the CLI's parser (options and choices exist)."""
    from citegrab.cli import build_parser

    checked = 0
    for where, words in sh_command_lines():
        if any("..." in w or w.startswith("[") or w.isupper() for w in words):
            continue
        try:
            build_parser().parse_args(words[1:])
        except SystemExit as exc:
            raise AssertionError(f"{where}: {shlex.join(words)}") from exc
        checked += 1
    assert checked >= 10


def test_synopses_name_real_options_and_choices() -> None:
    """In usage synopses (``citegrab extract PATH... [--format a|b] …``) every option exists and
    every listed choice is one the CLI accepts."""
    for where, words in sh_command_lines():
        if not any("..." in w for w in words):
            continue
        options = subparser(words[1])._option_string_actions
        for opt in re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", " ".join(words[2:])):
            assert opt in options, f"{where}: {opt}"
        for opt, choices in re.findall(r"\[(--[a-z-]+) ([\w-]+(?:\|[\w-]+)+)\]", " ".join(words)):
            accepted = set(options[opt].choices or ())
            assert set(choices.split("|")) <= accepted, f"{where}: {opt} {choices}"
