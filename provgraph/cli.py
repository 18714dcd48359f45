"""The `provgraph` command line. Each command parses options, makes one library call and renders it."""

from __future__ import annotations

import functools
import json
import os
import sys
import time
import warnings
from contextlib import contextmanager
from pathlib import Path

import click

from provgraph import queries
from provgraph.errors import ProvgraphError
from provgraph.render import ALIASES, SUFFIXES, count, format_for

STORE_HELP = "Store folder (default ./.provgraph, or $PROVGRAPH_STORE)."
RDF_FORMATS = ("turtle", "trig", "nquads", "ntriples", "jsonld", "rdfxml")
QUIET, NORMAL, VERBOSE = 0, 1, 2  # how much a run says on stderr: -q, neither, -v
LEVEL, BAR = "provgraph.verbosity", "provgraph.bar"  # keys in click's ctx.meta, shared by group and command


def _verbosity(ctx, param, value):
    if value:
        level = QUIET if param.name == "quiet" else VERBOSE
        if ctx.meta.setdefault(LEVEL, level) != level:
            raise click.UsageError("give --quiet or --verbose, not both")


def verbosity_options() -> list[click.Option]:
    """-q/--quiet and -v/--verbose, fresh for the group and for each command, so that both
    `provgraph -q ingest` and `provgraph ingest -q` work."""
    return [click.Option(["-q", "--quiet"], is_flag=True, expose_value=False, callback=_verbosity,
                         help="No progress bar, notes or warnings on stderr; errors still print."),
            click.Option(["-v", "--verbose"], is_flag=True, expose_value=False, callback=_verbosity,
                         help="More on stderr: a line per file, shard or graph, and the time taken.")]


