"""Liveness and readiness, outside the versioned API."""

import asyncio
from typing import Literal

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: Literal["ok"]


class Readiness(BaseModel):
    status: Literal["ok", "unavailable"]
    database: Literal["ok", "unreachable"]


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
    try:  # bounded, so a probe gets its answer in time even when the network to the database is silent
        async with asyncio.timeout(request.app.state.settings.db_connect_timeout_seconds):
            async with request.app.state.engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
    except (SQLAlchemyError, OSError):  # OSError: refused, reset, or no answer in time (TimeoutError)
        response.status_code = 503
        response.headers["Retry-After"] = "5"
        return Readiness(status="unavailable", database="unreachable")
    return Readiness(status="ok", database="ok")
