"""A MongoDB-wire server for tests: `$MONGODB_URI`, else a local `mongod`, else FerretDB built from source.

From pytest::

    with mongo_test_server() as server:
        client = AsyncMongoClient(server.uri)

From the shell (run from the repository root)::

    python -m scripts.mongo_test_server --build-only   # build and cache FerretDB, print its path
    python -m scripts.mongo_test_server                # serve until Ctrl-C, print the URI

FerretDB is built with the Go toolchain from the module proxy (no MongoDB server can be installed here) and
cached under `$XDG_CACHE_HOME/ror-server/ferretdb/<version>/ferretdb` (default `~/.cache`). It runs on
SQLite in a temporary directory. It has no multi-document transactions, and its findAndModify and update
read then write: a filter-based compare-and-set is racy under concurrency there, a unique index is not.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import json
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pymongo import MongoClient
from pymongo.errors import PyMongoError

FERRETDB_VERSION = "v1.24.2"
FERRETDB_MODULE = "github.com/FerretDB/FerretDB"
REPLICA_SET = "rs0"
BUILD_TIMEOUT_SECONDS = 1200
READY_TIMEOUT_SECONDS = 60.0
STOP_GRACE_SECONDS = 10.0

ServerKind = Literal["env", "mongod", "ferretdb"]

log = logging.getLogger("mongo_test_server")


class MongoServerError(RuntimeError):
    """The test server could not be built, started or reached."""


@dataclass(frozen=True, slots=True)
class MongoServer:
    uri: str
    kind: ServerKind
    supports_transactions: bool


@contextlib.contextmanager
def mongo_test_server() -> Iterator[MongoServer]:
    """Yield the MongoDB server tests should use; a server started here is stopped on exit."""
    if uri := os.environ.get("MONGODB_URI"):
        wait_until_ready(uri, process=None, log_path=None, timeout=READY_TIMEOUT_SECONDS)
        yield MongoServer(uri=uri, kind="env", supports_transactions=detect_transactions(uri))
    elif mongod := shutil.which("mongod"):
        with mongod_server(mongod) as server:
            yield server
    else:
        with ferretdb_server() as server:
            yield server


@contextlib.contextmanager
def ferretdb_server(version: str = FERRETDB_VERSION) -> Iterator[MongoServer]:
    """Start FerretDB (SQLite backend, temporary data) on a free loopback port."""
    binary = build_ferretdb(version)
    with tempfile.TemporaryDirectory(prefix="ferretdb-") as workdir:
        port = free_loopback_port()
        data = Path(workdir, "data")
        data.mkdir()
        command = [
            str(binary),
            "--handler=sqlite",
            f"--sqlite-url=file:{data}/",
            f"--listen-addr=127.0.0.1:{port}",
            "--telemetry=disable",
            f"--state-dir={workdir}",
            "--debug-addr=-",
        ]
        uri = f"mongodb://127.0.0.1:{port}/"
        with _running(command, uri, Path(workdir, "ferretdb.log"), f"FerretDB {version}"):
            yield MongoServer(uri=uri, kind="ferretdb", supports_transactions=detect_transactions(uri))


@contextlib.contextmanager
def mongod_server(mongod: str) -> Iterator[MongoServer]:
    """Start `mongod` as a single-node replica set (so transactions work) on a free loopback port."""
    with tempfile.TemporaryDirectory(prefix="mongod-") as workdir:
        port = free_loopback_port()
        data = Path(workdir, "data")
        data.mkdir()
        command = [
            mongod,
            f"--dbpath={data}",
            "--bind_ip=127.0.0.1",
            f"--port={port}",
            f"--replSet={REPLICA_SET}",
        ]
        direct_uri = f"mongodb://127.0.0.1:{port}/?directConnection=true"
        with _running(command, direct_uri, Path(workdir, "mongod.log"), "mongod"):
            _initiate_replica_set(direct_uri, f"127.0.0.1:{port}")
            uri = f"mongodb://127.0.0.1:{port}/?replicaSet={REPLICA_SET}"
            yield MongoServer(uri=uri, kind="mongod", supports_transactions=detect_transactions(uri))


def ferretdb_binary_path(version: str = FERRETDB_VERSION) -> Path:
    cache_home = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(cache_home, "ror-server", "ferretdb", version, "ferretdb")


def build_ferretdb(version: str = FERRETDB_VERSION) -> Path:
    """Return the cached FerretDB binary, building it from the module source first if needed."""
    target = ferretdb_binary_path(version)
    if os.access(target, os.X_OK):
        return target
    go = shutil.which("go")
    if go is None:
        raise MongoServerError(
            f"cannot build FerretDB {version}: the Go toolchain (`go`) is not on PATH. "
            "Install Go >= 1.24, put a `mongod` on PATH, or set MONGODB_URI to an existing server."
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target.parent / ".build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another process may be building the same version
        if not os.access(target, os.X_OK):
            _build_into(go, version, target)
    return target


def _build_into(go: str, version: str, target: Path) -> None:
    started = time.monotonic()
    log.info("building FerretDB %s with %s (about a minute on 2 cores)", version, _go_version(go))
    with tempfile.TemporaryDirectory(prefix="ferretdb-build-") as workdir:
        module = json.loads(
            _run_go([go, "mod", "download", "-json", f"{FERRETDB_MODULE}@{version}"], workdir)
        )
        source = Path(workdir, "src")
        shutil.copytree(module["Dir"], source)
        for directory, _, _ in os.walk(source):  # the module cache is read-only
            os.chmod(directory, 0o755)
        # the module zip lacks the generated version file; without it the binary panics at start
        Path(source, "build", "version", "version.txt").write_text(f"{version}\n")
        built = Path(workdir, "ferretdb")
        _run_go([go, "build", "-trimpath", "-buildvcs=false", "-o", str(built), "./cmd/ferretdb"], source)
        staged = target.with_name(f".ferretdb.{os.getpid()}")
        shutil.copy2(built, staged)
        os.replace(staged, target)
    log.info("built FerretDB %s in %.1f s: %s", version, time.monotonic() - started, target)


def _go_version(go: str) -> str:
    return subprocess.run([go, "version"], capture_output=True, text=True, check=False).stdout.strip() or go


def _run_go(command: list[str], cwd: str | Path) -> str:
    try:
        done = subprocess.run(
            command, cwd=cwd, capture_output=True, text=True, timeout=BUILD_TIMEOUT_SECONDS, check=False
        )
    except subprocess.TimeoutExpired as exc:
        raise MongoServerError(f"`{' '.join(command)}` took more than {BUILD_TIMEOUT_SECONDS} s") from exc
    if done.returncode != 0:
        output = done.stderr or done.stdout  # `go mod download -json` reports its errors on stdout
        raise MongoServerError(
            f"`{' '.join(command)}` failed with exit code {done.returncode}:\n{output[-4000:]}"
        )
    return done.stdout


def free_loopback_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def _running(command: list[str], uri: str, log_path: Path, name: str) -> Iterator[None]:
    """Run a server process with its output in `log_path`, wait until it answers, stop it on exit."""
    started = time.monotonic()
    with open(log_path, "wb") as output:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT)
    try:
        wait_until_ready(uri, process=process, log_path=log_path, timeout=READY_TIMEOUT_SECONDS)
        log.info("%s ready at %s in %.2f s", name, uri, time.monotonic() - started)
        yield
    finally:
        stop_process(process)


def wait_until_ready(
    uri: str, *, process: subprocess.Popen[bytes] | None, log_path: Path | None, timeout: float
) -> None:
    """Ping `uri` until it answers; fail early if `process` exits, quoting the tail of its log."""
    deadline = time.monotonic() + timeout
    with MongoClient(uri, serverSelectionTimeoutMS=250, connectTimeoutMS=250) as client:
        while True:
            if process is not None and process.poll() is not None:
                raise MongoServerError(
                    f"`{' '.join(process.args)}` exited with code {process.returncode} before answering ping"
                    f"{_log_tail(log_path)}"
                )
            try:
                client.admin.command("ping")
                return
            except PyMongoError as exc:
                if time.monotonic() > deadline:
                    raise MongoServerError(
                        f"no answer to ping from {uri} within {timeout:.0f} s: {exc}"
                    ) from exc


def _log_tail(log_path: Path | None) -> str:
    if log_path is None or not log_path.exists():
        return ""
    return ":\n" + log_path.read_text(errors="replace")[-4000:]


def stop_process(process: subprocess.Popen[Any], grace_seconds: float = STOP_GRACE_SECONDS) -> None:
    """Terminate `process`, and kill it if it is still running after `grace_seconds`."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=grace_seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def detect_transactions(uri: str) -> bool:
    """Whether multi-document transactions work: a real replica set or sharded cluster.

    FerretDB can report a replica-set name (`--repl-set-name`) yet rejects transactions.
    """
    with MongoClient(uri, serverSelectionTimeoutMS=5000) as client:
        hello = client.admin.command("hello")
        build = client.admin.command("buildInfo")
    clustered = "setName" in hello or hello.get("msg") == "isdbgrid"
    return clustered and "ferretdbVersion" not in build


def _initiate_replica_set(direct_uri: str, member: str) -> None:
    with MongoClient(direct_uri, serverSelectionTimeoutMS=5000) as client:
        client.admin.command("replSetInitiate", {"_id": REPLICA_SET, "members": [{"_id": 0, "host": member}]})
        deadline = time.monotonic() + READY_TIMEOUT_SECONDS
        while not client.admin.command("hello").get("isWritablePrimary"):
            if time.monotonic() > deadline:
                raise MongoServerError(f"replica set {REPLICA_SET} at {member} elected no primary")
            time.sleep(0.2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build-only", action="store_true", help="build and cache FerretDB, print its path")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    try:
        if args.build_only:
            print(build_ferretdb())
            return 0
        with mongo_test_server() as server:
            print(f"MONGODB_URI={server.uri}  ({server.kind}, transactions: {server.supports_transactions})")
            print("serving until Ctrl-C or SIGTERM", flush=True)
            stop_signals = {signal.SIGINT, signal.SIGTERM}
            signal.pthread_sigmask(signal.SIG_BLOCK, stop_signals)  # after the server started: not inherited
            signal.sigwait(stop_signals)
    except MongoServerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
