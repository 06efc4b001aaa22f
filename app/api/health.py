"""Liveness and readiness, outside the versioned API."""

import asyncio
from enum import StrEnum
from typing import Literal

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, Field
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: Literal["ok"]


class Reachability(StrEnum):
    ok = "ok"
    unreachable = "unreachable"


class Readiness(BaseModel):
    status: Literal["ok", "unavailable"]
    database: Reachability = Field(description="The primary, which ingest writes to.")
    replica: Reachability | None = Field(
        None, description="The read replica the API reads from, when one is configured."
    )


@router.get("/health", operation_id="getHealth", summary="Liveness: the process answers")
async def health() -> Health:
    return Health(status="ok")


@router.get(
    "/ready",
    operation_id="getReady",
    summary="Readiness: the database answers",
    responses={503: {"model": Readiness, "description": "The database is unreachable"}},
)
async def ready(request: Request, response: Response) -> Readiness:
    state = request.app.state
    seconds = state.settings.db_connect_timeout_seconds
    database = await _answers(state.primary, seconds)
    replica = await _answers(state.replica, seconds) if state.replica is not None else None
    if "unreachable" in (database, replica):
        response.status_code = 503
        response.headers["Retry-After"] = "5"
        return Readiness(status="unavailable", database=database, replica=replica)
    return Readiness(status="ok", database=database, replica=replica)


async def _answers(engine: AsyncEngine, seconds: float) -> Literal["ok", "unreachable"]:
    try:  # bounded, so a probe gets its answer in time even when the network to the database is silent
        async with asyncio.timeout(seconds), engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
    except (SQLAlchemyError, OSError):  # OSError: refused, reset, or no answer in time (TimeoutError)
        return "unreachable"
    return "ok"
