"""Alembic: up from empty, no drift from the models, all the way down and up again."""

from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from alembic.util.exc import CommandError
from sqlalchemy import text

from tests.conftest import query

ROOT = Path(__file__).resolve().parents[1]


def alembic_config(url: str) -> Config:
    config = Config(str(ROOT / "alembic.ini"))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def tables(url: str) -> set[str]:
    [rows] = query(url, text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))
    return {name for (name,) in rows}


def test_upgrade_check_downgrade_upgrade(empty_db: str) -> None:
    config = alembic_config(empty_db)
    command.upgrade(config, "head")
    assert {"orders", "provisions", "agencies", "obligations", "obligation_actors", "order_relations"} <= tables(
        empty_db
    )
    command.check(config)  # raises when the models and the migrations disagree
    command.downgrade(config, "base")
    assert tables(empty_db) == {"alembic_version"}
    command.upgrade(config, "head")
    assert "provisions" in tables(empty_db)


def test_check_catches_drift(empty_db: str) -> None:
    config = alembic_config(empty_db)
    command.upgrade(config, "head")
    command.downgrade(config, "-1")
    with pytest.raises(CommandError):
        command.check(config)
