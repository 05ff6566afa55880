"""The `citegrab` command line: extract, entities, eval, report, schema.

Exit codes: 0 every document succeeded, 1 some documents failed (each has an error record),
2 usage error (bad options, an output that would destroy an input, a configuration that cannot
load), 130 interrupted (SIGINT), 143 terminated (SIGTERM).
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import io
import json
import os
import shutil
import signal
import stat
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import IO, Any, NoReturn

from ._batch import cap_workers, run_documents, run_units
from ._errors import CitegrabError, ModelError, OutputError, RegistryError
from ._extract import Extractor
from ._inputs import _readers
from ._inputs._readers import Skipped, Source, iter_paths, read
from ._journal import (
    RESUMABLE_FORMATS,
    JournaledOutput,
    encode_unit,
    normalise_doc,
    sidecars,
)
from ._modelname import MODEL_ENV, model_installed, named_model
from ._models import Document
from ._outputs import (
    FORMATS,
    Prepare,
    Prepared,
    RecordKind,
    Writer,
    format_for_path,
    formats_for,
    names,
    open_writer,
    writer_class,
)
from ._outputs._flat import columns_for
from ._outputs.table import TableWriter
from ._terminal import Progress, say

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143
ENTITY_FORMATS = formats_for("entities")
COMPRESSED = (".gz", ".bz2", ".xz", ".zst", ".zip", ".lz4", ".7z")
CHUNK_ENV = "CITEGRAB_CHUNK_BYTES"
"""Environment variable: the size above which text files are read in chunks (default 4 MB)."""

__all__ = ["build_parser", "main", "run_documents"]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # usage errors exit 2 with a one-line reason
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


class _Terminated(BaseException):
    """SIGTERM, raised in the main thread so that outputs are left resumable, not torn."""


def _output_format(output: str | None, explicit: str | None, choices: Sequence[str]) -> str:
    """The format named by ``--format``, else by the -o extension, else by where stdout goes."""
    special = output is not None and (output == "-" or _is_special(Path(output)))
    if output and not special:
        name = Path(output).name.casefold()
        if name.endswith(COMPRESSED):
            raise OutputError(
                f"compressed output is not supported ({output}); write "
                f"{output.rsplit('.', 1)[0]} and compress it afterwards"
            )
        if explicit:
            return explicit
        by_name = "jsonl" if name.endswith(".ndjson") else format_for_path(name)
        if by_name is not None and by_name in choices:
            return by_name
        known = ", ".join(f".{writer_class(c).extension} ({c})" for c in choices)
        raise OutputError(
            f"cannot tell the output format from {output!r}: use one of {known}, or --format"
        )
    if explicit:
        return explicit
    return "table" if sys.stdout.isatty() else "jsonl"


def _format_for(args: argparse.Namespace, choices: Sequence[str]) -> str:
    return _output_format(args.output, args.format, choices)


def _is_special(path: Path) -> bool:
    """A device, FIFO or socket (``/dev/null``, ``/dev/stdout``): written to directly."""
    try:
        return not stat.S_ISREG(path.stat().st_mode) and not path.is_dir()
    except OSError:
        return False


FORMAT_HELP = (
    "output format (default: from the -o extension; without -o, table on a terminal, "
    "jsonl when piped)"
)


def _io_args(sp: argparse.ArgumentParser, formats: tuple[str, ...]) -> None:
    """The inputs, output and model of a batch command (``extract``, ``entities``)."""
    sp.add_argument("paths", nargs="+", metavar="PATH", help="files, directories (recursive) or -")
    sp.add_argument("--format", choices=formats, help=FORMAT_HELP)
    sp.add_argument("-o", "--output", help="output file (default: standard output)")
    sp.add_argument("--model", help="spaCy model name or path (env CITEGRAB_SPACY_MODEL)")


def _run_args(sp: argparse.ArgumentParser, *, outlets: str, resume: str) -> None:
    """The registry, error, worker and resume options of a batch command."""
    sp.add_argument("--outlets", action="append", default=[], help=outlets)
    sp.add_argument("--errors", help="write one JSON error record per failed document here")
    sp.add_argument(
        "--workers",
        type=_positive,
        default=1,
        help="processes, at most the CPU count (output order is unchanged)",
    )
    sp.add_argument("--resume", action="store_true", help=resume)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for documentation and tests)."""
    p = _Parser(prog="citegrab", description="Structured citation data from archived blog posts.")
    p.add_argument("--version", action="version", version=f"citegrab {_version()}")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    ex = sub.add_parser("extract", help="extract citations (one record per citation)")
    _io_args(ex, FORMATS)
    ex.add_argument("--no-entities", action="store_true", help="skip the NER pass")
    _run_args(
        ex,
        outlets="extra outlet registry TOML file (a path; repeatable)",
        resume="continue an interrupted or earlier run into the -o file (jsonl or csv): "
        "documents it committed are skipped, the rest appended",
    )

    en = sub.add_parser(
        "entities", help="tag people, provinces and institutions (one record per mention)"
    )
    _io_args(en, ENTITY_FORMATS)
    en.add_argument(
        "--labels",
        default="PERSON,PROVINCE,INSTITUTION",
        help="labels to output (comma-separated, or 'all')",
    )
    _run_args(
        en,
        outlets="extra outlet registry TOML file, tagged as institutions (a path; repeatable)",
        resume="continue an interrupted run (jsonl or csv -o file)",
    )

    ev = sub.add_parser("eval", help="score extraction against a gold directory")
    ev.add_argument("gold_dir", metavar="GOLD_DIR")
    ev.add_argument("--no-entities", action="store_true", help="skip entity scoring")
    ev.add_argument("--model", help="spaCy model name or path")
    ev.add_argument("--json", action="store_true", help="print the full report as JSON")

    rp = sub.add_parser("report", help="write a self-contained HTML report")
    rp.add_argument("paths", nargs="+", metavar="PATH", help="files, directories (recursive) or -")
    rp.add_argument("-o", "--output", required=True, help="the HTML file to write")
    rp.add_argument("--no-entities", action="store_true", help="skip the NER pass")
    rp.add_argument("--model", help="spaCy model name or path (env CITEGRAB_SPACY_MODEL)")
    rp.add_argument("--title", default="citegrab report", help="the report's title")
    rp.add_argument("--workers", type=_positive, default=1, help="processes")

    sc = sub.add_parser("schema", help="print the JSON Schema of an output record")
    sc.add_argument(
        "--record",
        choices=("document", "citation", "entity"),
        default="document",
        help="which record: a Document (default), one `extract` line (citation) or one "
        "`entities` line (entity)",
    )
    sc.add_argument(
        "--strict",
        action="store_true",
        help="the writer's schema (every field required, no unknown fields or enum values) "
        "instead of the tolerant reader's schema",
    )
    p.set_defaults(_subparsers=sub.choices)
    return p


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value[:40]!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return n


