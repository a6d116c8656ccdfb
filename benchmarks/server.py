"""Start and stop `streamlit run app.py` on loopback for the browser tests and the benchmark
scripts, prove that the server answering on the port is the one started, and read its memory."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.request import urlopen

ROOT = Path(__file__).resolve().parent.parent


def tcp_sockets() -> Iterator[tuple[int, int, str, str]]:
    """Every TCP socket on this machine (Linux /proc/net/tcp and tcp6): local port, remote port,
    state (0A: listening, 01: established) and inode."""
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not Path(table).exists():
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            yield int(fields[1].rsplit(":", 1)[1], 16), int(fields[2].rsplit(":", 1)[1], 16), fields[3], fields[9]


def listening_sockets(port: int) -> set[str]:
    """Inodes of the TCP sockets listening on `port` on this machine."""
    return {inode for local, _, state, inode in tcp_sockets() if local == port and state == "0A"}


def open_sockets(pid: int) -> set[str]:
    """Inodes of the sockets a process holds open."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[len("socket:[") : -1])
    return inodes


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class AppServer:
    def __init__(
        self,
        script: str = "app.py",
        log_path: Path | None = None,
        cwd: Path = ROOT,
        python: str = sys.executable,
        port: int | None = None,
    ) -> None:
        # A given port: a restarted server at the same address (the browser's storage is per address).
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path or Path(f"/tmp/backpain-bench-{self.port}.log")
        self._log = self.log_path.open("w")
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            [
                python,
                "-m",
                "streamlit",
                "run",
                script,
                "--server.headless=true",
                f"--server.port={self.port}",
                "--server.address=127.0.0.1",
                "--server.fileWatcherType=none",
            ],
            cwd=cwd,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                if urlopen(f"{self.url}/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.1)
        if not self.is_ours():
            self.stop()
            raise RuntimeError(f"the server on port {self.port} is not the one started here:\n{self.log_path.read_text()}")

    def is_ours(self) -> bool:
        """The process started here is alive and is the one listening on the port (a health answer
        alone could come from another server that took the port first)."""
        if self.process.poll() is not None:
            return False
        return bool(listening_sockets(self.port) & open_sockets(self.process.pid))

    def rss_mib(self) -> float:
        """Resident memory of the server process, from /proc (Linux)."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        raise RuntimeError("no VmRSS")

    @property
    def log(self) -> str:
        return self.log_path.read_text()

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self._log.close()
