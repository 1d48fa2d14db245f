"""SQLite store: schema and migrations, writes, queries."""

from .db import EventFilter, Store
from .migrations import MIGRATIONS, migrate, schema_version

__all__ = ["MIGRATIONS", "EventFilter", "Store", "migrate", "schema_version"]