def _version() -> str:
    from . import __version__

    return __version__


def _unknown_arguments(
    parser: argparse.ArgumentParser, command: str | None, extra: list[str]
) -> NoReturn:
    """Exit 2 naming each unknown option with the nearest real one of its command."""
    subs: dict[str, argparse.ArgumentParser] = parser.get_default("_subparsers") or {}
    target = subs.get(command or "", parser)
    options = [o for a in target._actions for o in a.option_strings]
    reasons = []
    after_option = False
    for arg in extra:
        if not arg.startswith("-") and after_option:  # the value of the unknown option
            after_option = False
            continue
        after_option = arg.startswith("-") and "=" not in arg
        if arg.startswith("-"):
            name = arg.split("=", 1)[0]
            near = difflib.get_close_matches(name, options, n=1, cutoff=0.6)
            reasons.append(
                f"unknown option {name}" + (f" (did you mean {near[0]}?)" if near else "")
            )
        else:
            reasons.append(f"unexpected argument {arg!r}")
    target.print_usage(sys.stderr)
    print(f"{target.prog}: error: {'; '.join(reasons)}", file=sys.stderr)
    raise SystemExit(EXIT_USAGE)


# -- messages ---------------------------------------------------------------------------------


def _count(n: int, noun: str) -> str:
    """ "1 document", "2 documents"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _say(message: str) -> None:
    say(f"citegrab: {message}")


def _error_line(doc: str | None, message: str) -> str:
    """``doc: message``, naming the document once even when the message names it too."""
    if not doc or doc in message:
        return message
    return f"{doc}: {message}"


# -- inputs -----------------------------------------------------------------------------------


def _resolved(path: str | Path) -> str:
    """The path with symbolic links undone; a link loop is kept as written (reading it then
    reports the error): ``Path.resolve`` raises RuntimeError on a loop in Python 3.11."""
    return os.path.realpath(path)


def _expand(
    paths: Sequence[str], exclude: set[str], errors: list[dict[str, Any]]
) -> tuple[list[str | Path], int, list[str]]:
    """Input files (directories expanded), each once however it was spelled, minus ``exclude``.

    Returns the files, how many repeats were dropped and which files were left out because they
    are outputs of this run.
    """
    seen: set[str] = set()
    files: list[str | Path] = []
    repeats = 0
    left_out: list[str] = []
    for arg in paths:
        try:
            for p in iter_paths([arg]):
                if isinstance(p, BaseException):  # a reader that reports unlistable directories
                    _record_error(errors, getattr(p, "path", arg), p)
                    continue
                key = "-" if str(p) == "-" else _resolved(p)
                if key in exclude:
                    left_out.append(str(p))
                    continue
                if key in seen:
                    repeats += 1
                    continue
                seen.add(key)
                files.append(p)
        except OSError as exc:
            _record_error(errors, arg, exc)
    return files, repeats, left_out


def _record_error(errors: list[dict[str, Any]], doc: Any, exc: BaseException) -> None:
    message = getattr(exc, "message", None) or str(exc)
    if isinstance(exc, OSError) and not isinstance(exc, CitegrabError):
        message = f"cannot read {doc}: {exc.strerror or exc}"
    errors.append(
        {
            "doc": str(doc) if doc is not None else None,
            "error": type(exc).__name__,
            "message": str(exc),
        }
    )
    _say(_error_line(str(doc) if doc is not None else None, message))


Unit = tuple[int, str]  # (index of the input file, resume key)


def _units(
    files: Sequence[str | Path],
    errors: list[dict[str, Any]],
    skipped: list[Skipped],
    journal: JournaledOutput | None,
    counts: dict[str, int],
) -> Iterator[tuple[Unit, Source]]:
    """Every source of every input file, keyed for resuming; committed ones are skipped."""
    for i, p in enumerate(files):
        base = "-" if str(p) == "-" else _resolved(p)
        n = 0
        try:
            for item in read([p]):
                if isinstance(item, Skipped):
                    skipped.append(item)
                    continue
                if isinstance(item, BaseException):
                    _record_error(errors, getattr(item, "path", p), item)
                    continue
                key = f"{base}#{n}@{item.char_offset}"
                n += 1
                if journal is not None and journal.is_done(
                    key, normalise_doc(item.id) if journal.done_docs else ""
                ):
                    counts["resumed"] += 1
                    continue
                yield (i, key), item
        except Exception as exc:  # a reader that fails mid-file: an error record, then go on
            _record_error(errors, str(p), exc)


# -- outputs ----------------------------------------------------------------------------------


def _open_text(path: Path) -> IO[str]:
    """A text output (UTF-8; a lone surrogate is written as its escape, never an error)."""
    return open(path, "w", encoding="utf-8", errors="backslashreplace", newline="")


def _table_width(to_stdout: bool) -> int | None:
    """The terminal's width for a table printed on it (COLUMNS wins); None for files."""
    if not to_stdout or not (sys.stdout.isatty() or os.environ.get("COLUMNS")):
        return None
    return max(20, shutil.get_terminal_size().columns)


