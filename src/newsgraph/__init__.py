"""newsgraph: news articles in, a source-traced knowledge graph out."""

__version__ = "0.1.0"
