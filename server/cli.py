"""The ``ror`` command: serve, load, and the data tools."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import sys
from pathlib import Path
from typing import Any

from server.config import Settings
from server.errors import FhirError


def _settings(args: argparse.Namespace) -> Settings:
    return Settings.from_env(db=getattr(args, "db", None))


async def _with_services(settings: Settings, work: Any) -> Any:
    from server.app import build_services, open_store

    store = open_store(settings)
    await store.open()
    try:
        return await work(build_services(settings, store))
    finally:
        await store.close()


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    settings = _settings(args)
    if args.db:
        os.environ["ROR_DB"] = args.db
    if args.demo:
        from server.loader import load_demo_if_empty

        loaded = asyncio.run(_with_services(settings, load_demo_if_empty))
        if loaded:
            print(f"Loaded {loaded} demo resources into the {settings.store} store")
    where = settings.db if settings.store == "sqlite" else f"{settings.mongodb_uri} ({settings.mongodb_db})"
    print(
        f"ROR FHIR server on http://{args.host}:{args.port}/  (store: {settings.store}, {where})", flush=True
    )
    print(f"  try: curl http://{args.host}:{args.port}/HealthcareService?_count=5", flush=True)
    uvicorn.run(
        "server.app:app_from_env",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level=args.log_level,
    )
    return 0


def _write_rejects(report: Any, path: str) -> None:
    """Rejected resources, then warnings, one JSON object a line (nothing written when there are none)."""
    if not (report.rejected or report.warnings):
        return
    import orjson

    with open(path, "wb") as out:
        for row in [*report.rejected, *report.warnings]:
            out.write(orjson.dumps(row) + b"\n")


def _default_workers(total: int) -> int:
    """Preparation processes for a load: worth it for large inputs on machines with cores to spare
    (measured on 2 cores: the writer and one worker compete, and a single process is faster)."""
    cores = os.cpu_count() or 1
    return cores - 2 if total > 20_000 and cores >= 4 else 0


def cmd_load(args: argparse.Namespace) -> int:
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn

    from server.loader import Loader, count_items, input_files

    files = input_files([Path(p) for p in args.paths])
    total = sum(count_items(f) for f in files)

    async def work(services: Any) -> Any:
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TaskProgressColumn(),
            TextColumn("{task.completed}/{task.total} {task.fields[rate]} res/s"),
            TimeRemainingColumn(),
            disable=not sys.stderr.isatty() and not args.progress,
        ) as bar:
            task = bar.add_task("loading", total=total, rate="-")
            import time

            started = time.perf_counter()

            def advance(n: int) -> None:
                bar.advance(task, n)
                done = bar.tasks[0].completed
                bar.update(task, rate=f"{done / max(time.perf_counter() - started, 1e-6):.0f}")

            workers = args.workers if args.workers is not None else _default_workers(total)
            return await Loader(services, advance, workers).load(files)

    report = asyncio.run(_with_services(_settings(args), work))
    _write_rejects(report, args.rejects)
    summary = report.summary()
    if report.rejected or report.warnings:
        summary["rejects_file"] = args.rejects
    print(json.dumps(summary, indent=2))
    return 1 if report.rejected and not report.processed - len(report.rejected) else 0


def cmd_generate(args: argparse.Namespace) -> int:
    from server.generate import generate

    if not args.scale > 0:
        raise SystemExit("ror generate: --scale must be a positive number")
    counts = generate(args.scale, args.seed, Path(args.out),
                      lambda region, done: print(f"  region {region}: {done} resources", file=sys.stderr))
    print(json.dumps({"out": args.out, "counts": counts, "total": sum(counts.values())}, indent=2))
    return 0


def cmd_terminology_load(args: argparse.Namespace) -> int:
    """Adds a NOS release (FSH TRE/JDV folders, or CodeSystem/ValueSet NDJSON) beside the shipped one."""
    import shutil
    from datetime import UTC, datetime

    from terminology.convert import read_release, write_release
    from terminology.service import RESOURCE_FILES, Terminology

    source = Path(args.dir)
    target = Path(_settings(args).terminology_releases) / datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    if (source / "TRE").is_dir() or (source / "JDV").is_dir():
        write_release(read_release([source]), target)
    elif any((source / name).exists() for name in RESOURCE_FILES):
        target.mkdir(parents=True)
        for name in RESOURCE_FILES:
            if (source / name).exists():
                shutil.copy(source / name, target / name)
    else:
        raise SystemExit(f"ror terminology load: {source} holds neither TRE/JDV FSH folders nor {RESOURCE_FILES}")
    try:
        added = Terminology([target])
    except (ValueError, KeyError) as exc:
        shutil.rmtree(target)
        raise SystemExit(f"ror terminology load: the release cannot be read: {exc}") from exc
    print(json.dumps({"release": str(target), "code_systems": len(added.code_systems()),
                      "value_sets": len(added.value_sets())}, indent=2))
    return 0


def cmd_terminology_audit(args: argparse.Namespace) -> int:
    """Lists stored resources whose NOS codes are unknown or retired in the loaded release."""
    import csv

    from server.core.interactions import SERVED_TYPES
    from server.search.plan import Query
    from terminology.audit import audit

    async def work(services: Any) -> list[dict[str, Any]]:
        import orjson

        from server.core.terminology import load_terminology, release_dirs

        terminology = load_terminology(release_dirs(Path(services.settings.terminology_releases)))
        rows: list[dict[str, Any]] = []
        for resource_type in SERVED_TYPES:
            cursor = None
            while True:
                page = await services.store.search(Query(resource_type, count=500, cursor=cursor, total="none"))
                rows.extend(audit((orjson.loads(m.body) for m in page.matches), terminology, args.date))
                cursor = page.next_cursor
                if cursor is None:
                    break
        return rows

    rows = asyncio.run(_with_services(_settings(args), work))
    fields = ["resourceType", "id", "path", "system", "code", "problem", "message"]
    with contextlib.ExitStack() as stack:
        out = stack.enter_context(open(args.out, "w", newline="")) if args.out else sys.stdout
        writer = csv.DictWriter(out, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    if args.out:
        print(f"{len(rows)} problem codes written to {args.out}", file=sys.stderr)
    return 0


def cmd_import_legacy(args: argparse.Namespace) -> int:
    """A legacy CSD document (2.4 or 3.0) into ROR FHIR resources, idempotently (same ids on re-import)."""
    from mappings import XmlRejected, import_csd
    from server.loader import Loader

    try:
        resources = import_csd(Path(args.file).read_bytes(), region=args.region)
    except (XmlRejected, FhirError) as exc:
        raise SystemExit(f"ror import-legacy: {args.file} cannot be imported: {exc}") from exc

    async def work(services: Any) -> Any:
        return await Loader(services).load_resources(resources, args.file)

    settings = Settings.from_env(db=args.db, terminology_lenient=not args.strict_codes)
    report = asyncio.run(_with_services(settings, work))
    _write_rejects(report, args.rejects)
    print(json.dumps(report.summary(), indent=2))
    return 1 if report.rejected else 0


def cmd_extract(args: argparse.Namespace) -> int:
    """The monthly open-data extraction: one zip per access profile, as the legacy endpoint streams it."""
    from datetime import UTC, datetime

    from mappings import AccessProfile, extraction_name, extraction_zip
    from server.core.offer_source import StoreOfferSource

    async def work(services: Any) -> list[str]:
        written = []
        when = datetime.now(UTC)
        for profile in args.profile:
            target = Path(args.out) / (extraction_name(AccessProfile(profile), when) + ".zip")
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("wb") as out:
                async for chunk in extraction_zip(args.version, profile, StoreOfferSource(services.router.searcher),
                                                  when=when):
                    out.write(chunk)
            written.append(str(target))
        return written

    print("\n".join(asyncio.run(_with_services(_settings(args), work))))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="ror", description="FHIR R4 server for the French health-offer directory"
    )
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="run the FHIR server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8080)
    serve.add_argument("--db", help="embedded store file (default ror.db, or $ROR_DB)")
    serve.add_argument("--demo", action="store_true", help="load the demo data set when the store is empty")
    serve.add_argument("--workers", type=int, default=1)
    serve.add_argument("--log-level", default="info")
    serve.set_defaults(func=cmd_serve)

    load = sub.add_parser("load", help="load FHIR JSON files, Bundles or NDJSON (files or directories)")
    load.add_argument("paths", nargs="+")
    load.add_argument("--db", help="embedded store file (default ror.db, or $ROR_DB)")
    load.add_argument(
        "--rejects", default="ror-load-rejects.ndjson", help="where rejected resources are listed"
    )
    load.add_argument(
        "--progress", action="store_true", help="show the progress bar even when not on a terminal"
    )
    load.add_argument("--workers", type=int, help="processes preparing resources (default: CPU count for large "
                      "inputs; 0 = in the loading process)")
    load.set_defaults(func=cmd_load)

    generate = sub.add_parser("generate", help="write a deterministic national-scale ROR data set as NDJSON")
    generate.add_argument("--scale", type=float, default=0.01, help="1 = about the national ROR (2.6 M resources)")
    generate.add_argument("--seed", type=int, default=1)
    generate.add_argument("--out", required=True)
    generate.set_defaults(func=cmd_generate)

    terminology = sub.add_parser("terminology", help="NOS releases: load a new one, audit stored codes")
    terms = terminology.add_subparsers(dest="terminology_command", required=True)
    term_load = terms.add_parser("load", help="add a NOS release (FSH TRE/JDV folders or NDJSON)")
    term_load.add_argument("dir")
    term_load.set_defaults(func=cmd_terminology_load)
    term_audit = terms.add_parser("audit", help="CSV report of stored codes unknown or retired in the release")
    term_audit.add_argument("--db", help="embedded store file (default ror.db, or $ROR_DB)")
    term_audit.add_argument("--date", help="judge retirement at this date (default: today)")
    term_audit.add_argument("--out", help="CSV file (default: standard output)")
    term_audit.set_defaults(func=cmd_terminology_audit)

    legacy = sub.add_parser("import-legacy", help="import a legacy CSD XML document (2.4 or 3.0), idempotently")
    legacy.add_argument("file")
    legacy.add_argument("--db", help="embedded store file (default ror.db, or $ROR_DB)")
    legacy.add_argument("--region", help="region code for records whose source directory is not a region")
    legacy.add_argument("--rejects", default="ror-import-rejects.ndjson", help="where refusals and warnings go")
    legacy.add_argument("--strict-codes", action="store_true",
                        help="refuse records with codes outside the bound NOS value sets (default: keep them, "
                             "with a warning, as legacy data often has retired codes)")
    legacy.set_defaults(func=cmd_import_legacy)

    extract = sub.add_parser("extract", help="write the legacy XML extraction zips (open-data files)")
    extract.add_argument("--db", help="embedded store file (default ror.db, or $ROR_DB)")
    extract.add_argument("--version", default="2.4", choices=["2.4", "3.0"])
    extract.add_argument("--profile", type=int, action="append", choices=[0, 1, 2, 3],
                         help="access profile (repeatable; default 0, the public open data)")
    extract.add_argument("--out", required=True)
    extract.set_defaults(func=cmd_extract)

    args = parser.parse_args(argv)
    if getattr(args, "profile", False) is None:
        args.profile = [0]
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
