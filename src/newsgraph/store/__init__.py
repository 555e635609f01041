"""Doc <-> database: the only package that writes SQL (DuckDB, one embedded file)."""
