"""Liveness and readiness, outside the versioned API."""

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

router = APIRouter(tags=["health"])


@router.get("/health", operation_id="getHealth", summary="Liveness: the process answers")
async def health() -> dict[str, str]:
    return {"status": "ok"}


@router.get(
    "/ready",
    operation_id="getReady",
    summary="Readiness: the database answers",
    responses={503: {"description": "The database is unreachable"}},
)
async def ready(request: Request) -> JSONResponse:
    try:
        async with request.app.state.engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
    except (DBAPIError, SQLAlchemyError, OSError):
        return JSONResponse(
            {"status": "unavailable", "database": "unreachable"}, status_code=503, headers={"Retry-After": "5"}
        )
    return JSONResponse({"status": "ok", "database": "ok"})
