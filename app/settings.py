"""Configuration from the environment (prefix EOKB_), in one place."""

from functools import lru_cache
from pathlib import Path
from typing import Literal

import platformdirs
from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="EOKB_", extra="ignore")

    database_url: str | None = Field(
        default=None,
        description="Postgres URL (postgresql:// or postgresql+asyncpg://). Unset: an embedded Postgres is started.",
    )
    database_replica_url: str | None = Field(
        default=None,
        description="A streaming read replica: the API reads there, while imports, syncs and the first-run sync "
        "write to database_url. Unset: everything uses database_url.",
    )
    data_dir: Path = Field(
        default_factory=lambda: platformdirs.user_data_path("eokb"),
        description="Where the embedded Postgres keeps its data when no database URL is set.",
    )
    db_pool_size: int = Field(
        default=20, ge=1, description="Connections each worker keeps open; as many as requests it serves at once."
    )
    db_max_overflow: int = Field(
        default=0,
        ge=0,
        description="Connections beyond the pool, opened under a burst and closed after each use: each costs a "
        "connect, so a steady load is better served by a larger pool.",
    )
    db_connect_timeout_seconds: float = Field(
        default=2.0,
        gt=0,
        description="How long Postgres may take to accept a connection or answer a pooled one's ping before it counts "
        "as unreachable and requests get 503.",
    )
    db_pool_timeout_seconds: float = Field(
        default=2.0, gt=0, description="How long a request waits for a free pooled connection before it gets 503."
    )
    fr_api_url: str = Field(
        default="https://www.federalregister.gov/api/v1", description="The Federal Register API that sync reads."
    )
    fr_requests_per_second: float = Field(default=5.0, gt=0, le=50, description="Politeness limit towards the FR API.")
    fr_timeout_seconds: float = Field(default=30.0, gt=0, description="Timeout of each FR API request.")
    sync_on_start: bool = Field(default=True, description="`eokb serve` on an empty database syncs in the background.")
    sync_overlap_days: int = Field(default=7, ge=0, description="How far back an incremental sync looks again.")
    statement_timeout_ms: int = Field(
        default=15_000, description="No statement may run longer; ingest raises it for its own connections."
    )
    export_timeout_ms: int = Field(
        default=600_000, gt=0, description="How long one export may stream before the database ends it."
    )
    data_version_reuse_seconds: float = Field(
        default=1.0,
        ge=0,
        description="How long a worker reuses the data version it read for ETags: after an import, ETags may lag "
        "the data by this much, never the other way round.",
    )
    log_format: Literal["json", "console"] = Field(
        default="json", description="One JSON object per log line on stderr, or `console` for people reading along."
    )
    log_level: Literal["debug", "info", "warning", "error"] = "info"
    cors_origins: list[str] = Field(
        default=[], description="Browser origins allowed to read the API (a JSON list); none by default."
    )

    @field_validator("database_url", "database_replica_url")
    @classmethod
    def _use_asyncpg(cls, value: str | None) -> str | None:
        return asyncpg_url(value) if value else None


def asyncpg_url(url: str) -> str:
    """Accept the usual postgresql:// form; the service always talks asyncpg."""
    for prefix in ("postgresql+asyncpg://", "postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+asyncpg://" + url[len(prefix) :]
    raise ValueError("a database URL must start with postgresql:// or postgresql+asyncpg://")


@lru_cache
def get_settings() -> Settings:
    return Settings()
