"""The deployment files in deploy/, checked offline: the Kubernetes manifests against the API's own schemas,
compose.yaml against the Compose Specification, haproxy.cfg against compose.yaml (and `haproxy -c` where
HAProxy is installed), and the Dockerfile for what a clinic relies on. No Docker, cluster or network needed.
"""

from __future__ import annotations

import copy
import fnmatch
import hashlib
import json
import re
import shlex
from pathlib import Path

import jsonschema
import kubernetes_validate
import pytest
import yaml

from benchmarks.balancer import HAPROXY_CFG, check_config, haproxy_binary, local_config, servers
from benchmarks.server import ROOT
from components.data import DATA_DIR, DATA_DIR_VARIABLE

DEPLOY = ROOT / "deploy"
K8S = DEPLOY / "k8s"
COMPOSE = DEPLOY / "compose.yaml"
DOCKERFILE = DEPLOY / "Dockerfile"
COMPOSE_SCHEMA = DEPLOY / "schema" / "compose-spec.json"
# deploy/schema/README.md: the vendored file, unchanged.
COMPOSE_SCHEMA_SHA256 = "bc50c2d79102aed8df21b3a13e56c9396c7a06da6cff5ce37629f2ee7eb41735"
# The oldest Kubernetes minor release still supported upstream when this was written, and the newest whose
# schemas kubernetes-validate bundles: the manifests must be valid on both.
KUBERNETES_VERSIONS = ("1.35.0", "1.37.0")
APP_PORT = 8501
HEALTH = "/_stcore/health"
COOKIE_SECRET = "STREAMLIT_SERVER_COOKIE_SECRET"
CONTENT_MOUNT = "/content"
CONFIGMAP_MAX_BYTES = 1024 * 1024  # the API server refuses a larger ConfigMap


def manifests() -> list[tuple[str, dict]]:
    """Every document in every file in deploy/k8s/, named file#index."""
    found = []
    for path in sorted(K8S.glob("*.yaml")):
        for index, document in enumerate(yaml.safe_load_all(path.read_text(encoding="utf-8"))):
            if document is not None:
                found.append((f"{path.name}#{index}", document))
    return found


def of_kind(kind: str) -> dict:
    (document,) = [d for _, d in manifests() if d["kind"] == kind]
    return document


def compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))


def app_services(config: dict) -> dict[str, dict]:
    """The Compose services that run the app (built from deploy/Dockerfile), by name."""
    return {name: service for name, service in config["services"].items() if "build" in service}


def compose_errors(config: dict) -> list[str]:
    schema = json.loads(COMPOSE_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(config)]


def dockerfile() -> list[tuple[str, str]]:
    """The Dockerfile's instructions in order, (KEYWORD, arguments), continuation lines joined."""
    instructions, pending = [], ""
    for line in DOCKERFILE.read_text(encoding="utf-8").splitlines():
        if line.strip().startswith("#") or not line.strip():
            continue
        pending += line.rstrip().removesuffix("\\") + " "
        if not line.rstrip().endswith("\\"):
            keyword, _, arguments = pending.strip().partition(" ")
            instructions.append((keyword.upper(), arguments.strip()))
            pending = ""
    return instructions


def instruction(keyword: str) -> list[str]:
    return [arguments for name, arguments in dockerfile() if name == keyword]


# Kubernetes -------------------------------------------------------------------------------------


@pytest.mark.parametrize("version", KUBERNETES_VERSIONS)
@pytest.mark.parametrize(("name", "document"), manifests(), ids=[name for name, _ in manifests()])
def test_every_kubernetes_manifest_is_valid_for_the_cluster_version(name: str, document: dict, version: str):
    # strict: a field the API does not know (a typo) fails, as `kubectl apply --validate=strict` would.
    try:
        kubernetes_validate.validate(document, version, strict=True)
    except kubernetes_validate.ValidationError as error:  # the schema itself is too long to print
        pytest.fail(f"{name}, Kubernetes {version}, at {'.'.join(map(str, error.absolute_path))}: {error.message}", pytrace=False)


