"""Failure paths of the harness: missing Go, a server that dies or never answers, one that ignores SIGTERM."""

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.mongo_test_server import (
    MongoServerError,
    build_ferretdb,
    ferretdb_binary_path,
    free_loopback_port,
    stop_process,
    wait_until_ready,
)

pytestmark = pytest.mark.mongo


def test_missing_go_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(MongoServerError, match="`go`"):
        build_ferretdb()
    assert not ferretdb_binary_path().exists()


def test_cache_location_follows_xdg_cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert ferretdb_binary_path("v9.9.9") == tmp_path / "ror-server" / "ferretdb" / "v9.9.9" / "ferretdb"


def test_server_exiting_before_ready_reports_its_output(tmp_path: Path) -> None:
    log_path = tmp_path / "server.log"
    with open(log_path, "wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-c", "print('cannot listen'); raise SystemExit(3)"], stdout=output
        )
    uri = f"mongodb://127.0.0.1:{free_loopback_port()}/"
    with pytest.raises(MongoServerError, match=r"(?s)exited with code 3.*cannot listen"):
        wait_until_ready(uri, process=process, log_path=log_path, timeout=10)


def test_silent_server_times_out() -> None:
    uri = f"mongodb://127.0.0.1:{free_loopback_port()}/"
    with pytest.raises(MongoServerError, match="no answer to ping"):
        wait_until_ready(uri, process=None, log_path=None, timeout=0.5)


def _sleeper(ignore_sigterm: bool) -> subprocess.Popen[str]:
    code = "import signal, time\n"
    if ignore_sigterm:
        code += "signal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
    code += "print('ready', flush=True)\ntime.sleep(60)\n"
    process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stdout.readline() == "ready\n"
    return process


@pytest.mark.parametrize(
    ("ignore_sigterm", "ending_signal"), [(False, signal.SIGTERM), (True, signal.SIGKILL)]
)
def test_stop_terminates_then_kills(ignore_sigterm: bool, ending_signal: signal.Signals) -> None:
    process = _sleeper(ignore_sigterm)
    with process:
        stop_process(process, grace_seconds=0.5)
    assert process.returncode == -ending_signal
