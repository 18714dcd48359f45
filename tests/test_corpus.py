"""Cross-article analyses on a hand-written corpus (tests/corpus/: a fictional flood in Kessford).

One store is built per module with `provgraph ingest tests/corpus/`; each analysis is checked
through the public surface: `provgraph report --format json`, `provgraph query --named ...` and
`provgraph.analysis.corpus.analyse(store)`.

What the corpus holds (file: what it exercises):
  ap_power_outage, ledger_fire_chief, valley_blog   "14,000 homes without power", credited to
      Maria Lopez (AP wire), Tom Okafor (Daily Ledger) and "Lopez" (a blog): true corroboration,
      2 independent roots; alias merging of a bare surname.
  coasttimes_bridge, herald_evacuation, valley_blog  "2,300 residents evacuated", each credited to
      AP / the Associated Press: circular reporting, one root; outlet alias merging.
  ledger_fire_chief <-> coasttimes_bridge             "the Tarrow bridge would stay closed until
      March": the Daily Ledger cites the Coast Times, the Coast Times cites the Daily Ledger.
  herald_schools_scoop, dispatch/radio/courier_*      the Harbor Herald's scoop from "sources close
      to the mayor" and three re-writes citing "sources close to the mayor told the Harbor Herald".
  water_authority_release vs ledger_fire_chief        1,200 vs 3,500 homes damaged "in the first two
      days": conflicting figures.
  county_update vs courier_schools_rewrite            150 vs 600 volunteers filling sandbags "on
      Sunday": conflicting figures.
  farm_weekly vs oped_flood                           4,000 hectares "this year" vs 11,000 "since
      2018": related, not a conflict.
  ap_power_outage vs dispatch_schools_rewrite         "a senior official at the water authority" in
      two articles, no intermediary: two anonymous sources, not one.
  ledger_fire_chief vs valley_blog                    Tom Okafor and Grace Okafor: not one person.

Run `python tests/test_corpus.py` to print the precision and recall of same-claim, conflict and
related links against the ground truth below.
"""

from __future__ import annotations

import itertools
import json
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from provgraph import queries
from provgraph.analysis.corpus import ClaimInfo, _match, analyse, same_claim_clusters
from provgraph.analysis.figures import parse_figures
from provgraph.cli import cli
from provgraph.store import Store

CORPUS = Path(__file__).resolve().parent / "corpus"

# --- ground truth -----------------------------------------------------------------------------------
# A claim is named by (file stem, words of its evidence sentence).
POWER = [("ap_power_outage", "About 14,000 homes were without power"),
         ("ledger_fire_chief", "14,000 homes were without power"),
         ("valley_blog", "Lopez said 14,000 homes")]
EVACUATED = [("coasttimes_bridge", "2,300 residents were evacuated"),
             ("herald_evacuation", "According to AP, 2,300 residents"),
             ("valley_blog", "AP reported that 2,300 residents")]
BRIDGE = [("ledger_fire_chief", "The Coast Times reported"),
          ("coasttimes_bridge", "The Daily Ledger reported")]
SCHOOLS_SCOOP = ("herald_schools_scoop", "sources close to the mayor said")
SCHOOLS_REWRITES = [("dispatch_schools_rewrite", "told the Harbor Herald that"),
                    ("radio_schools_rewrite", "told the Harbor Herald that")]
SCHOOLS_TRAILING = ("courier_schools_rewrite", "sources close to the mayor told the Harbor Herald.")
SCHOOLS = [SCHOOLS_SCOOP, *SCHOOLS_REWRITES, SCHOOLS_TRAILING]
SPILLWAY = [("ap_power_outage", "Carlow spillway"), ("dispatch_schools_rewrite", "Carlow spillway")]
DAMAGED_LOPEZ = ("water_authority_release", "1,200 homes had been damaged")
DAMAGED_OKAFOR = ("ledger_fire_chief", "3,500 homes")
VOLUNTEERS_COUNTY = ("county_update", "150 volunteers")
VOLUNTEERS_UNION = ("courier_schools_rewrite", "600 volunteers")
CROPS_YEAR = ("farm_weekly", "4,000 hectares")
CROPS_SINCE = ("oped_flood", "11,000 hectares")
SANDBAGS = ("county_update", "2,300 sandbags")  # same number as the evacuees, another thing

