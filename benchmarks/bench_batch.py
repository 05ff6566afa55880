"""Batch throughput for one and two workers, and peak memory against input size.

Run: python benchmarks/bench_batch.py
- throughput: ``citegrab extract DIR`` (NER on) over 16 documents, ``--workers 1`` vs ``2``;
- web archive: ``citegrab extract crawl.warc.gz --no-entities`` (2,000 pages in one WARC, the
  pages rendered and parsed in the workers), ``--workers 1`` vs ``2``;
- memory: parse-only runs over one text file of growing size (files above 4 MB are read in
  chunks), peak RSS of the process per input size. Flat means bounded by streaming.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import bytecode_as_installed, dev_text, report


def run(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of a child process."""
    t = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", "import resource, subprocess, sys;"
         "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL);"
         "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)", *cmd],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    return time.perf_counter() - t, int(proc.stdout.strip()) / 1024


def main() -> None:
    bytecode_as_installed("citegrab._ner", "spacy")
    base, source = dev_text()
    cli = [sys.executable, "-m", "citegrab", "extract"]
    result: dict[str, object] = {"input": source}
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp) / "docs"
        docs.mkdir()
        for i in range(16):
            (docs / f"d{i:02d}.txt").write_text(base, encoding="utf-8")
        w1, _ = run([*cli, str(docs), "-o", str(Path(tmp) / "w1.jsonl"), "--workers", "1"])
        w2, _ = run([*cli, str(docs), "-o", str(Path(tmp) / "w2.jsonl"), "--workers", "2"])
        same = (Path(tmp) / "w1.jsonl").read_bytes() == (Path(tmp) / "w2.jsonl").read_bytes()
        mb = 16 * len(base.encode("utf-8")) / 1e6
        result["throughput"] = {
            "documents": 16,
            "megabytes": round(mb, 2),
            "workers_1": {"seconds": round(w1, 2), "docs_per_s": round(16 / w1, 2)},
            "workers_2": {"seconds": round(w2, 2), "docs_per_s": round(16 / w2, 2)},
            "speedup": round(w1 / w2, 2),
            "identical_output": same,
        }
        from bench_html import build_warc  # the WordPress-style pages of the HTML benchmark

        warc = Path(tmp) / "crawl.warc.gz"
        build_warc(warc, 2000)
        outs = [Path(tmp) / f"warc{w}.jsonl" for w in (1, 2)]
        a1, _ = run([*cli, str(warc), "--no-entities", "-o", str(outs[0]), "--workers", "1"])
        a2, _ = run([*cli, str(warc), "--no-entities", "-o", str(outs[1]), "--workers", "2"])
        result["warc_parse_only"] = {
            "pages": 2000,
            "warc_megabytes": round(warc.stat().st_size / 1e6, 2),
            "workers_1_seconds": round(a1, 2),
            "workers_2_seconds": round(a2, 2),
            "speedup": round(a1 / a2, 2),
            "identical_output": outs[0].read_bytes() == outs[1].read_bytes(),
        }
        memory = []
        for copies in (100, 400, 1600):
            big = Path(tmp) / f"big{copies}.txt"
            with big.open("w", encoding="utf-8") as fh:
                for _ in range(copies):
                    fh.write(base)
                    fh.write("\n\n")
            size = big.stat().st_size / 1e6
            secs, peak = run([*cli, str(big), "--no-entities", "-o", str(Path(tmp) / "m.jsonl")])
            memory.append(
                {
                    "input_mb": round(size, 1),
                    "peak_rss_mb": round(peak, 1),
                    "seconds": round(secs, 1),
                }
            )
            big.unlink()
        result["memory_parse_only"] = memory
    report("batch", result)


if __name__ == "__main__":
    main()
