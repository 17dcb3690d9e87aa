"""Storage: the records of :mod:`storyline.core.records` in SQLite (default) or PostgreSQL.

``open_store(path_or_url)`` opens (creating and migrating) a database and returns a
:class:`Store`. See ``docs/storage.md`` for the tables, versioning and PostgreSQL set-up.
"""

from storyline.store.sql import ALL, MAIN, Store, StorySummary, open_store

__all__ = ["ALL", "MAIN", "Store", "StorySummary", "open_store"]