SAME_CLAIM = [frozenset(p) for group in (POWER, EVACUATED, BRIDGE, SCHOOLS, SPILLWAY)
              for p in itertools.combinations(group, 2)]
CONFLICTS = [frozenset((DAMAGED_LOPEZ, DAMAGED_OKAFOR)), frozenset((VOLUNTEERS_COUNTY, VOLUNTEERS_UNION))]
RELATED = [frozenset((CROPS_YEAR, CROPS_SINCE))]


def bug(reason: str):
    return pytest.mark.xfail(reason=reason, strict=True)


# --- building and reading the store --------------------------------------------------------------------

def cli_ok(*args) -> str:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == 0, f"exit {result.exit_code}: {result.output}\n{result.exception!r}"
    return result.stdout


def build_store(path: Path) -> Path:
    cli_ok("ingest", CORPUS, "--store", path)
    return path


class Claims:
    """Claim IRIs by (file stem, words of the evidence sentence), and back."""

    def __init__(self, store: Path):
        with Store(store, create=False) as s:
            self.rows = s.select(queries.load("claims"))
            self.publisher = {r["article"]: r["outlet"] for r in s.select(queries.load("corpus_claims"))}
        self.key_of: dict[str, tuple[str, str]] = {}

    def __call__(self, key: tuple[str, str]) -> str:
        stem, words = key
        found = [r["claim"] for r in self.rows if Path(r["file"]).stem == stem and words in r["evidence"]]
        assert len(found) == 1, f"{key}: {len(found)} claims"
        self.key_of[found[0]] = key
        return found[0]

    def article(self, stem: str) -> str:
        return next(r["article"] for r in self.rows if Path(r["file"]).stem == stem)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    return build_store(tmp_path_factory.mktemp("corpus") / "store")


@pytest.fixture(scope="module")
def corpus(store):
    with Store(store, create=False) as s:
        return analyse(s)


@pytest.fixture(scope="module")
def claims(store) -> Claims:
    return Claims(store)


@pytest.fixture(scope="module")
def report(store) -> dict:
    return {c["claim"]: c for c in json.loads(cli_ok("report", "--format", "json", "--store", store))["claims"]}


def cluster(corpus, claim: str) -> set[str]:
    """The claim and every report of it (its same-claim cluster)."""
    return next((c for c in corpus.clusters if claim in c), {claim})


def connected(links: set[frozenset], members: list[str]) -> bool:
    """Do the same-claim links join all `members` into one component?"""
    reach = {members[0]}
    grew = True
    while grew:
        grew = False
        for link in links:
            if len(link & reach) == 1:
                reach |= link
                grew = True
    return set(members) <= reach


def named(store: Path, name: str) -> list[dict]:
    return json.loads(cli_ok("query", "--named", name, "--format", "json", "--store", store))


def sparql(store: Path, text: str) -> list[dict]:
    return json.loads(cli_ok("query", text, "--format", "json", "--store", store))


def pairs(rows, a="claim", b="other") -> set[frozenset]:
    return {frozenset((r[a], r[b])) for r in rows}


def independent_roots(store: Path) -> dict[str, int]:
    rows = sparql(store, "PREFIX pg: <https://w3id.org/provgraph/ns#> "
                         "SELECT ?claim ?n WHERE { ?claim pg:independentRoots ?n }")
    return {r["claim"]: r["n"] for r in rows}


def flags(store: Path) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for r in sparql(store, "PREFIX pg: <https://w3id.org/provgraph/ns#> SELECT ?claim ?flag WHERE { ?claim pg:flag ?flag }"):
        out.setdefault(r["claim"], set()).add(r["flag"])
    return out


# --- the corpus itself ---------------------------------------------------------------------------------

def test_corpus_is_large_enough_and_every_article_has_title_and_outlet():
    texts = sorted(CORPUS.glob("*.txt"))
    assert len(texts) >= 12
    for t in texts:
        meta = json.loads(t.with_suffix(".meta.json").read_text(encoding="utf-8"))
        assert meta["title"] and meta["outlet"], t.name
        lines = [line for line in t.read_text(encoding="utf-8").splitlines() if line.strip()]
        assert 4 <= len(lines) <= 10, t.name  # one sentence a line (the press release's slug line aside)


# --- true corroboration --------------------------------------------------------------------------------

def test_two_named_people_for_one_figure_are_one_claim(corpus, claims):
    power = [claims(k) for k in POWER]
    assert cluster(corpus, power[0]) == set(power)


