"""The `eokb` command: migrate, import, sync, serve, eval, openapi."""

import asyncio
import json
import os
import signal
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

import migrations
from app.db import database_url, make_engine
from app.evaluation import OrderScore, score_order
from app.ingest.document import RejectedDocument
from app.ingest.lock import IngestBusy, writer_lock
from app.ingest.pipeline import IngestSummary, ingest
from app.ingest.sources import dump
from app.ingest.sources.federal_register import FederalRegisterClient, SourceError
from app.ingest.sync import SyncSummary, run_sync
from app.logs import configure_logging
from app.queries.obligations import stored_obligations
from app.settings import Settings, get_settings

cli = typer.Typer(
    help="eokb: the reference API for US executive orders.", no_args_is_help=True, pretty_exceptions_enable=False
)
out = Console()
err = Console(stderr=True, soft_wrap=True)

# EX_TEMPFAIL (sysexits.h): another import or sync holds the writer lock; nothing was changed, run again later.
EXIT_BUSY = 75
PARALLEL_FROM_DOCUMENTS = 200
"""Worker processes take a second or two to start, more than a smaller folder takes to parse here."""


def migrate_to_head(url: str) -> None:
    """Bring the schema to the newest Alembic revision."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(migrations.__file__).parent))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    command.upgrade(config, "head")


@cli.command()
def migrate() -> None:
    """Create or upgrade the schema (Alembic upgrade to head)."""
    migrate_to_head(database_url(get_settings()))
    out.print("schema is at the newest revision")


@cli.command("import")
def import_(
    folder: Annotated[Path, typer.Argument(help="A folder with documents.jsonl, xml/, text/ and agencies.json.")],
    workers: Annotated[
        int, typer.Option(min=0, help="Processes parsing orders while others load (0: parse in this one).")
    ] = os.cpu_count() or 1,
) -> None:
    """Load a folder in the corpus format; unchanged orders are left alone, bad documents named and skipped.

    Refuses at once (exit 75) while another import or sync is writing, rather than queueing behind it.
    """
    settings = get_settings()
    url = database_url(settings)
    stopped_by: list[signal.Signals] = []
    try:
        summary = asyncio.run(_import(settings, url, folder, workers, stopped_by))
    except asyncio.CancelledError:
        err.print("stopped: every order loaded so far is whole; import again to load the rest")
        raise typer.Exit(128 + stopped_by[0]) from None
    except dump.DumpError as error:
        err.print(f"[red]cannot import:[/red] {error}")
        raise typer.Exit(2) from None
    except IngestBusy as error:
        err.print(f"[red]cannot import:[/red] {error}", highlight=False)
        raise typer.Exit(EXIT_BUSY) from None
    out.print(summary.line())


async def _import(
    settings: Settings, url: str, folder: Path, workers: int, stopped_by: list[signal.Signals]
) -> IngestSummary:
    """The import, stopped between orders by Ctrl-C or SIGTERM (the signal is added to `stopped_by`)."""
    _stop_on_signals(stopped_by)
    engine = make_engine(settings, url)
    try:
        async with writer_lock(engine):
            # Under the lock: two imports into a new database would otherwise both create the schema.
            await asyncio.to_thread(migrate_to_head, url)
            return await _import_locked(engine, folder, workers)
    finally:
        await engine.dispose()


def _stop_on_signals(stopped_by: list[signal.Signals]) -> None:
    """Cancel the running task on SIGINT or SIGTERM: the order being written rolls back, worker processes are
    shut down, and the command exits 128 + the signal's number, as if the signal had ended it."""
    loop, task = asyncio.get_running_loop(), asyncio.current_task()
    assert task is not None, "called from a task"

    def stop(signum: signal.Signals) -> None:
        stopped_by.append(signum)
        task.cancel()

    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop, signum)


async def _import_locked(engine: AsyncEngine, folder: Path, workers: int) -> IngestSummary:
    agencies, bad_agencies = dump.read_agencies(folder)
    for rejected in bad_agencies:
        _report(rejected)
    with Progress(
        TextColumn("importing"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        disable=not err.is_terminal,
    ) as progress:
        documents = dump.count_documents(folder)
        task = progress.add_task("import", total=documents)
        return await ingest(
            engine,
            dump.read_documents(folder),
            agencies=agencies,
            on_rejected=_report,
            on_done=lambda: progress.advance(task),
            workers=workers if documents >= PARALLEL_FROM_DOCUMENTS else 0,
        )


@cli.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes (one per core is a good start).")] = 1,
) -> None:
    """Migrate, then serve the API with uvicorn."""
    import uvicorn

    settings = get_settings()
    configure_logging(settings)
    url = database_url(settings)
    migrate_to_head(url)
    os.environ["EOKB_DATABASE_URL"] = url  # workers use the same server, embedded or not
    get_settings.cache_clear()
    uvicorn.run(
        "app.main:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        proxy_headers=True,
        log_config=None,  # uvicorn's own lines go through our handler, as JSON
        access_log=False,  # the app logs each request itself, with its id
    )