class _Sink:
    """Where a run's records go: stdout, a journaled JSONL/CSV file, or a file renamed into
    place when the run completes (so a failed run never leaves a torn or empty output)."""

    def __init__(
        self,
        output: str | None,
        fmt: str,
        kind: RecordKind,
        *,
        resume: bool,
        settings: dict[str, Any],
    ) -> None:
        self.fmt = fmt
        self.journal: JournaledOutput | None = None
        self.temp: Path | None = None
        self.final: Path | None = None
        self.fh: IO[str] | None = None
        self.buf: io.StringIO | None = None
        to_stdout = output is None or output == "-"
        if not to_stdout and _is_special(Path(str(output))):
            if resume:
                raise OutputError(f"--resume needs a regular -o file, not {output}")
            self.fh = _open_text(Path(str(output)))
            out: IO[str] | None = self.fh
        elif to_stdout:
            if resume:
                raise OutputError("--resume needs -o FILE (jsonl or csv)")
            if fmt == "parquet":
                raise OutputError("parquet output needs a file: use -o FILE.parquet")
            out = sys.stdout
        elif fmt in RESUMABLE_FORMATS:
            self.journal = JournaledOutput(str(output), fmt, settings, resume=resume)
            self.journal.open(names(columns_for(kind)) if fmt == "csv" else ())
            self.buf = io.StringIO()
            out = self.buf
        else:
            if resume:
                raise OutputError(
                    f"--resume works with jsonl and csv outputs; {fmt} cannot be appended to "
                    "(run without --resume to rewrite it)"
                )
            self.final = Path(str(output))
            self.temp = self.final.with_name(f".{self.final.name}.citegrab-{os.getpid()}.tmp")
            if fmt != "parquet":
                self.fh = _open_text(self.temp)
            out = self.fh
        append = self.journal.append if self.journal is not None else False
        path = str(self.temp) if self.temp is not None else output
        self.writer = open_writer(fmt, out, kind=kind, path=path, append=append)
        if isinstance(self.writer, TableWriter):
            self.writer.width = _table_width(to_stdout)

    def commit(self, key: str) -> None:
        """One unit's records are all written: commit them (journaled outputs)."""
        if self.journal is not None and self.buf is not None:
            data = self.buf.getvalue()
            self.buf.seek(0)
            self.buf.truncate()
            self.journal.commit(key, encode_unit(data))

    def finish(self) -> None:
        """The run completed: finish the format and put the output in place."""
        self.writer.close()
        if self.journal is not None:
            if self.buf is not None and self.buf.getvalue():  # a format's trailer, if any
                self.commit("#trailer")
            self.journal.finish()
            self.journal.close()
            return
        if self.fh is not None:
            self.fh.flush()
            if self.temp is not None:
                os.fsync(self.fh.fileno())
            self.fh.close()
            self.fh = None
        if self.temp is not None and self.final is not None:
            os.replace(self.temp, self.final)
            self.temp = None

    def abort(self) -> None:
        """The run did not complete: keep what --resume needs, remove any temporary file."""
        if self.journal is not None:
            self.journal.close()
        if self.fh is not None:
            self.fh.close()
            self.fh = None
        if self.temp is not None:
            with contextlib.suppress(OSError):
                self.temp.unlink()


