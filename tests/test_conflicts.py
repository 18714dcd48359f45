"""Conflicting figures: what the sorted comparison finds is exactly what comparing every pair finds,
and an article of thousands of figures costs seconds, not minutes (issue 16)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from provgraph.analysis.conflicts import Values, compare_figures, conflicted
from provgraph.analysis.corpus import ClaimInfo
from provgraph.analysis.figures import Figure

BOUNDS = ["exact", "lower", "upper", "approx"]


def claim(iri: str, value: float, bound: str, root: str) -> ClaimInfo:
    fig = Figure(str(value), value, bound, "ship", frozenset({"sunk"}), "year-2024")
    return ClaimInfo(iri, f"{value} ships sank", "article", None, [fig], [], roots=frozenset({root}))


def pairwise(claims: dict[str, ClaimInfo]) -> set[str]:
    """The definition: a claim whose figure cannot also be true with another root's figure."""
    out = set()
    for a in claims.values():
        for b in claims.values():
            (lo_a, hi_a), (lo_b, hi_b) = a.figures[0].interval(), b.figures[0].interval()
            if a.roots != b.roots and (hi_a < lo_b or hi_b < lo_a):
                out.add(a.iri)
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 40), st.sampled_from(BOUNDS), st.sampled_from("ABC")), max_size=25))
def test_conflicted_is_what_comparing_every_pair_finds(rows):
    claims = {f"c{k}": claim(f"c{k}", float(v), bound, root) for k, (v, bound, root) in enumerate(rows)}
    assert conflicted(claims) == pairwise(claims)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 40), st.sampled_from(BOUNDS), st.sampled_from("ABC")), max_size=25))
def test_every_conflicted_claim_shows_a_conflict_link_and_every_link_is_one(rows):
    claims = {f"c{k}": claim(f"c{k}", float(v), bound, root) for k, (v, bound, root) in enumerate(rows)}
    links, _ = compare_figures(claims)
    linked = {x for a, b, _ in links for x in (a, b)}
    assert conflicted(claims) <= linked
    for a, b, _ in links:
        assert claims[a].roots != claims[b].roots
        assert a in pairwise({a: claims[a], b: claims[b]})


def test_thousands_of_distinct_figures_cost_a_few_comparisons_each(monkeypatch):
    """Counted, not timed: pair by pair, 4,000 claims of 1,000 distinct values took 20 s."""
    claims = {f"c{k}": claim(f"c{k}", float(2 + k % 1000), "exact", f"source{k}") for k in range(4000)}
    calls = 0
    interval = Figure.interval

    def counted(self):
        nonlocal calls
        calls += 1
        return interval(self)

    monkeypatch.setattr(Figure, "interval", counted)
    assert len(conflicted(claims)) == 4000
    compare_figures(claims)
    assert calls <= 4 * 1000  # once per distinct value for each of the two; pairwise, about a million


def test_a_conflict_is_linked_even_past_many_values_from_its_own_source():
    """Seventy nearer contradicting values all from the claim's own source do not hide the one
    from another source (the search goes on until partners are found, not for a fixed count)."""
    claims = {"own": claim("own", 1000.0, "exact", "A")}
    claims |= {f"same{k}": claim(f"same{k}", float(1100 + 10 * k), "exact", "A") for k in range(70)}
    claims["other"] = claim("other", 5000.0, "exact", "B")
    links, _ = compare_figures(claims)
    assert {"own", "other"} in [{a, b} for a, b, _ in links]


def test_one_sources_thousand_values_are_not_walked_for_each_claim(monkeypatch):
    """Counted, not timed: 2,000 values from one source contradict each other but have no partner
    with another root; walking them all for every claim was quadratic (17 s at 2,000)."""
    claims = {f"c{k}": claim(f"c{k}", float(2 + k), "exact", "ministry") for k in range(2000)}
    walked = 0
    against = Values.against

    def counted(self, v):
        nonlocal walked
        for x in against(self, v):
            walked += 1
            yield x

    monkeypatch.setattr(Values, "against", counted)
    assert compare_figures(claims) == ([], [])
    assert walked == 0