class Group(click.Group):
    """Turns ProvgraphError into one clean message and exit code 1 (no traceback); whatever a
    command prints goes through provgraph/terminal.py. Gives every command -q and -v."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.params += verbosity_options()

    def add_command(self, cmd, name=None):
        cmd.params += verbosity_options()
        super().add_command(cmd, name)

    def invoke(self, ctx):
        from provgraph.terminal import guarded, visible

        started = time.perf_counter()
        try:
            with guarded(), warnings.catch_warnings():
                warnings.showwarning = lambda message, *_, **__: note(f"warning: {message}")  # as -q/-v say
                result = super().invoke(ctx)
                note(f"{ctx.invoked_subcommand}: {time.perf_counter() - started:.2f} s", VERBOSE)
                return result
        except ProvgraphError as e:
            raise click.ClickException(visible(str(e))) from None
        except OSError as e:  # a full disk, /dev/full, a folder we may not write: the system's own words
            where = f"{e.filename}: " if e.filename else ""
            raise click.ClickException(visible(f"{where}{e.strerror or e}")) from None
        except click.ClickException as e:  # printed after this returns: the message is made safe here
            e.message = visible(e.message)
            raise


def store_option(f):
    """--store and --endpoint, shared by every command that reads or writes the graph. The command
    gets `store`: a function that opens the chosen store (embedded, or a SPARQL server)."""
    @click.option("--store", "store_path", envvar="PROVGRAPH_STORE", type=click.Path(file_okay=False),
                  help=STORE_HELP)
    @click.option("--endpoint", envvar="PROVGRAPH_ENDPOINT", metavar="URL",
                  help="Use a SPARQL 1.1 server instead (query URL; or $PROVGRAPH_ENDPOINT).")
    @functools.wraps(f)
    def wrapper(*args, store_path, endpoint, **kwargs):
        from provgraph.store import open_store

        def opener(create: bool = False, timeout: float | None = None, read_only: bool = False):
            return open_store(store_path, endpoint, create=create, timeout=timeout, read_only=read_only)
        opener.spec = (store_path, endpoint)
        return f(*args, store=opener, **kwargs)
    return wrapper


def engine_option(f):
    """--engine: the tagger trained on PolNeAR (the rules its features) or the rules alone."""
    from provgraph.extract import DEFAULT_ENGINE, ENGINES

    return click.option("--engine", type=click.Choice(ENGINES), default=DEFAULT_ENGINE, show_default=True,
                        help="Extraction: the tagger trained on PolNeAR with the rules as its features, or "
                             "the rules alone (about 2.5x faster, looser span edges); both judge "
                             "checkability with the trained classifier.")(f)


def note(message: str, at: int = NORMAL) -> None:
    """A line on stderr for the person at the terminal: not with --quiet; with `at=VERBOSE`, only
    with --verbose. Written above the progress bar when one is drawn. The one way commands say
    anything but their output and errors."""
    if _level() >= at:
        _stderr(message)


def error(message: str) -> None:
    """An error the run goes on after (a file that cannot be read): printed even with --quiet."""
    _stderr(f"error: {message}")


def _level() -> int:
    return click.get_current_context().meta.get(LEVEL, NORMAL)


def _stderr(line: str) -> None:
    bar = click.get_current_context().meta.get(BAR)
    if bar is not None:
        bar.write(line, file=sys.stderr)
    else:
        click.echo(line, err=True)


@contextmanager
def progress(total: int, unit: str, desc: str):
    """A progress bar on stderr for 20 or more items on a terminal; none with --quiet."""
    from tqdm import tqdm

    meta = click.get_current_context().meta
    with tqdm(total=total, unit=unit, desc=desc, file=sys.stderr,
              disable=_level() == QUIET or total < 20 or None) as bar:
        meta[BAR] = bar
        try:
            yield bar
        finally:
            del meta[BAR]


class FormatChoice(click.Choice):
    """A format name, in any case; the old names in ALIASES (`table`) are still accepted, unlisted."""

    def __init__(self, names):
        super().__init__(names, case_sensitive=False)

    def convert(self, value, param, ctx):
        return super().convert(ALIASES.get(str(value).lower(), value), param, ctx)


def format_option(*names: str, default: str, help: str = ""):
    """--format, one of `names`. Without it, the format -o's file name asks for (report.md:
    markdown; a name that asks for one the command does not write is an error), else `default`."""
    def decorator(f):
        @click.option("--format", "fmt", type=FormatChoice(names),
                      help=f"{help} [default: {default}, or what -o's file name says]".lstrip())
        @functools.wraps(f)
        def wrapper(*args, fmt, **kwargs):
            output = kwargs.get("output")
            if output in (None, "-") or Path(output).is_dir():  # stdout, or a folder for extract's shards
                fmt = fmt or default
            elif fmt is None:
                fmt = format_for(output, names) or default
            elif fmt not in (said := SUFFIXES.get(Path(output).suffix.lower(), (fmt,))):
                note(f"note: writing {fmt} to {output}, whose name says {said[0]}")
            return f(*args, fmt=fmt, **kwargs)
        return wrapper
    return decorator


def _output_file(ctx, param, value):
    """An output file's folder must exist: say so in one line before any work is done."""
    if value is None or value == "-":
        return value
    parent = Path(value).parent
    if not parent.is_dir():
        raise click.BadParameter(f"the folder {str(parent)!r} does not exist", ctx, param)
    if Path(value).is_dir():
        raise click.BadParameter(f"{value!r} is a folder; give a file name", ctx, param)
    return value


def output_option(f):
    """-o/--output: write what the command prints to a file instead."""
    return click.option("-o", "--output", type=click.Path(dir_okay=False), callback=_output_file,
                        help="Write to a file instead of stdout.")(f)


def _articles(paths) -> list[Path]:
    """The article files among `paths`; what is not one is named on stderr and left out."""
    from provgraph.reader import find_articles

    skipped: list[str] = []
    files = find_articles(list(paths), skipped)
    for line in skipped:
        note(f"note: {line}")
    if not files:
        raise click.ClickException(f"no article files (.txt, .md, .html) in {', '.join(paths)}")
    return files


def _finite(ctx, param, value):
    if value is not None and value != value:  # NaN passes every range check
        raise click.BadParameter("not a number", ctx, param)
    return value


def _write_pieces(pieces, output: str | None) -> None:
    """What a command prints, as it comes: to stdout, or (-o; - is stdout) to a file, whole or not
    at all (a temporary file beside it, renamed over it at the end; a device or pipe is written to
    directly)."""
    if not output or output == "-":
        for piece in pieces:
            click.echo(piece.decode("utf-8") if isinstance(piece, bytes) else piece, nl=False)
        return
    path = Path(output)
    direct = path.exists() and not path.is_file()
    partial = path if direct else path.with_name(f".{path.name}.partial")
    try:
        with open(partial, "wb") as f:
            for piece in pieces:
                f.write(piece.encode("utf-8") if isinstance(piece, str) else piece)
        if not direct:
            os.replace(partial, path)
    except OSError as e:
        raise click.ClickException(f"{output}: {e.strerror or e}") from None
    finally:
        if not direct:
            partial.unlink(missing_ok=True)
    note(f"wrote {output}")


