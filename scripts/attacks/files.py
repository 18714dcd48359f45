"""Bad and hostile article files, one at a time and as a batch: each is stored or refused in one
line, and no bad file stops the batch (issue 16: "One bad file stops the batch" and "Smaller")."""

from __future__ import annotations

import json
import os
import re

from .common import ARTICLE, Case, Lab, cli

HOSTILE_TITLE = 'Breaking <script>alert("x")</script> <img src=x onerror=alert(1)>'
SPEECH = "Officials said 40 people died in the flood, the agency reported."

# file name -> (content, stored?)  Content None: made by `big` below.
FILES: dict[str, tuple[bytes | None, bool]] = {
    "empty.txt": (b"", False),
    "blank.txt": (b"   \n\n\t  \n", False),
    "binary.txt": (bytes(range(256)) * 40, False),
    "png-named-txt.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 200, False),
    "windows-1252.txt": ("The mayor said \u201cwe will rebuild\u201d and 3,000 homes were lost.".encode("cp1252"), True),
    "utf16-bom.txt": (SPEECH.encode("utf-16"), True),
    "broken-utf16.txt": (b"\xff\xfeA\x00\x00\xdc", False),
    "utf16-no-bom.txt": (SPEECH.encode("utf-16-le"), True),
    "utf16be-no-bom.txt": (SPEECH.encode("utf-16-be"), True),
    "utf32.txt": (SPEECH.encode("utf-32"), True),
    "utf32-no-bom.txt": (SPEECH.encode("utf-32-le"), True),
    "invalid-utf8.txt": (b"The minister said caf\xc3\xa9 prices rose \xc3\x28 by 12 percent.", False),
    "mixed-encodings.txt": ("caf\u00e9 ".encode("utf-8") + "na\u00efve \u201cquote\u201d".encode("cp1252"), False),
    "one-line-no-breaks.txt": (" ".join(["officials said"] + ["word"] * 200_000).encode(), True),
    "script-only.html": (b"<html><head><script>var a = 1;</script><style>p{}</style></head><body>"
                         b"<script>alert(1)</script></body></html>", False),
    "broken.html": (b"<html><p>The spokesman said <b>40 ships <i>were delayed</p><div>unclosed", True),
    "unbalanced-quotes.txt": ("\u201cThis never closes, she said. \u2018Nor this. \"And this.".encode(), True),
    "hostile.txt": ((f"---\ntitle: {HOSTILE_TITLE}\noutlet: =cmd|' /C calc'!A0\n---\n"
                     "\u201c<script>alert(2)</script>,\u201d said a senior official, speaking on condition of "
                     "anonymity. =HYPERLINK(\"http://evil\") 2,000 troops left, according to <b>Reuters</b>.").encode(),
                    True),
    "control-chars.txt": (("The officer said 3 soldiers left. " * 4 + "\x01\x02\x03\x07\x08 Then 2 more left.").encode(),
                          True),
    "huge.txt": (None, False),  # over the 20 MB limit
}
SIDECARS = {  # article -> its sidecar, and whether the pair is stored
    "bad-sidecar.txt": (b'{"title": "unterminated', False),
    "sidecar-not-object.txt": (b'["a", "list"]', False),
    "sidecar-bom.txt": (b"\xef\xbb\xbf" + json.dumps({"title": "Saved by Notepad"}).encode(), True),
    "sidecar-deep.txt": (b"[" * 100_000 + b"]" * 100_000, False),
    "sidecar-digits.txt": (b'{"published": ' + b"9" * 5000 + b"}", False),
    "sidecar-surrogate.txt": (b'{"title": "bad \\ud800 x"}', False),
    "sidecar-huge.txt": (b'{"title": "' + b"x" * 1_100_000 + b'"}', False),
}


