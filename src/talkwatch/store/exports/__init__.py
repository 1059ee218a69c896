"""The record out of the store: its own formats and the event formats of other tools.

``record``: ``talkwatch.record/1`` JSON, JSON Lines, CSV tables, Parquet, and an
article's digest rebuilt from its rows. ``gdelt`` and ``plover``: events as
GDELT 2.0 rows and PLOVER records, from digests, a record or event dicts
(``events`` flattens and merges them for both). The submodules are imported
by name, so reading a record never loads the CAMEO tables::

    normalize_events(data, actors=None, documents=None) -> list[dict]
    merge_events(events) -> list[dict]                  # GDELT-style counting
    to_gdelt_rows(data, actors=None, documents=None) -> Iterator[dict]
    write_gdelt(path_or_file, data, actors=None, documents=None, header=True) -> int
    to_plover(data, actors=None, documents=None) -> Iterator[dict]
    write_plover(path_or_file, data, actors=None, documents=None) -> int
    validate_plover(record) -> None                     # SchemaError if invalid
"""