def _write(data: str | bytes, output: str | None) -> None:
    _write_pieces([data], output)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="provgraph")
def cli():
    """provgraph: who said what, via whom, and which news claims are weakly sourced.

    \b
    provgraph ingest samples/        # read articles into ./.provgraph
    provgraph report                 # weakly sourced claims
    provgraph view -o graph.html     # interactive graph, works offline
    """


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--jsonl", "jsonl_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="A news dump: one article per line, {\"text\", \"title\", \"url\", \"outlet\", "
                   "\"published\", \"author\"} (repeatable).")
@click.option("--field", "fields", multiple=True, metavar="FIELD=KEY",
              help="Where a --jsonl record keeps a field, e.g. --field text=body --field title=headline.")
@click.option("--warc", "warc_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="A web archive (.warc, .warc.gz): one article per archived HTML page (repeatable).")
@click.option("--feed", "feed_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="An RSS or Atom feed file: one article per entry (repeatable).")
@click.option("--strict", is_flag=True, help="Stop at the first file that cannot be read.")
@click.option("--workers", type=click.IntRange(1, 64), default=None,
              help="Extraction processes (default: all cores, at most 8).")
@click.option("--resume", is_flag=True, help="Skip articles already stored (same text) without re-reading them.")
@click.option("--max-mb", type=click.FloatRange(0.001), default=20, show_default=True,
              help="Refuse files larger than this (a news article is far smaller).")
@click.option("--replace", is_flag=True,
              help="An edited article replaces the version stored from a file of the same name.")
@engine_option
@store_option
def ingest(paths, jsonl_files, fields, warc_files, feed_files, strict, workers, resume, max_mb, replace, engine,
           store):
    """Read articles (.txt, .md, .html; files or folders; - for stdin; dumps, archives, feeds) into the store.

    Metadata comes from a sidecar NAME.meta.json, a front-matter block or HTML <meta> tags (for
    --jsonl, from each record). Re-ingesting an article changes nothing. A file or record that
    cannot be read is reported and skipped (exit code 1 at the end); an interrupted run keeps
    every article already stored.

    \b
    Example: provgraph ingest samples/ more/article.html --workers 2
    Example: curl -s https://example.org/story.html | provgraph ingest -
    Example: provgraph ingest --jsonl dump.jsonl --field text=body
    Example: provgraph ingest --warc crawl.warc.gz --feed news.rss
    """
    import tempfile

    from provgraph.records import feed_records, field_map, jsonl_records, stdin_record, warc_records, write_records

    if not (paths or jsonl_files or warc_files or feed_files):
        raise click.UsageError("give article files or folders, - for stdin, --jsonl, --warc or --feed FILE")
    with tempfile.TemporaryDirectory(prefix="provgraph-records-") as tmp:
        records = []
        if "-" in paths:
            records.append(stdin_record(sys.stdin.read()))
        for name in jsonl_files:
            with open(name, encoding="utf-8", errors="replace") as f:
                records.extend(jsonl_records(f, name, field_map(fields)))
        for name in warc_files:
            records.extend(warc_records(name))
        for name in feed_files:
            records.extend(feed_records(name))
        from_records, record_errors = write_records(records, Path(tmp))
        for message in record_errors:
            error(message)
        named = [p for p in paths if p != "-"]
        files = (_articles(named) if named else []) + from_records
        if not files:
            raise click.ClickException("no article to read" + (" (every record failed)" if record_errors else ""))
        _ingest(files, strict, workers, resume, max_mb, replace, engine, store, failed=len(record_errors))


def _ingest(files, strict, workers, resume, max_mb, replace, engine, store, failed: int = 0):
    from provgraph.ingest import ingest_files
    from provgraph.remove import remove_articles, stored_articles
    from provgraph.workers import default_workers

    workers = workers or (default_workers() if len(files) >= 50 else 1)
    started = time.perf_counter()
    errors = 0

    def tick(p):
        nonlocal errors
        for w in p.warnings:
            note(f"warning: {w}")
        if p.error:
            errors += 1
            error(p.error)
            bar.set_postfix(errors=errors)
        else:
            note(f"{p.path}: " + ("skipped (already stored)" if p.known else
                                  f"{'added' if p.added else 'unchanged'}, {count(p.claims, 'claim')}"), VERBOSE)
        bar.update()

    with store(create=True) as db, progress(len(files), "file", "ingest") as bar:
        before = {a.iri for a in stored_articles(db)} if replace else set()
        summary = ingest_files(files, db, strict=strict, workers=workers, resume=resume, progress=tick,
                               max_bytes=int(max_mb * 1e6), engine=engine)
        if replace and not summary.interrupted:
            names = {f.name for f in files}
            stored = stored_articles(db)
            fresh = {a.file for a in stored if a.iri not in before}
            old = [a for a in stored if a.iri in before and a.file in names and a.file in fresh]
            remove_articles(db, old)
            for a in old:
                note(f"replaced {a.describe()}")
    seconds = time.perf_counter() - started
    note(f"{summary.files} of {count(len(files), 'file')}: {summary.added} added, {summary.unchanged} unchanged, "
         + (f"{summary.skipped} skipped (already stored), " if resume else "")
         + f"{len(summary.failed)} failed; {count(summary.claims, 'claim')} ({seconds:.2f} s) -> {db.path}")
    if summary.interrupted:
        error("interrupted: every article listed as added is stored; run the same command with --resume "
              "to finish (the cross-article analyses run at the end)")
        sys.exit(130)
    if summary.failed or failed:
        sys.exit(1)


@cli.command()
@format_option("text", "json", "csv", "markdown", default="text")
@click.option("--reason", "reasons", multiple=True,
              type=click.Choice(["disputed", "circular-reporting", "indirect-chain", "anonymous-only",
                                 "conflicting-figures", "low-reliability", "interested-party", "unattributed",
                                 "single-source", "hedged"]),
              help="Only claims flagged for this reason (repeatable).")
@click.option("--top", "--limit", "top", type=click.IntRange(1), help="Only the N most serious claims.")
@click.option("--offset", type=click.IntRange(0), default=0, help="Skip the N most serious first (a page: "
              "--offset 20 --top 20).")
@click.option("--all", "include_all", is_flag=True,
              help="Every claim, flagged or not, with why it is or is not checkable.")
@output_option
@click.option("--registry", type=click.Path(dir_okay=False), envvar="PROVGRAPH_REGISTRY",
              help="Source registry (YAML: grades, parties); default $PROVGRAPH_REGISTRY, else none.")
@store_option
def report(fmt, reasons, top, offset, include_all, output, registry, store):
    """Weakly sourced claims, most serious first, with their ID, sources, chain and evidence.

    Example: provgraph report --top 10 --registry samples/sources.yaml
    """
    from provgraph import numbering
    from provgraph.analysis.report import weak_claims
    from provgraph.registry import DEFAULT, find
    from provgraph.render.report import pieces

    sources = find(registry)
    if sources is None and Path(DEFAULT).is_file():  # never read unnamed: say how to use it
        note(f"note: {DEFAULT} in this folder is not read unless named: --registry {DEFAULT}")
    with store(read_only=True) as db:  # JSON and CSV are written as their claims are read
        result = weak_claims(db, list(reasons) or None, registry=sources, include_all=include_all, top=top,
                             offset=offset, stream=fmt in ("json", "csv"))
        _write_pieces(pieces(result, fmt), output)
    if fmt == "text":
        numbering.save(store.spec, [c.claim for c in result.claims], first=offset + 1)


@cli.command()
@click.argument("sparql", required=False)
@click.option("--file", "file", type=click.File(encoding="utf-8"), help="Read the query from a .rq file.")
@click.option("--named", help="Run a query shipped with provgraph (see --list).")
@click.option("--list", "list_", is_flag=True, help="List the named queries.")
@format_option("text", "json", "csv", default="text", help="SELECT results as an aligned table, JSON or CSV.")
@click.option("--update", "allow_update", is_flag=True, help="Allow SPARQL UPDATE (queries are read-only by default).")
@click.option("--timeout", type=click.FloatRange(0.1, 1e6), callback=_finite,
              help="Stop the query after this many seconds.")
@click.option("--allow-network", is_flag=True,
              help="Allow SERVICE and LOAD, which send requests to other hosts (refused by default).")
@click.option("--prefixes", "show_prefixes", is_flag=True, help="List the prefixes every query may use undeclared.")
@output_option
@store_option
def query(sparql, file, named, list_, fmt, allow_update, timeout, allow_network, show_prefixes, output, store):
    """Run a SPARQL query over all articles' graphs (read-only unless --update).

    pg:, prov:, schema:, rdf:, rdfs:, xsd:, owl: and dcterms: need no PREFIX line (--prefixes).
    SPARQL "-" (or --file -) reads the query from stdin.

    \b
    Example: provgraph query --named anonymous_only_claims --format csv
    Example: provgraph query 'SELECT ?c ?why WHERE { ?c pg:checkReason ?why } LIMIT 5'
    """
    from provgraph.querying import fetches, is_update, run_query
    from provgraph.vocab import PREFIXES
    from provgraph.render.table import render

    if show_prefixes:
        _write("".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items()), output)
        return
    if list_:
        for name in queries.names():
            first = queries.load(name).splitlines()[0].lstrip("# ")
            click.echo(f"{name:24} {first}")
        return
    given = [x for x in (sparql, file, named) if x]
    if len(given) != 1:
        raise click.UsageError("give exactly one of: a QUERY argument, --file F.rq, --named NAME")
    try:
        text = queries.load(named) if named else file.read() if file else sys.stdin.read() if sparql == "-" else sparql
    except UnicodeDecodeError as e:
        where = file.name if file else "stdin"
        raise click.ClickException(f"{where}: not UTF-8 text (byte {e.start}); a query is SPARQL text") from None
    keyword = fetches(text)
    if keyword and not allow_network:
        raise click.ClickException(f"this query uses {keyword}, which sends a request to another host; "
                                   "run it again with --allow-network if that is what you want")
    if is_update(text) and not allow_update:
        raise click.ClickException("this is a SPARQL UPDATE, which changes the graph; "
                                   "run it again with --update if that is what you want")
    result = run_query(store, text, update=is_update(text), timeout=timeout)
    if result is None:
        note("update applied")
    elif result.boolean is not None:
        _write("true\n" if result.boolean else "false\n", output)
    elif result.graph is not None:
        _write(result.graph, output)
    else:
        _write(render(result.rows, result.columns, fmt), output)


@cli.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False), default="graph.html", show_default=True,
              callback=_output_file, help="The HTML file (not written when only --png/--svg are given, unless -o is); "
              ".graphml or .gexf for Gephi; .png, .svg, .pdf for a picture.")
