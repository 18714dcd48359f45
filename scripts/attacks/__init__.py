"""The attacks of issue 16, one module per concept; scripts/bad_input.py runs them all.

Each module has `sections(lab)`, yielding (title, cases); a case is one attack (see common.Case)."""

from . import content, files, load, mistakes, network, rdf

MODULES = [files, content, network, rdf, load, mistakes]
