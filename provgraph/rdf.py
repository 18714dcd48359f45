"""Model -> RDF quads. One named graph per article; IRIs are deterministic, so re-ingest is a no-op.

What describes an entity shared across articles (a named source, an outlet, an author: its type,
label, role) goes once into the entities graph; everything an article says stays in its graph.

Named sources (people, organisations, outlets) get IRIs from their normalised names and are shared
across articles. Anonymous sources and documents get IRIs scoped to their article: merging them by
descriptor alone would fabricate corroboration.

A claim's chain of attributions is a list of hop nodes (prov:Attribution), each with its agent, linked
by pg:relays from the source the article cites to the root source:
    claim prov:qualifiedAttribution hop0 . hop0 prov:agent RIA ; pg:relays hop1 . hop1 prov:agent anon .

The quads are pyoxigraph terms, built directly: the vocabulary's NamedNodes are made once (`Terms`),
and a Python str, int or bool becomes the same literal rdflib would make (xsd:string, xsd:integer,
xsd:boolean). The IRI functions (`graph_iri`, `source_iri`, ...) still return rdflib URIRefs, which
are strings, for the callers that compare or format them.
"""

from __future__ import annotations

import hashlib

import pyoxigraph as ox
from rdflib import URIRef

from provgraph import vocab
from provgraph.extract import lexicon
from provgraph.extract.outlets import canonical_outlet
from provgraph.extract.sources import _strip_det, normalise
from provgraph.model import Article, Attribution, Claim, Source
from provgraph.summary import RDF_JSON, claim_summary, dumps
from provgraph.vocab import ID


class Terms:
    """A vocabulary's terms as pyoxigraph NamedNodes, each made on first use and then kept. The
    rdflib namespace behind it still refuses a misspelt term (PG's `_fail = True`)."""

    def __init__(self, namespace):
        self._namespace = namespace

    def __getattr__(self, name: str) -> ox.NamedNode:
        if name.startswith("_"):
            raise AttributeError(name)
        node = ox.NamedNode(str(getattr(self._namespace, name)))
        setattr(self, name, node)  # the next lookup finds it in the instance, without __getattr__
        return node


PG, PROV, RDF, RDFS, SCHEMA = (Terms(n) for n in (vocab.PG, vocab.PROV, vocab.RDF, vocab.RDFS, vocab.SCHEMA))
JSON = ox.NamedNode(RDF_JSON)


