"""The site's files that depend on its data alone (feeds, event files, vCards, posters), made in
a second process while MkDocs builds the pages, and collected at the end of the build: on two
cores this takes their half second off a build. Where a process cannot be forked (Windows,
macOS's default, a process that runs threads, the preview), they are made at the end as before;
the bytes are the same either way."""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

Files = dict[str, dict[str, bytes]]  # locale -> site path in its folder -> bytes

# What the forked process makes: set just before it is forked, so that nothing of the site is
# pickled on the way there (only the files come back).
_make: Callable[[], Files] | None = None


def _run() -> Files:
    assert _make is not None
    return _make()


class FilesAhead:
    """`make()` in a forked process from now on, or on `result()` where forking is unsafe."""

    def __init__(self, make: Callable[[], Files], *, parallel: bool = True) -> None:
        global _make
        self._make = make
        self._future: Future[Files] | None = None
        self._pool: ProcessPoolExecutor | None = None
        if parallel and _can_fork():
            _make = make
            context = multiprocessing.get_context("fork")
            self._pool = ProcessPoolExecutor(max_workers=1, mp_context=context)
            self._future = self._pool.submit(_run)
            _make = None

    def result(self) -> Files:
        """The files; an error of the other process is raised here, as it would be at once."""
        if self._future is None:
            return self._make()
        try:
            return self._future.result()
        except BrokenProcessPool:  # the other process died (out of memory): make them here
            return self._make()
        finally:
            self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool, self._future = None, None


def _can_fork() -> bool:
    # Forking a process that runs threads can leave a lock held in the copy.
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
