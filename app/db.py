"""The async engine and the connection dependency the API reads through.

When Postgres is down or the network to it goes silent, a request must fail within seconds, not hang: every wait
on the database is bounded (a connect, a pooled connection's ping, each query, a free pooled connection), and once
the database is found unreachable new connections fail at once for a moment instead of each waiting out a timeout.
"""

import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any, cast

import asyncpg
import structlog
from fastapi import Depends, Request
from sqlalchemy import event
from sqlalchemy.dialects import registry
from sqlalchemy.dialects.postgresql.asyncpg import PGDialect_asyncpg
from sqlalchemy.engine import AdaptedConnection, ExceptionContext, make_url
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

from app import local_postgres
from app.settings import Settings, asyncpg_url

BEYOND_STATEMENT_TIMEOUT_SECONDS = 1.0
"""The driver gives up on a query this long after Postgres would have cancelled it: on a database that answers,
Postgres's own statement timeout always comes first, so only a database that stopped answering gets here."""

RECHECK_SECONDS = 1.0
"""Once the database is found unreachable, how long new connections fail without trying."""

TRUSTED_FOR_SECONDS = 1.0
"""A pooled connection returned this recently is handed out again without a ping: under load every request would
otherwise pay a round trip to learn what the previous one just showed. One that broke meanwhile fails its query
instead, which drops it and reports the database unavailable, as a failed ping would have."""

# connection exceptions, shutdown, crash, starting up, too many connections
OUTAGE_SQLSTATES = ("08", "57P01", "57P02", "57P03", "53300")
QUERY_CANCELED = "57014"  # a statement timeout, on a database that answers

log = structlog.get_logger()


class DatabaseUnavailable(ConnectionError):
    """The database did not answer, or was found unreachable moments ago."""


class QueryTimedOut(Exception):
    """Postgres cancelled a statement that ran past its statement timeout."""


def is_outage(error: BaseException) -> bool:
    """Whether `error` says the database cannot be reached, rather than that a query failed on one that answers."""
    if isinstance(error, DatabaseUnavailable | PoolTimeout):
        return True
    if isinstance(error, DBAPIError):
        return error.connection_invalidated or _sqlstate(error.orig).startswith(OUTAGE_SQLSTATES)
    return _sqlstate(error).startswith(OUTAGE_SQLSTATES)


def is_query_timeout(error: BaseException) -> bool:
    return isinstance(error, QueryTimedOut) or isinstance(error, DBAPIError) and _sqlstate(error.orig) == QUERY_CANCELED


def _sqlstate(error: BaseException | None) -> str:
    return getattr(error, "sqlstate", None) or ""


def _reason(error: BaseException) -> str:
    return str(error) or type(error).__name__  # a TimeoutError says nothing of itself


class _Outage:
    """Whether the database was found unreachable: then connects fail at once for RECHECK_SECONDS, after which one
    connect tries again while the rest still fail at once, so a database that is back is used within about a second.
    """

    def __init__(self) -> None:
        self.retry_at: float | None = None

    def known(self) -> bool:
        """Whether the database was found unreachable less than RECHECK_SECONDS ago."""
        return self.retry_at is not None and time.monotonic() < self.retry_at

    def check(self) -> None:
        if self.retry_at is None:
            return
        now = time.monotonic()
        if now < self.retry_at:
            raise DatabaseUnavailable("the database was unreachable moments ago")
        self.retry_at = now + RECHECK_SECONDS

    def began(self, cause: BaseException) -> None:
        if self.retry_at is None:
            log.warning("database unreachable", error=_reason(cause))
        self.retry_at = time.monotonic() + RECHECK_SECONDS

    def ended(self) -> None:
        if self.retry_at is not None:
            log.info("database reachable again")
        self.retry_at = None


class _DriverConnection(asyncpg.Connection):
    """asyncpg bounds a whole COPY by one timeout, which a streamed export would outlive: it gets the export's.
    It also keeps when the pool last had it back, for the ping that a recently used connection does without."""

    copy_timeout: float
    returned_at: float = -TRUSTED_FOR_SECONDS

    async def copy_from_query(self, query: str, *args: Any, timeout: float | None = None, **options: Any) -> str:
        return await super().copy_from_query(query, *args, timeout=timeout or self.copy_timeout, **options)