@click.option("--claim", help="Only this claim's provenance (IRI or its last part), with the claims that "
              "repeat or contradict it.")
@click.option("--article", help="Only this article (IRI, or words of its title).")
@click.option("--source", help="Only claims that rest on this source (words of its name).")
@click.option("--only-flagged", is_flag=True, help="Only weakly sourced claims and what they rest on.")
@click.option("--png", type=click.Path(dir_okay=False), callback=_output_file,
              help="Draw the same graph as a PNG picture (no browser).")
@click.option("--svg", type=click.Path(dir_okay=False), callback=_output_file,
              help="Draw the same graph as an SVG picture (no browser).")
@store_option
def view(output, claim, article, source, only_flagged, png, svg, store):
    """Write an interactive graph view: one HTML file that works offline; or a static picture;
    or the graph for Gephi or Cytoscape (-o graph.graphml, -o graph.gexf).

    \b
    Example: provgraph view --only-flagged -o flagged.html
    Example: provgraph view --source RIA --png ria.png
    Example: provgraph view -o provenance.gexf
    """
    from provgraph.analysis.graph import focus, provenance_graph
    from provgraph.render.html import render
    from provgraph.render.network import FORMATS, write_network

    with store(read_only=True) as db:
        g = focus(provenance_graph(db), claim, article, source, only_flagged)
    if g.number_of_nodes() == 0:
        raise click.ClickException("nothing to show: no node matches the focus options")
    size = f"{count(g.number_of_nodes(), 'node')}, {count(g.number_of_edges(), 'edge')}"
    suffix = Path(output).suffix.lower()
    network, picture = FORMATS.get(suffix), None
    if network:
        write_network(g, output, network)
        note(f"wrote {output} ({size}, {network.upper()})")
        output = None
    elif suffix not in ("", ".html", ".htm"):  # -o graph.png, graph.pdf: a picture, as --png would draw
        picture, output = output, None
    html = output is not None and (not (png or svg) or not click.get_current_context().get_parameter_source(
        "output").name.startswith("DEFAULT"))
    if html:
        Path(output).write_text(render(g, "provgraph: source provenance"), encoding="utf-8")
        note(f"wrote {output} ({size}); open it in a browser")
    for path, default in ((picture, None), (png, "png"), (svg, "svg")):
        if path:
            from provgraph.render.static import draw

            # the format the file name asks for; a name without a suffix gets the option's own
            draw(g, path, None if Path(path).suffix else default, "provgraph: source provenance")
            note(f"wrote {path} ({size})")


