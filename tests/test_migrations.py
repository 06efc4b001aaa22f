"""Alembic: up from empty, no drift from the models, all the way down and up again."""

import os
import subprocess
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import text

from tests.cli.test_import import EOKB
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


def test_two_migrations_at_once_both_reach_head(empty_db: str) -> None:
    env = {**os.environ, "EOKB_DATABASE_URL": empty_db}
    runs = [subprocess.Popen([EOKB, "migrate"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in "ab"]
    for run in runs:
        _, stderr = run.communicate(timeout=120)
        assert run.returncode == 0, stderr.decode()
    [[(version,)]] = query(empty_db, text("SELECT version_num FROM alembic_version"))
    assert version == ScriptDirectory.from_config(alembic_config(empty_db)).get_current_head()
