"""Analysts' corrections: a small YAML file -> statements in the curation graph, which win over the
extractor and survive re-ingest (ingest never touches that graph).

    analyst: Jane Doe                       # who makes these corrections (required)
    date: 2024-11-05T10:00:00Z              # optional; default: when first applied
    corrections:
      - action: add-attribution             # a source the extractor missed
        claim: 00e3b7e3a5ce0d22b1c7/1440-1540   # claim IRI or its ending (as `provgraph claim`)
        source: Christoph Vanner            # an existing source (name or IRI), or a new one with kind:
        kind: person                        # person, organization, outlet, anonymous, document
        via: Die Welt                       # optional intermediary (existing source, else a new outlet)
        cue: reported                       # optional; quote: direct | indirect (default) | mixed
        evidence: "..."                     # optional sentence of the article; default the claim's own
      - action: remove-attribution          # a wrong attribution: every chain of the claim through
        claim: 503231902f95f911e4af/779-866 #   this source (source: may be left out if there is one)
        source: Vladimir Boyko
      - action: relabel                     # the claim's wording, shown and matched instead
        claim: 503231902f95f911e4af/779-866
        text: The desertion figures reported by Vladimir Boyko paint a stark picture.
      - action: same-source                 # two nodes are one real source (the second is kept)
        source: Gerasimov
        same_as: Valery Gerasimov
      - action: different-source            # never merge these two automatically
        source: Okafor
        different_from: Tom Okafor
      - action: verify                      # or: dispute
        claim: 00e3b7e3a5ce0d22b1c7/1440-1540
    # every correction may also have note:, link: (http/https), analyst: and date:

Each correction becomes a pg:Correction node (an rdf:Statement of the triple it asserts or retracts)
attributed to a pg:Analyst with prov:generatedAtTime, a note (rdfs:comment) and a link
(rdfs:seeAlso). The curation graph also holds the effect, which the shipped queries read: the added
attribution chain, pg:retractedBy on a removed chain's first hop, and pg:correctedText, pg:verdict,
pg:sameSourceAs and owl:differentFrom (for the first three, the latest correction wins). Applying
a file again changes nothing (correction IRIs come from their content); `replace=True` makes the
graph hold exactly the given files' corrections. The cross-article analyses are then rerun.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import OWL

from provgraph.analysis.provenance import find_claim
from provgraph.errors import InputError, ProvgraphError
from provgraph.extract.sources import normalise
from provgraph.model import SOURCE_KINDS, Source
from provgraph.rdf import _source, source_iri
from provgraph.store import to_ox_quads
from provgraph.vocab import ID, PG, PROV, RDF, RDFS, SCHEMA, XSD
from provgraph.yamlfile import read_yaml, text_problem

CURATION = URIRef(f"{ID}graph/curation")
ACTIONS = {  # action -> (required fields, optional fields)
    "add-attribution": ({"claim", "source"}, {"kind", "via", "cue", "quote", "evidence"}),
    "remove-attribution": ({"claim"}, {"source"}),
    "relabel": ({"claim", "text"}, set()),
    "same-source": ({"source", "same_as"}, set()),
    "different-source": ({"source", "different_from"}, set()),
    "verify": ({"claim"}, set()),
    "dispute": ({"claim"}, set()),
}
COMMON = {"action", "note", "link", "analyst", "date"}
QUOTE_TYPES = ("direct", "indirect", "mixed")
NAME_LIMIT = 200  # characters in an analyst's name, a claim ID, a source's name, a cue...
TEXT_LIMIT = 2000  # in a note, a claim's new wording, an evidence sentence, a link
EFFECTS = (PG.correctedText, PG.verdict, PG.sameSourceAs, OWL.differentFrom)  # recomputed on every run

FIND_CLAIM = """
PREFIX schema: <http://schema.org/>
PREFIX pg: <https://w3id.org/provgraph/ns#>
SELECT ?claim ?article ?article_text ?evidence ?start ?end WHERE {
  ?claim a schema:Claim ; schema:appearance ?article ; pg:evidence ?evidence ;
         pg:evidenceStart ?start ; pg:evidenceEnd ?end .
  ?article schema:text ?article_text .
  FILTER (STR(?claim) = ?suffix || STRENDS(STR(?claim), CONCAT("/", ?suffix)))
} LIMIT 2"""
CHAINS = """
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX pg: <https://w3id.org/provgraph/ns#>
SELECT ?chain ?hop ?agent WHERE {
  GRAPH ?g { ?claim prov:qualifiedAttribution ?chain } FILTER (?g != ?skip)
  ?chain pg:relays* ?node . ?node pg:hop ?hop ; prov:agent ?agent .
} ORDER BY ?chain ?hop"""
SOURCES = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX pg: <https://w3id.org/provgraph/ns#>
SELECT ?source (SAMPLE(?l) AS ?label) (SAMPLE(?k) AS ?kind) WHERE {
  GRAPH ?g { ?source pg:sourceKind ?k ; rdfs:label ?l ; a ?type . } FILTER (?g != ?skip)
} GROUP BY ?source"""
CORRECTIONS = """
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX pg: <https://w3id.org/provgraph/ns#>
SELECT ?correction ?action ?subject ?object ?time WHERE {
  GRAPH ?g { ?correction a pg:Correction ; pg:action ?action ; rdf:subject ?subject ; rdf:object ?object ;
                         prov:generatedAtTime ?time . }
}"""