@cli.command()
@format_option(*RDF_FORMATS, default="trig", help="trig, nquads and jsonld keep one graph per article; turtle, "
               "ntriples and rdfxml (RDF/XML cannot hold named graphs) get the union of all graphs.")
@output_option
@store_option
def export(fmt, output, store):
    """Export the whole graph as RDF.

    \b
    Example: provgraph export --format turtle -o graph.ttl
    Example: provgraph export -o graph.rdf     # RDF/XML, from the file name
    """
    from provgraph.interop import dump

    with store(read_only=True) as db:
        data = dump(db, fmt)
    _write(data, output)


@cli.command()
@click.argument("claim_id")
@format_option("text", "json", default="text")
@output_option
@store_option
def claim(claim_id, fmt, output, store):
    """One claim's whole provenance tree: every report, chain, root and the evidence of each.

    CLAIM_ID is the ID the report shows (00e3b7e3/315-455), the claim's full IRI, or the number
    the last text report gave it ([3] -> 3).

    Example: provgraph claim 00e3b7e3/315-455
    """
    from provgraph import numbering
    from provgraph.analysis.provenance import claim_provenance
    from provgraph.render.provenance import render

    if claim_id.isdigit():
        claim_id = numbering.lookup(store.spec, int(claim_id))
    with store(read_only=True) as db:
        tree = claim_provenance(db, claim_id)
    _write(render(tree, fmt), output)


