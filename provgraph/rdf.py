"""Model -> RDF quads. One named graph per article; IRIs are deterministic, so re-ingest is a no-op.

What describes an entity shared across articles (a named source, an outlet, an author: its type,
label, role) goes once into the entities graph; everything an article says stays in its graph.

Named sources (people, organisations, outlets) get IRIs from their normalised names and are shared
across articles. Anonymous sources and documents get IRIs scoped to their article: merging them by
descriptor alone would fabricate corroboration.

A claim's chain of attributions is a list of hop nodes (prov:Attribution), each with its agent, linked
by pg:relays from the source the article cites to the root source:
    claim prov:qualifiedAttribution hop0 . hop0 prov:agent RIA ; pg:relays hop1 . hop1 prov:agent anon .
"""

from __future__ import annotations

import hashlib

from rdflib import Literal, URIRef

from provgraph.extract.sources import canonical_outlet, normalise
from provgraph.model import Article, Attribution, Claim, Source
from provgraph.summary import RDF_JSON, claim_summary, dumps
from provgraph.vocab import ID, PG, PROV, RDF, RDFS, SCHEMA

Quad = tuple  # (subject, predicate, object, graph) as rdflib terms


def content_hash(text: str) -> str:
    """Hash of the article text with whitespace normalised: the article's identity."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def article_iri(article: Article) -> URIRef:
    return URIRef(f"{ID}article/{content_hash(article.text)[:20]}")


ENTITIES = URIRef(f"{ID}graph/entities")  # named sources, outlets and authors, described once


def graph_iri(article: Article) -> URIRef:
    return URIRef(f"{ID}graph/{content_hash(article.text)[:20]}")


def source_iri(source: Source, article_key: str) -> URIRef:
    if source.anonymous or source.kind == "document":
        return URIRef(f"{ID}{source.kind}/{article_key}/{normalise(source.descriptor or source.label)}")
    return URIRef(f"{ID}{source.kind}/{normalise(source.label)}")


def outlet_iri(name: str) -> URIRef:
    return URIRef(f"{ID}outlet/{normalise(canonical_outlet(name))}")


SOURCE_TYPES = {
    "person": (PROV.Person, SCHEMA.Person),
    "organization": (PROV.Organization, SCHEMA.Organization),
    "outlet": (PROV.Organization, SCHEMA.NewsMediaOrganization),
    "anonymous": (PROV.Agent, PG.AnonymousSource),
    "document": (PROV.Agent, PG.DocumentSource),
}


def article_quads(article: Article) -> list[Quad]:
    """All statements extracted from one article, in that article's named graph."""
    g = graph_iri(article)
    a = article_iri(article)
    key = content_hash(article.text)[:20]
    out: list[Quad] = []

    def add(s, p, o):
        # what describes a shared entity (a named source, an outlet, an author) goes once into the
        # entities graph: restated in every article's graph it would multiply union-graph joins
        out.append((s, p, o, ENTITIES if s in shared else g))

    shared = set()

    add(a, RDF.type, SCHEMA.NewsArticle)
    add(a, RDF.type, PROV.Entity)
    add(a, PG.contentHash, Literal(content_hash(article.text)))
    add(a, SCHEMA.text, Literal(article.text))
    for prop, value in ((SCHEMA.headline, article.title), (SCHEMA.url, article.url),
                        (SCHEMA.inLanguage, article.language), (PG.sourceFile, article.path)):
        if value:
            add(a, prop, Literal(value))
    if article.published:
        add(a, SCHEMA.datePublished, Literal(article.published))
    if article.author:
        author = URIRef(f"{ID}person/{normalise(article.author)}")
        shared.add(author)
        add(a, SCHEMA.author, author)
        add(author, RDF.type, SCHEMA.Person)
        add(author, SCHEMA.name, Literal(article.author))
    if article.outlet:
        o = outlet_iri(article.outlet)
        shared.add(o)
        add(a, SCHEMA.publisher, o)
        add(a, PROV.wasAttributedTo, o)
        add(o, RDF.type, SCHEMA.NewsMediaOrganization)
        add(o, RDF.type, PROV.Organization)
        add(o, SCHEMA.name, Literal(article.outlet))
        add(o, RDFS.label, Literal(article.outlet))

    iris = {id(s): source_iri(s, key) for s in article.sources}
    shared.update(iris[id(s)] for s in article.sources if not (s.anonymous or s.kind == "document"))
    for s in article.sources:
        _source(s, iris, add)
    outlet = str(outlet_iri(article.outlet)) if article.outlet else None
    for claim in article.claims:
        c = _claim(claim, a, key, iris, add)
        chains = [[(str(iris[id(s)]), s, str(iris[id(s.via)]) if s.via is not None and id(s.via) in iris else None,
                    "via" if i + 1 < len(chain) else (att.cue.text if att.cue is not None else None))
                   for i, s in enumerate(chain)]
                  for att in claim.attributions if (chain := [s for s in att.chain() if id(s) in iris])]
        summary = claim_summary(claim, chains, str(a), outlet, article.title, article.path)
        add(c, PG.summary, Literal(dumps(summary), datatype=URIRef(RDF_JSON)))
    return out


