"""Running a user's SPARQL: read-only unless asked, and stoppable after a timeout or by Ctrl-C.

pyoxigraph cannot interrupt a running query, so every query runs in a child process that opens
the store itself and is killed when time runs out or the user presses Ctrl-C; the store's lock
goes with it.
"""

from __future__ import annotations

import multiprocessing as mp
import re

from provgraph.errors import ProvgraphError, QueryError
from provgraph.store import Result
from provgraph.vocab import PREFIXES

_UPDATE = re.compile(
    r"^\s*(?:(?:PREFIX\s+\S*:\s*<[^>]*>|BASE\s+<[^>]*>)\s*)*(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b",
    re.IGNORECASE,
)


# Declared for every query that does not declare them itself (`provgraph query --prefixes`).
_DECLARED = re.compile(r"PREFIX\s+([\w.-]*):", re.IGNORECASE)


def with_prefixes(sparql: str) -> str:
    """`sparql` with the PREFIXES it does not declare, on one line before it (so that an error's
    line number is one more than the user's: `run_query` takes it back)."""
    declared = {m.group(1) for m in _DECLARED.finditer(sparql)}
    missing = [f"PREFIX {p}: <{iri}>" for p, iri in PREFIXES.items() if p not in declared]
    return " ".join(missing) + "\n" + sparql if missing else sparql


def _user_lines(message: str, shifted: bool) -> str:
    return re.sub(r"\bat (\d+):(\d+)", lambda m: f"at {int(m.group(1)) - 1}:{m.group(2)}", message) if shifted \
        else message


def is_update(sparql: str) -> bool:
    """True for SPARQL UPDATE requests (they change the graph)."""
    without_comments = re.sub(r"(?m)^\s*#.*$", "", sparql)
    return bool(_UPDATE.match(without_comments))


# What a query says, without its strings, IRIs and comments (where "SERVICE" may stand harmlessly).
_NOT_KEYWORDS = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
                           r"|<[^<>\"{}|^`\\\s]*>|#[^\n]*")
_FETCH = re.compile(r"(?<![?$:\w-])(SERVICE|LOAD)(?![\w:-])", re.IGNORECASE)  # not ?service, ex:load


def fetches(sparql: str) -> str | None:
    """The keyword (SERVICE, LOAD) by which the query would fetch from the network, if any: a query
    is data the user may have been handed, and it must not reach another host unless they say so."""
    m = _FETCH.search(_NOT_KEYWORDS.sub(" ", sparql))
    return m.group(1).upper() if m else None


def _child(spec, sparql: str, update: bool, conn) -> None:
    from provgraph.store import open_store
    try:
        with open_store(*spec, create=False, read_only=not update) as db:
            if update:
                db.update(sparql)
                conn.send(("ok", None))
            else:
                conn.send(("ok", db.run(sparql)))
    except ProvgraphError as e:
        conn.send(("error", str(e)))


def run_query(opener, sparql: str, update: bool = False, timeout: float | None = None) -> Result | None:
    """Run `sparql` on the store `opener` opens, with the usual prefixes declared; None for an
    update. With `timeout`, stop it then."""
    full = with_prefixes(sparql)
    try:
        result = _run(opener, full, update, timeout)
    except ProvgraphError as e:
        raise type(e)(_user_lines(str(e), full != sparql)) from None
    if result is not None and result.columns and _SELECT_ALL.search(sparql):
        result.columns.sort(key=lambda name: _first_use(sparql, name))  # as written, not alphabetical
    return result


_SELECT_ALL = re.compile(r"\bSELECT\s+(?:DISTINCT\s+|REDUCED\s+)?\*", re.IGNORECASE)


def _first_use(sparql: str, name: str) -> int:
    m = re.search(rf"[?$]{re.escape(name)}\b", sparql)
    return m.start() if m else len(sparql)


def _run(opener, sparql: str, update: bool, timeout: float | None) -> Result | None:
    """The query runs in a child process, which this one can stop: on the timeout, or on Ctrl-C
    (pyoxigraph does not return to Python until a query ends; an update is one transaction, so
    a stopped update changes nothing)."""
    # spawned, not forked: a process that has opened stores (tests, a library user) holds native
    # threads and locks that a forked child could inherit mid-use and wait on forever
    ctx = mp.get_context("spawn")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(opener.spec, sparql, update, child), daemon=True)
    proc.start()
    child.close()
    try:
        done = parent.poll(timeout)
    except KeyboardInterrupt:
        proc.kill()
        proc.join()
        raise QueryError("the query was stopped (Ctrl-C); nothing was changed") from None
    if not done:
        proc.kill()
        proc.join()
        raise QueryError(f"the query was stopped after {timeout:g} s (--timeout); narrow it or raise the limit")
    try:
        status, payload = parent.recv()
    except EOFError:  # the child died without a word (out of memory, killed)
        proc.join()
        raise QueryError(f"the query's process ended without an answer (exit code {proc.exitcode})") from None
    proc.join()
    if status == "error":
        raise ProvgraphError(payload)
    return payload