class BoundedAsyncpgDialect(PGDialect_asyncpg):
    """asyncpg that never waits on a database that does not answer longer than `answer_timeout` (a query: longer
    than its statement timeout), and drops such connections without the goodbye that would wait on it again."""

    supports_statement_cache = True

    def __init__(self, answer_timeout: float, copy_timeout: float, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.answer_timeout, self.copy_timeout = answer_timeout, copy_timeout
        self.outage = _Outage()

    def connect(self, *cargs: Any, **cparams: Any) -> Any:
        self.outage.check()
        try:
            connection = super().connect(*cargs, **cparams)
        except OSError as error:  # refused, reset, unroutable, or no answer in time (TimeoutError)
            self.outage.began(error)
            raise DatabaseUnavailable(f"cannot connect: {_reason(error)}") from error
        except Exception as error:  # Postgres itself refused: starting up or full is an outage, a bad password not
            if is_outage(error):
                self.outage.began(error)
            else:
                self.outage.ended()
            raise
        self.outage.ended()
        connection.driver_connection.copy_timeout = self.copy_timeout
        return connection

    def do_ping(self, dbapi_connection: AdaptedConnection) -> bool:
        """A pooled connection must answer within `answer_timeout`; one that does not is dropped with the others.
        One returned to the pool moments ago is taken as it is (TRUSTED_FOR_SECONDS); while the database is known
        to be unreachable, none is (it is dropped, and the new connection in its place fails at once)."""
        if self.outage.known():
            return False
        if time.monotonic() - dbapi_connection.driver_connection.returned_at < TRUSTED_FOR_SECONDS:
            return True
        try:
            dbapi_connection.run_async(lambda driver: driver.execute("SELECT 1", timeout=self.answer_timeout))
        except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as error:
            dbapi_connection.driver_connection.terminate()
            if isinstance(error, TimeoutError):
                self.outage.began(error)
            return False  # the pool drops every connection as old as this one and connects anew
        return True

    def do_terminate(self, dbapi_connection: AdaptedConnection) -> None:
        """At once: a graceful close waits up to 2 s per connection for a database that may not be listening."""
        dbapi_connection.driver_connection.terminate()


registry.register("postgresql.bounded_asyncpg", __name__, BoundedAsyncpgDialect.__name__)


def database_url(settings: Settings) -> str:
    """The configured server, or the embedded one started on demand."""
    return settings.database_url or asyncpg_url(local_postgres.start(settings.data_dir))


def make_engine(settings: Settings, url: str | None = None) -> AsyncEngine:
    engine = create_async_engine(
        make_url(url or database_url(settings)).set(drivername="postgresql+bounded_asyncpg"),
        pool_size=settings.db_pool_size,
        max_overflow=settings.db_max_overflow,
        pool_pre_ping=True,
        pool_timeout=settings.db_pool_timeout_seconds,
        answer_timeout=settings.db_connect_timeout_seconds,
        copy_timeout=settings.export_timeout_ms / 1000 + BEYOND_STATEMENT_TIMEOUT_SECONDS,
        connect_args={
            "timeout": settings.db_connect_timeout_seconds,
            "connection_class": _DriverConnection,
            "command_timeout": settings.statement_timeout_ms / 1000 + BEYOND_STATEMENT_TIMEOUT_SECONDS,
            "server_settings": {
                "application_name": "eokb",
                "statement_timeout": str(settings.statement_timeout_ms),
                "pg_trgm.word_similarity_threshold": "0.5",  # one typo in a short word still resembles
                "jit": "off",  # compiling costs more than it saves on queries that return in milliseconds
            },
        },
    )
    event.listen(engine.sync_engine, "handle_error", _broken_connection)
    event.listen(engine.sync_engine.pool, "checkin", _returned)
    return engine


def _returned(dbapi_connection: AdaptedConnection | None, _record: object) -> None:
    if dbapi_connection is not None:  # None: it was invalidated on the way back
        dbapi_connection.driver_connection.returned_at = time.monotonic()


def _broken_connection(context: ExceptionContext) -> DatabaseUnavailable | None:
    """A query whose socket broke or that got no answer in time: drop its connection (and the pool's older ones)
    rather than roll it back, which would wait on the database again, and report the database unavailable."""
    error = context.original_exception
    if not isinstance(error, OSError):
        return None
    context.is_disconnect = context.invalidate_pool_on_disconnect = True  # SQLAlchemy spares the pool on a timeout
    if isinstance(error, TimeoutError):  # no answer even past the statement timeout: the database is gone
        cast(BoundedAsyncpgDialect, context.dialect).outage.began(error)
    return DatabaseUnavailable(f"the connection failed: {_reason(error)}")


@asynccontextmanager
async def driver(conn: AsyncConnection) -> AsyncIterator[asyncpg.Connection]:
    """The pooled connection's own asyncpg connection, for a hot statement run without SQLAlchemy's execution
    (which took more CPU than asyncpg itself). Its failures come out as SQLAlchemy's would: a timeout as a query
    timeout; a broken connection dropped and reported as the database unavailable."""
    pooled = await conn.get_raw_connection()
    try:
        yield pooled.driver_connection
    except asyncpg.QueryCanceledError as error:
        raise QueryTimedOut(str(error)) from error
    except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as error:
        if isinstance(error, asyncpg.PostgresError) and not is_outage(error):
            raise  # a statement that failed on a database that answers
        await conn.invalidate(error)
        if isinstance(error, TimeoutError) or is_outage(error):
            cast(BoundedAsyncpgDialect, conn.dialect).outage.began(error)
        raise DatabaseUnavailable(f"the connection failed: {_reason(error)}") from error


async def connection(request: Request) -> AsyncIterator[AsyncConnection]:
    """One read connection per request, returned to the pool afterwards."""
    engine: AsyncEngine = request.app.state.engine
    conn = await engine.connect()
    try:
        yield conn
    finally:
        await _release(conn)


async def _release(conn: AsyncConnection) -> None:
    """Returning a connection rolls it back; if the database has gone meanwhile, that fails, but the request has
    had its answer (or its 503) already and the pool drops the connection: nothing to report."""
    try:
        await conn.close()
    except (SQLAlchemyError, OSError) as error:
        if not is_outage(error):
            raise


Conn = Annotated[AsyncConnection, Depends(connection)]
