"""Renderers: report and query results as text, json, csv, markdown; the graph as HTML."""