@cli.command()
def sync(
    full: Annotated[bool, typer.Option("--full", help="List and re-fetch every order, not only what is new.")] = False,
) -> None:
    """Bring the database up to date from the Federal Register API (EOKB_FR_API_URL).

    Refuses at once (exit 75) while another import or sync is writing, rather than queueing behind it.
    """
    settings = get_settings()
    configure_logging(settings)
    url = database_url(settings)
    migrate_to_head(url)
    try:
        summary = asyncio.run(_sync(settings, url, full))
    except IngestBusy as error:
        err.print(f"[red]cannot sync:[/red] {error}", highlight=False)
        raise typer.Exit(EXIT_BUSY) from None
    except SourceError as error:
        err.print(f"[red]sync did not complete:[/red] {error}", highlight=False)
        raise typer.Exit(1) from None
    out.print(summary.line())


async def _sync(settings: Settings, url: str, full: bool) -> SyncSummary:
    engine = make_engine(settings, url)
    try:
        async with FederalRegisterClient.from_settings(settings) as client:
            return await run_sync(
                engine, client, full=full, overlap_days=settings.sync_overlap_days, on_rejected=_report
            )
    finally:
        await engine.dispose()


def _report(rejected: RejectedDocument) -> None:
    err.print(f"[yellow]skipped[/yellow] {rejected.name}: {rejected.reason}", highlight=False)


@cli.command("eval")
def evaluate(
    gold_dir: Annotated[Path, typer.Argument(help="A folder of gold files EO_<number>.json (../shared/gold format).")],
) -> None:
    """Score the obligations the database holds against hand-labelled gold (rules of SCORING.md)."""
    files = sorted(gold_dir.glob("EO_*.json"))
    if not files:
        err.print(f"[red]no gold files (EO_*.json) in {gold_dir}[/red]")
        raise typer.Exit(2)
    golds = {int(data["executive_order_number"]): data for data in (json.loads(f.read_text()) for f in files)}
    settings = get_settings()
    scores = asyncio.run(_score(settings, database_url(settings), golds))
    _print_scores(scores)


async def _score(settings: Settings, url: str, golds: dict[int, dict[str, Any]]) -> list[OrderScore]:
    engine = make_engine(settings, url)
    try:
        async with engine.connect() as conn:
            scores = []
            for eo_number, gold in golds.items():
                extracted = [row.model_dump(mode="json") for row in await stored_obligations(conn, eo_number)]
                scores.append(score_order(eo_number, gold["obligations"], extracted))
            return scores
    finally:
        await engine.dispose()


def _print_scores(scores: list[OrderScore]) -> None:
    table = Table(
        "EO", "extracted", "gold", "matched", "precision", "recall", "F1", "deadlines", "actors", expand=False
    )
    total = OrderScore(0)
    for score in scores:
        total.add(score)
        table.add_row(str(score.eo_number), *_figures(score))
    table.add_row("all", *_figures(total), style="bold")
    out.print(table)
    for score in scores:
        for miss in score.misses:
            where = f"EO {score.eo_number} missed {miss['section']} {miss['modal']} {miss['actors']}"
            out.print(f"{where}: {miss['quote'][:120]}")
        for extra in score.extras:
            out.print(f"EO {score.eo_number} extra {extra['section']} {extra['modal']}: {extra['text'][:120]}")
        for gold, got in score.wrong_deadlines:
            where = f"EO {score.eo_number} deadline {gold['section']}"
            out.print(f"{where}: gold {gold['deadline']}, got {got['deadline']}")
        for gold, got in score.wrong_actors:
            names = [actor["name"] for actor in got["actors"]]
            out.print(f"EO {score.eo_number} actors {gold['section']}: gold {gold['actors']}, got {names}")


def _figures(score: OrderScore) -> list[str]:
    return [
        str(score.extracted),
        str(score.gold),
        str(score.matched),
        f"{score.precision:.3f}",
        f"{score.recall:.3f}",
        f"{score.f1:.3f}",
        f"{score.deadline_accuracy:.3f}",
        f"{score.actor_accuracy:.3f}",
    ]


@cli.command()
def openapi(
    output: Annotated[Path, typer.Option(help="Where to write the spec.")] = Path("openapi/v1.json"),
) -> None:
    """Write the OpenAPI spec the server serves (the committed openapi/v1.json)."""
    from app.main import create_app

    output.write_text(spec_json(create_app().openapi()), encoding="utf-8")
    out.print(f"wrote {output}")


def spec_json(spec: dict[str, object]) -> str:
    """The spec as committed: stable key order and indentation, so diffs are readable."""
    return json.dumps(spec, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main() -> None:
    """Run the command; a bad configuration or an unreachable database is one clear line, not a traceback."""
    try:
        cli()
    except ValidationError as error:
        err.print(f"[red]bad configuration:[/red] {error.errors()[0]['msg']}", highlight=False)
        raise SystemExit(1) from None
    except (OSError, DBAPIError) as error:
        reason = error.orig if isinstance(error, DBAPIError) else error
        err.print(f"[red]cannot use the database:[/red] {reason}", highlight=False)
        raise SystemExit(1) from None
