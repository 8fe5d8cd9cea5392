"""``python -m bench --base-url URL [options] --out result.json``: load a FHIR R4 server with ROR queries."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

import orjson
from rich.console import Console
from rich.markup import escape

from bench.catalog import GROUPS, WORKLOADS
from bench.report import render_table
from bench.runner import BenchConfig, TargetUnavailable, run_benchmark


def _header(text: str) -> tuple[str, str]:
    name, sep, value = text.partition(":")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(f"expected 'Name: value', got '{text}'")
    return name.strip(), value.strip()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--base-url", help="FHIR base URL of the server under test (loopback only by default)")
    parser.add_argument("--concurrency", type=int, default=4, help="concurrent workers (default 4)")
    parser.add_argument("--duration", type=float, default=10.0, help="measured seconds per class (default 10)")
    parser.add_argument("--warmup", type=float, default=2.0, help="unmeasured seconds before each class (default 2)")
    parser.add_argument(
        "--classes",
        default="reads",
        help=f"comma-separated classes or groups ({', '.join(GROUPS)}); default: reads. See --list",
    )
    parser.add_argument("--mix", action="store_true", help="run the selected classes interleaved, once")
    parser.add_argument("--seed", type=int, default=1, help="random seed (discovery walk and request draws)")
    parser.add_argument("--discovery-pages", type=int, default=3, help="at most this many pages per seed search")
    parser.add_argument("--max-requests", type=int, default=100_000, help="request bound per measured window")
    parser.add_argument("--timeout", type=float, default=30.0, help="per-request timeout in seconds")
    parser.add_argument("--header", action="append", type=_header, default=[], help="extra header 'Name: value'")
    parser.add_argument("--allow-remote", action="store_true", help="accept a base URL that is not loopback")
    parser.add_argument("--out", type=Path, default=Path("result.json"), help="result file (default result.json)")
    parser.add_argument("--list", action="store_true", help="list the classes and exit")
    return parser


def _list_classes(console: Console) -> None:
    for name, workload in WORKLOADS.items():
        console.print(f"[bold]{name}[/bold]{' (write)' if workload.writes else ''}: {escape(workload.summary)}")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    console = Console(stderr=True)
    if args.list:
        _list_classes(Console())
        return 0
    if not args.base_url:
        console.print("--base-url is required")
        return 2
    try:
        config = BenchConfig(
            base_url=args.base_url,
            classes=args.classes,
            concurrency=args.concurrency,
            duration_s=args.duration,
            warmup_s=args.warmup,
            mix=args.mix,
            seed=args.seed,
            discovery_pages=args.discovery_pages,
            max_requests=args.max_requests,
            timeout_s=args.timeout,
            allow_remote=args.allow_remote,
            headers=tuple(args.header),
            command=tuple(["python", "-m", "bench", *(sys.argv[1:] if argv is None else argv)]),
        )
        result = asyncio.run(run_benchmark(config, progress=lambda text: console.print(f"[dim]{text}[/dim]")))
    except (ValueError, TargetUnavailable) as exc:  # TargetRefused is a ValueError
        console.print(f"[red]{exc}[/red]")
        return 2
    args.out.write_bytes(orjson.dumps(result, option=orjson.OPT_INDENT_2))
    render_table(result)
    console.print(f"result written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
