"""Worker processes (extraction in ingest, SHACL checks in validate) that end with the command that
started them: `kill -9` gives a process pool no chance to stop its workers, which would otherwise
go on until their queue ran dry."""

from __future__ import annotations

import ctypes
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import threading


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def die_with_parent() -> None:
    """Called first in a worker: end when the parent process does. Linux: the kernel's parent-death
    signal. Elsewhere (or if prctl is missing): a thread that waits on the pipe (on Windows, the
    process handle) multiprocessing keeps to the parent, which the parent's death closes, and then
    ends the worker. Nothing in the command's own process (`workers=1`)."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
        else:
            if os.getppid() != parent.pid:  # the parent died before the signal was asked for
                os._exit(1)
            return
    watch_parent(parent)


def watch_parent(parent) -> None:
    """End this process (exit status 1) as soon as `parent`'s sentinel is ready: it has died."""
    def wait() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=wait, name="provgraph-parent-watch", daemon=True).start()
