"""The `file:` URI that opens a SQLite file with query flags (read-only, immutable).

SQLite reads the URI's path up to the first `?` or `#`, and decodes `%XX`, so a portfolio
in a folder such as "Q3 #2" or "100% done" must have those characters escaped, or another
(or no) file is opened.
"""

from __future__ import annotations

from os import PathLike


def sqlite_uri(path: str | PathLike[str], query: str = "mode=ro") -> str:
    text = str(path)
    escaped = text.replace("%", "%25").replace("?", "%3F").replace("#", "%23")
    if escaped.startswith("//"):  # not an authority: "file://host/..." means a host
        escaped = "//" + escaped
    return f"file:{escaped}?{query}" if query else f"file:{escaped}"
