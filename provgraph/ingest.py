"""Files -> extraction -> one named graph per article in the store."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from provgraph.analysis.corpus import derive
from provgraph.errors import InputError
from provgraph.extract.pipeline import extract
from provgraph.rdf import article_quads, graph_iri
from provgraph.reader import read_article
from provgraph.store import Store


@dataclass
class IngestSummary:
    added: int = 0
    unchanged: int = 0
    claims: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file, message)

    @property
    def files(self) -> int:
        return self.added + self.unchanged + len(self.failed)


def ingest_files(files: list[Path], store: Store, strict: bool = False,
                 progress: Callable[[Path], None] | None = None) -> IngestSummary:
    """Ingest each file in its own transaction: a bad file is reported and skipped (or, with
    `strict`, stops the run); every article already stored stays whole."""
    summary = IngestSummary()
    for path in files:
        try:
            article = extract(read_article(path))
            changed = store.replace_graph(graph_iri(article), article_quads(article))
        except InputError as e:
            if strict:
                raise
            summary.failed.append((str(path), str(e)))
        else:
            summary.claims += len(article.claims)
            if changed:
                summary.added += 1
            else:
                summary.unchanged += 1
        if progress is not None:
            progress(path)
    if summary.added:
        derive(store)
    return summary