def test_two_named_people_are_two_independent_roots(store, corpus, claims):
    power = [claims(k) for k in POWER]
    roots = set().union(*(corpus.claims[c].roots for c in power))
    assert {corpus.labels[r] for r in roots} == {"Maria Lopez", "Tom Okafor"}
    n = independent_roots(store)
    assert all(n[c] == 2 for c in power)


def test_corroborated_claim_is_not_single_source(report, claims):
    for key in POWER:
        flagged = report.get(claims(key), {"reasons": []})
        assert "single-source" not in flagged["reasons"], key
        assert "circular-reporting" not in flagged["reasons"], key


def test_same_claims_query_links_the_corroborating_reports(store, claims):
    rows = named(store, "same_claims")
    power = [claims(k) for k in POWER]
    links = {frozenset((r["claim"], r["other"])): r for r in rows}
    assert connected(set(links), power)
    mine = [r for link, r in links.items() if link <= set(power)]
    assert mine and all("same figure 14,000 home" in r["reason"] and r["score"] >= 0.6 for r in mine)


# --- circular reporting through one wire agency -------------------------------------------------------

def test_wire_copy_repeated_by_three_outlets_has_one_root(corpus, claims):
    evacuated = [claims(k) for k in EVACUATED]
    assert cluster(corpus, evacuated[0]) == set(evacuated)
    roots = set().union(*(corpus.claims[c].roots for c in evacuated))
    # "AP" and "the Associated Press" are one outlet, the same one that publishes the AP wire story
    assert roots == {claims.publisher[claims.article("ap_power_outage")]}


def test_wire_copy_repeated_by_three_outlets_is_circular_in_report(report, claims):
    for key in EVACUATED:
        c = report[claims(key)]
        assert c["reasons"][0] == "circular-reporting", key
        assert c["reports"] == 3 and c["independent_roots"] == 1
        assert c["explanation"].startswith("3 reports, 1 independent root: 'Associated Press'")
        assert c["severity"] == "high"


def test_circular_reporting_query_names_the_wire(store, claims):
    rows = named(store, "circular_reporting")
    for key in EVACUATED:
        mine = [r for r in rows if r["claim"] == claims(key)]
        assert mine and {r["root"] for r in mine} == {"Associated Press"} and {r["reports"] for r in mine} == {3}


def test_circular_reporting_query_lists_each_claim_once(store):
    rows = named(store, "circular_reporting")
    keys = [(r["claim"], r["root"]) for r in rows]
    assert len(keys) == len(set(keys))


def test_sources_close_to_the_mayor_told_the_herald_merge_across_rewrites(corpus, claims):
    rewrites = [claims(k) for k in SCHOOLS_REWRITES]
    roots = [corpus.claims[c].roots for c in rewrites]
    assert roots[0] == roots[1] and len(roots[0]) == 1
    (root,) = roots[0]
    assert corpus.kinds[root] == ("anonymous", True)


def test_scoop_and_rewrites_meet_at_one_root(store, corpus, claims):
    scoop_and_rewrites = [claims(k) for k in (SCHOOLS_SCOOP, *SCHOOLS_REWRITES)]
    roots = set().union(*(corpus.claims[c].roots for c in scoop_and_rewrites))
    assert len(roots) == 1
    f = flags(store)
    assert all("circular-reporting" in f.get(c, set()) for c in scoop_and_rewrites)


def test_trailing_told_the_herald_is_a_report_of_the_scoop(corpus, claims):
    courier = claims(SCHOOLS_TRAILING)
    assert "schools" in corpus.claims[courier].text
    assert cluster(corpus, courier) >= {claims(k) for k in SCHOOLS_REWRITES}


# --- an outlet loop --------------------------------------------------------------------------------------

def test_outlets_citing_each_other_form_a_loop(corpus, claims):
    ledger = claims.publisher[claims.article("ledger_fire_chief")]
    times = claims.publisher[claims.article("coasttimes_bridge")]
    assert any(set(loop) == {ledger, times} for loop in corpus.loops)


def test_outlet_loop_is_flagged_circular(store, report, claims):
    n = independent_roots(store)
    for key in BRIDGE:
        c = claims(key)
        assert "circular-reporting" in report.get(c, {"reasons": []})["reasons"], key
        assert n[c] == 1


