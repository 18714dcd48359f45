"""What articles and analysts' files say: names in every script stay distinct sources and outlets,
and terminal escapes or Markdown links in metadata are never acted on (issue 16: "Names not in Latin
script", "Terminal escapes from metadata", and the Markdown item of "Smaller")."""

from __future__ import annotations

import json
import re

from .common import Case, Lab, Result, cli

NAMES = {  # two people in each script, and an outlet
    "Cyrillic": ("Владимир Зеленский", "Сергей Шойгу", "ТАСС"),
    "Greek": ("Σπύρος Παπαδόπουλος", "Νίκος Γεωργίου", "Καθημερινή"),
    "Arabic": ("محمد عباس", "أحمد حسن", "الجزيرة"),
    "Chinese": ("王小明", "李大伟", "新华社"),
}
LABELS = "SELECT DISTINCT ?s ?l WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l }"

OSC, CSI, C1, BIDI = "\x1b]0;pwned\x07", "\x1b[2J\x1b[31m", "\x9b31m", "\u202e"
TITLE = f"Evil {OSC}title {CSI}red {BIDI}abc {C1}x"
OUTLET = f"Bad{C1} Outlet{CSI}"
EVIL_FILE = f"evil{OSC}name.txt"


def names(lab: Lab) -> list[Case]:
    """Two articles per script: the first has both people, the second the first person again. Each
    name must be one node (also across the articles), and the names of a script two nodes."""
    folder, store = lab.dir("names"), lab.root / "names-store"
    for script, (a, b, outlet) in NAMES.items():
        first = (f"Report {script}\n\n{a} said on Monday that 300 soldiers had crossed the river.\n\n"
                 f"{b} said on Tuesday that the bridge was destroyed in May.\n")
        second = f"Follow-up {script}\n\n{a} said on Friday that 40 tanks were lost in June.\n"
        for k, text in enumerate((first, second)):
            (folder / f"{script}-{k}.txt").write_text(text, encoding="utf-8")
            (folder / f"{script}-{k}.meta.json").write_text(json.dumps({"outlet": outlet}), encoding="utf-8")

    def ingest() -> Result:
        return cli("ingest", folder, "--store", store)

    def nodes(script: str) -> Result:
        r = cli("query", "--format", "json", LABELS, "--store", store)
        if r.rc != 0:
            return r
        by_label: dict[str, set] = {}
        for row in json.loads(r.out):
            by_label.setdefault(row["l"], set()).add(row["s"])
        wanted = NAMES[script]
        found = {n: by_label.get(n, set()) for n in wanted}
        problems = [f"no node labelled {n!r}" for n, iris in found.items() if not iris]
        problems += [f"{n!r} is {len(iris)} nodes" for n, iris in found.items() if len(iris) > 1]
        iris = [i for s in found.values() for i in s]
        if len(set(iris)) != len(iris):
            problems.append("two names share one node: " + ", ".join(sorted(iris)))
        r.err = ("; ".join(problems) or f"{len(wanted)} names, {len(set(iris))} nodes: "
                 + " ".join(i.rsplit("/", 1)[-1] for i in iris)) + "\n" + r.err
        r.rc = 1 if problems else 0
        return r

    cases = [Case("ingest 8 articles naming people in 4 scripts", ingest, rc=0)]
    cases += [Case(f"{script}: 2 people + 1 outlet = 3 nodes, labels kept", lambda s=script: nodes(s), rc=0)
              for script in NAMES]
    cases.append(Case("registry: two Cyrillic names are not duplicates",
                      ["report", "--registry", lab.write("names/sources.yaml", "sources:\n"
                       "  - {name: ТАСС, grade: C}\n  - {name: РИА Новости, grade: C}\n  - {name: 新华社, grade: C}\n"
                       "  - {name: Καθημερινή, grade: B}\n  - {name: الجزيرة, grade: B}\n"), "--store", store], rc=0))
    return cases