def test_the_kubernetes_set_is_complete():
    assert sorted(d["kind"] for _, d in manifests()) == ["Deployment", "Ingress", "PodDisruptionBudget", "Service"]


def test_a_mistyped_field_fails_kubernetes_validation():
    broken = copy.deepcopy(of_kind("Deployment"))
    security = broken["spec"]["template"]["spec"]["containers"][0]["securityContext"]
    security["readOnlyRootFileSystem"] = security.pop("readOnlyRootFilesystem")  # a capital S too many
    with pytest.raises(kubernetes_validate.ValidationError, match="readOnlyRootFileSystem"):
        kubernetes_validate.validate(broken, KUBERNETES_VERSIONS[0], strict=True)


def test_the_deployment_runs_three_unprivileged_replicas_with_health_probes():
    deployment = of_kind("Deployment")
    assert deployment["spec"]["replicas"] == 3
    pod = deployment["spec"]["template"]["spec"]
    (user,) = instruction("USER")
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert pod["securityContext"]["runAsUser"] == int(user.split(":")[0]) != 0
    (container,) = pod["containers"]
    assert container["securityContext"]["allowPrivilegeEscalation"] is False
    assert container["securityContext"]["readOnlyRootFilesystem"] is True
    assert container["securityContext"]["capabilities"]["drop"] == ["ALL"]
    ports = {port["name"]: port["containerPort"] for port in container["ports"]}
    for probe in ("readinessProbe", "livenessProbe"):
        check = container[probe]["httpGet"]
        assert check["path"] == HEALTH and ports.get(check["port"], check["port"]) == APP_PORT, probe
    resources = container["resources"]
    assert set(resources) == {"requests", "limits"}
    assert all(set(resources[kind]) == {"cpu", "memory"} for kind in resources)
    assert ":latest" not in container["image"] and ":" in container["image"]


def test_every_replica_gets_the_same_cookie_secret_and_the_content_read_only():
    pod = of_kind("Deployment")["spec"]["template"]["spec"]
    (container,) = pod["containers"]
    env = {item["name"]: item for item in container["env"]}
    assert env[COOKIE_SECRET]["valueFrom"]["secretKeyRef"] == {"name": "backpain-cookie-secret", "key": "cookie-secret"}
    assert env[DATA_DIR_VARIABLE]["value"] == CONTENT_MOUNT
    (mount,) = [m for m in container["volumeMounts"] if m["mountPath"] == CONTENT_MOUNT]
    assert mount["readOnly"] is True
    (volume,) = [v for v in pod["volumes"] if v["name"] == mount["name"]]
    assert volume["configMap"]["name"] == "backpain-content"


def test_the_content_folder_fits_in_the_content_configmap():
    # What `kubectl create configmap backpain-content --from-file=data/` makes (README), checked as the API would.
    files = {path.name: path.read_text(encoding="utf-8") for path in sorted(DATA_DIR.iterdir()) if path.is_file()}
    configmap = {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "backpain-content"}, "data": files}
    kubernetes_validate.validate(configmap, KUBERNETES_VERSIONS[0], strict=True)
    assert all(re.fullmatch(r"[-._a-zA-Z0-9]+", name) for name in files)
    assert sum(len(text.encode()) for text in files.values()) < CONFIGMAP_MAX_BYTES / 2  # room for a clinic's logo


def test_the_service_and_the_ingress_reach_the_deployments_pods():
    template = of_kind("Deployment")["spec"]["template"]
    service, ingress = of_kind("Service"), of_kind("Ingress")
    assert service["spec"]["selector"].items() <= template["metadata"]["labels"].items()
    container_ports = {port["name"] for port in template["spec"]["containers"][0]["ports"]}
    assert {port["targetPort"] for port in service["spec"]["ports"]} <= container_ports
    for rule in ingress["spec"]["rules"]:
        for path in rule["http"]["paths"]:
            backend = path["backend"]["service"]
            assert backend["name"] == service["metadata"]["name"]
            assert backend["port"]["name"] in {port["name"] for port in service["spec"]["ports"]}
    budget = of_kind("PodDisruptionBudget")
    assert budget["spec"]["selector"]["matchLabels"].items() <= template["metadata"]["labels"].items()


