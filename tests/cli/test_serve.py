"""`newsgraph serve`: a bad or busy port is one line naming it; the hosts it answers to."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsgraph.cli.main import app
from newsgraph.store.db import Store


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "serve.duckdb"
    Store(path).close()
    return path


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize("port", ["99999", "0", "-1", "65536"])
def test_a_port_out_of_range_is_a_one_line_error(db: Path, port: str) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", str(db), "--port", port])
    assert result.exit_code == 2
    assert "Traceback" not in result.output and "Traceback" not in result.stderr
    [line] = result.stderr.strip().splitlines()
    assert f"--port {port}" in line and "1 to 65535" in line


def test_a_port_in_use_is_a_one_line_error_naming_it(db: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(app, ["serve", "--db", str(db), "--port", str(port)])
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert f"port {port} on 127.0.0.1 is in use" in line


def test_serve_answers_to_loopback_the_bound_host_and_allowed_hosts(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    served: dict[str, Any] = {}

    def run(self: uvicorn.Server, sockets: list[socket.socket] | None = None) -> None:
        served["app"] = self.config.app
        for sock in sockets or ():
            sock.close()

    monkeypatch.setattr(uvicorn.Server, "run", run)
    port = str(_free_port())
    args = ["serve", "--db", str(db), "--host", "127.0.0.2", "--port", port]
    args += ["--allowed-host", "news.lan", "--allowed-host", "*.corp.example"]
    args += ["--allowed-host", "fd00::5"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    client = TestClient(served["app"])
    hosts = ("127.0.0.2", "localhost", "127.0.0.1", "[::1]", "news.lan", "a.corp.example")
    for host in (*hosts, "[fd00::5]"):
        assert client.get("/api/summary", headers={"Host": f"{host}:{port}"}).status_code == 200
    assert client.get("/api/summary", headers={"Host": "evil.example"}).status_code == 400


@pytest.mark.parametrize("pattern", ["news.lan:8000", "a*b", "*.*.lan", ""])
def test_an_allowed_host_the_check_cannot_match_is_a_one_line_error(db: Path, pattern: str) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", str(db), "--allowed-host", pattern])
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert "--allowed-host" in line