@dataclass
class Entry:
    """One correction as the file states it, with where it stands (for error messages)."""

    action: str
    fields: dict
    analyst: str
    time: datetime | None
    note: str | None
    link: str | None
    where: str


@dataclass
class Correction:
    """A resolved correction: its IRI, the triple it describes, and the quads that say it."""

    iri: str
    action: str
    subject: str
    obj: object  # an IRI (str) or a literal value
    time: datetime | None
    where: str
    quads: list = field(default_factory=list)


@dataclass
class CurationSummary:
    added: int = 0
    unchanged: int = 0
    stored: int = 0  # corrections in the curation graph after the run
    removed: int = 0  # dropped by replace


# ---- reading the file ------------------------------------------------------------------------------

def read_corrections(path: str | Path) -> list[Entry]:
    """Parse and check a corrections file; errors name the file, the correction and its line."""
    path = Path(path)
    doc, root = read_yaml(path, "corrections file")
    if not isinstance(doc, dict) or not isinstance(doc.get("corrections"), list):
        raise InputError(f"{path}: expected a mapping with `analyst:` and a list `corrections:` (see `provgraph curate --help`)")
    lines = _item_lines(root)
    default_analyst = doc.get("analyst")
    default_time = _time(doc.get("date"), f"{path}: date")
    unknown = set(doc) - {"analyst", "date", "corrections"}
    if unknown:
        raise InputError(f"{path}: unknown top-level key(s) {', '.join(sorted(map(str, unknown)))}; "
                         "expected analyst, date, corrections")
    entries = []
    for n, item in enumerate(doc["corrections"], 1):
        where = f"{path}, correction {n}" + (f" (line {lines[n - 1]})" if n - 1 < len(lines) else "")
        if not isinstance(item, dict):
            raise InputError(f"{where}: expected a mapping with `action:`")
        action = item.get("action")
        if not isinstance(action, str) or action not in ACTIONS:
            raise InputError(f"{where}: action {action!r} is not one of {', '.join(ACTIONS)}")
        required, optional = ACTIONS[action]
        missing = sorted(required - set(item))
        if missing:
            raise InputError(f"{where}: {action} needs {', '.join(missing)}")
        extra = sorted(set(item) - required - optional - COMMON)
        if extra:
            raise InputError(f"{where}: {action} does not take {', '.join(map(str, extra))} "
                             f"(it takes {', '.join(sorted(required | optional | COMMON - {'action'}))})")
        for key in sorted(required | optional):
            if key in item:
                long = key in ("text", "evidence")  # a claim's wording, a sentence of the article
                problem = text_problem(str(item[key]) if isinstance(item[key], int) and not isinstance(item[key], bool)
                                       else item[key], TEXT_LIMIT if long else NAME_LIMIT, lines=long)
                if problem:
                    raise InputError(f"{where}: {key} {problem}")
        analyst = item.get("analyst", default_analyst)
        if analyst is None:
            raise InputError(f"{where}: no analyst: give `analyst: NAME` at the top of the file or in the correction")
        if text_problem(analyst, NAME_LIMIT):
            raise InputError(f"{where}: analyst {text_problem(analyst, NAME_LIMIT)}")
        link = item.get("link")
        if link is not None and not _is_link(link):
            raise InputError(f"{where}: link must be an http(s) URL such as https://example.org/report, "
                             f"not {link!r}")
        note = item.get("note")
        if note is not None and text_problem(note, TEXT_LIMIT, lines=True):
            raise InputError(f"{where}: note {text_problem(note, TEXT_LIMIT, lines=True)}")
        if item.get("kind") is not None and item["kind"] not in SOURCE_KINDS:
            raise InputError(f"{where}: kind {item['kind']!r} is not one of {', '.join(SOURCE_KINDS)}")
        if item.get("quote") is not None and item["quote"] not in QUOTE_TYPES:
            raise InputError(f"{where}: quote {item['quote']!r} is not one of {', '.join(QUOTE_TYPES)}")
        entries.append(Entry(action, {k: str(item[k]).strip() for k in required | optional if k in item},
                             " ".join(analyst.split()), _time(item.get("date"), f"{where}: date") or default_time,
                             note.strip() if note is not None else None, link, where))
    return entries