def _source(s: Source, iris: dict, add) -> None:
    iri = iris[id(s)]
    for t in SOURCE_TYPES[s.kind]:
        add(iri, RDF.type, t)
    add(iri, RDFS.label, Literal(s.label))
    add(iri, PG.sourceKind, Literal(s.kind))
    add(iri, PG.anonymous, Literal(s.anonymous))
    if s.kind in ("person", "organization", "outlet"):
        add(iri, SCHEMA.name, Literal(s.label))
    for prop, value in ((PG.descriptor, s.descriptor), (PG.affiliation, s.affiliation),
                        (PG.role, s.role), (PG.nationality, s.nationality)):
        if value:
            add(iri, prop, Literal(value))
    if s.via is not None and id(s.via) in iris:
        add(iri, PG.via, iris[id(s.via)])


def _claim(claim: Claim, article: URIRef, key: str, iris: dict, add) -> URIRef:
    c = URIRef(f"{ID}claim/{key}/{claim.span.start}-{claim.span.end}")
    add(c, RDF.type, SCHEMA.Claim)
    add(c, RDF.type, PROV.Entity)
    add(c, SCHEMA.text, Literal(claim.text))
    add(c, SCHEMA.appearance, article)
    add(c, PG.contentStart, Literal(claim.span.start))
    add(c, PG.contentEnd, Literal(claim.span.end))
    _evidence(c, claim.sentence, add)
    for h in claim.hedges:
        add(c, PG.hedge, Literal(h))
    for f in claim.figures:
        add(c, PG.figure, Literal(f))
    for k, att in enumerate(claim.attributions):
        _attribution(c, att, f"{c}/a{k}", iris, add)
    return c


def _evidence(node, sentence, add) -> None:
    add(node, PG.evidence, Literal(sentence.text))
    add(node, PG.evidenceStart, Literal(sentence.start))
    add(node, PG.evidenceEnd, Literal(sentence.end))


def _attribution(claim: URIRef, att: Attribution, base: str, iris: dict, add) -> None:
    chain = [s for s in att.chain() if id(s) in iris]
    if not chain:
        return
    hops = [URIRef(f"{base}/h{i}") for i in range(len(chain))]
    add(claim, PROV.qualifiedAttribution, hops[0])
    for i, (hop, source) in enumerate(zip(hops, chain)):
        agent = iris[id(source)]
        add(hop, RDF.type, PROV.Attribution)
        add(hop, PROV.agent, agent)
        add(hop, PG.hop, Literal(i))
        add(claim, PROV.wasAttributedTo, agent)
        _evidence(hop, att.sentence, add)
        if i + 1 < len(hops):
            add(hop, PG.relays, hops[i + 1])
            add(hop, PG.cue, Literal("via"))
    root_hop, root = hops[-1], iris[id(chain[-1])]
    add(claim, PG.rootSource, root)
    add(claim, SCHEMA.author, root)  # schema.org Claim's author: who made it, for fact-checking tools
    add(claim, PG.chainDepth, Literal(len(chain)))
    if att.cue is not None:
        add(root_hop, PG.cue, Literal(att.cue.text))
    if att.cue_lemma:
        add(root_hop, PG.cueLemma, Literal(att.cue_lemma))
    add(root_hop, PG.quoteType, Literal(att.quote))
    if att.carried:
        add(root_hop, PG.carried, Literal(True))
    if att.source_span is not None:
        add(root_hop, PG.sourceMention, Literal(att.source_span.text))
    if att.quote in ("direct", "mixed"):
        add(claim, PROV.wasQuotedFrom, root)