def test_outlet_loop_reports_are_one_claim(corpus, claims):
    bridge = [claims(k) for k in BRIDGE]
    assert cluster(corpus, bridge[0]) == set(bridge)


# --- conflicting and related figures ----------------------------------------------------------------

def test_incompatible_figures_for_one_period_conflict(corpus, claims):
    found = {frozenset((a, b)): reason for a, b, reason in corpus.conflicts}
    reason = found[frozenset((claims(DAMAGED_LOPEZ), claims(DAMAGED_OKAFOR)))]
    assert "1,200" in reason and "3,500" in reason and "days-2" in reason


def test_conflicting_figures_query_and_report(store, report, claims):
    lopez, okafor = claims(DAMAGED_LOPEZ), claims(DAMAGED_OKAFOR)
    assert frozenset((lopez, okafor)) in pairs(named(store, "conflicting_figures"))
    c = report[okafor]
    assert "conflicting-figures" in c["reasons"]
    assert [(o["claim"], o["source"]) for o in c["conflicts"]] == [(lopez, "Maria Lopez")]
    assert "conflicts with 1,200 vs 3,500 home" in c["explanation"]
    assert report[lopez]["conflicts"][0]["source"] == "Tom Okafor"


def test_a_report_of_the_whole_store_reads_conflicts_as_a_page_does(store, monkeypatch):
    """Past BOUND_AT_MOST conflicted claims the report scans the store instead of binding them."""
    from provgraph.analysis import report as report_module

    with Store(store, create=False) as s:
        paged = report_module.weak_claims(s).as_dict()
        monkeypatch.setattr(report_module, "BOUND_AT_MOST", 0)
        scanned = report_module.weak_claims(s).as_dict()
    assert scanned == paged
    assert any(c["conflicts"] for c in scanned["claims"])


def test_a_page_of_the_report_is_the_same_slice_of_the_whole(store):
    from provgraph.analysis.report import weak_claims

    with Store(store, create=False) as s:
        whole = weak_claims(s).as_dict()["claims"]
        page = weak_claims(s, top=5, offset=3).as_dict()["claims"]
    assert page == whole[3:8]


def test_a_streamed_report_is_the_whole_report_read_a_chunk_at_a_time(store, monkeypatch):
    """A streamed report reads its claims' details CHUNK at a time, as they are asked for, and its
    JSON and CSV are exactly the report's (conflicts across chunks included)."""
    from provgraph import summary
    from provgraph.analysis import report as report_module
    from provgraph.render.report import pieces, render

    monkeypatch.setattr(report_module, "CHUNK", 3)
    reads = []
    load = summary.load
    monkeypatch.setattr(summary, "load", lambda st, iris=None: reads.append(len(iris or ())) or load(st, iris))
    with Store(store, create=False) as s:
        whole = report_module.weak_claims(s)
        streamed = report_module.weak_claims(s, stream=True)
        reads.clear()
        first = next(streamed.iter_claims())
        assert first.claim == whole.claims[0].claim
        assert reads and reads[0] <= 3  # one chunk read, not the whole report
        for fmt in ("json", "csv"):
            assert "".join(pieces(report_module.weak_claims(s, stream=True), fmt)) == render(whole, fmt)
    assert len(whole.claims) > 3 and any(c.conflicts for c in whole.claims)


def test_incompatible_figures_on_one_day_conflict(store, claims):
    assert frozenset((claims(VOLUNTEERS_COUNTY), claims(VOLUNTEERS_UNION))) in pairs(named(store, "conflicting_figures"))


def test_figures_over_different_periods_are_related_not_conflicting(store, corpus, claims):
    crops = frozenset((claims(CROPS_YEAR), claims(CROPS_SINCE)))
    assert crops in {frozenset((a, b)) for a, b, _ in corpus.related}
    assert crops not in {frozenset((a, b)) for a, b, _ in corpus.conflicts}
    assert crops not in pairs(named(store, "conflicting_figures"))
    for key in (CROPS_YEAR, CROPS_SINCE):
        assert not cluster(corpus, claims(key)) - {claims(key)}, "different periods are not one claim"


def test_reports_of_one_claim_are_not_related_figures(corpus, claims):
    same = {frozenset((claims(a), claims(b))) for group in (POWER, EVACUATED) for a, b in itertools.combinations(group, 2)}
    assert not same & {frozenset((a, b)) for a, b, _ in corpus.related}


