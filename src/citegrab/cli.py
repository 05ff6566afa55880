"""The `citegrab` command line: extract, entities, eval, schema.

Exit codes: 0 every document succeeded, 1 some documents failed (each has an error record),
2 usage error.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from ._errors import CitegrabError
from ._extract import Extractor
from ._models import Document
from ._output import (
    CSV_COLUMNS,
    ENTITY_COLUMNS,
    FORMATS,
    Writer,
    citation_record,
    entity_rows,
    flat_row,
)
from ._readers import Skipped, Source, read

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # usage errors exit 2 with a one-line reason
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"citegrab: error: {message}\n")


def _format_for(args: argparse.Namespace, choices: Sequence[str]) -> str:
    if args.format:
        return str(args.format)
    if args.output:
        ext = Path(args.output).suffix.casefold().lstrip(".")
        if ext in choices:
            return ext
        if ext == "txt":
            return "table"
    return "table" if sys.stdout.isatty() else "jsonl"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for documentation and tests)."""
    p = _Parser(prog="citegrab", description="Structured citation data from archived blog posts.")
    p.add_argument("--version", action="version", version=f"citegrab {_version()}")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    ex = sub.add_parser("extract", help="extract citations (one record per citation)")
    ex.add_argument("paths", nargs="+", metavar="PATH", help="files, directories (recursive) or -")
    ex.add_argument(
        "--format", choices=FORMATS, help="output format (default: from -o, else jsonl)"
    )
    ex.add_argument("-o", "--output", help="output file (default: standard output)")
    ex.add_argument("--no-entities", action="store_true", help="skip the NER pass")
    ex.add_argument("--model", help="spaCy model name or path (env CITEGRAB_SPACY_MODEL)")
    ex.add_argument("--outlets", action="append", default=[], help="extra outlet registry TOML")
    ex.add_argument("--errors", help="write one JSON error record per failed document here")
    ex.add_argument(
        "--workers", type=_positive, default=1, help="processes (output order is unchanged)"
    )
    ex.add_argument(
        "--resume", action="store_true", help="skip documents already in the -o file; append"
    )

    en = sub.add_parser(
        "entities", help="tag people, provinces and institutions (one record per mention)"
    )
    en.add_argument("paths", nargs="+", metavar="PATH", help="files, directories (recursive) or -")
    en.add_argument("--format", choices=("jsonl", "csv", "table"), help="output format")
    en.add_argument("-o", "--output", help="output file (default: standard output)")
    en.add_argument("--model", help="spaCy model name or path (env CITEGRAB_SPACY_MODEL)")
    en.add_argument(
        "--labels",
        default="PERSON,PROVINCE,INSTITUTION",
        help="labels to output (comma-separated, or 'all')",
    )
    en.add_argument("--errors", help="write one JSON error record per failed document here")
    en.add_argument(
        "--workers", type=_positive, default=1, help="processes (output order is unchanged)"
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

    sub.add_parser("schema", help="print the JSON Schema of the public model")
    return p


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return n


def _version() -> str:
    from . import __version__

    return __version__


def _sources(
    paths: Sequence[str], errors: list[dict[str, Any]], skipped: list[Skipped] | None = None
) -> Iterator[Source]:
    for item in read(paths):
        if isinstance(item, Skipped):
            if skipped is not None:
                skipped.append(item)
            continue
        if isinstance(item, CitegrabError):
            errors.append(
                {
                    "doc": getattr(item, "path", None),
                    "error": type(item).__name__,
                    "message": str(item),
                }
            )
            print(f"citegrab: {getattr(item, 'path', '')}: {item.message}", file=sys.stderr)
        else:
            yield item


def _open_out(path: str | None, append: bool = False) -> IO[str]:
    if path is None or path == "-":
        return sys.stdout
    return open(path, "a" if append else "w", encoding="utf-8", newline="")


def _extract_one(job: tuple[Extractor, Source]) -> Document | dict[str, Any]:
    """Extract one source; a failure becomes an error record (runs in worker processes too)."""
    extractor, src = job
    try:
        return extractor.extract_source(src)
    except Exception as exc:  # one bad document never stops the batch
        return {"doc": src.id, "error": type(exc).__name__, "message": str(exc)}


def run_documents(
    extractor: Extractor, sources: Iterator[Source], workers: int = 1
) -> Iterator[Document | dict[str, Any]]:
    """Extract sources in order, in ``workers`` processes; yields Documents or error records."""
    jobs = ((extractor, src) for src in sources)
    if workers <= 1:
        yield from map(_extract_one, jobs)
        return
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor

    # a bounded window of submitted documents: order is kept and the input is never read
    # ahead of the workers by more than a few documents (memory stays bounded)
    window: deque[Future[Document | dict[str, Any]]] = deque()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for job in jobs:
            window.append(pool.submit(_extract_one, job))
            if len(window) >= 2 * workers:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()


def _done_docs(path: str, fmt: str) -> set[str]:
    """Document ids already in an output file (for --resume)."""
    done: set[str] = set()
    p = Path(path)
    if not p.exists():
        return done
    with p.open(encoding="utf-8", newline="") as fh:
        if fmt == "jsonl":
            for line in fh:
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError:
                    continue  # a line cut short by an interrupted run
                if isinstance(rec, dict) and rec.get("doc") is not None:
                    done.add(str(rec["doc"]))
        else:
            done.update(row["doc"] for row in csv.DictReader(fh) if row.get("doc"))
    return done


class _Progress:
    """A progress bar on a terminal (documents, records per second); silent when piped."""

    def __init__(self, what: str) -> None:
        self.bar: Any = None
        self.what = what
        if sys.stderr.isatty():
            try:
                from tqdm import tqdm

                self.bar = tqdm(unit=" docs", file=sys.stderr, dynamic_ncols=True, leave=False)
            except ImportError:
                self.bar = None
        self.records = 0
        self.t0 = time.perf_counter()

    def update(self, records: int) -> None:
        self.records += records
        if self.bar is not None:
            rate = self.records / max(1e-9, time.perf_counter() - self.t0)
            self.bar.set_postfix_str(f"{self.records} {self.what}, {rate:.0f}/s", refresh=False)
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _run(args: argparse.Namespace, extractor: Extractor, fmt: str, kind: str) -> int:
    errors: list[dict[str, Any]] = []
    skipped: list[Skipped] = []
    n_docs = n_recs = n_ents = n_resumed = 0
    t0 = time.perf_counter()
    labels = None
    if kind == "entities" and args.labels != "all":
        labels = {x.strip() for x in args.labels.split(",") if x.strip()}
    resume = getattr(args, "resume", False)
    if fmt == "parquet" and not args.output:
        print("citegrab: error: parquet output needs a file: use -o FILE.parquet", file=sys.stderr)
        return EXIT_USAGE
    if resume and (not args.output or fmt not in ("jsonl", "csv")):
        print("citegrab: error: --resume needs -o FILE in jsonl or csv format", file=sys.stderr)
        return EXIT_USAGE
    done = _done_docs(args.output, fmt) if resume else set()
    append = resume and Path(args.output).exists()
    what = "mentions" if kind == "entities" else "citations"
    progress = _Progress(what)
    out = None if fmt == "parquet" else _open_out(args.output, append)
    sources = _sources(args.paths, errors, skipped)
    if done:

        def not_done(items: Iterator[Source]) -> Iterator[Source]:
            nonlocal n_resumed
            for src in items:
                if src.id in done:
                    n_resumed += 1
                else:
                    yield src

        sources = not_done(sources)
    try:
        columns = ENTITY_COLUMNS if kind == "entities" else CSV_COLUMNS
        writer = Writer(out, fmt, columns, path=args.output, append=append)
        for result in run_documents(extractor, sources, args.workers):
            if isinstance(result, dict):
                errors.append(result)
                print(
                    f"citegrab: {result['doc']}: {result['error']}: {result['message']}",
                    file=sys.stderr,
                )
                progress.update(0)
                continue
            if result.char_offset == 0:  # a chunk of a huge file continues its document
                n_docs += 1
            n_ents += len(result.entities)
            before = n_recs
            if kind == "entities":
                rows = entity_rows(result, labels)
                for row in rows:
                    writer.write(row, row)
                n_recs += len(rows)
            else:
                for c in result.citations:
                    n_recs += 1
                    if fmt == "csl-json":
                        writer.write(c.to_csl())
                    else:
                        writer.write(citation_record(c), flat_row(c))
            progress.update(n_recs - before)
        writer.close()
    finally:
        progress.close()
        if out is not None and out is not sys.stdout:
            out.close()
    if args.errors:
        with open(args.errors, "w", encoding="utf-8") as fh:
            for e in errors:
                fh.write(json.dumps(e, ensure_ascii=False) + "\n")
    dt = time.perf_counter() - t0
    extra = f", {len(skipped)} skipped" if skipped else ""
    extra += f", {n_resumed} already done" if n_resumed else ""
    print(
        f"citegrab: {n_docs} documents, {n_recs} {what}, {n_ents} entities, "
        f"{len(errors)} errors{extra}, {dt:.2f}s",
        file=sys.stderr,
    )
    return EXIT_PARTIAL if errors else EXIT_OK


def cmd_extract(args: argparse.Namespace) -> int:
    fmt = _format_for(args, FORMATS)
    extractor = Extractor(
        entities=not args.no_entities, model=args.model, outlets=tuple(args.outlets)
    )
    return _run(args, extractor, fmt, "citations")


def cmd_entities(args: argparse.Namespace) -> int:
    fmt = _format_for(args, ("jsonl", "csv", "table"))
    wanted = {x.strip() for x in args.labels.split(",") if x.strip()}
    contract = args.labels != "all" and wanted <= {"PERSON", "PROVINCE", "INSTITUTION"}
    extractor = Extractor(entities=True, model=args.model, labels="contract" if contract else "all")
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
    extractor = Extractor(entities=not args.no_entities, model=args.model)
    docs: list[Document] = []
    for result in run_documents(extractor, _sources(args.paths, errors), args.workers):
        if isinstance(result, dict):
            errors.append(result)
            print(
                f"citegrab: {result['doc']}: {result['error']}: {result['message']}",
                file=sys.stderr,
            )
        else:
            docs.append(result)
    Path(args.output).write_text(render_report(docs, args.title), encoding="utf-8")
    n = sum(len(d.citations) for d in docs)
    print(
        f"citegrab: report of {len(docs)} documents, {n} citations -> {args.output}",
        file=sys.stderr,
    )
    return EXIT_PARTIAL if errors else EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from ._models import json_schema

    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `citegrab` console script."""
    args = build_parser().parse_args(argv)
    handler = {
        "extract": cmd_extract,
        "entities": cmd_entities,
        "eval": cmd_eval,
        "report": cmd_report,
        "schema": cmd_schema,
    }[args.command]
    try:
        return handler(args)
    except CitegrabError as exc:
        print(f"citegrab: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # never a traceback for users; CITEGRAB_DEBUG=1 shows it
        if os.environ.get("CITEGRAB_DEBUG"):
            raise
        print(
            f"citegrab: error: {type(exc).__name__}: {exc} (set CITEGRAB_DEBUG=1 for details)",
            file=sys.stderr,
        )
        return EXIT_PARTIAL


if __name__ == "__main__":
    sys.exit(main())