def _is_link(value) -> bool:
    """An http(s) address that is also a valid IRI (it becomes the object of rdfs:seeAlso)."""
    if not isinstance(value, str) or not value.startswith(("http://", "https://")) or len(value) > TEXT_LIMIT:
        return False
    try:
        ox.NamedNode(value)
    except ValueError:
        return False
    return True


def _item_lines(root) -> list[int]:
    """Line numbers of the items of `corrections:` (YAML node marks), for error messages."""
    try:
        for key, value in root.value:
            if key.value == "corrections":
                return [item.start_mark.line + 1 for item in value.value]
    except (AttributeError, TypeError):
        pass
    return []


def _time(value, where: str) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        t = value
    elif isinstance(value, date):
        t = datetime(value.year, value.month, value.day)
    else:
        try:
            t = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
        except ValueError:
            raise InputError(f"{where} {value!r} is not a date or time (2024-11-05 or 2024-11-05T10:00:00Z)") from None
    try:
        return (t if t.tzinfo else t.replace(tzinfo=timezone.utc)).astimezone(timezone.utc)
    except (OverflowError, ValueError):  # "0001-01-01T00:00:00+05:00" falls before year 1 in UTC
        raise InputError(f"{where} {value!r} is out of range") from None


# ---- resolving against the store -----------------------------------------------------------------

class _Lookup:
    """Claims and sources of the store, found the way an analyst names them; `skip` leaves a graph
    out (the curation graph, when it is about to be rebuilt)."""

    def __init__(self, store, skip: URIRef | None = None):
        self.store = store
        self.skip = skip or URIRef(f"{ID}graph/none")
        self.sources = store.select(SOURCES, {"skip": self.skip})

    def claim(self, ref: str, where: str) -> dict:
        """The claim `ref` names: the ID the report shows (00e3b7e3/315-455), its IRI, or an ending."""
        try:
            iri = find_claim(self.store, str(ref))
        except ProvgraphError:
            iri = None
        rows = self.store.select(FIND_CLAIM, {"suffix": Literal(iri)}) if iri else []  # a string, not an IRI
        if len(rows) != 1:
            raise InputError(f"{where}: no claim matches {ref!r}; use the ID `provgraph report` shows "
                             "(like 00e3b7e3/315-455) or the claim's IRI")
        return rows[0]

    def chains(self, claim: str) -> dict[str, list[str]]:
        chains: dict[str, list[str]] = {}
        for r in self.store.select(CHAINS, {"claim": URIRef(claim), "skip": self.skip}):
            chains.setdefault(r["chain"], []).append(r["agent"])
        return chains

    def matches(self, ref: str, among: set[str] | None = None) -> list[dict]:
        """Sources named `ref`: its IRI, an IRI ending ("person/valery-gerasimov"), its name, or
        (when nothing else matches) a person's surname ("Gerasimov")."""
        key = normalise(ref)
        pool = [s for s in self.sources if among is None or s["source"] in among]
        found = [s for s in pool if s["source"] == ref or ("/" in ref and s["source"].endswith("/" + ref.removeprefix(ID)))
                 or normalise(s["label"]) == key]
        if not found and "-" not in key:
            found = [s for s in pool if s["kind"] == "person" and normalise(s["label"]).endswith("-" + key)]
        return found

    def source(self, ref: str, where: str, article_key: str | None = None) -> dict | None:
        found = self.matches(ref)
        if len(found) > 1 and article_key:  # an anonymous source of the claim's own article
            found = [s for s in found if f"/{article_key}/" in s["source"]] or found
        if len(found) > 1:
            raise InputError(f"{where}: {ref!r} names {len(found)} sources ("
                             + ", ".join(s["source"] for s in found) + "); give one IRI")
        return found[0] if found else None


