"""Reading the analyst's YAML files (corrections, source registry) with errors that name the line,
and the check of a value that must be a piece of text, which the metadata sidecars share."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from provgraph.errors import InputError

# control characters but tab and newline, and the bidi controls that reorder what a terminal shows
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def read_yaml(path: str | Path, what: str):
    """(document, node tree) of a YAML file; the node tree gives line numbers for later errors."""
    import yaml

    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"cannot read the {what} {path}: {e}") from None
    try:
        _no_alias_nor_depth(text, path, what)
        root = yaml.compose(text)
        _no_key_twice(root, path)
        return yaml.safe_load(text), root
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f", line {mark.line + 1}" if mark is not None else ""
        problem = " ".join(str(getattr(e, "problem", None) or e).split())  # the reader's messages run to two lines
        raise InputError(f"{path}{where}: not valid YAML ({problem})") from None
    except (ValueError, OverflowError) as e:  # a value YAML itself cannot build: "date: 2024-13-45"
        raise InputError(f"{path}: a value in the {what} is out of range ({e})") from None


MAX_DEPTH = 50  # lists and mappings inside each other; the files need 3


def _no_alias_nor_depth(text: str, path: Path, what: str) -> None:
    """Refuse, before anything is built, what would cost without bound: aliases ("billion laughs": a
    few nested aliases expand to gigabytes as we walk them) and deep nesting (100,000 `[` kept
    PyYAML's scanner busy for minutes, and its composer recurses)."""
    import yaml

    depth = 0
    for event in yaml.parse(text):
        if isinstance(event, yaml.AliasEvent):
            raise InputError(f"{path}, line {event.start_mark.line + 1}: YAML aliases (*{event.anchor}) are not "
                             f"accepted in a {what}; write the value out")
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise InputError(f"{path}, line {event.start_mark.line + 1}: lists and mappings are nested more "
                                 f"than {MAX_DEPTH} deep; a {what} needs three")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _no_key_twice(node, path: Path) -> None:
    """YAML keeps the last of two equal keys in a mapping without a word: `grade: A` then
    `grade: E` would grade E. Refuse it, naming the line."""
    import yaml

    todo = [node] if node is not None else []
    while todo:
        node = todo.pop()
        if isinstance(node, yaml.MappingNode):
            seen: set = set()
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in seen:
                        raise InputError(f"{path}, line {key.start_mark.line + 1}: the key {key.value!r} is given "
                                         "twice in one mapping; keep one")
                    seen.add(key.value)
                todo += [key, value]
        elif isinstance(node, yaml.SequenceNode):
            todo += node.value


def text_problem(value, limit: int, lines: bool = False, controls: bool = False) -> str | None:
    """What is wrong with a value that must be a piece of text (one line, unless `lines`; without
    control characters, unless `controls`), said so as to follow its name ("note is empty..."), or
    None."""
    if not isinstance(value, str):
        kind = ("a list" if isinstance(value, list) else "a mapping" if isinstance(value, dict)
                else "empty (null)" if value is None else "true or false" if isinstance(value, bool)
                else "a date" if isinstance(value, date) else "a number" if isinstance(value, int | float)
                else type(value).__name__)
        fix = "; put it in quotes" if isinstance(value, int | float | date) else ""
        return f"must be text, not {kind}{fix}"
    if not value.strip():
        return "is empty: write it, or leave the key out"
    if not lines and ("\n" in value or "\r" in value):
        return "must be one line: join its lines"
    control = None if controls else CONTROL.search(value)
    if control:
        return f"holds the control character U+{ord(control.group()):04X}: remove it"
    if len(value) > limit:
        return f"is {len(value):,} characters long: at most {limit:,}"
    return None
