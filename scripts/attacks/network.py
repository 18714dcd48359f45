"""Nothing reaches the network unless asked, and a remote endpoint that lies fails in one line
(issue 16: "A read-only query reaches the network" and "A remote endpoint that lies").

Every request goes to the script's own server on 127.0.0.1, which records the paths it is asked
for: an attack passes only if its path was never requested."""

from __future__ import annotations

from .common import SAMPLES, Case, Lab


def fetching(lab: Lab) -> list[Case]:
    def service(path: str, silent: str = "", keyword: str = "SERVICE") -> str:
        return f"SELECT * WHERE {{ {keyword} {silent} <{lab.url(path)}> {{ ?s ?p ?o }} }}"

    rq = lab.write("network/service.rq", "# reads a remote graph\n" + service("/service-file"))
    jsonld = lab.write("network/remote.jsonld", f'{{"@context": "{lab.url("/jsonld-context")}", "@id": "http://a"}}')
    xxe = lab.write("network/external.rdf", f"""<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [ <!ENTITY ext SYSTEM "{lab.url('/xml-entity')}"> ]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
 <rdf:Description rdf:about="http://example.org/x"><ex:p>&ext;</ex:p></rdf:Description>
</rdf:RDF>
""")
    cases = [
        Case("query SERVICE <http://127.0.0.1/...>", ["query", service("/service")], store=True, path="/service",
             needle="--allow-network"),
        Case("query SERVICE SILENT", ["query", service("/silent", "SILENT")], store=True, path="/silent",
             needle="--allow-network"),
        Case("query service (lower case)", ["query", service("/lower", keyword="service")], store=True,
             path="/lower"),
        Case("query --file with SERVICE", ["query", "--file", rq], store=True, path="/service-file"),
        Case("query --update LOAD <http://...>", ["query", "--update", f"LOAD <{lab.url('/load')}>"], store=True,
             path="/load"),
        Case("import JSON-LD with a remote @context", ["import", jsonld], store=True, path="/jsonld-context"),
        Case("import RDF/XML with an external entity", ["import", xxe], store=True, rc=(0, 1), one_line=None,
             path="/xml-entity"),
        Case("ingest http://127.0.0.1/... as a path", ["ingest", lab.url("/ingest-url")], store=True,
             path="/ingest-url", one_line=False),
        Case("report --registry http://127.0.0.1/...", ["report", "--registry", lab.url("/registry")], store=True,
             path="/registry"),
    ]
    control = lab.copy("network-store")
    cases.append(Case("control: with --allow-network SERVICE does reach it",
                      ["query", "--allow-network", service("/allowed"), "--store", control], rc=(0, 1),
                      one_line=False, check=lambda r: None if lab.server.asked("/allowed") else "the server saw nothing"))
    return cases


def liars(lab: Lab) -> list[Case]:
    cases = []
    for lie in ("html", "badjson", "shape", "nothing", "endless"):
        url = lab.url(f"/liar/{lie}")
        for args in (["report"], ["stats"], ["query", "SELECT ?s WHERE { ?s ?p ?o }"], ["claim", "00e3b7e3/315-455"]):
            cases.append(Case(f"{args[0]} --endpoint that answers {lie}", [*args, "--endpoint", url], seconds=60,
                              kwargs={"timeout": 120}))
    cases.append(Case("ingest --endpoint that answers html", ["ingest", SAMPLES, "--endpoint", lab.url("/liar/html")],
                      one_line=False, rc=1, seconds=60))
    return cases


def sections(lab: Lab):
    yield "nothing fetched: SERVICE, LOAD, remote contexts and entities", fetching(lab)
    yield "a remote endpoint that lies", liars(lab)
