"""Removing articles: the article's graph, every shared node only it used, and the analyses redone.

Why: an analyst who ingested the wrong file, or an edited version of one, must be able to take it
back out without leaving sources that nothing cites (which `stats` would count and `view` draw)
or corroboration it used to give (a claim it repeated must read single-source again).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from provgraph.analysis.corpus import derive, mark_stale
from provgraph.errors import InputError
from provgraph.rdf import ENTITIES
from provgraph.vocab import ID

ARTICLES = """
PREFIX schema: <http://schema.org/>
PREFIX pg: <https://w3id.org/provgraph/ns#>
SELECT ?article ?graph ?hash ?title ?file WHERE {
  GRAPH ?graph { ?article a schema:NewsArticle ; pg:contentHash ?hash }
  OPTIONAL { ?article schema:headline ?title }
  OPTIONAL { ?article pg:sourceFile ?file }
}"""

# Entities (named sources, outlets, authors) described in the shared graph that no article's
# graph mentions any more.
ORPHANS = f"""
DELETE {{ GRAPH <{ENTITIES}> {{ ?entity ?p ?o }} }}
WHERE {{
  GRAPH <{ENTITIES}> {{ ?entity ?p ?o }}
  FILTER NOT EXISTS {{
    GRAPH ?g {{ ?x ?q ?entity }}
    FILTER(?g != <{ENTITIES}> && STRSTARTS(STR(?g), "{ID}graph/") && ?g != <{ID}graph/derived>)
  }}
}}"""


@dataclass
class StoredArticle:
    iri: str
    graph: str  # the named graph that holds it (its own, or an import graph)
    hash: str
    title: str | None
    file: str | None

    def describe(self) -> str:
        return f"{self.title or '(untitled)'} [{self.file or self.hash[:20]}]"


def stored_articles(store) -> list[StoredArticle]:
    return [StoredArticle(r["article"], r["graph"], r["hash"], r.get("title"), r.get("file"))
            for r in store.select(ARTICLES)]


def match(articles: list[StoredArticle], spec: str) -> tuple[list[StoredArticle], bool]:
    """The stored articles `spec` names, and whether it named them exactly: an article or graph
    IRI, a content hash (or its first 8 or more characters) or the name of the file it was read
    from; else the whole words of its title (all of them, any case)."""
    spec = spec.strip()
    exact = [a for a in articles if spec in (a.iri, a.graph) or a.file == Path(spec).name
             or (re.fullmatch(r"[0-9a-f]{8,64}", spec) and a.hash.startswith(spec))]
    if exact:
        return exact, True
    words = re.findall(r"\w+", spec.lower())
    return [a for a in articles if words and a.title
            and set(words) <= set(re.findall(r"\w+", a.title.lower()))], False


def resolve(store, specs: list[str]) -> list[StoredArticle]:
    """The articles the specs name, each once; InputError for a spec that names none, or several
    by title words (listing them, so the user can pick)."""
    articles = stored_articles(store)
    chosen: dict[str, StoredArticle] = {}
    for spec in specs:
        found, exact = match(articles, spec)
        if not found:
            raise InputError(f"no stored article matches {spec!r} (give its file name, title words, IRI or hash)")
        if not exact and len(found) > 1:
            listed = "; ".join(a.describe() for a in found[:5])
            raise InputError(f"{spec!r} matches {len(found)} articles: {listed}; give a file name or hash")
        for a in found:
            chosen.setdefault(a.iri, a)
    return list(chosen.values())


def remove_articles(store, articles: list[StoredArticle]) -> int:
    """Drop the articles' graphs and the entities only they used, in one update, then redo the
    cross-article analyses. Returns how many claims went with them."""
    if not articles:
        return 0
    own = [a for a in articles if a.graph == f"{ID}graph/{a.hash[:20]}"]
    if len(own) < len(articles):  # an import graph holds what several articles said, unmarked
        raise InputError(f"{articles[len(own)].describe()} came in with `provgraph import` into a shared graph; "
                         "export, edit and import again without it")
    graphs = [str(ox.NamedNode(a.graph)) for a in own]  # a checked IRI, never text pasted into SPARQL
    claims = store.select(f"""SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE {{
        VALUES ?g {{ {" ".join(graphs)} }} GRAPH ?g {{ ?c a <http://schema.org/Claim> }} }}""")[0]["n"]
    mark_stale(store)  # cut short after this, the next command sees the analyses are behind
    store.update(" ; ".join([f"DROP SILENT GRAPH {g}" for g in graphs] + [ORPHANS]))
    derive(store)
    return claims
