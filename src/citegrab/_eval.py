"""Scoring against a gold directory laid out like ``tests/data/corpus`` (see its README).

For each ``NAME.txt`` with a ``NAME.citations.jsonl`` beside it: citation precision/recall/F1
(matched by line and order within the line) and per-field accuracy on matched citations; quote
span F1 and attribution accuracy when ``NAME.quotes.jsonl`` exists; post title/date accuracy when
``NAME.posts.jsonl`` exists; entity F1 by label (exact span and label) when
``NAME.entities.jsonl`` exists and an entity tagger is given.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ._errors import InputError
from ._extract import Extractor
from ._inputs._readers import decode
from ._models import Citation, Document, Entity

FIELDS = ("authors", "title", "outlet", "date", "quote", "lead_in")


def _jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    out = []
    for n, ln in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not ln.strip():
            continue
        try:
            out.append(json.loads(ln))
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{n}: not valid JSON ({exc.msg})") from exc
    return out


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    """Precision, recall and F1 (1.0 when there is nothing to find and nothing found)."""
    p = tp / (tp + fp) if tp + fp else (1.0 if not fn else 0.0)
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
        "tp": tp,
        "fp": fp,
        "fn": fn,
    }


def _field_values(c: Citation) -> dict[str, Any]:
    return {
        "authors": [a.name for a in c.authors],
        "title": c.title,
        "outlet": (
            c.outlet.name if c.outlet else None,
            c.inferred_outlet.name if c.inferred_outlet else None,
        ),
        "date": _dated(c.date.isoformat() if c.date else None, c.date_precision),
        "quote": (c.quote.first_line, c.quote.last_line) if c.quote else (None, None),
        "lead_in": c.quote.lead_in_line if c.quote else None,
    }


def _dated(iso: str | None, precision: str | None) -> str | None:
    """A date for comparison: ISO, with its precision when coarser than a day (gold files that
    give no precision mean days)."""
    return f"{iso} ({precision})" if iso and precision in ("month", "year") else iso


def _gold_values(g: dict[str, Any]) -> dict[str, Any]:
    return {
        "authors": list(g.get("authors") or []),
        "title": g.get("title"),
        "outlet": (g.get("outlet"), g.get("inferred_outlet")),
        "date": _dated(g.get("date"), g.get("date_precision")),
        "quote": (g.get("quote_first_line"), g.get("quote_last_line")),
        "lead_in": g.get("lead_in_line"),
    }


def score_citations(doc: Document, gold: list[dict[str, Any]]) -> dict[str, Any]:
    """Citation detection P/R/F1 and per-field accuracy on the matched ones."""
    pred: dict[int, list[Citation]] = defaultdict(list)
    for c in doc.citations:
        pred[c.line].append(c)
    gold_by: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for g in gold:
        gold_by[int(g["line"])].append(g)
    tp = fp = fn = 0
    right: Counter[str] = Counter()
    all_right = 0
    errors: list[dict[str, Any]] = []
    for line in sorted(set(pred) | set(gold_by)):
        ps, gs = pred.get(line, []), gold_by.get(line, [])
        for p, g in zip(ps, gs, strict=False):
            tp += 1
            pv, gv = _field_values(p), _gold_values(g)
            ok = {f: pv[f] == gv[f] for f in FIELDS}
            right.update(f for f, v in ok.items() if v)
            all_right += all(ok.values())
            for f, v in ok.items():
                if not v:
                    errors.append({"line": line, "field": f, "got": pv[f], "gold": gv[f]})
        fp += max(0, len(ps) - len(gs))
        fn += max(0, len(gs) - len(ps))
        errors.extend({"line": line, "field": "missing"} for _ in range(max(0, len(gs) - len(ps))))
        errors.extend({"line": line, "field": "spurious"} for _ in range(max(0, len(ps) - len(gs))))
    fields = {f: round(right[f] / tp, 4) if tp else 0.0 for f in FIELDS}
    fields["all"] = round(all_right / tp, 4) if tp else 0.0
    return {"detection": prf(tp, fp, fn), "fields": fields, "errors": errors}


def score_quotes(doc: Document, gold: list[dict[str, Any]]) -> dict[str, Any]:
    """Quote span P/R/F1 (exact first and last line) and attribution accuracy."""
    pred = {(q.first_line, q.last_line): q for q in doc.quotes}
    gold_by = {(int(g["first_line"]), int(g["last_line"])): g for g in gold}
    tp = len(set(pred) & set(gold_by))
    attr_ok = 0
    for k in set(pred) & set(gold_by):
        who = pred[k].attributed_to
        attr_ok += (who.name if who else None) == gold_by[k].get("attributed_to")
    return {
        "detection": prf(tp, len(pred) - tp, len(gold_by) - tp),
        "attribution": round(attr_ok / tp, 4) if tp else 0.0,
        "missing": sorted(set(gold_by) - set(pred)),
        "spurious": sorted(set(pred) - set(gold_by)),
    }


def score_posts(doc: Document, gold: list[dict[str, Any]]) -> dict[str, Any]:
    """Post boundary, title, date and byline accuracy."""
    pred = {p.first_line: p for p in doc.posts if p.title}
    ok: Counter[str] = Counter()
    for g in gold:
        p = pred.get(int(g["first_line"]))
        if p is None:
            continue
        ok["found"] += 1
        ok["title"] += p.title == g["title"]
        ok["date"] += (p.date.isoformat() if p.date else None) == g["date"]
        ok["byline"] += p.byline == g.get("byline")
        ok["last_line"] += p.last_line == g["last_line"]
    n = len(gold) or 1
    return {k: round(ok[k] / n, 4) for k in ("found", "title", "date", "byline", "last_line")}


def entity_keys(doc: Document, labels: tuple[str, ...]) -> set[tuple[int, int, int, str]]:
    """Entities as (line, start-in-line, end-in-line, label) keys, like the gold files."""
    from ._scan import Lines

    lines = Lines(doc.text)
    out = set()
    for e in doc.entities:
        if e.label in labels:
            ln = lines.line_of(e.span.start)
            base = lines.starts[ln]
            out.add((ln + 1, e.span.start - base, e.span.end - base, e.label))
    return out


def score_entities(
    predicted: set[tuple[int, int, int, str]], gold: list[dict[str, Any]]
) -> dict[str, Any]:
    """Exact span-and-label P/R/F1, per label and overall."""
    gold_keys = {(int(g["line"]), int(g["start"]), int(g["end"]), str(g["label"])) for g in gold}
    labels = sorted({k[3] for k in gold_keys})
    out: dict[str, Any] = {}
    for lab in labels:
        p = {k for k in predicted if k[3] == lab}
        g = {k for k in gold_keys if k[3] == lab}
        out[lab] = prf(len(p & g), len(p - g), len(g - p))
    p = {k for k in predicted if k[3] in labels}
    out["overall"] = prf(len(p & gold_keys), len(p - gold_keys), len(gold_keys - p))
    return out


def evaluate(
    gold_dir: str | Path,
    extractor: Extractor | None = None,
    *,
    entities: bool = True,
    baseline: Callable[[Document], list[Entity]] | None = None,
) -> dict[str, Any]:
    """Score extraction of every gold-annotated text in ``gold_dir``."""
    root = Path(gold_dir)
    extractor = extractor or Extractor(entities=entities)
    report: dict[str, Any] = {}
    for txt in sorted(root.glob("*.txt")):
        stem = txt.with_suffix("")
        cit_path = Path(f"{stem}.citations.jsonl")
        if not cit_path.exists():
            continue
        text, _ = decode(txt.read_bytes())
        doc = extractor.extract(text, doc=str(txt))
        entry: dict[str, Any] = {"citations": score_citations(doc, _jsonl(cit_path))}
        if q := _jsonl(Path(f"{stem}.quotes.jsonl")):
            entry["quotes"] = score_quotes(doc, q)
        if p := _jsonl(Path(f"{stem}.posts.jsonl")):
            entry["posts"] = score_posts(doc, p)
        ents = _jsonl(Path(f"{stem}.entities.jsonl"))
        if ents and extractor.entities:
            labels = tuple(sorted({str(g["label"]) for g in ents}))
            entry["entities"] = score_entities(entity_keys(doc, labels), ents)
            if baseline is not None:
                base_doc = doc.model_copy(update={"entities": tuple(baseline(doc))})
                entry["entities_baseline"] = score_entities(entity_keys(base_doc, labels), ents)
        report[txt.name] = entry
    return report
