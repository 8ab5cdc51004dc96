"""The files made in a second process (output/files_ahead.py) are those made in this one, and
a mistake made there is raised here."""

from __future__ import annotations

import os

import pytest
from fedsite.output.files_ahead import FilesAhead


def made_by() -> dict[str, dict[str, bytes]]:
    return {"zh": {"calendar.ics": f"pid {os.getpid()}".encode()}}


def test_the_files_are_made_in_another_process_when_it_can_fork() -> None:
    ahead = FilesAhead(made_by)
    files = ahead.result()
    assert files.keys() == {"zh"}
    assert files["zh"]["calendar.ics"] != f"pid {os.getpid()}".encode()  # not this process


def test_without_forking_they_are_made_here() -> None:
    assert FilesAhead(made_by, parallel=False).result() == made_by()


def broken() -> dict[str, dict[str, bytes]]:
    raise ValueError("a mistake in the other process")


@pytest.mark.parametrize("parallel", [True, False])
def test_a_mistake_over_there_is_raised_here(parallel: bool) -> None:
    ahead = FilesAhead(broken, parallel=parallel)
    with pytest.raises(ValueError, match="a mistake in the other process"):
        ahead.result()
