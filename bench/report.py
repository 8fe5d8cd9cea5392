"""What goes around the measurements: the machine description and the printed table."""

from __future__ import annotations

import os
import platform
from pathlib import Path
from typing import Any

import httpx
from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table


def _first_field(path: str, name: str) -> str | None:
    try:
        lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    return next((line.split(":", 1)[1].strip() for line in lines if line.split(":", 1)[0].strip() == name), None)


def machine_info() -> dict[str, Any]:
    """The client machine (with a local server, also the server's): CPUs, memory, load, Python."""
    return {
        "cpu_count": os.cpu_count(),
        "cpu_model": _first_field("/proc/cpuinfo", "model name"),
        "memory_total": _first_field("/proc/meminfo", "MemTotal"),
        "load_average": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None,
        "platform": platform.platform(),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "httpx": httpx.__version__,
    }


MIN_WIDTH = 112  # room for every column at full width; a narrower terminal wraps rather than truncates


def _ms(value: float) -> str:
    return f"{value:.1f}"


def render_table(result: dict[str, Any], console: Console | None = None) -> None:
    """Print one row per class that ran (and one for the mix): throughput, latency percentiles, result
    sizes; then the classes skipped, with the reason."""
    console = console or Console(width=max(Console().width, MIN_WIDTH))
    software = result["server"].get("software") or {}
    config = result["harness"]["config"]
    table = Table(
        box=box.SIMPLE_HEAD,
        caption="latencies in ms; total = mean Bundle.total; hits = answers with at least one match",
        title=f"{software.get('name') or 'unknown server'} {software.get('version') or ''} at "
        f"{result['server']['base_url']} — concurrency {config['concurrency']}, {config['duration_s']} s"
        f"{' (mix)' if config['mix'] else ' per class'}",
    )
    rows = list(result["classes"].items())
    if "mix" in result:
        rows.append(("(mix)", {"status": "ran", **result["mix"]}))
    table.add_column("class", no_wrap=True, min_width=max((len(name) for name, _ in rows), default=5))
    for column in ("n", "err", "req/s", "p50", "p95", "p99", "max", "total", "hits"):
        table.add_column(column, justify="right", no_wrap=True)
    notes = []
    for name, record in rows:
        if record["status"] != "ran":
            notes.append(f"[yellow]{escape(name + ': skipped: ' + record['reason'])}[/yellow]")
            continue
        if record["error_samples"]:
            sample = record["error_samples"][0]
            text = f"{name}: HTTP {sample['status']} on {sample['request']}: {sample['body']}"
            notes.append(f"[red]{escape(text)}[/red]")
        latency, results = record["latency_ms"], record["results"]
        nonempty = results["nonempty_ratio"]
        table.add_row(
            name,
            str(record["count"]),
            f"[red]{record['errors']}[/red]" if record["errors"] else "0",
            f"{record['throughput_rps']:.1f}",
            *(_ms(latency[q]) for q in ("p50", "p95", "p99", "max")),
            "-" if results["avg_total"] is None else f"{results['avg_total']:.1f}",
            "-" if nonempty is None else f"{nonempty:.0%}",
        )
    console.print(table)
    for note in notes:
        console.print(note, markup=True, highlight=False)
