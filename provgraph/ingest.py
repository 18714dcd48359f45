"""Files -> extraction -> one named graph per article in the store.

Extraction is stateless and runs in a process pool (`workers`); the one writer is this process,
which stores each article in its own transaction. A bad file is reported and skipped, an
interrupted run keeps every article already written, and `resume` skips articles whose text is
already stored (by content hash) before extracting them.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from provgraph.analysis.corpus import derive
from provgraph.errors import InputError
from provgraph.extract.pipeline import extract
from provgraph.rdf import article_iri, article_quads, graph_iri
from provgraph.reader import MAX_BYTES, read_article
from provgraph.store import Store, to_ox_quads


@dataclass
class IngestSummary:
    added: int = 0
    unchanged: int = 0
    skipped: int = 0  # already stored, not re-read (resume)
    claims: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file, message)
    interrupted: bool = False

    @property
    def files(self) -> int:
        return self.added + self.unchanged + self.skipped + len(self.failed)


@dataclass
class Prepared:
    """One file after extraction, ready to store (or the reason it could not be read)."""

    path: str
    graph: str | None = None
    article: str | None = None
    nquads: bytes = b""  # the article's statements: bytes cross processes 10x faster than pickled quads
    claims: int = 0
    error: str | None = None
    known: bool = False
    warnings: list[str] = field(default_factory=list)


_KNOWN: frozenset[str] = frozenset()  # graph IRIs already stored, for resume (set in each worker)
_MAX_BYTES = MAX_BYTES


def _init_worker(known: frozenset[str], max_bytes: int = MAX_BYTES) -> None:
    global _KNOWN, _MAX_BYTES
    _KNOWN, _MAX_BYTES = known, max_bytes


def prepare(path: str) -> Prepared:
    """Read and extract one file: the stateless step that runs in worker processes."""
    try:
        article = read_article(Path(path), _MAX_BYTES)
        graph = str(graph_iri(article))
        if graph in _KNOWN:
            return Prepared(path, graph, known=True)
        extract(article)
        data = ox.serialize(to_ox_quads(article_quads(article)), format=ox.RdfFormat.N_QUADS)
        return Prepared(path, graph, str(article_iri(article)), data, len(article.claims), warnings=article.warnings)
    except InputError as e:
        return Prepared(path, error=str(e))


def _prepared(files: list[Path], workers: int, known: frozenset[str], max_bytes: int) -> Iterable[Prepared]:
    """Prepared files in order, with at most a few batches in flight so memory stays bounded."""
    if workers <= 1:
        _init_worker(known, max_bytes)
        yield from (prepare(str(f)) for f in files)
        return
    window = workers * 8
    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(known, max_bytes)) as pool:
        pending: deque = deque()
        it = iter(files)
        try:
            for f in it:
                pending.append(pool.submit(prepare, str(f)))
                if len(pending) >= window:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for fut in pending:
                fut.cancel()


def ingest_files(files: list[Path], store: Store, strict: bool = False, workers: int = 1, resume: bool = False,
                 progress: Callable[[Prepared], None] | None = None, max_bytes: int = MAX_BYTES) -> IngestSummary:
    """Ingest files, each article in its own transaction, then bring the cross-article analyses up
    to date: incrementally for the added articles if they were up to date before, else in full.
    With `strict`, the first unreadable file stops the run (InputError)."""
    summary = IngestSummary()
    known = frozenset(store.named_graphs()) if resume else frozenset()
    incremental = not store.derived_stale()  # else the analyses are behind: recompute them all
    before = set(store.named_graphs()) if incremental else set()
    added: set[str] = set()
    try:
        for p in _prepared(files, workers, known, max_bytes):
            if p.error is not None:
                if strict:
                    raise InputError(p.error)
                summary.failed.append((p.path, p.error))
            elif p.known:
                summary.skipped += 1
            elif store.replace_graph(p.graph, list(ox.parse(p.nquads, format=ox.RdfFormat.N_QUADS))):
                summary.added += 1
                added.add(p.article)
                incremental = incremental and p.graph not in before  # a changed graph may have lost claims
                summary.claims += p.claims
            else:
                summary.unchanged += 1
                summary.claims += p.claims
            if progress is not None:
                progress(p)
    except KeyboardInterrupt:
        summary.interrupted = True
        return summary
    if summary.added or not incremental:
        derive(store, added if incremental else None)
    return summary


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))
