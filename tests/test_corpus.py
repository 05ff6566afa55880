"""Integration over the development corpus (bundled under tests/data/corpus)."""

from __future__ import annotations

from pathlib import Path

from citegrab._eval import evaluate
from citegrab._extract import Extractor


def test_dev_corpus_citations_and_quotes(corpus_dir: Path) -> None:
    report = evaluate(corpus_dir, Extractor(entities=False), entities=False)["nkeconwatch-2022.txt"]
    det = report["citations"]["detection"]
    assert (det["tp"], det["fp"], det["fn"]) == (26, 0, 0)
    fields = report["citations"]["fields"]
    for f in ("authors", "title", "outlet", "date"):
        assert fields[f] >= 0.98, (f, report["citations"]["errors"])
    assert fields["quote"] >= 0.90
    assert report["quotes"]["detection"]["f1"] >= 0.9
    assert report["posts"]["found"] == 1.0 and report["posts"]["date"] == 1.0
