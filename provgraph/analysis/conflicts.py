"""Figures that cannot all be true: the same quantity (what is counted, its qualifiers, its
period) given incompatible values by claims with other roots.

Why a module of its own: compared pair by pair, one article of 4,000 "N ships sank" took 23 s
(1.9 million comparisons of 1,000 distinct values). The values of a quantity are sorted by each end
of the interval they allow, so that those a value contradicts are a prefix of one order and a
suffix of the other, found by bisection: n log n, whatever the number of distinct values; the
links shown are looked for only from claims that have a contradicting partner.
"""

from __future__ import annotations

import heapq
import itertools
from bisect import bisect_left, bisect_right
from collections import defaultdict

from provgraph.analysis.figures import Figure

LINKS_PER_CLAIM = 3  # conflict / related links a claim starts: enough to show, bounded at scale


def quantity_groups(claims: dict) -> dict[tuple, dict[tuple, list[str]]]:
    """{quantity: {value: claims giving it}}; a value is (number, bound, text, unit)."""
    groups: dict[tuple, dict[tuple, list[str]]] = defaultdict(lambda: defaultdict(list))
    for iri, info in claims.items():
        for f in info.figures:
            if f.scope is not None or f.qualifiers:  # an unscoped bare count is too vague to compare
                groups[f.quantity][(f.value, f.bound, f.text, f.unit)].append(iri)
    return groups


class Values:
    """The values of one quantity in the two orders that make "which values contradict this one"
    a prefix and a suffix: by the upper end of their interval, and by the lower end."""

    def __init__(self, by_value: dict[tuple, list[str]]):
        self.interval = {v: Figure(v[2], v[0], v[1], v[3]).interval() for v in by_value}
        self.by_hi = sorted(by_value, key=lambda v: self.interval[v][1])
        self.his = [self.interval[v][1] for v in self.by_hi]
        self.by_lo = sorted(by_value, key=lambda v: self.interval[v][0])
        self.los = [self.interval[v][0] for v in self.by_lo]

    def bounds(self, v: tuple) -> tuple[int, int]:
        """(k, j): the values below `v` are by_hi[:k] (they end before it begins), those above it
        by_lo[j:] (they begin after it ends)."""
        lo, hi = self.interval[v]
        return bisect_left(self.his, lo), bisect_right(self.los, hi)

    def against(self, v: tuple):
        """The values `v` contradicts, nearest first."""
        k, j = self.bounds(v)
        below = (self.by_hi[i] for i in range(k - 1, -1, -1))
        above = (self.by_lo[i] for i in range(j, len(self.by_lo)))
        for pair in itertools.zip_longest(below, above):
            yield from (x for x in pair if x is not None)


def conflicted(claims: dict, groups: dict | None = None) -> set[str]:
    """Claims with a figure that another source contradicts: a value that cannot also be true,
    given by a claim with other roots (`groups`: their quantity_groups, when already made)."""
    out: set[str] = set()
    for by_value in (groups if groups is not None else quantity_groups(claims)).values():
        if len(by_value) < 2:
            continue
        values = Values(by_value)
        roots = {v: {claims[m].roots for m in ms} for v, ms in by_value.items()}
        # two distinct root sets are enough to know some differ from a claim's own
        below = _first_two(roots[v] for v in values.by_hi)
        above = _first_two(roots[v] for v in reversed(values.by_lo))[::-1]
        for v, members in by_value.items():
            k, j = values.bounds(v)
            against = below[k] | above[j]
            for m in members:
                if against - {claims[m].roots}:
                    out.add(m)
    return out


def _first_two(rootsets) -> list[frozenset]:
    """For each prefix of the sequence (0 to all), up to two distinct root sets seen in it."""
    seen: frozenset = frozenset()
    out = [seen]
    for rs in rootsets:
        if len(seen) < 2:
            seen = frozenset(itertools.islice(itertools.chain(seen, rs - seen), 2))
        out.append(seen)
    return out