def test_the_ingress_keeps_each_session_on_one_pod_and_its_websocket_open():
    annotations = of_kind("Ingress")["metadata"]["annotations"]
    nginx = "nginx.ingress.kubernetes.io/"
    assert annotations[nginx + "affinity"] == "cookie"
    assert annotations[nginx + "session-cookie-name"]
    assert int(annotations[nginx + "proxy-read-timeout"]) >= 3600
    assert int(annotations[nginx + "proxy-send-timeout"]) >= 3600


# Compose and HAProxy ---------------------------------------------------------------------------


def test_the_vendored_compose_schema_is_the_official_file_unchanged():
    assert hashlib.sha256(COMPOSE_SCHEMA.read_bytes()).hexdigest() == COMPOSE_SCHEMA_SHA256
    assert "Apache License" in (DEPLOY / "schema" / "LICENSE").read_text(encoding="utf-8")


def test_the_compose_file_follows_the_compose_specification():
    assert compose_errors(compose()) == []


def test_a_mistyped_key_fails_compose_validation():
    broken = compose()
    broken["services"]["haproxy"]["restart_policy"] = broken["services"]["haproxy"].pop("restart")
    assert any("restart_policy" in error for error in compose_errors(broken))


def test_haproxy_sends_each_compose_replica_its_own_cookie():
    config = compose()
    replicas = app_services(config)
    assert len(replicas) == 3
    backends = servers(HAPROXY_CFG.read_text(encoding="utf-8"))
    assert [name for name, _, _ in backends] == sorted(replicas)
    for name, address, cookie in backends:
        assert address == f"{name}:{APP_PORT}"
        assert cookie == name  # the SERVERID cookie's value names the replica
    proxy = config["services"]["haproxy"]
    assert "./haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro" in proxy["volumes"]
    assert set(proxy["depends_on"]) == set(replicas)


def test_every_compose_replica_gets_the_same_secret_and_the_content_read_only():
    replicas = app_services(compose())
    secrets = {service["environment"][COOKIE_SECRET] for service in replicas.values()}
    assert len(secrets) == 1 and secrets.pop().startswith("${BACKPAIN_COOKIE_SECRET:?")
    for service in replicas.values():
        assert service["environment"][DATA_DIR_VARIABLE] == CONTENT_MOUNT
        (content,) = [v for v in service["volumes"] if v["target"] == CONTENT_MOUNT]
        assert content["read_only"] is True and content["type"] == "bind"
        assert service["build"] == {"context": "..", "dockerfile": "deploy/Dockerfile"}


def test_no_image_is_untagged_or_latest():
    images = [service["image"] for service in compose()["services"].values()]
    images += [
        document["spec"]["template"]["spec"]["containers"][0]["image"]
        for _, document in manifests()
        if document["kind"] == "Deployment"
    ]
    images += instruction("FROM")
    for image in images:
        assert re.search(r":[\w.-]+$", image) and not image.endswith(":latest"), image


def test_haproxy_keeps_sessions_sticky_and_moves_them_off_a_dead_replica():
    config = HAPROXY_CFG.read_text(encoding="utf-8")
    directives = {" ".join(line.split()) for line in config.splitlines() if line.strip() and not line.strip().startswith("#")}
    assert 'cookie SERVERID insert indirect nocache httponly attr "SameSite=Lax"' in directives
    assert "option redispatch" in directives
    assert f"option httpchk GET {HEALTH}" in directives
    assert "timeout tunnel 1h" in directives
    assert any(d.startswith("default-server check ") for d in directives)
    assert not any(d.startswith("option httplog") for d in directives)  # would log the address, with the situation
    assert "%HU" not in config and "%r" not in config.replace("%rc", "")


