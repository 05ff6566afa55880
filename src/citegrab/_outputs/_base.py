"""The writer interface every output format implements: record mapping, serialisation, extension."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from typing import IO, Any, ClassVar, Literal

from .._errors import OutputError
from .._models import Citation

RecordKind = Literal["citations", "entities"]


class Writer(ABC):
    """One output format: it maps each record, serialises it and knows its file extension.

    A subclass sets the class attributes and implements `map_citation` (and `map_entity` when it
    writes entity records) and `emit`; `start` opens and `close` finishes formats that need it.
    """

    name: ClassVar[str]
    """The format's name, as given to ``--format``."""
    extension: ClassVar[str]
    """The file extension (without the dot) that selects this format for ``-o FILE``."""
    description: ClassVar[str]
    """One line for help texts and docs."""
    kinds: ClassVar[frozenset[RecordKind]] = frozenset({"citations", "entities"})
    """Which records it can write: citations (`citegrab extract`), entities (`citegrab entities`)."""
    needs_file: ClassVar[bool] = False
    """Whether it writes to a file path (binary formats) rather than to a text stream."""
    appendable: ClassVar[bool] = False
    """Whether ``--resume`` can continue an existing output."""

    def __init__(
        self,
        out: IO[str] | None,
        *,
        kind: RecordKind = "citations",
        path: str | None = None,
        append: bool = False,
    ) -> None:
        if kind not in self.kinds:
            raise OutputError(f"the {self.name} format cannot hold {kind} records")
        if self.needs_file and not path:
            raise OutputError(f"{self.name} output needs a file: use -o FILE.{self.extension}")
        if not self.needs_file and out is None:
            raise OutputError(f"{self.name} output needs a text stream")
        if append and not self.appendable:
            raise OutputError(f"{self.name} output cannot be appended to")
        self.out = out
        self.kind: RecordKind = kind
        self.path = path
        self.append = append
        self.count = 0
        self.start()

    def start(self) -> None:  # noqa: B027 (an optional hook, not abstract)
        """Open the output (a header, a file writer); called once by `__init__`."""

    def write(self, item: Citation | Mapping[str, Any]) -> None:
        """Map and write one record: a `Citation`, or an entity record (a mapping)."""
        self.write_mapped(
            self.map_citation(item) if isinstance(item, Citation) else self.map_entity(item)
        )

    def write_mapped(self, record: Any) -> None:
        """Write one record `map_citation` or `map_entity` has already mapped (a parallel run
        maps its records in the worker processes, so the writing process only writes)."""
        self.emit(record)
        self.count += 1

    @classmethod
    @abstractmethod
    def map_citation(cls, c: Citation) -> Any:
        """The record this format writes for a citation."""

    @classmethod
    def map_entity(cls, e: Mapping[str, Any]) -> Any:
        """The record this format writes for an entity mention (default: as given)."""
        return e

    @abstractmethod
    def emit(self, record: Any) -> None:
        """Serialise one mapped record."""

    def close(self) -> None:
        """Finish the output (closing brackets, a rendered table) and flush it."""
        if self.out is not None:
            self.out.flush()

    def _stream(self) -> IO[str]:
        assert self.out is not None  # checked in __init__ for text formats
        return self.out