def test_same_number_of_another_thing_is_not_the_same_claim(corpus, claims):
    sandbags = claims(SANDBAGS)
    assert cluster(corpus, sandbags) == {sandbags}


# --- entity resolution ----------------------------------------------------------------------------------

def person(name: str) -> str:
    from provgraph.extract.sources import normalise
    from provgraph.vocab import ID
    return f"{ID}person/{normalise(name)}"


def test_bare_surname_and_titled_name_merge_with_full_name(corpus, claims):
    lopez = person("Maria Lopez")
    assert corpus.canonical[person("Lopez")] == lopez
    assert corpus.labels[lopez] == "Maria Lopez"
    # "Water Authority director Maria Lopez" (press release, AP) and bare "Lopez" (blog): one root
    for key in (DAMAGED_LOPEZ, POWER[0], POWER[2]):
        assert corpus.claims[claims(key)].roots == {lopez}, key


def test_people_sharing_a_surname_are_not_merged(corpus):
    tom, grace = person("Tom Okafor"), person("Grace Okafor")
    assert tom in corpus.canonical and grace in corpus.canonical
    assert corpus.canonical[tom] == tom and corpus.canonical[grace] == grace


def test_a_person_named_by_description_never_lends_a_surname_across_articles():
    """A writer's "my cook" in one article is not Cook, the named source of another."""
    from provgraph.analysis.corpus import resolve_sources

    def hop(agent, label, descriptor=None):
        return {"agent": agent, "label": label, "kind": "person", "anonymous": False, "descriptor": descriptor}

    a = ClaimInfo("a", "the mill lost money", "art-a", None, [], [[hop("person/a/my-cook", "my cook", "my cook")]])
    b = ClaimInfo("b", "sales rose", "art-b", None, [], [[hop(person("Cook"), "Cook")]])
    canonical, _, _ = resolve_sources({"a": a, "b": b})
    assert canonical[person("Cook")] == person("Cook")


def test_a_middle_initial_does_not_make_two_people_but_two_initials_do():
    from provgraph.analysis.corpus import resolve_sources

    def said(key, agent, label):
        hop = {"agent": agent, "label": label, "kind": "person", "anonymous": False, "descriptor": None}
        return ClaimInfo(key, "the mill lost money", f"art-{key}", None, [], [[hop]])

    names = {"a": "Donald J. Trump", "b": "Donald Trump", "c": "Trump", "d": "George W. Bush",
             "e": "George H.W. Bush", "f": "Bush"}
    canonical, _, _ = resolve_sources({k: said(k, person(v), v) for k, v in names.items()})
    assert canonical[person("Donald J. Trump")] == canonical[person("Donald Trump")] == canonical[person("Trump")]
    assert len({canonical[person(v)] for v in ("George W. Bush", "George H.W. Bush", "Bush")}) == 3


def test_outlet_aliases_share_one_source(corpus, claims):
    # "AP" (Harbor Herald, blog) and "the Associated Press" (Coast Times)
    roots = [corpus.claims[claims(k)].roots for k in EVACUATED]
    assert roots[0] == roots[1] == roots[2]


def test_anonymous_sources_without_intermediary_stay_apart(store, corpus, claims, report):
    spill = [claims(k) for k in SPILLWAY]
    assert cluster(corpus, spill[0]) == set(spill)
    (a,), (b,) = (corpus.claims[c].roots for c in spill)
    assert a != b and corpus.kinds[a] == corpus.kinds[b] == ("anonymous", True)
    n = independent_roots(store)
    for c in spill:
        assert n[c] == 2
        assert report[c]["reasons"] == ["anonymous-only"]  # not circular, not single-source


# --- roots: networkx vs SPARQL property paths ---------------------------------------------------

def test_networkx_roots_agree_with_root_sources_query(store, corpus):
    by_query: dict[str, set[str]] = {}
    for r in named(store, "root_sources"):
        by_query.setdefault(r["claim"], set()).add(corpus.canonical.get(r["root"], r["root"]))
    assert set(by_query) == {iri for iri, info in corpus.claims.items() if info.chains}
    for iri, info in corpus.claims.items():
        assert info.roots == by_query.get(iri, set()), info.text


# --- precision and recall on this corpus --------------------------------------------------------------