def _write_prepared(writer: Writer, prepared: Prepared) -> int:
    """Write a document's records, already mapped for the format; returns how many."""
    for record in prepared.records:
        writer.write_mapped(record)
    return len(prepared.records)


# -- checks made before anything is read or written -------------------------------------------


def _check_paths(args: argparse.Namespace) -> set[str]:
    """Refuse outputs that would destroy an input or each other; returns the paths to exclude
    from the inputs (this run's own outputs, should a scanned directory hold them)."""
    exclude: set[str] = set()
    named = {_resolved(p): p for p in args.paths if p != "-"}
    outs = [("-o", args.output), ("--errors", getattr(args, "errors", None))]
    for flag, value in outs:
        if not value or value == "-":
            continue
        path = Path(value)
        if path.is_dir():
            raise OutputError(f"{flag} {value} is a directory; name a file")
        if not path.parent.is_dir():
            raise OutputError(f"{flag} {value}: the directory {path.parent} does not exist")
        r = _resolved(path)
        if r in named and not _is_special(path):
            raise OutputError(
                f"{flag} {value} is one of the inputs; writing it would destroy it "
                "(choose another file)"
            )
        exclude.add(r)
        exclude.update(_resolved(s) for s in sidecars(path))
    out, err = args.output, getattr(args, "errors", None)
    if (
        out
        and err
        and out != "-"
        and _resolved(out) == _resolved(err)
        and not _is_special(Path(out))
    ):
        raise OutputError(
            f"--errors {err} is the -o file; the error records would overwrite the results"
        )
    return exclude


