"""SQLite store: schema and migrations, writes, queries."""

from .db import Store
from .migrations import MIGRATIONS, migrate, schema_version

__all__ = ["MIGRATIONS", "Store", "migrate", "schema_version"]