@cli.command()
@click.argument("articles", nargs=-1, required=True)
@store_option
def remove(articles, store):
    """Remove articles, every source only they cited, and what they gave the analyses.

    ARTICLES are file names, words of a title, article IRIs or content hashes. A claim the removed
    article corroborated rests on its other reports again.

    Example: provgraph remove convicts_desert_ria.txt
    """
    from provgraph.remove import remove_articles, resolve

    with store() as db:
        found = resolve(db, list(articles))
        claims = remove_articles(db, found)
    for a in found:
        note(f"removed {a.describe()}")
    note(f"{count(len(found), 'article')} and {count(claims, 'claim')} removed; analyses updated")


@cli.command()
@store_option
def reindex(store):
    """Recompute the cross-article analyses (roots, clusters, conflicts) into the derived graph.

    Example: provgraph reindex
    """
    from provgraph.analysis.corpus import derive

    with store() as db:
        c = derive(db)
    note(f"{count(len(c.claims), 'claim')}: {count(len(c.clusters), 'multi-report cluster')}, "
         f"{count(len(c.matches), 'same-claim link')}, {count(len(c.conflicts), 'figure conflict')}, "
         f"{count(len(c.loops), 'citation loop')}")


STATS = """
PREFIX schema: <http://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX pg: <https://w3id.org/provgraph/ns#>
SELECT
  (COUNT(DISTINCT ?article) AS ?articles) (COUNT(DISTINCT ?claim) AS ?claims)
  (COUNT(DISTINCT ?attribution) AS ?attributions) (COUNT(DISTINCT ?source) AS ?sources)
WHERE {
  { ?article a schema:NewsArticle } UNION { ?claim a schema:Claim } UNION
  { ?attribution a prov:Attribution } UNION { ?source pg:sourceKind ?kind }
}"""


