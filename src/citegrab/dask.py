"""Distributed extraction with Dask: a `dask.bag.Bag` of citation records, the CLI's JSON.

Each partition builds (once per worker process) an `Extractor` from the options and reads its
inputs itself, so only paths travel to the workers and only JSON records travel back. Works on
any Dask scheduler: the local one, a `LocalCluster`, or a distributed cluster.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._errors import InputError, MissingDependencyError
from ._extract import Extractor
from ._inputs._readers import Skipped, Source, iter_paths, read_path
from ._outputs import citation_record

if TYPE_CHECKING:  # pragma: no cover
    import dask.bag

_EXTRACTORS: dict[tuple[Any, ...], Extractor] = {}


def _extractor(options: dict[str, Any]) -> Extractor:
    key = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in options.items()))
    ex = _EXTRACTORS.get(key)
    if ex is None:
        ex = _EXTRACTORS[key] = Extractor(**options)
    return ex


def records_for_path(path: str, options: dict[str, Any]) -> list[dict[str, Any]]:
    """Citation records (or error records) of every document in one input path."""
    ex = _extractor(options)
    out: list[dict[str, Any]] = []
    try:
        for src in read_path(path):
            if isinstance(src, Skipped):
                continue
            if isinstance(src, InputError):  # one WARC record that cannot be read
                out.append({"doc": path, "error": type(src).__name__, "message": str(src)})
                continue
            out.extend(_records(ex, src))
    except Exception as exc:  # an unreadable input becomes an error record, never a crash
        out.append({"doc": path, "error": type(exc).__name__, "message": str(exc)})
    return out


def _records(ex: Extractor, src: Source) -> Iterator[dict[str, Any]]:
    try:
        doc = ex.extract_source(src)
    except Exception as exc:
        yield {"doc": src.id, "error": type(exc).__name__, "message": str(exc)}
        return
    for c in doc.citations:
        yield citation_record(c)


def _partition(paths: Iterable[str], options: dict[str, Any]) -> list[dict[str, Any]]:
    return [rec for p in paths for rec in records_for_path(str(p), options)]


def extract_bag(
    paths_or_bag: Sequence[str | Path] | str | Path | dask.bag.Bag,
    *,
    entities: bool = True,
    model: str | None = None,
    outlets: Sequence[str | Path] = (),
    partition_size: int = 1,
) -> dask.bag.Bag:
    """A bag of citation records for files/directories (expanded here) or a bag of paths.

    Records are the same JSON objects ``citegrab extract --format jsonl`` writes; a document
    that fails yields an ``{"doc", "error", "message"}`` record instead.
    """
    try:
        import dask.bag as db
    except ImportError as exc:
        raise MissingDependencyError("dask", "dask") from exc
    options = {"entities": entities, "model": model, "outlets": tuple(str(o) for o in outlets)}
    if isinstance(paths_or_bag, db.Bag):
        bag = paths_or_bag
    else:
        items = [paths_or_bag] if isinstance(paths_or_bag, str | Path) else list(paths_or_bag)
        files = [str(p) for p in iter_paths(items)]
        bag = db.from_sequence(files, partition_size=partition_size)  # type: ignore[no-untyped-call]
    result: dask.bag.Bag = bag.map_partitions(_partition, options)  # type: ignore[no-untyped-call]
    return result
