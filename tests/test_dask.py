"""Distributed runs: a real 2-process LocalCluster returns exactly what the CLI writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citegrab.cli import main

from .conftest import FIXTURES

distributed = pytest.importorskip("distributed")


def key(r: dict[str, object]) -> tuple[str, int, int]:
    return (str(r["doc"]), int(r["line"]), int(r["part"]))  # type: ignore[call-overload]


@pytest.mark.parametrize("entities", [False, True])
def test_bag_on_local_cluster_matches_cli(
    entities: bool, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from citegrab.dask import extract_bag

    argv = ["extract", str(FIXTURES), "--format", "jsonl", "-o", str(tmp_path / "cli.jsonl")]
    assert main(argv + ([] if entities else ["--no-entities"])) == 0
    cli = [json.loads(x) for x in (tmp_path / "cli.jsonl").read_text(encoding="utf-8").splitlines()]
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        records = extract_bag(str(FIXTURES), entities=entities).compute()
        assert len(client.scheduler_info()["workers"]) == 2
    assert sorted(records, key=key) == sorted(cli, key=key)
    assert len(records) == len(cli) > 0


def test_bag_reports_unreadable_inputs(tmp_path: Path) -> None:
    import dask

    from citegrab.dask import extract_bag

    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x00binary")
    with dask.config.set(scheduler="synchronous"):
        records = extract_bag([bad, FIXTURES / "archive-2019.txt"], entities=False).compute()
    errors = [r for r in records if "error" in r]
    assert len(errors) == 1 and errors[0]["doc"] == str(bad)
    assert len(records) == 8