@cli.command()
@format_option("text", "json", default="text")
@output_option
@store_option
def stats(fmt, output, store):
    """Counts of articles, claims, attributions, sources and triples in the store.

    Example: provgraph stats --format json
    """

    with store(read_only=True) as db:
        row = db.select(STATS)[0]
        row["triples"] = db.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")[0]["n"]
        row["store"] = str(db.path)
    _write(json.dumps(row, indent=2) + "\n" if fmt == "json" else "".join(f"{k:13} {v}\n" for k, v in row.items()),
           output)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--jsonl", "jsonl", type=click.File(encoding="utf-8"),
              help='Read records {"doc_id", "text"} from a JSONL file instead of article files.')
@format_option("jsonl", "nquads", default="jsonl",
               help="jsonl: attributions with offsets; nquads: the graph, as shards for `provgraph load`.")
@click.option("-o", "--output", default="-", help="Output file (jsonl), or folder for the shards (nquads).")
@click.option("--shard-size", type=click.IntRange(1), default=500, show_default=True,
              help="Articles per N-Quads shard.")
@engine_option
def extract(paths, jsonl, fmt, output, shard_size, engine):
    """Extract without storing: attributions as JSON lines, or the graph as N-Quads shards.

    \b
    Example: provgraph extract --jsonl docs.jsonl -o attributions.jsonl
    Example: provgraph extract articles/ --format nquads -o shards/ && provgraph load shards/
    """
    from provgraph.extract.polnear import extract_attributions
    from provgraph.reader import read_article

    if bool(paths) == bool(jsonl):
        raise click.UsageError("give article files or --jsonl FILE (one of them)")
    if fmt == "nquads":
        from provgraph.shards import write_shard

        if jsonl or output == "-":
            raise click.UsageError("--format nquads reads article files and needs -o FOLDER for the shards")
        files = [str(f) for f in _articles(paths)]
        Path(output).mkdir(parents=True, exist_ok=True)
        failed = 0
        for n in range(0, len(files), shard_size):
            r = write_shard(files[n:n + shard_size], Path(output) / f"shard-{n // shard_size:05}.nq", engine)
            for name, message in r["failed"]:
                error(message)
            failed += len(r["failed"])
            note(f"{r['shard']}: {count(r['articles'], 'article')}, {count(r['quads'], 'quad')}")
        if failed:
            sys.exit(1)
        return
    output = click.open_file(_output_file(click.get_current_context(), None, output), "w", encoding="utf-8")
    if jsonl:
        for n, line in enumerate(jsonl, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                doc_id, text = rec["doc_id"], rec["text"]
            except (ValueError, RecursionError, KeyError, TypeError) as e:  # JSONDecodeError is a ValueError
                raise click.ClickException(f"{jsonl.name}, line {n}: expected {{\"doc_id\", \"text\"}} "
                                           f"({str(e)[:80] or type(e).__name__})")
            for key, value in (("doc_id", doc_id), ("text", text)):
                if not isinstance(value, str) and not (key == "doc_id" and type(value) is int):  # not true/false
                    kind = {dict: "an object", list: "a list", bool: "true or false", float: "a number",
                            int: "a number", type(None): "null"}.get(type(value), type(value).__name__)
                    raise click.ClickException(f"{jsonl.name}, line {n}: {key} must be a string, not {kind}")
            output.write(json.dumps({"doc_id": doc_id, "attributions": extract_attributions(text, engine)},
                                    ensure_ascii=False) + "\n")
        return
    for path in _articles(paths):
        article = read_article(path)
        output.write(json.dumps({"doc_id": path.name, "attributions": extract_attributions(article.text, engine)},
                                ensure_ascii=False) + "\n")


@cli.command()
@format_option("text", "json", default="text")
@click.option("--all", "check_all", is_flag=True,
              help="Check every part, also those unchanged since they last conformed.")
@click.option("--shapes", type=click.Path(exists=True, dir_okay=False),
              help="SHACL shapes file (default ontology/shapes.ttl); checks the whole graph at once.")
@click.option("--workers", type=click.IntRange(1, 64), default=None,
              help="Processes checking parts (default: all cores, at most 8).")
@output_option
@store_option
def validate(fmt, check_all, shapes, workers, output, store):
    """Check the graph against the SHACL shapes; exit 1 on violations (warnings do not fail).

    Each problem names its rule, the node (and its named graph), the property path and the message.
    The graph is checked in parts (each article's graph, and shares of the rest), each with what its
    shapes read elsewhere; a part unchanged since it last conformed is not checked again (--all).

    \b
    Example: provgraph validate --format json
    Example: provgraph validate --all --workers 4
    """
    from tqdm import tqdm

    from provgraph.validate import load_record, save_record, validate_store
    from provgraph.workers import default_workers

    known = {} if check_all or shapes else load_record(store.spec)
    bars: dict = {}

    def tick(stage: str, done: int, total: int) -> None:
        if stage not in bars:
            for bar in bars.values():
                bar.close()
            few = total < (20 if stage == "reading" else 3)
            bars[stage] = tqdm(total=total, unit="part", desc=stage, file=sys.stderr,
                               disable=_level() == QUIET or few or None)
        bars[stage].update(done - bars[stage].n)

    try:
        with store(read_only=True) as db:
            result = validate_store(db, shapes, known=known, progress=tick, workers=workers or default_workers())
    finally:
        for bar in bars.values():
            bar.close()
    if result.parts:
        save_record(store.spec, result.passed)
    _write(json.dumps(result.as_dict(), indent=2, ensure_ascii=False) + "\n" if fmt == "json" else result.text(),
           output)
    if not result.conforms:
        sys.exit(1)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--replace", is_flag=True,
              help="Make the curation graph hold exactly these files' corrections (default: add to it).")
