"""Reading the analyst's YAML files (corrections, source registry) with errors that name the line."""

from __future__ import annotations

from pathlib import Path

from provgraph.errors import InputError


def read_yaml(path: str | Path, what: str):
    """(document, node tree) of a YAML file; the node tree gives line numbers for later errors."""
    import yaml

    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"cannot read the {what} {path}: {e}") from None
    try:
        alias = next((e for e in yaml.parse(text) if isinstance(e, yaml.AliasEvent)), None)
        if alias is not None:  # "billion laughs": a few nested aliases expand to gigabytes as we walk them
            raise InputError(f"{path}, line {alias.start_mark.line + 1}: YAML aliases (*{alias.anchor}) are not "
                             f"accepted in a {what}; write the value out")
        return yaml.safe_load(text), yaml.compose(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f", line {mark.line + 1}" if mark is not None else ""
        raise InputError(f"{path}{where}: not valid YAML ({getattr(e, 'problem', None) or e})") from None
    except (ValueError, OverflowError) as e:  # a value YAML itself cannot build: "date: 2024-13-45"
        raise InputError(f"{path}: a value in the {what} is out of range ({e})") from None
