"""Analyses over the stored graph: the weak-sourcing report and, later, cross-article work."""