def big(path, size: int) -> None:
    """A sparse file of `size` bytes that starts with an article and is then one long run of text."""
    with open(path, "wb") as f:
        f.write(b"The minister said 3 ships sank.\n")
        f.write((b"x" * 70 + b"\n") * ((size - 40) // 71))


def one_by_one(lab: Lab) -> list[Case]:
    folder, store = lab.dir("bad"), lab.copy("bad-store")
    for name, (data, _) in FILES.items():
        if data is None:
            with open(folder / name, "wb") as f:
                f.truncate(21_000_000)
                f.write(b"The minister said 3 ships sank.")
        else:
            (folder / name).write_bytes(data)
    for name, (sidecar, _) in SIDECARS.items():
        (folder / name).write_text(ARTICLE.format(n=len(name)), encoding="utf-8")
        (folder / name.replace(".txt", ".meta.json")).write_bytes(sidecar)
    cases = [Case(f"ingest {name}", ["ingest", folder / name, "--store", store], rc=0 if stored else 1)
             for name, (_, stored) in {**FILES, **SIDECARS}.items()]
    cases.append(Case("ingest the whole folder at once", ["ingest", folder, "--store", store], rc=1, one_line=False))
    cases.append(Case("view: hostile text inert in the HTML", lambda: _view(lab, store), rc=0))
    cases.append(Case("report csv: no cell starts a formula", ["report", "--format", "csv", "--store", store], rc=0,
                      check=_no_formula))
    cases.append(Case("ingest - (stdin) of a binary", ["ingest", "-", "--store", store], kwargs={"stdin": b"\x00\x01" * 500}))
    return cases


def _view(lab: Lab, store):
    out = lab.root / "graph.html"
    r = cli("view", "-o", out, "--store", store)
    html = out.read_text(encoding="utf-8") if out.exists() else ""
    if "<script>alert" in html or "<img src=x" in html:
        r.err += "\nFAIL: hostile markup live in the HTML"
        r.rc = -1
    return r


def _no_formula(r) -> str | None:
    cells = [c for line in r.out.splitlines()[1:] for c in line.split(",")]
    bad = [c for c in cells if c.startswith(("=", "+", "-", "@"))]
    return f"a cell starts a formula: {bad[0][:40]!r}" if bad else None


def batch(lab: Lab) -> list[Case]:
    """One folder of good and bad files, plus /dev/zero and a FIFO named as inputs: every bad one
    is named in one line, every good one is stored, with one worker and with two."""
    folder = lab.dir("batch")
    good = ["good-1.txt", "good-2.txt", "sidecar-bom.txt", os.fsdecode(b"odd-\xff\xfe-name.txt")]
    for k, name in enumerate(good):
        (folder / name).write_text(ARTICLE.format(n=k + 10), encoding="utf-8")
    (folder / "sidecar-bom.meta.json").write_bytes(SIDECARS["sidecar-bom.txt"][0])
    bad = {"deep", "digits", "surrogate", "huge"}
    for name in bad:
        (folder / f"{name}.txt").write_text(ARTICLE.format(n=len(name) + 50), encoding="utf-8")
        (folder / f"{name}.meta.json").write_bytes(SIDECARS[f"sidecar-{name}.txt"][0])
    (folder / "unreadable.txt").write_text(ARTICLE.format(n=99), encoding="utf-8")
    (folder / "unreadable.txt").chmod(0)
    locked = lab.dir("batch/locked-folder")
    (locked / "inside.txt").write_text(ARTICLE.format(n=98), encoding="utf-8")
    locked.chmod(0)
    if not lab.quick:
        big(folder / "seventeen-mb.txt", 17_200_000)  # past pyoxigraph's 16.7 MB buffer, under --max-mb 20
        good.append("seventeen-mb.txt")
    fifo = lab.root / "a-fifo"
    os.mkfifo(fifo)
    named = ["deep.meta.json", "digits.meta.json", "surrogate.meta.json", "huge.meta.json", "unreadable.txt",
             "locked-folder", "/dev/zero", "a-fifo"]

    def check(r) -> str | None:
        missing = [n for n in named if n not in r.err]
        m = re.search(r"(\d+) added", r.err)
        added = int(m.group(1)) if m else 0
        if added != len(good):
            return f"{added} of {len(good)} good files stored" + (f"; not named: {missing}" if missing else "")
        return f"not named: {missing}" if missing else None

    return [Case(f"ingest folder + /dev/zero + FIFO, --workers {w}",
                 ["ingest", folder, "/dev/zero", fifo, "--workers", w, "--engine", "rules",
                  "--store", lab.root / f"batch-store-{w}"],
                 rc=1, one_line=False, bound=True, check=check, seconds=240, kwargs={"timeout": 300})
            for w in (1, 2)]


def smaller(lab: Lab) -> list[Case]:
    """The issue's "Smaller" list, but the encodings and the BOM sidecar (one_by_one has them)."""
    here = lab.dir("cwd-with-registry")
    (here / "sources.yaml").write_text("sources:\n  - {name: RIA Novosti, grade: E}\n", encoding="utf-8")
    return [
        Case("report in a folder holding sources.yaml: not read, and said on stderr", ["report", "--store", lab.store],
             rc=0, needle="not read unless named", kwargs={"cwd": here}),
        Case("validate --all: time", ["validate", "--all", "--store", lab.store], rc=0, seconds=60),
    ]


def sections(lab: Lab):
    yield "bad files, one at a time (then the folder, view and csv)", one_by_one(lab)
    yield "one bad file does not stop the batch", batch(lab)
    yield "smaller: a sources.yaml in the working folder, validate's time", smaller(lab)