@store_option
def curate(files, replace, store):
    """Apply an analyst's corrections (YAML) to the graph; they win over the extractor.

    \b
    analyst: Jane Doe
    corrections:
      - action: remove-attribution        # also add-attribution, relabel, same-source,
        claim: 503231902f95f911e4af/779-790  #  different-source, verify, dispute
        source: Vladimir Boyko
        note: the figures are the court registry's, not Boyko's
        link: https://example.org/registry

    Corrections are kept in their own named graph, attributed to the analyst with a time, and
    survive re-ingest. The format is described in the README and in provgraph/curate.py.

    Example: provgraph curate corrections.yaml
    """
    from provgraph.curate import curate as apply

    with store() as db:
        s = apply(db, list(files), replace=replace)
    note(f"{count(s.added, 'correction')} added, {s.unchanged} already stored"
         + (f", {s.removed} removed" if replace else "") + f"; {s.stored} in the curation graph")


@cli.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", type=FormatChoice(RDF_FORMATS),
              help="RDF format (default: from the file name: .ttl .trig .nq .nt .jsonld .rdf).")
@click.option("--replace", is_flag=True, help="Let an article's graph replace a different stored version of it.")
@store_option
def import_(files, fmt, replace, store):
    """Load RDF exported earlier (by you or another provgraph user) and rerun the analyses.

    TriG, N-Quads and JSON-LD keep the named graphs: an article's graph is added (a different
    version of a stored article is refused unless --replace; a graph whose name is not its
    article's content hash always is), corrections are merged, the derived graph is recomputed.
    Turtle, N-Triples and RDF/XML go into one import graph. A file that does not parse changes
    nothing; the error names its line.

    Example: provgraph import colleague.trig --store merged
    """
    from provgraph.interop import import_files

    with store(create=True) as db:
        s = import_files(db, list(files), fmt, replace=replace)
    for g in s.graphs:
        note(f"graph {g}", VERBOSE)
    note(f"{count(s.files, 'file')}: {count(s.quads, 'statement')} in {count(len(s.graphs), 'graph')}"
         + (f" ({count(s.derived_dropped, 'derived statement')} recomputed instead)" if s.derived_dropped else ""))


@cli.command()
@click.argument("shards", nargs=-1, required=True, type=click.Path(exists=True))
@store_option
def load(shards, store):
    """Bulk-load N-Quads shards written by `provgraph extract --format nquads` (or another engine).

    Example: provgraph load shards/ --endpoint http://127.0.0.1:7878/query
    """
    from provgraph.shards import load_shards

    files = sorted(f for p in map(Path, shards) for f in ([p] if p.is_file() else p.glob("*.nq")))
    if not files:
        raise click.ClickException(f"no .nq shards in {', '.join(shards)}")
    with store(create=True) as db:
        r = load_shards(files, db, progress=lambda shard, quads: note(f"{shard}: {count(quads, 'quad')}", VERBOSE))
    note(f"loaded {count(r['shards'], 'shard')} ({count(r['quads'], 'quad')}) into {db.path}")


def main():
    cli()
if __name__ == "__main__":
    main()