def _check_config(extractor: Extractor, entities: bool, workers: int = 1) -> None:
    """Load the outlet registry and the NER model once, so a bad --outlets or --model is one
    clear error (exit 2) before any document is read.

    With several workers the model is loaded by each of them, not here: this process only
    checks that a model it names is installed (a package or a directory), without importing
    spaCy; loading it here too cost every parallel run a model load before any work began.
    """
    for path in extractor.outlets:
        if not Path(path).is_file():
            raise RegistryError(f"--outlets {path}: no such file")
    _ = extractor.registry
    if entities and workers > 1:
        named = named_model(extractor.model)
        if named and not model_installed(named):
            raise ModelError(
                f"cannot load spaCy model {named!r} (not installed); install the package or "
                f"pass a model directory, or unset {MODEL_ENV} to use the default"
            )
    elif entities:
        _ = extractor.tagger


_DEFAULT_CHUNK_BYTES = _readers.CHUNK_BYTES


def _apply_chunk_env() -> None:
    """Set the reader's chunk size for this run from CITEGRAB_CHUNK_BYTES (else the default),
    so that one run's setting never leaks into the next run of the same process."""
    value = os.environ.get(CHUNK_ENV)
    size = _DEFAULT_CHUNK_BYTES
    if value:
        try:
            size = max(1, int(value))
        except ValueError:
            raise OutputError(f"{CHUNK_ENV}={value!r} is not a whole number of bytes") from None
    _readers.CHUNK_BYTES = size


def _workers(requested: int) -> int:
    n, warning = cap_workers(requested)
    if warning:
        _say(f"warning: {warning}")
    return n


def _write_errors(path: str, errors: list[dict[str, Any]]) -> None:
    target = Path(path)
    temp = target.with_name(f".{target.name}.citegrab-{os.getpid()}.tmp")
    special = _is_special(target)
    dest = target if special else temp
    with open(dest, "w", encoding="utf-8", errors="backslashreplace") as fh:
        for e in errors:
            fh.write(json.dumps(e, ensure_ascii=False) + "\n")
    if not special:
        os.replace(temp, target)


# -- the batch --------------------------------------------------------------------------------


