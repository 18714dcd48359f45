"""The project namespace (terms PROV-O and schema.org lack) and the schema.org namespace as http://.

A misspelt term raises AttributeError instead of minting a new IRI (`_fail = True`).
"""

from rdflib import Namespace
from rdflib.namespace import PROV, RDF, RDFS, XSD, DefinedNamespace, URIRef

SCHEMA = Namespace("http://schema.org/")  # http, as most schema.org data is; rdflib's SDO is https
ID = "https://w3id.org/provgraph/id/"  # instance IRIs


class PG(DefinedNamespace):
    """provgraph ontology terms, defined in ontology/provgraph.ttl."""

    _fail = True
    _NS = Namespace("https://w3id.org/provgraph/ns#")

    # classes
    AnonymousSource: URIRef
    DocumentSource: URIRef
    Evidence: URIRef
    # attribution details
    cue: URIRef
    cueLemma: URIRef
    quoteType: URIRef
    attributionType: URIRef
    hedge: URIRef
    relays: URIRef
    hop: URIRef
    carried: URIRef
    sourceMention: URIRef
    # evidence
    evidence: URIRef
    evidenceStart: URIRef
    evidenceEnd: URIRef
    contentStart: URIRef
    contentEnd: URIRef
    # sources
    sourceKind: URIRef
    anonymous: URIRef
    descriptor: URIRef
    affiliation: URIRef
    role: URIRef
    nationality: URIRef
    via: URIRef
    # claims and articles
    figure: URIRef
    rootSource: URIRef
    chainDepth: URIRef
    contentHash: URIRef
    sourceFile: URIRef
    summary: URIRef
    checkable: URIRef
    checkReason: URIRef
    # non-responses ("declined to comment"): facts about a party, not claims
    NonResponse: URIRef
    party: URIRef
    responseKind: URIRef
    # derived across articles (graph <.../graph/derived>)
    ClaimCluster: URIRef
    ClaimMatch: URIRef
    CandidateMatch: URIRef
    MatchLink: URIRef
    FigureConflict: URIRef
    canonicalSource: URIRef
    canonicalRoot: URIRef
    independentRoots: URIRef
    reportCount: URIRef
    inCluster: URIRef
    matchOf: URIRef
    matchScore: URIRef
    matchReason: URIRef
    sameClaimAs: URIRef
    conflictsWith: URIRef
    conflictOf: URIRef
    conflictReason: URIRef
    relatedFigure: URIRef
    flag: URIRef
    reportFacts: URIRef
    articleCount: URIRef
    # analyst corrections (graph <.../graph/curation>, written by `provgraph curate`)
    Correction: URIRef
    Analyst: URIRef
    action: URIRef
    retractedBy: URIRef
    addedBy: URIRef
    sameSourceAs: URIRef
    correctedText: URIRef
    verdict: URIRef


__all__ = ["PG", "SCHEMA", "PROV", "RDF", "RDFS", "XSD", "ID"]

# The prefixes every query may use undeclared and every Turtle/TriG/RDF-XML export declares.
PREFIXES = {
    "pg": "https://w3id.org/provgraph/ns#",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "http://schema.org/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "dcterms": "http://purl.org/dc/terms/",
}
