"""Run the hostile batch through the CLI: wall time, peak memory, and every document accounted for.

Run: python benchmarks/bench_hostile.py
Targets: under 2 minutes and under 1.5 GB, no traceback, every document accounted for, the good
documents fully extracted.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import report
from hostile import write_hostile


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "hostile"
        files = write_hostile(root)
        out, errors = Path(tmp) / "out.jsonl", Path(tmp) / "errors.jsonl"
        t = time.perf_counter()
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "citegrab",
                "extract",
                str(root),
                "-o",
                str(out),
                "--errors",
                str(errors),
            ],
            capture_output=True,
            text=True,
        )
        wall = time.perf_counter() - t
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        recs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
        errs = (
            [json.loads(x) for x in errors.read_text(encoding="utf-8").splitlines()]
            if errors.exists()
            else []
        )
        docs_with_citations = {Path(r["doc"]).name for r in recs}
        failed = {Path(e["doc"]).name for e in errs}
        report(
            "hostile",
            {
                "files": files,
                "exit_code": proc.returncode,
                "seconds": round(wall, 2),
                "peak_rss_mb": round(peak_mb, 1),
                "traceback": "Traceback" in proc.stderr,
                "summary": proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "",
                "documents_with_citations": sorted(docs_with_citations),
                "failed_documents": sorted(failed),
                "good_citations": sum(1 for r in recs if Path(r["doc"]).name == "good.txt"),
            },
        )


if __name__ == "__main__":
    main()
