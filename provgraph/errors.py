"""Errors a user can fix. The CLI prints their message and exits non-zero; no traceback."""


class ProvgraphError(Exception):
    """Base class: the message names the bad input and how to fix it."""


class InputError(ProvgraphError):
    """An article or data file that cannot be read (encoding, empty, binary, malformed)."""


class QueryError(ProvgraphError):
    """A SPARQL query that does not parse or fails to run."""


class StoreError(ProvgraphError):
    """The store cannot be opened (busy, missing, corrupt)."""