def test_the_loopback_config_changes_only_addresses_and_logging():
    # make scale-test runs local_config(haproxy.cfg): everything that decides where a request goes must be the same.
    shipped = HAPROXY_CFG.read_text(encoding="utf-8")
    local = local_config(shipped, 18080, {"app1": 18501, "app2": 18502, "app3": 18503})

    def decisive(text: str) -> set[str]:
        lines = {re.sub(r"\s+resolvers \S+", "", " ".join(line.split())) for line in text.splitlines()}
        return {
            line
            for line in lines
            if line and not line.startswith(("#", "bind ", "server ", "log-format ", "capture ", "option logasap"))
        }

    assert decisive(local) == decisive(shipped) - {
        "resolvers docker",
        "nameserver dns 127.0.0.11:53",
        "hold valid 10s",
        "hold other 10s",
    }
    assert [address for _, address, _ in servers(local)] == ["127.0.0.1:18501", "127.0.0.1:18502", "127.0.0.1:18503"]
    assert "bind 127.0.0.1:18080" in local and "resolvers" not in local


@pytest.mark.skipif(haproxy_binary() is None, reason="haproxy is not installed here (`make scale-test` installs it)")
def test_haproxy_accepts_the_config(tmp_path: Path):
    # The shipped file names Compose hosts that do not resolve here (HAProxy starts them without an address:
    # init-addr none), so check it as shipped and as make scale-test runs it.
    shipped = check_config(HAPROXY_CFG)
    assert shipped.returncode == 0, shipped.stdout + shipped.stderr
    local = tmp_path / "haproxy.cfg"
    local.write_text(local_config(HAPROXY_CFG.read_text(encoding="utf-8"), 18080, {"app1": 18501, "app2": 18502, "app3": 18503}))
    checked = check_config(local)
    assert checked.returncode == 0 and "WARNING" not in checked.stdout + checked.stderr, checked.stdout + checked.stderr


# Dockerfile -------------------------------------------------------------------------------------


def test_the_image_is_python_3_11_slim_and_installs_the_runtime_only():
    assert instruction("FROM") == ["python:3.11-slim"]
    installs = [run for run in instruction("RUN") if "pip install" in run]
    assert installs == ["pip install --no-cache-dir -r requirements.txt"]
    copied = {shlex.split(arguments)[0] for arguments in instruction("COPY")}
    assert copied == {"requirements.txt", ".streamlit/", "app.py", "components/", "pages/", "locales/", "data/"}
    assert "data/ /content/" in instruction("COPY")
    assert f"{DATA_DIR_VARIABLE}={CONTENT_MOUNT}" in instruction("ENV")


def test_the_image_runs_as_an_unprivileged_user():
    keywords = [keyword for keyword, _ in dockerfile()]
    users = instruction("USER")
    assert users and users[-1].split(":")[0] not in {"0", "root"}
    # The server starts after the last switch of user, so it runs as that user.
    assert max(i for i, keyword in enumerate(keywords) if keyword == "USER") < keywords.index("CMD")


def test_the_image_checks_its_own_health_and_starts_the_app():
    (health,) = instruction("HEALTHCHECK")
    assert f"http://localhost:{APP_PORT}{HEALTH}" in health and "urllib.request" in health
    assert COOKIE_SECRET not in " ".join(instruction("ENV"))  # supplied at run time, the same for every replica
    (command,) = instruction("CMD")
    assert json.loads(command) == ["streamlit", "run", "app.py", "--server.port", str(APP_PORT)] + [
        "--server.address", "0.0.0.0", "--server.headless", "true"
    ]  # fmt: skip


def test_the_build_context_holds_what_the_image_copies_and_nothing_else():
    rules = [line.strip() for line in (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()]
    rules = [rule for rule in rules if rule and not rule.startswith("#")]

    def sent(path: str) -> bool:
        """Docker's rule: the last matching pattern decides; `!` puts a path back in."""
        included = True
        for rule in rules:
            pattern = rule.removeprefix("!").rstrip("/")
            if fnmatch.fnmatch(path, pattern) or fnmatch.fnmatch(path, pattern + "/*"):
                included = rule.startswith("!")
        return included

    for source in (
        "requirements.txt",
        "app.py",
        ".streamlit/config.toml",
        "components/data.py",
        "pages/visit.py",
        "data/treatments.csv",
    ):
        assert sent(source), source
    for private in (
        ".venv/bin/python",
        ".git/config",
        "tests/test_fit.py",
        ".streamlit/secrets.toml",
        "components/__pycache__/x.pyc",
    ):
        assert not sent(private), private
