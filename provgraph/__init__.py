"""provgraph: a source-provenance knowledge graph for news articles."""

__version__ = "0.1.0"
