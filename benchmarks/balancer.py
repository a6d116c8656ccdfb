"""HAProxy on loopback in front of app replicas, with deploy/haproxy.cfg's own settings, for the scale test
(`make scale-test`) and tests/test_deploy.py; and how to see, from a replica's side, which connections it holds.

The shipped config names the replicas by their Compose hostnames and finds them through Docker's DNS.
`local_config` keeps every other line as it is (the cookie, stickiness, redispatch, retries, health
checks, timeouts) and changes only what cannot work here: the listening address, the servers' addresses
(127.0.0.1 ports), and the resolver. For the scale test it also logs which test session made each
request and from which local port HAProxy reached the replica, so a session's WebSocket can be found
among the connections the replica process holds.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from pathlib import Path

from benchmarks.server import ROOT, free_port, listening_sockets, open_sockets, tcp_sockets

HAPROXY_CFG = ROOT / "deploy" / "haproxy.cfg"
# A request header each test browser sends with its own session number (Playwright's extra headers
# reach the WebSocket handshake too); HAProxy captures it into its log.
SESSION_HEADER = "X-Scale-Session"
LOOPBACK = "127.0.0.1"

_SECTION = re.compile(r"^(global|defaults|frontend|backend|listen|resolvers|peers|userlist|mailers|program|http-errors|ring)\b")
_SERVER = re.compile(r"^(?P<indent>\s+)server\s+(?P<name>\S+)\s+(?P<address>\S+)(?P<rest>.*)$")
_COOKIE_ON_SERVER = re.compile(r"\bcookie\s+(\S+)")
_LOG_FORMAT = re.compile(r'^(?P<indent>\s+)log-format\s+"(?P<format>.*)"\s*$')


def servers(config: str) -> list[tuple[str, str, str]]:
    """Each `server` line of a config: (name, address, cookie value), in order."""
    found = []
    for line in config.splitlines():
        if match := _SERVER.match(line):
            cookie = _COOKIE_ON_SERVER.search(match["rest"])
            found.append((match["name"], match["address"], cookie.group(1) if cookie else ""))
    return found


def local_config(config: str, bind_port: int, ports: dict[str, int], session_header: str | None = SESSION_HEADER) -> str:
    """The config for loopback: listen on 127.0.0.1:`bind_port`, send each server named in `ports` to
    127.0.0.1 on its port (servers not named are left out, for a run with fewer replicas), and no DNS
    resolver. With `session_header`, log its value and HAProxy's local port for each request, as soon as
    the response headers are in (an upgraded WebSocket is otherwise logged only when it closes)."""
    unknown = set(ports) - {name for name, _, _ in servers(config)}
    if unknown:
        raise ValueError(f"no server {sorted(unknown)} in the config")
    lines: list[str] = []
    section = ""
    for line in config.splitlines():
        if header := _SECTION.match(line):
            section = header.group(1)
            if section == "resolvers":  # its comment goes with it
                while lines and lines[-1].lstrip().startswith("#"):
                    lines.pop()
        if section == "resolvers":
            continue
        line = re.sub(r"\s+resolvers\s+\S+", "", line)
        if server := _SERVER.match(line):
            if server["name"] not in ports:
                continue
            line = f"{server['indent']}server {server['name']} {LOOPBACK}:{ports[server['name']]}{server['rest']}"
        elif line.strip().startswith("bind "):
            indent = line[: len(line) - len(line.lstrip())]
            line = f"{indent}bind {LOOPBACK}:{bind_port}"
            if session_header:
                line += f"\n{indent}capture request header {session_header} len 16\n{indent}option logasap"
        elif session_header and (log_format := _LOG_FORMAT.match(line)):
            line = f'{log_format["indent"]}log-format "{log_format["format"]} session=%hr bport=%bp"'
        lines.append(line)
    return "\n".join(lines) + "\n"


def haproxy_binary() -> str | None:
    """The haproxy on PATH, or Debian's (root's PATH has /usr/sbin; another user's may not)."""
    return shutil.which("haproxy") or ("/usr/sbin/haproxy" if Path("/usr/sbin/haproxy").exists() else None)


def check_config(path: Path) -> subprocess.CompletedProcess:
    """`haproxy -c`: parse and check the config without starting anything."""
    binary = haproxy_binary()
    if binary is None:
        raise FileNotFoundError("haproxy is not installed (`make scale-test` installs it with apt-get)")
    return subprocess.run([binary, "-c", "-f", str(path)], capture_output=True, text=True, timeout=30)


def established_peers(pid: int, port: int) -> set[int]:
    """Remote ports of the established TCP connections that process `pid` holds on its local `port`
    (Linux /proc): for a replica behind HAProxy, the local ports HAProxy connected from."""
    held = open_sockets(pid)
    return {remote for local, remote, state, inode in tcp_sockets() if local == port and state == "01" and inode in held}


# One request in the scale test's log: which server answered, with what, for which test session.
LOG_LINE = re.compile(
    r"\s(?P<backend>[\w.-]+)/(?P<server>[\w.<>-]+)\s.*?\s(?P<status>-?\d{1,3})\s.*"
    r'"(?P<method>[A-Z<>]+) (?P<path>\S*)" session=\{(?P<session>[^}]*)\} bport=(?P<bport>\d+)'
)


class Balancer:
    """haproxy -db (foreground) on a free loopback port, with `local_config` of deploy/haproxy.cfg."""

    def __init__(self, ports: dict[str, int], config: Path = HAPROXY_CFG, log_path: Path | None = None) -> None:
        binary = haproxy_binary()
        if binary is None:
            raise FileNotFoundError("haproxy is not installed (`make scale-test` installs it with apt-get)")
        self.port = free_port()
        self.url = f"http://{LOOPBACK}:{self.port}"
        self.config_path = Path(f"/tmp/backpain-haproxy-{self.port}.cfg")
        self.config_path.write_text(local_config(config.read_text(), self.port, ports))
        checked = check_config(self.config_path)
        if checked.returncode != 0:
            raise RuntimeError(f"haproxy -c rejected {self.config_path}:\n{checked.stdout}{checked.stderr}")
        self.log_path = log_path or Path(f"/tmp/backpain-haproxy-{self.port}.log")
        self._log = self.log_path.open("w")
        self.process = subprocess.Popen(
            [binary, "-db", "-f", str(self.config_path)], stdout=self._log, stderr=subprocess.STDOUT, cwd="/"
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and self.process.poll() is None and not self.is_ours():
            time.sleep(0.05)
        if not self.is_ours():
            self.stop()
            raise RuntimeError(f"haproxy did not start listening on {self.url}:\n{self.log}")

    def is_ours(self) -> bool:
        """The haproxy started here is alive and holds the listening socket on the port."""
        if self.process.poll() is not None:
            return False
        return bool(listening_sockets(self.port) & open_sockets(self.process.pid))

    @property
    def log(self) -> str:
        return self.log_path.read_text()

    def requests(self) -> list[dict[str, str]]:
        """Every request logged so far that carried a test session number."""
        return [m.groupdict() for line in self.log.splitlines() if (m := LOG_LINE.search(line))]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        self._log.close()