def content_hash(text: str) -> str:
    """Hash of the article text with whitespace normalised: the article's identity."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def article_iri(article: Article) -> URIRef:
    return URIRef(f"{ID}article/{content_hash(article.text)[:20]}")


ENTITIES = URIRef(f"{ID}graph/entities")  # named sources, outlets and authors, described once
_ENTITIES = ox.NamedNode(ENTITIES)


def graph_iri(article: Article) -> URIRef:
    return URIRef(f"{ID}graph/{content_hash(article.text)[:20]}")


def source_iri(source: Source, article_key: str) -> URIRef:
    """Named sources are shared across articles; unnamed ones, documents and sources known only by
    role ("Trump's campaign manager": a descriptor, not a name, and the holder changes) are not."""
    if source.anonymous or source.kind == "document" or source.descriptor:
        return URIRef(f"{ID}{source.kind}/{article_key}/{normalise(source.descriptor or source.label)}")
    return URIRef(f"{ID}{source.kind}/{normalise(source.label)}")


def outlet_iri(name: str) -> URIRef:
    """The publisher's node, the one a source that names the outlet gets: a known outlet by its
    canonical name ("The Washington Post"), another without its article ("The Gazette" is the
    "Gazette" an article's text credits)."""
    known = lexicon.table("outlets.txt").get(name.lower()) is not None
    return URIRef(f"{ID}outlet/{normalise(canonical_outlet(name) if known else _strip_det(name))}")


SOURCE_TYPES = {
    "person": (PROV.Person, SCHEMA.Person),
    "organization": (PROV.Organization, SCHEMA.Organization),
    "outlet": (PROV.Organization, SCHEMA.NewsMediaOrganization),
    "anonymous": (PROV.Agent, PG.AnonymousSource),
    "document": (PROV.Agent, PG.DocumentSource),
}


def article_quads(article: Article) -> list[ox.Quad]:
    """All statements extracted from one article, in that article's named graph (and what describes
    shared entities in the entities graph)."""
    return [ox.Quad(*t) for t in _statements(article)]


def article_nquads(article: Article) -> bytes:
    """The same statements as N-Quads, which is what workers send to the writer. Formatting the terms
    here is 2-3x faster than making a Quad of each (2 µs apiece) and serialising those; a term
    prints as N-Triples (escaped), exactly as pyoxigraph's serialiser writes it."""
    text: dict = {}  # subjects, predicates and graphs recur: format each once

    def nt(term) -> str:
        found = text.get(term)
        if found is None:
            found = text[term] = str(term)
        return found

    return "".join(f"{nt(s)} {nt(p)} {o} {nt(g)} .\n" for s, p, o, g in _statements(article)).encode("utf-8")


def _statements(article: Article) -> list[tuple]:
    """(subject, predicate, object, graph) tuples of pyoxigraph terms."""
    digest = content_hash(article.text)
    key = digest[:20]
    g = ox.NamedNode(f"{ID}graph/{key}")
    a = ox.NamedNode(f"{ID}article/{key}")
    out: list[tuple] = []

    def add(s, p, o):
        # what describes a shared entity (a named source, an outlet, an author) goes once into the
        # entities graph: restated in every article's graph it would multiply union-graph joins
        out.append((s, p, o, _ENTITIES if s in shared else g))

    shared = set()

    add(a, RDF.type, SCHEMA.NewsArticle)
    add(a, RDF.type, PROV.Entity)
    add(a, PG.contentHash, ox.Literal(digest))
    add(a, SCHEMA.text, ox.Literal(article.text))
    for prop, value in ((SCHEMA.headline, article.title), (SCHEMA.url, article.url),
                        (SCHEMA.inLanguage, article.language), (PG.sourceFile, article.path)):
        if value:
            add(a, prop, ox.Literal(value))
    if article.published:
        add(a, SCHEMA.datePublished, ox.Literal(article.published))
    if article.author:
        author = ox.NamedNode(f"{ID}person/{normalise(article.author)}")
        shared.add(author)
        add(a, SCHEMA.author, author)
        add(author, RDF.type, SCHEMA.Person)
        add(author, SCHEMA.name, ox.Literal(article.author))
    if article.outlet:
        o = ox.NamedNode(outlet_iri(article.outlet))
        shared.add(o)
        add(a, SCHEMA.publisher, o)
        add(a, PROV.wasAttributedTo, o)
        add(o, RDF.type, SCHEMA.NewsMediaOrganization)
        add(o, RDF.type, PROV.Organization)
        add(o, SCHEMA.name, ox.Literal(article.outlet))
        add(o, RDFS.label, ox.Literal(article.outlet))

    iris = {id(s): ox.NamedNode(source_iri(s, key)) for s in article.sources}
    shared.update(iris[id(s)] for s in article.sources if not (s.anonymous or s.kind == "document"))
    for s in article.sources:
        _source(s, iris, add)
    outlet = str(outlet_iri(article.outlet)) if article.outlet else None
    for claim in article.claims:
        c = _claim(claim, a, key, iris, add)
        chains = [[(iris[id(s)].value, s, iris[id(s.via)].value if s.via is not None and id(s.via) in iris else None,
                    "via" if i + 1 < len(chain) else (att.cue.text if att.cue is not None else None))
                   for i, s in enumerate(chain)]
                  for att in claim.attributions if (chain := [s for s in att.chain() if id(s) in iris])]
        summary = claim_summary(claim, chains, a.value, outlet, article.title, article.path)
        add(c, PG.summary, ox.Literal(dumps(summary), datatype=JSON))
    for k, r in enumerate(article.non_responses):
        n = ox.NamedNode(f"{ID}nonresponse/{key}/{r.sentence.start}-{k}")
        add(n, RDF.type, PG.NonResponse)
        add(n, SCHEMA.appearance, a)
        add(n, PG.party, ox.Literal(r.party))
        add(n, PG.responseKind, ox.Literal(r.kind))
        _evidence(n, r.sentence, add)
    return out


def _source(s: Source, iris: dict, add) -> None:
    """A source's statements, passed to `add(subject, predicate, object)` (also used by curate)."""
    iri = iris[id(s)]
    for t in SOURCE_TYPES[s.kind]:
        add(iri, RDF.type, t)
    add(iri, RDFS.label, ox.Literal(s.label))
    add(iri, PG.sourceKind, ox.Literal(s.kind))
    add(iri, PG.anonymous, ox.Literal(s.anonymous))
    if s.kind in ("person", "organization", "outlet"):
        add(iri, SCHEMA.name, ox.Literal(s.label))
    for prop, value in ((PG.descriptor, s.descriptor), (PG.affiliation, s.affiliation),
                        (PG.role, s.role), (PG.nationality, s.nationality)):
        if value:
            add(iri, prop, ox.Literal(value))
    if s.via is not None and id(s.via) in iris:
        add(iri, PG.via, iris[id(s.via)])


def _claim(claim: Claim, article: ox.NamedNode, key: str, iris: dict, add) -> ox.NamedNode:
    c = ox.NamedNode(f"{ID}claim/{key}/{claim.span.start}-{claim.span.end}")
    add(c, RDF.type, SCHEMA.Claim)
    add(c, RDF.type, PROV.Entity)
    add(c, SCHEMA.text, ox.Literal(claim.text))
    add(c, SCHEMA.appearance, article)
    add(c, PG.contentStart, ox.Literal(claim.span.start))
    add(c, PG.contentEnd, ox.Literal(claim.span.end))
    _evidence(c, claim.sentence, add)
    add(c, PG.checkable, ox.Literal(claim.checkable))
    if claim.check:
        add(c, PG.checkReason, ox.Literal(claim.check))
    for h in claim.hedges:
        add(c, PG.hedge, ox.Literal(h))
    for f in claim.figures:
        add(c, PG.figure, ox.Literal(f))
    for k, att in enumerate(claim.attributions):
        _attribution(c, att, f"{c.value}/a{k}", iris, add)
    return c


def _evidence(node, sentence, add) -> None:
    add(node, PG.evidence, ox.Literal(sentence.text))
    add(node, PG.evidenceStart, ox.Literal(sentence.start))
    add(node, PG.evidenceEnd, ox.Literal(sentence.end))


def _attribution(claim: ox.NamedNode, att: Attribution, base: str, iris: dict, add) -> None:
    chain = [s for s in att.chain() if id(s) in iris]
    if not chain:
        return
    hops = [ox.NamedNode(f"{base}/h{i}") for i in range(len(chain))]
    add(claim, PROV.qualifiedAttribution, hops[0])
    for i, (hop, source) in enumerate(zip(hops, chain)):
        agent = iris[id(source)]
        add(hop, RDF.type, PROV.Attribution)
        add(hop, PROV.agent, agent)
        add(hop, PG.hop, ox.Literal(i))
        add(claim, PROV.wasAttributedTo, agent)
        _evidence(hop, att.sentence, add)
        if i + 1 < len(hops):
            add(hop, PG.relays, hops[i + 1])
            add(hop, PG.cue, ox.Literal("via"))
    root_hop, root = hops[-1], iris[id(chain[-1])]
    add(claim, PG.rootSource, root)
    add(claim, SCHEMA.author, root)  # schema.org Claim's author: who made it, for fact-checking tools
    add(claim, PG.chainDepth, ox.Literal(len(chain)))
    if att.cue is not None:
        add(root_hop, PG.cue, ox.Literal(att.cue.text))
    if att.cue_lemma:
        add(root_hop, PG.cueLemma, ox.Literal(att.cue_lemma))
    add(root_hop, PG.quoteType, ox.Literal(att.quote))
    add(root_hop, PG.attributionType, ox.Literal(att.type))
    if att.carried:
        add(root_hop, PG.carried, ox.Literal(True))
    if att.source_span is not None:
        add(root_hop, PG.sourceMention, ox.Literal(att.source_span.text))
    if att.quote in ("direct", "mixed"):
        add(claim, PROV.wasQuotedFrom, root)
