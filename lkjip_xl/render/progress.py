"""A progress bar on standard error, only when a person is watching (both standard output and
standard error are terminals): nothing when the output is piped or redirected."""
from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Callable, Iterator


def wanted() -> bool:
    return sys.stdout.isatty() and sys.stderr.isatty()


@contextmanager
def progress_bar(total: int, label: str) -> Iterator[Callable[[object], None]]:
    """Yields ``advance(result)``; the bar disappears when done."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda _result: bar.advance(task)
