"""The `eokb` command: migrate, import, serve, openapi."""

import asyncio
import json
import os
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from sqlalchemy.exc import DBAPIError

import migrations
from app.db import database_url, make_engine
from app.ingest.document import RejectedDocument
from app.ingest.pipeline import IngestSummary, ingest
from app.ingest.sources import dump
from app.settings import Settings, get_settings

cli = typer.Typer(
    help="eokb: the reference API for US executive orders.", no_args_is_help=True, pretty_exceptions_enable=False
)
out = Console()
err = Console(stderr=True, soft_wrap=True)


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
) -> None:
    """Load a folder in the corpus format; unchanged orders are left alone, bad documents named and skipped."""
    settings = get_settings()
    url = database_url(settings)
    migrate_to_head(url)
    try:
        summary = asyncio.run(_import(settings, url, folder))
    except dump.DumpError as error:
        err.print(f"[red]cannot import:[/red] {error}")
        raise typer.Exit(2) from None
    out.print(summary.line())


async def _import(settings: Settings, url: str, folder: Path) -> IngestSummary:
    engine = make_engine(settings, url)
    try:

        def report(rejected: RejectedDocument) -> None:
            err.print(f"[yellow]skipped[/yellow] {rejected.name}: {rejected.reason}", highlight=False)

        with Progress(
            TextColumn("importing"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            disable=not err.is_terminal,
        ) as progress:
            task = progress.add_task("import", total=dump.count_documents(folder))
            return await ingest(
                engine,
                dump.read_documents(folder),
                agencies=dump.read_agencies(folder),
                on_rejected=report,
                on_done=lambda: progress.advance(task),
            )
    finally:
        await engine.dispose()


@cli.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes (one per core is a good start).")] = 1,
) -> None:
    """Migrate, then serve the API with uvicorn."""
    import uvicorn

    url = database_url(get_settings())
    migrate_to_head(url)
    os.environ["EOKB_DATABASE_URL"] = url  # workers use the same server, embedded or not
    get_settings.cache_clear()
    uvicorn.run("app.main:create_app", factory=True, host=host, port=port, workers=workers, proxy_headers=True)


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