def compare_figures(claims: dict, todo: set[str] | None = None, stored: dict | None = None) -> tuple[list, list]:
    """Links to show beside the flags. Conflicts: incompatible figures for one quantity from
    claims with other roots. Related: the same thing counted over another period, shown side by
    side but not a conflict. Each claim in `todo` (default: all) links to at most LINKS_PER_CLAIM
    others of each kind, preferring partners with few links; `stored` links count too."""
    groups = quantity_groups(claims)
    # walking the contradicting values finds partners only for these: one source's thousand values
    # (none with another root) were walked in full for every claim, quadratic
    has_partner = conflicted(claims, groups)
    links: dict[str, list] = {"conflict": [], "related": []}
    counts: dict[str, dict[str, int]] = {kind: defaultdict(int) for kind in links}  # kind -> claim -> links
    done: dict[str, set] = {"conflict": set(), "related": set()}
    for kind in links:
        for a, b, _ in (stored or {}).get(kind, []):
            counts[kind][a] += 1
            counts[kind][b] += 1
            done[kind].add(frozenset((a, b)))

    def pick(kind: str, a: str, candidates: dict[str, str]) -> None:
        """Link `a` to candidates with the fewest links; one that has its share already only
        when `a` has no link yet (so every flagged claim shows one)."""
        n = counts[kind]
        if n[a] >= LINKS_PER_CLAIM:
            return
        fewest = [(n[b], b) for b in candidates]  # taken in this order, (links, claim), as they are needed
        heapq.heapify(fewest)
        while fewest:
            b = heapq.heappop(fewest)[1]
            if n[a] >= LINKS_PER_CLAIM or (n[b] >= LINKS_PER_CLAIM and n[a]):
                return
            if frozenset((a, b)) not in done[kind]:
                done[kind].add(frozenset((a, b)))
                links[kind].append((a, b, candidates[b]))
                n[a] += 1
                n[b] += 1

    by_kind: dict[tuple, list[tuple]] = defaultdict(list)  # same unit and qualifiers, another period
    for quantity in groups:
        by_kind[quantity[:2]].append(quantity)
    bound = LINKS_PER_CLAIM * 20  # candidates looked at per claim: enough to find partners with few links
    for quantity, by_value in groups.items():
        period = f" ({quantity[2]})" if quantity[2] else ""
        values = Values(by_value) if len(by_value) > 1 else None
        for va, members in by_value.items():
            mine = [m for m in members if todo is None or m in todo]
            if not mine:
                continue
            # one report of each value counted over another period, a few values per period
            near = [(ms[0], f"{va[2]} {va[3]} ({quantity[2] or 'no period'}) and {vb[2]} {vb[3]} ({qb[2] or 'no period'})")
                    for qb in by_kind[quantity[:2]] if qb != quantity
                    for vb, ms in itertools.islice(groups[qb].items(), LINKS_PER_CLAIM * 4) if vb[0] != va[0]][:bound]
            for a in mine:
                ra, wa = claims[a].roots, claims[a].words
                found: dict[str, str] = {}
                # the nearest contradicting values first, until `bound` partners with other roots are found
                for vb in values.against(va) if values and a in has_partner else ():
                    if len(found) >= bound:
                        break
                    reason = f"{min(va, vb)[2]} vs {max(va, vb)[2]} {va[3]}{period}"
                    for b in itertools.islice((b for b in by_value[vb] if claims[b].roots != ra), bound - len(found)):
                        found.setdefault(b, reason)
                pick("conflict", a, found)
                if near:
                    found = {}
                    for b, reason in near:
                        wb = claims[b].words
                        shared = len(wa & wb)  # |a & b| / |a | b| >= 0.15, without making the union
                        if b != a and shared / max(1, len(wa) + len(wb) - shared) >= 0.15:
                            found.setdefault(b, reason)
                    pick("related", a, found)
    return links["conflict"], links["related"]
