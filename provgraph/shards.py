"""Extraction as a stateless step that writes N-Quads shards, and bulk loading of those shards.

This is how provgraph runs on an existing distributed engine: any engine that can map a function
over files (Dask, Spark, a batch scheduler) runs `write_shard` on its share of the files; then
`provgraph load` puts the shards into the embedded store or a SPARQL server, and the
cross-article analyses run once at the end. `extract_with_dask` is the tested Dask path.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from provgraph.analysis.corpus import derive
from provgraph.errors import InputError
from provgraph.extract import DEFAULT_ENGINE
from provgraph.ingest import prepare


def write_shard(files: list[str], out: str | Path, engine: str = DEFAULT_ENGINE) -> dict:
    """Extract `files` and write their quads (article graphs + entities) to one N-Quads file.
    Returns counts and the files that could not be read, so a driver can report them."""
    parts, failed, articles = [], [], 0
    for f in files:
        p = prepare(str(f), engine)
        if p.error:
            failed.append((str(f), p.error))
        else:
            parts.append(p.nquads)
            articles += 1
    data = b"".join(parts)
    out = Path(out)
    tmp = out.with_suffix(out.suffix + ".part")
    tmp.write_bytes(data)
    tmp.replace(out)  # a shard is whole or absent: a crashed task leaves no half shard
    return {"shard": str(out), "articles": articles, "quads": data.count(b"\n"), "failed": failed}


def load_shards(shards: list[Path], store, progress: Callable[[Path, int], None] | None = None) -> dict:
    """Load shards, each in one transaction, then recompute the cross-article analyses.
    `progress` hears of each shard loaded, with its statement count."""
    total = 0
    for s in shards:
        data = s.read_bytes()
        try:
            store.load(data, "nquads")
        except Exception as e:  # a parse error names the shard; nothing of it was written
            raise InputError(f"{s}: not a valid N-Quads shard ({e})") from None
        quads = data.count(b"\n")
        total += quads
        if progress:
            progress(s, quads)
    derive(store)
    return {"shards": len(shards), "quads": total}


def extract_with_dask(files: list[str], out_dir: str | Path, partitions: int | None = None,
                      client=None) -> list[dict]:
    """Extract `files` into one shard per Dask partition (dask.bag), on `client`'s cluster or the
    default scheduler. Needs the `dask` extra: pip install "provgraph[dask]"."""
    import dask.bag as db

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    bag = db.from_sequence([str(f) for f in files], npartitions=partitions or max(1, len(files) // 200))

    def run(part):
        part = list(part)  # a shard is named by its files, so reruns of a task overwrite only itself
        name = hashlib.sha1("\n".join(part).encode()).hexdigest()[:16]
        return [write_shard(part, out_dir / f"shard-{name}.nq")]

    results = bag.map_partitions(run)
    return results.compute() if client is None else client.compute(results).result()
