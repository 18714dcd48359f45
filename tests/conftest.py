"""Shared fixtures: the sample articles, a CLI runner, and stores that live under tmp_path only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from provgraph.cli import cli

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
DATA = Path(__file__).resolve().parent / "data"
SAMPLE_FILES = sorted(SAMPLES.glob("*.txt"))


def pytest_configure(config):
    # rdflib's own parsers use its deprecated ConjunctiveGraph API; not ours to fix
    config.addinivalue_line("filterwarnings", "ignore:.*(ConjunctiveGraph|default_context).*:DeprecationWarning")


@pytest.fixture(autouse=True)
def _no_default_store(tmp_path, monkeypatch):
    """A command that forgets --store must never touch the repository's ./.provgraph, and report
    numbers are cached under tmp_path, not in the user's home."""
    monkeypatch.setenv("PROVGRAPH_STORE", str(tmp_path / "default-store"))
    monkeypatch.setenv("PROVGRAPH_CACHE", str(tmp_path / "cache"))


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def run(runner: CliRunner, *args, ok: bool = True):
    """Invoke the CLI; with ok=True assert a clean exit and show the output when it is not."""
    result = runner.invoke(cli, [str(a) for a in args])
    if ok:
        assert result.exit_code == 0, f"exit {result.exit_code}: {result.output}\n{result.exception!r}"
    return result


def assert_clean_error(result, *needles: str) -> None:
    """Non-zero exit with a message (containing each needle) and no Python traceback."""
    assert result.exit_code != 0
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    for needle in needles:
        assert needle in result.output


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory) -> Path:
    """A store holding the two sample articles; read-only for the tests that share it."""
    path = tmp_path_factory.mktemp("samples") / "store"
    result = CliRunner().invoke(cli, ["ingest", str(SAMPLES), "--store", str(path)])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="session")
def sample_report(sample_store) -> dict:
    result = CliRunner().invoke(cli, ["report", "--format", "json", "--store", str(sample_store)])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def make_store(runner: CliRunner, tmp_path: Path, *paths) -> Path:
    store = tmp_path / "store"
    run(runner, "ingest", *paths, "--store", store)
    return store