def _key(*parts) -> str:
    return hashlib.sha1(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


def _label(lookup: _Lookup, iri: str) -> str:
    return next((s["label"] for s in lookup.sources if s["source"] == iri), iri.rsplit("/", 1)[-1])


def resolve(entry: Entry, lookup: _Lookup) -> list[Correction]:
    """The corrections one entry makes (remove-attribution: one per chain it removes)."""
    f = entry.fields
    if entry.action == "add-attribution":
        return [_add_attribution(entry, lookup)]
    if entry.action == "remove-attribution":
        claim = lookup.claim(f["claim"], entry.where)
        chains = lookup.chains(claim["claim"])
        if not chains:
            raise InputError(f"{entry.where}: claim {claim['claim']} has no attribution to remove")
        if "source" in f:
            agents = {a for hops in chains.values() for a in hops}
            named = {s["source"] for s in lookup.matches(f["source"], agents)}
            chosen = [c for c, hops in chains.items() if named & set(hops)]
            if not chosen:
                raise InputError(f"{entry.where}: no attribution of the claim runs through {f['source']!r}; its "
                                 "sources are " + ", ".join(sorted({_label(lookup, a) for a in agents})))
        elif len(chains) == 1:
            chosen = list(chains)
        else:
            raise InputError(f"{entry.where}: the claim has {len(chains)} attributions; say which with `source:`")
        out = []
        for chain in sorted(chosen):
            c = _correction(entry, claim["claim"], PROV.qualifiedAttribution, URIRef(chain),
                            "removed attribution to " + " -> ".join(_label(lookup, a) for a in chains[chain]))
            c.quads.append((URIRef(chain), PG.retractedBy, URIRef(c.iri)))
            out.append(c)
        return out
    if entry.action == "relabel":
        claim = lookup.claim(f["claim"], entry.where)
        return [_correction(entry, claim["claim"], PG.correctedText, Literal(f["text"]), f"re-labelled: {f['text']}")]
    if entry.action in ("verify", "dispute"):
        claim = lookup.claim(f["claim"], entry.where)
        verdict = "verified" if entry.action == "verify" else "disputed"
        return [_correction(entry, claim["claim"], PG.verdict, Literal(verdict), verdict)]
    other_key, predicate, words = (("same_as", PG.sameSourceAs, "the same source as") if entry.action == "same-source"
                                   else ("different_from", OWL.differentFrom, "not the same source as"))
    a = lookup.source(f["source"], entry.where)
    b = lookup.source(f[other_key], entry.where)
    for ref, found in ((f["source"], a), (f[other_key], b)):
        if found is None:
            raise InputError(f"{entry.where}: no source is named {ref!r}; use a name or IRI from "
                             "`provgraph query --named sources`")
    if a["source"] == b["source"]:
        raise InputError(f"{entry.where}: {f['source']!r} and {f[other_key]!r} are the same node already")
    return [_correction(entry, a["source"], predicate, URIRef(b["source"]), f"{a['label']} is {words} {b['label']}")]


def _correction(entry: Entry, subject: str, predicate, obj, summary: str) -> Correction:
    """The correction node: an rdf:Statement of one triple, attributed to the analyst, with a time.
    Its IRI comes from what it says and who says it (not when), so applying a file again is a no-op."""
    iri = f"{ID}correction/{_key(entry.action, subject, str(predicate), str(obj), entry.analyst, entry.note, entry.link)}"
    c = Correction(iri, entry.action, subject, str(obj), entry.time, entry.where)
    node = URIRef(iri)
    analyst = URIRef(f"{ID}analyst/{normalise(entry.analyst)}")
    c.quads += [
        (node, RDF.type, PG.Correction), (node, RDF.type, PROV.Entity), (node, RDF.type, RDF.Statement),
        (node, PG.action, Literal(entry.action)), (node, RDF.subject, URIRef(subject)),
        (node, RDF.predicate, predicate), (node, RDF.object, obj), (node, RDFS.label, Literal(summary)),
        (node, PROV.wasAttributedTo, analyst),
        (analyst, RDF.type, PG.Analyst), (analyst, RDF.type, PROV.Person), (analyst, RDFS.label, Literal(entry.analyst)),
    ]
    if entry.note:
        c.quads.append((node, RDFS.comment, Literal(entry.note)))
    if entry.link:
        c.quads.append((node, RDFS.seeAlso, URIRef(entry.link)))
    return c


def _add_attribution(entry: Entry, lookup: _Lookup) -> Correction:
    f = entry.fields
    claim = lookup.claim(f["claim"], entry.where)
    article_key = claim["article"].rsplit("/", 1)[-1]
    new_sources = []

    def agent(ref: str, default_kind: str | None) -> tuple[str, str]:
        found = lookup.source(ref, entry.where, article_key)
        if found is not None:
            return found["source"], found["label"]
        kind = default_kind
        if kind is None:
            raise InputError(f"{entry.where}: no source is named {ref!r}; to add a new one, give its `kind:` "
                             f"({', '.join(SOURCE_KINDS)})")
        anonymous = kind == "anonymous"
        s = Source(key=normalise(ref), label=ref, kind=kind, anonymous=anonymous,
                   descriptor=ref if anonymous else None)
        iri = source_iri(s, article_key)
        new_sources.append((s, iri))
        return str(iri), ref

    chain = ([agent(f["via"], "outlet")] if "via" in f else []) + [agent(f["source"], f.get("kind"))]
    if "evidence" in f:
        start = claim["article_text"].find(f["evidence"])
        if start < 0:
            raise InputError(f"{entry.where}: the evidence {f['evidence'][:60]!r} is not in the claim's article")
        evidence, end = f["evidence"], start + len(f["evidence"])
    else:
        evidence, start, end = claim["evidence"], claim["start"], claim["end"]
    # the new chain's hops: IRIs under the claim, keyed by everything the entry says
    key = _key(entry.action, claim["claim"], sorted(f.items()), entry.analyst)[:12]
    hops = [URIRef(f"{claim['claim']}/c{key}/h{i}") for i in range(len(chain))]
    c = _correction(entry, claim["claim"], PROV.qualifiedAttribution, hops[0],
                    "added attribution to " + " -> ".join(label for _, label in chain))
    claim_node = URIRef(claim["claim"])
    add = c.quads.append
    add((claim_node, PROV.qualifiedAttribution, hops[0]))
    add((hops[0], PG.addedBy, URIRef(c.iri)))
    for i, (hop, (iri, _)) in enumerate(zip(hops, chain)):
        add((hop, RDF.type, PROV.Attribution))
        add((hop, PROV.agent, URIRef(iri)))
        add((hop, PG.hop, Literal(i)))
        add((hop, PG.evidence, Literal(evidence)))
        add((hop, PG.evidenceStart, Literal(start)))
        add((hop, PG.evidenceEnd, Literal(end)))
        add((claim_node, PROV.wasAttributedTo, URIRef(iri)))
        if i + 1 < len(hops):
            add((hop, PG.relays, hops[i + 1]))
            add((hop, PG.cue, Literal("via")))
    root = URIRef(chain[-1][0])
    if "cue" in f:
        add((hops[-1], PG.cue, Literal(f["cue"])))
    add((hops[-1], PG.quoteType, Literal(f.get("quote", "indirect"))))
    add((claim_node, PG.rootSource, root))
    add((claim_node, SCHEMA.author, root))
    for s, iri in new_sources:
        _source(s, {id(s): iri}, lambda *t: add(t))
    return c


# ---- writing the curation graph ------------------------------------------------------------------

def curation_quads(store) -> list:
    """The curation graph as pyoxigraph quads (empty if there is none)."""
    from provgraph.interop import graph_quads
    return graph_quads(store, CURATION)


def curate(store, paths: list[str | Path], replace: bool = False, now: datetime | None = None) -> CurationSummary:
    """Apply corrections files to the store's curation graph, then rerun the cross-article analyses.

    Adds the files' corrections to those stored (unless `replace`: then the graph holds exactly the
    files' corrections, each keeping the time it was first stored). Everything is checked and
    resolved before the graph is written, in one transaction."""
    from provgraph.analysis.corpus import derive, mark_stale

    entries = [e for p in paths for e in read_corrections(p)]
    lookup = _Lookup(store, skip=CURATION if replace else None)
    corrections = [c for e in entries for c in resolve(e, lookup)]
    seen: dict[str, str] = {}
    for c in corrections:
        if c.iri in seen:
            raise InputError(f"{c.where}: the same correction as {seen[c.iri]}")
        seen[c.iri] = c.where
    stored = {r["correction"]: r for r in store.select(CORRECTIONS, {"g": CURATION})}
    summary = CurationSummary()
    if replace:
        kept: list = []
        present: set[str] = set()
        summary.removed = len(set(stored) - set(seen))
    else:  # keep every stored statement but the effects, which are recomputed below
        kept = [q for q in curation_quads(store) if q.predicate not in _EFFECTS]
        present = set(stored)
    now = (now or datetime.now(timezone.utc)).replace(microsecond=0)
    new: list = []
    for c in corrections:
        if c.iri in stored:
            summary.unchanged += 1
        else:
            summary.added += 1
        if c.iri in present:
            continue
        c.time = c.time or _stored_time(stored.get(c.iri)) or now
        new += [(*q, CURATION) for q in c.quads]
        stamp = Literal(c.time.isoformat().replace("+00:00", "Z"), datatype=XSD.dateTime)
        new.append((URIRef(c.iri), PROV.generatedAtTime, stamp, CURATION))
    _check_ties([c for c in corrections if c.iri not in present])
    records = [_record(r) for r in stored.values() if r["correction"] in present]
    records += [(c.iri, c.action, c.subject, c.obj, c.time, c.where) for c in corrections if c.iri not in present]
    effects = [(*t, CURATION) for t in _effects(records)]
    quads = list(dict.fromkeys(kept + to_ox_quads(new + effects)))
    mark_stale(store)  # killed before derive() ends, the report says its flags are behind
    if quads:
        store.replace_graph(CURATION, quads)
    else:
        store.update(f"DROP SILENT GRAPH <{CURATION}>")
    summary.stored = len(records)
    derive(store)
    return summary


_EFFECTS = {ox.NamedNode(str(p)) for p in EFFECTS}


def imported_curation(quads: list) -> list:
    """The curation graph an import would store (the store's and the files' statements merged):
    every correction in it well formed, else one InputError naming it; the effects (verdicts,
    corrected texts, merges) recomputed from the corrections, as `curate` does, never taken as given
    (a bare verdict on a claim would otherwise flag it with no analyst behind it)."""
    props: dict = {}
    for q in quads:
        props.setdefault(q.subject, {}).setdefault(q.predicate.value, []).append(q.object)
    analysts = {node for node, p in props.items()
                if ox.NamedNode(str(PG.Analyst)) in p.get(str(RDF.type), []) and p.get(str(RDFS.label))}
    records = []
    for node, p in props.items():
        if ox.NamedNode(str(PG.Correction)) not in p.get(str(RDF.type), []):
            continue
        where = f"the imported correction <{getattr(node, 'value', node)}>"
        problem = _correction_problem(p, analysts)
        if problem:
            raise InputError(f"{where} {problem}; nothing was imported")
        try:
            time = _time(p[str(PROV.generatedAtTime)][0].value, f"{where}: its time")
        except InputError as e:
            raise InputError(f"{e}; nothing was imported") from None
        records.append((node.value, p[str(PG.action)][0].value, p[str(RDF.subject)][0].value,
                        p[str(RDF.object)][0].value, time, where))
    effects = to_ox_quads([(*t, CURATION) for t in _effects(records)])
    return list(dict.fromkeys([q for q in quads if q.predicate not in _EFFECTS] + effects))


def _correction_problem(p: dict, analysts: set) -> str | None:
    """What makes a correction's statements malformed (the rules of ontology/shapes.ttl), or None."""
    def one(prop, iri: bool = False) -> bool:
        values = p.get(str(prop), [])
        return len(values) == 1 and (not iri or isinstance(values[0], ox.NamedNode))

    action = p.get(str(PG.action), [])
    if len(action) != 1 or not isinstance(action[0], ox.Literal) or action[0].value not in ACTIONS:
        return f"needs one action (pg:action), one of {', '.join(ACTIONS)}"
    if not p.get(str(PROV.wasAttributedTo)) or not set(p[str(PROV.wasAttributedTo)]) <= analysts:
        return "needs an analyst (prov:wasAttributedTo a pg:Analyst with an rdfs:label)"
    times = p.get(str(PROV.generatedAtTime), [])
    if len(times) != 1 or not isinstance(times[0], ox.Literal) or times[0].datatype.value != str(XSD.dateTime):
        return "needs one time (prov:generatedAtTime, an xsd:dateTime)"
    if not (one(RDF.subject, iri=True) and one(RDF.predicate, iri=True) and one(RDF.object)):
        return "must describe one triple: one rdf:subject and rdf:predicate (IRIs) and one rdf:object"
    return None


def _check_ties(corrections: list[Correction]) -> None:
    """Two new relabels (or verdicts) of one claim at the same time: which wins would be arbitrary."""
    seen: dict[tuple, Correction] = {}
    for c in corrections:
        if c.action in ("relabel", "verify", "dispute"):
            key = (c.subject, c.action == "relabel", c.time)
            if key in seen:
                raise InputError(f"{c.where}: {seen[key].where} also {'relabels' if key[1] else 'judges'} this claim "
                                 "at the same time; keep one, or give each a `date:` (the latest wins)")
            seen[key] = c


def _stored_time(row: dict | None) -> datetime | None:
    return _time(row["time"], "stored correction") if row else None


def _record(row: dict) -> tuple:
    return (row["correction"], row["action"], row["subject"], row["object"], _time(row["time"], "stored"),
            f"stored correction <{row['correction']}>")


def _effects(records: list[tuple]) -> list[tuple]:
    """The triples the corrections assert: the latest relabel and verdict per claim, same-source
    links to the one node kept (followed through chains of merges), different-source links."""
    out = []
    latest: dict[tuple[str, str], tuple] = {}
    for r in sorted(records, key=lambda r: (r[4], r[0])):
        _, action, subject, obj, _, _ = r
        if action in ("relabel", "verify", "dispute"):
            latest[(subject, "text" if action == "relabel" else "verdict")] = r
    for (subject, what), r in sorted(latest.items()):
        out.append((URIRef(subject), PG.correctedText if what == "text" else PG.verdict, Literal(r[3])))
    parent: dict[str, str] = {}
    where: dict[str, str] = {}
    for r in sorted((r for r in records if r[1] == "same-source"), key=lambda r: (r[4], r[0])):
        a, b = r[2], r[3]
        if a in parent and _root(parent, a) != _root(parent, b):
            raise ProvgraphError(f"{r[5]}: {a} is already marked the same as {_root(parent, a)} ({where[a]})")
        if _root(parent, b) == a:
            raise ProvgraphError(f"{r[5]}: marking {a} the same as {b} makes a loop ({where.get(b, 'earlier')})")
        parent[a], where[a] = b, r[5]
    for a in sorted(parent):
        out.append((URIRef(a), PG.sameSourceAs, URIRef(_root(parent, a))))
    for r in records:
        if r[1] == "different-source":
            a, b = r[2], r[3]
            if _root(parent, a) == _root(parent, b):
                raise ProvgraphError(f"{r[5]}: {a} and {b} are also marked the same source ({where.get(a) or where.get(b)})")
            out.append((URIRef(a), OWL.differentFrom, URIRef(b)))
    return out


def _root(parent: dict[str, str], node: str) -> str:
    seen = set()
    while node in parent and node not in seen:
        seen.add(node)
        node = parent[node]
    return node