def _run(args: argparse.Namespace, extractor: Extractor, fmt: str, kind: RecordKind) -> int:
    errors: list[dict[str, Any]] = []
    skipped: list[Skipped] = []
    n_docs = n_recs = n_ents = 0
    t0 = time.perf_counter()
    labels = None
    if kind == "entities" and args.labels != "all":
        labels = {x.strip() for x in args.labels.split(",") if x.strip()}
    resume = getattr(args, "resume", False)
    to_stdout = not args.output or args.output == "-"
    if resume and "-" in args.paths:
        raise OutputError("--resume cannot skip documents read from standard input (-)")
    if resume and (to_stdout or fmt not in RESUMABLE_FORMATS):
        raise OutputError(
            "--resume needs -o FILE in jsonl or csv (other formats cannot be appended to; "
            "run without --resume to rewrite the output)"
        )
    if fmt == "parquet" and to_stdout:
        raise OutputError("parquet output needs a file: use -o FILE.parquet")
    exclude = _check_paths(args)
    _apply_chunk_env()
    workers = _workers(args.workers)
    _check_config(extractor, extractor.entities, workers)
    files, repeats, left_out = _expand(args.paths, exclude, errors)
    if repeats:
        _say(f"note: {repeats} inputs named more than once are read once")
    for p in left_out:
        _say(f"note: {p} is an output of this run; not read as an input")
    settings = {
        "command": kind,
        "format": fmt,
        "entities": extractor.entities,
        "model": named_model(extractor.model) if extractor.entities else None,
        "outlets": sorted(extractor.outlets),
        "env_outlets": os.environ.get("CITEGRAB_OUTLETS") or None,
        "labels": sorted(labels) if labels is not None else "all",
        "chunk_bytes": _readers.CHUNK_BYTES,
    }
    sink = _Sink(args.output, fmt, kind, resume=resume, settings=settings)
    if sink.journal is not None and sink.journal.resumed_from == "scan":
        _say(f"note: {args.output} has no journal; resuming after its last complete document")
    what = "entities" if kind == "entities" else "citations"
    progress = Progress(what, total=len(files))
    counts = {"resumed": 0}
    units = _units(files, errors, skipped, sink.journal, counts)
    finished = False
    try:
        # each document's records are mapped where it is extracted (in the workers of a
        # parallel run); this process only writes them, in input order
        prepare = Prepare(fmt, kind, frozenset(labels) if labels is not None else None)
        for (i, key), result in run_units(extractor, units, workers, prepare):
            if isinstance(result, dict):
                errors.append(result)
                _say(_error_line(result["doc"], f"{result['error']}: {result['message']}"))
                progress.update(0, i)
                continue
            if not result.continues:  # a chunk of a huge file continues its document
                n_docs += 1
            n_ents += result.entities
            written = _write_prepared(sink.writer, result)
            n_recs += written
            sink.commit(key)
            progress.update(written, i)
        progress.close()  # before a table is printed
        sink.finish()
        finished = True
    finally:
        progress.close()
        if not finished:
            sink.abort()
            if sink.journal is not None:
                _say(f"stopped; run the same command with --resume to continue {args.output}")
        if args.errors:
            _write_errors(args.errors, errors)
    dt = time.perf_counter() - t0
    extra = f", {len(skipped)} skipped" if skipped else ""
    extra += f", {counts['resumed']} already done" if counts["resumed"] else ""
    ents = f", {n_ents} entities" if kind == "citations" and extractor.entities else ""
    _say(
        f"{_count(n_docs, 'document')}, {n_recs} {what}{ents}, {_count(len(errors), 'error')}"
        f"{extra}, {dt:.2f}s"
    )
    return EXIT_PARTIAL if errors else EXIT_OK


def _outlet_paths(values: Sequence[str]) -> tuple[str, ...]:
    """--outlets files as absolute paths (a bare name is in the working directory)."""
    return tuple(_resolved(v) for v in values)


def cmd_extract(args: argparse.Namespace) -> int:
    fmt = _format_for(args, FORMATS)
    extractor = Extractor(
        entities=not args.no_entities, model=args.model, outlets=_outlet_paths(args.outlets)
    )
    return _run(args, extractor, fmt, "citations")


def cmd_entities(args: argparse.Namespace) -> int:
    fmt = _format_for(args, ENTITY_FORMATS)
    wanted = {x.strip() for x in args.labels.split(",") if x.strip()}
    contract = args.labels != "all" and wanted <= {"PERSON", "PROVINCE", "INSTITUTION"}
    extractor = Extractor(
        entities=True,
        model=args.model,
        outlets=_outlet_paths(args.outlets),
        labels="contract" if contract else "all",
    )
    return _run(args, extractor, fmt, "entities")