def escapes(lab: Lab) -> list[Case]:
    """A sidecar's title and outlet, a file name, a correction's analyst and note, all carrying OSC,
    CSI, C1 and bidi controls, through every command that prints them."""
    folder, store = lab.dir("escapes"), lab.root / "escapes-store"
    (folder / EVIL_FILE).write_text("Harbour master Ingrid Solberg said 40 ships were delayed on Monday.\n",
                                    encoding="utf-8")
    (folder / EVIL_FILE.replace(".txt", ".meta.json")).write_text(json.dumps({"title": TITLE, "outlet": OUTLET}),
                                                                   encoding="utf-8")
    (folder / f"empty{CSI}.txt").write_bytes(b"")
    title_query = "SELECT ?t ?o WHERE { ?a <http://schema.org/headline> ?t . OPTIONAL { ?a <http://schema.org/publisher>/<http://www.w3.org/2000/01/rdf-schema#label> ?o } }"
    shows = lambda r: None if "\\u001b" in r.text else "the escape is not shown as \\u001b"  # noqa: E731

    def claim() -> Result:
        report = cli("report", "--format", "json", "--store", store)
        ids = [c["id"] for c in json.loads(report.out)["claims"]] if report.rc == 0 else []
        return cli("claim", ids[0], "--store", store) if ids else report

    def corrections(field: str) -> Result:
        claim_id = json.loads(cli("report", "--format", "json", "--store", store).out)["claims"][0]["id"]
        analyst = OSC + "Mallory" if field == "analyst" else "Jane Doe"
        note = f"{BIDI}see {CSI}" if field == "note" else "fine"
        path = lab.write(f"escapes/{field}.yaml", f'analyst: "{_yaml(analyst)}"\ncorrections:\n'
                         f'  - {{action: dispute, claim: {claim_id}, note: "{_yaml(note)}"}}\n')
        return cli("curate", path, "--store", store)

    cases = [Case("ingest: escapes in file name, title, outlet (-v)", ["-v", "ingest", folder, "--store", store],
                  rc=1, one_line=False, needle="the file is empty", check=shows)]
    for args in (["report"], ["report", "--all"], ["report", "--format", "markdown"], ["report", "--format", "csv"],
                 ["report", "--format", "json"], ["query", title_query], ["query", title_query, "--format", "csv"],
                 ["stats"], ["export", "--format", "nquads"], ["validate"], ["remove", "no such article"]):
        cases.append(Case(" ".join(a if len(a) < 20 else "SELECT title, outlet" for a in args),
                          [*args, "--store", store], rc=1 if args[0] == "remove" else 0))
    cases.append(Case("claim (the hostile article's)", claim, rc=0))
    cases.append(Case("curate: escapes in the analyst's name", lambda: corrections("analyst"), needle="U+001B"))
    cases.append(Case("curate: bidi and CSI in a note", lambda: corrections("note"), needle="U+202E"))
    cases.append(Case("ingest an option named with escapes", ["ingest", f"-{OSC}", "--store", store], rc=2))
    return cases


def _yaml(text: str) -> str:
    """`text` as the inside of a YAML double-quoted string: control characters as \\x or \\u escapes."""
    return "".join(f"\\u{ord(c):04x}" if not c.isprintable() else c for c in text)


def markdown_links(lab: Lab) -> list[Case]:
    folder, store = lab.dir("markdown"), lab.root / "markdown-store"
    (folder / "a.txt").write_text("Harbour master Ingrid Solberg said 40 ships were delayed on Monday.\n",
                                  encoding="utf-8")
    title = f"![pixel]({lab.url('/markdown-image')}) [click](javascript:alert(1)) <img src=x onerror=alert(1)>"
    (folder / "a.meta.json").write_text(json.dumps({"title": title, "outlet": "[Outlet](javascript:alert(2))"}),
                                        encoding="utf-8")
    cli("ingest", folder, "--store", store)

    def check(r: Result) -> str | None:
        live = re.search(r"(?<!\\)\]\((?:https?|javascript):|<img", r.out)
        return f"a live link or image: {live.group()!r}" if live else None

    return [Case("report --format markdown: links in titles are text", ["report", "--format", "markdown",
                 "--store", store], rc=0, check=check, path="/markdown-image")]


def sections(lab: Lab):
    yield "names in every script stay distinct sources and outlets", names(lab)
    yield "terminal escapes in metadata, file names and corrections", escapes(lab)
    yield "smaller: Markdown links and images from titles", markdown_links(lab)

