"""Extraction as shards on Dask (a real LocalCluster), bulk-loaded: the same graph as a plain ingest."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from provgraph.cli import cli
from provgraph.reader import find_articles

CORPUS = Path(__file__).parent / "corpus"


def report(store) -> dict:
    r = CliRunner().invoke(cli, ["report", "--format", "json", "--store", str(store)])
    assert r.exit_code == 0, r.output
    return json.loads(r.output)


def stats(store) -> dict:
    return json.loads(CliRunner().invoke(cli, ["stats", "--format", "json", "--store", str(store)]).output)


def key(rep):
    return sorted((c["claim"], tuple(c["reasons"]), tuple(c["chain"])) for c in rep["claims"])


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    store = tmp_path_factory.mktemp("plain") / "store"
    assert CliRunner().invoke(cli, ["ingest", str(CORPUS), "--store", str(store)]).exit_code == 0
    return store


def test_cli_shards_then_load_equals_ingest(ingested, tmp_path):
    shards = tmp_path / "shards"
    r = CliRunner().invoke(cli, ["extract", str(CORPUS), "--format", "nquads", "-o", str(shards), "--shard-size", "4"])
    assert r.exit_code == 0, r.output
    assert len(list(shards.glob("*.nq"))) == 4  # 13 articles, 4 per shard
    store = tmp_path / "store"
    assert CliRunner().invoke(cli, ["load", str(shards), "--store", str(store)]).exit_code == 0
    assert stats(store)["triples"] == stats(ingested)["triples"]
    assert key(report(store)) == key(report(ingested))


def test_dask_local_cluster_shards_equal_ingest(ingested, tmp_path):
    distributed = pytest.importorskip("distributed")
    from provgraph.shards import extract_with_dask

    files = [str(f) for f in find_articles([CORPUS])]
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None, host="127.0.0.1") as cluster, \
            distributed.Client(cluster) as client:
        results = extract_with_dask(files, tmp_path / "shards", partitions=3, client=client)
    assert sum(r["articles"] for r in results) == len(files)
    assert not any(r["failed"] for r in results)
    store = tmp_path / "store"
    assert CliRunner().invoke(cli, ["load", str(tmp_path / "shards"), "--store", str(store)]).exit_code == 0
    assert key(report(store)) == key(report(ingested))


def test_a_broken_shard_is_refused_whole(tmp_path):
    (tmp_path / "bad.nq").write_text("<http://a> <http://b> \"unterminated .\n", encoding="utf-8")
    r = CliRunner().invoke(cli, ["load", str(tmp_path / "bad.nq"), "--store", str(tmp_path / "store")])
    assert r.exit_code == 1
    assert "bad.nq" in r.output and "Traceback" not in r.output