def cmd_eval(args: argparse.Namespace) -> int:
    from ._eval import evaluate

    root = Path(args.gold_dir)
    if not root.is_dir():
        print(f"citegrab: error: {root} is not a directory", file=sys.stderr)
        return EXIT_USAGE
    extractor = Extractor(entities=not args.no_entities, model=args.model)
    baseline = None
    if not args.no_entities:
        from ._ner import bare_model_entities

        def baseline(doc: Any) -> Any:
            return bare_model_entities(doc, args.model)

    report = evaluate(root, extractor, entities=not args.no_entities, baseline=baseline)
    if not report:
        print(f"citegrab: error: no NAME.txt with NAME.citations.jsonl in {root}", file=sys.stderr)
        return EXIT_USAGE
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False, default=str))
        return EXIT_OK
    for name, entry in report.items():
        print(f"== {name}")
        c = entry["citations"]
        d = c["detection"]
        print(
            f"citations  P {d['precision']:.3f}  R {d['recall']:.3f}  F1 {d['f1']:.3f}  (tp {d['tp']}, fp {d['fp']}, fn {d['fn']})"
        )
        print("fields     " + "  ".join(f"{k} {v:.3f}" for k, v in c["fields"].items()))
        if "quotes" in entry:
            q = entry["quotes"]
            qd = q["detection"]
            print(
                f"quotes     P {qd['precision']:.3f}  R {qd['recall']:.3f}  F1 {qd['f1']:.3f}  attribution {q['attribution']:.3f}"
            )
        if "posts" in entry:
            print("posts      " + "  ".join(f"{k} {v:.3f}" for k, v in entry["posts"].items()))
        if "entities" in entry:
            for lab, s in entry["entities"].items():
                base = entry.get("entities_baseline", {}).get(lab)
                extra = f"   (bare model F1 {base['f1']:.3f})" if base else ""
                print(
                    f"entities {lab:<12} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}{extra}"
                )
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from ._report import render_report

    errors: list[dict[str, Any]] = []
    exclude = _check_paths(args)
    extractor = Extractor(entities=not args.no_entities, model=args.model)
    workers = _workers(args.workers)
    _check_config(extractor, extractor.entities, workers)
    files, _, _ = _expand(args.paths, exclude, errors)
    docs: list[Document] = []
    units = _units(files, errors, [], None, {"resumed": 0})
    for _, result in run_units(extractor, units, workers):
        if isinstance(result, dict):
            errors.append(result)
            _say(_error_line(result["doc"], f"{result['error']}: {result['message']}"))
        else:
            docs.append(result)
    target = Path(args.output)
    temp = target.with_name(f".{target.name}.citegrab-{os.getpid()}.tmp")
    temp.write_text(render_report(docs, args.title), encoding="utf-8", errors="backslashreplace")
    os.replace(temp, target)
    n = sum(len(d.citations) for d in docs)
    _say(f"report of {_count(len(docs), 'document')}, {n} citations -> {args.output}")
    return EXIT_PARTIAL if errors else EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from ._models import json_schema

    schema = json_schema(record=args.record, strict=args.strict)
    print(json.dumps(schema, indent=2, ensure_ascii=False))
    return EXIT_OK


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise _Terminated()


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `citegrab` console script."""
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    paths_later = not any(x.startswith("-") and x != "-" for x in extra)
    if extra and paths_later and isinstance(getattr(args, "paths", None), list):
        args.paths.extend(extra)  # paths given after options
        extra = []
    if extra:
        _unknown_arguments(parser, getattr(args, "command", None), extra)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError, io.UnsupportedOperation):
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    handler = {
        "extract": cmd_extract,
        "entities": cmd_entities,
        "eval": cmd_eval,
        "report": cmd_report,
        "schema": cmd_schema,
    }[args.command]
    previous = None
    with contextlib.suppress(ValueError):  # not the main thread (embedded use): keep the default
        previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        return handler(args)
    except CitegrabError as exc:
        print(f"citegrab: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except _Terminated:
        return EXIT_TERMINATED
    except Exception as exc:  # never a traceback for users; CITEGRAB_DEBUG=1 shows it
        if os.environ.get("CITEGRAB_DEBUG"):
            raise
        print(
            f"citegrab: error: {type(exc).__name__}: {exc} (set CITEGRAB_DEBUG=1 for details)",
            file=sys.stderr,
        )
        return EXIT_PARTIAL
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":
    sys.exit(main())
