"""envreport: analyze Chinese government environmental reports (生态环境局 工作总结, 通报,
整改报告, 环境状况公报) into their metadata, outline and every quantitative indicator.

>>> import envreport
>>> report = envreport.analyze("2021年，全区优良天数为287天，同比增加12天。")
>>> report["indicators"][0]["value"]
287.0
>>> df = envreport.frame(["reports/2022.txt", "reports/2023.docx"])  # doctest: +SKIP

Everything runs in this process: no text leaves the machine.
"""

from __future__ import annotations

import json
import os
from typing import Iterable, Optional, Sequence, Union

from . import _core

__all__ = ["analyze", "read", "frame", "compare", "COLUMNS", "__version__"]

__version__: str = _core.VERSION

#: The columns of :func:`frame`, in order: the report (file name or label), its title,
#: region, year and period, then one indicator a row (its catalogue id, name, value in
#: the catalogue's unit, the value as written, comparison, rank, check and span).
COLUMNS: list = list(_core.COLUMNS)

PathOrText = Union[str, "os.PathLike[str]"]


def analyze(text: str, offsets: str = "chars") -> dict:
    """The report of a text: ``meta``, ``sections``, ``indicators``, ``comparisons``,
    ``ranks``, ``checks``, ``diagnostics``. Span offsets count Unicode characters unless
    ``offsets`` is ``"utf8"`` or ``"utf16"``."""
    return json.loads(_core.analyze_json(str(text), offsets))


def read(path: PathOrText, offsets: str = "chars", encoding: Optional[str] = None) -> dict:
    """The report of a file, read as the command line reads it: text in UTF-8, UTF-16,
    GB18030/GBK or Big5 (detected unless ``encoding`` says), a saved web page or a Word
    document. The report's ``input`` says which; ``text`` holds the text analyzed."""
    text, report = _core.read_json(os.fspath(path), offsets, encoding)
    report = json.loads(report)
    report["text"] = text
    return report


def _items(paths_or_texts: Iterable[PathOrText]) -> tuple:
    """``(label, path or text)`` pairs and whether they are files: path-like objects and
    strings naming an existing file are files, other strings are texts (labelled
    ``text 1``, ``text 2``, …)."""
    items = list(paths_or_texts)
    if isinstance(paths_or_texts, (str, bytes)):
        raise TypeError("give a list of paths or texts, not one string")
    files = [isinstance(x, os.PathLike) or (isinstance(x, str) and len(x) < 4096 and "\n" not in x and os.path.isfile(x)) for x in items]
    if any(files) and not all(files):
        bad = items[files.index(False)] if not files[0] else items[files.index(True)]
        raise ValueError(f"mix of file paths and texts: {str(bad)[:60]!r}")
    if items and all(files):
        return [(os.fspath(x), os.fspath(x)) for x in items], True
    return [(f"text {k + 1}", str(x)) for k, x in enumerate(items)], False


def frame(paths_or_texts: Iterable[PathOrText], encoding: Optional[str] = None):
    """One pandas DataFrame of every indicator of every report, in the columns of
    :data:`COLUMNS` (the tidy form: one value a row, with its report, region and year).

    Give file paths (read as :func:`read` reads them) or texts. For collections beyond one
    machine, run it per partition with Dask (see the package's README)."""
    import pandas as pd

    items, files = _items(paths_or_texts)
    rows = json.loads(_core.tidy_json(items, files, encoding)) if items else []
    df = pd.DataFrame(rows, columns=COLUMNS)
    return df.astype({c: _DTYPES.get(c, "string") for c in COLUMNS})


#: The columns of :func:`frame` that are not text, with their types (the same on every
#: partition, however many of their values are missing there).
_DTYPES = {
    "year": "Int64",
    "indicator": "int64",
    "value": "float64",
    "written_value": "float64",
    "low": "float64",
    "high": "float64",
    "approx": "bool",
    "placeholder": "bool",
    "comparison_value": "float64",
    "rank": "Int64",
    "check_limit": "float64",
    "start": "int64",
    "end": "int64",
}


def compare(
    paths_or_texts: Sequence[PathOrText],
    order: str = "region",
    shared: bool = False,
    encoding: Optional[str] = None,
) -> dict:
    """The reports side by side, as ``envreport compare --format json`` gives them:
    ``columns`` (the reports, ordered by ``region``, ``year`` or ``input``) and ``rows``
    (one indicator by catalogue id, a cell a report with its value in the catalogue's
    unit and its change from the column before). ``shared`` keeps only the indicators
    that two reports or more state."""
    items, files = _items(paths_or_texts)
    return json.loads(_core.compare_json(items, files, order, 2 if shared else 1, encoding))