def measure(corpus, claims: Claims) -> dict[str, tuple[int, int, int]]:
    """(true positives, predicted, expected) for each kind of link; "same-claim pairs" are every pair
    the clusters imply (clusters are complete: every pair matched, the strongest tree is stored)."""
    def truth(expected):
        return {frozenset(claims(k) for k in p) for p in expected}

    same = truth(SAME_CLAIM)
    predicted = {
        "same-claim pairs": {frozenset(p) for c in corpus.clusters for p in itertools.combinations(c, 2)},
        "conflict": {frozenset((a, b)) for a, b, _ in corpus.conflicts},
        "related": {frozenset((a, b)) for a, b, _ in corpus.related},
    }
    expected = {"same-claim pairs": same, "conflict": truth(CONFLICTS),
                "related": truth(RELATED)}
    out = {}
    for k in predicted:
        out[k] = (len(predicted[k] & expected[k]), len(predicted[k]), len(expected[k]))
    return out


def test_no_false_same_claim_or_conflict_links(corpus, claims):
    scores = measure(corpus, claims)
    # each cluster is stored as the tree of its strongest links: n-1 of them, joining all n
    assert len(corpus.matches) == sum(len(c) - 1 for c in corpus.clusters)
    assert all(connected({frozenset((a, b)) for a, b, _, _ in corpus.matches}, sorted(c)) for c in corpus.clusters)
    for kind in ("same-claim pairs", "conflict"):
        tp, predicted, _ = scores[kind]
        assert tp == predicted, f"{kind}: {predicted - tp} false links"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = build_store(Path(tmp) / "store")
        with Store(store, create=False) as s:
            c = analyse(s)
        claims = Claims(store)
        for kind, (tp, predicted, expected) in measure(c, claims).items():
            p = tp / predicted if predicted else float("nan")
            r = tp / expected if expected else float("nan")
            print(f"{kind:16} precision {tp}/{predicted} = {p:.2f}   recall {tp}/{expected} = {r:.2f}")
        for a, b, _, reason in c.matches:
            if frozenset((claims.key_of.get(a), claims.key_of.get(b))) not in {frozenset(p) for p in SAME_CLAIM}:
                print("  false same-claim:", c.claims[a].text, "|", c.claims[b].text, f"({reason})", file=sys.stderr)


if __name__ == "__main__":
    main()


def test_same_claim_clusters_never_chain():
    """A~B and B~C without A~C is two claims, not one: chaining would count C as corroborating A."""
    links = [("a", "b", 0.9, "x"), ("b", "c", 0.8, "y")]
    inside, apart, clusters = same_claim_clusters(links)
    assert clusters == [{"a", "b"}]
    assert [m[:2] for m in inside] == [("a", "b")] and [m[:2] for m in apart] == [("b", "c")]
    inside, apart, clusters = same_claim_clusters(links + [("a", "c", 0.7, "z")])
    assert clusters == [{"a", "b", "c"}] and not apart  # every pair matches: one claim, three reports


def test_strongest_links_first_and_a_merge_needs_every_pair():
    """a~m (0.95) and b~n (0.85) join first; the weaker a~n and a~b would merge {a, m} with {b, n}
    only if every pair matched, and m~b, m~n do not: two claims, the two links kept as candidates."""
    links = [("a", "b", 0.65, "weak"), ("a", "n", 0.9, "x"), ("b", "n", 0.85, "y"), ("a", "m", 0.95, "z")]
    inside, apart, clusters = same_claim_clusters(links)
    assert sorted(map(sorted, clusters)) == [["a", "m"], ["b", "n"]]
    assert {m[:2] for m in apart} == {("a", "b"), ("a", "n")}


def _info(iri: str, text: str) -> ClaimInfo:
    return ClaimInfo(iri, text, iri.rsplit("/", 1)[0], None, parse_figures(text), [])


@pytest.mark.parametrize("a, b", [
    ("The plan gives the top 1 percent a tax cut of 5 percent", "The plan gives the top 1 percent a tax cut of 8 percent"),
    ("Voters backed the measure 3 to 1 in the county", "Voters backed the measure 2 to 1 in the county"),
    ("Clinton", "Clinton"),  # too few words to be a statement
    ("Families of 9/11 victims say the law is unfair to them", "Families of 9/11 victims are tired of waiting"),
])
def test_claims_that_only_look_alike_are_not_matched(a, b):
    assert _match(_info("x/claim/aaa/0-10", a), _info("x/claim/bbb/0-10", b)) is None

