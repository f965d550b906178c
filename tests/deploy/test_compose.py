"""The production stack's files agree with each other and with the code.

No container engine runs here, so docker-compose.yml is checked as data: every service
has a health check, the start order waits for health, every variable is documented in
.env.example, and no secret is committed. Where a compose implementation is installed
(`.ci/run` installs Debian's docker-compose), it validates and interpolates the file too.
"""

import os
import re
import shutil
import subprocess

import pytest
import yaml

from tests.deploy.compose import COMPOSE_FILE, PROJECT_DIR, compose_file, service, service_command
from tests.s3 import PUBLIC_PREFIXES

ENV_EXAMPLE = PROJECT_DIR / ".env.example"
DOCKERFILE = PROJECT_DIR / "Dockerfile"
START_WEB = PROJECT_DIR / "deploy" / "start-web.sh"
ONE_SHOT = "minio-init"
# Read by boto3 from the environment, never by the settings.
READ_OUTSIDE_SETTINGS = {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"}
# Whose values must never be committed: .env.example gives placeholders only.
SECRETS = {"DJANGO_SECRET_KEY", "POSTGRES_PASSWORD", "MINIO_ROOT_PASSWORD", "AWS_SECRET_ACCESS_KEY"}
PLACEHOLDER = "change-me"


def documented_variables() -> dict[str, str]:
    """Variables of .env.example, set or commented out (a default), with their values."""
    found = {}
    for line in ENV_EXAMPLE.read_text().splitlines():
        match = re.fullmatch(r"#?\s*([A-Z][A-Z0-9_]*)=(.*)", line.strip())
        if match:
            found[match[1]] = match[2]
    return found


def settings_variables() -> set[str]:
    """Every variable cms/settings/ reads through its env helpers."""
    pattern = re.compile(r"\benv_(?:str|bool|int|list|networks|choice|required)\(\s*\"([A-Z][A-Z0-9_]*)\"")
    return {
        name
        for path in (PROJECT_DIR / "cms" / "settings").glob("*.py")
        for name in pattern.findall(path.read_text())
    }


def interpolated_variables(text: str) -> set[str]:
    """${NAME}, ${NAME:-default} and ${NAME:?message}; $$ is a literal dollar sign."""
    return set(re.findall(r"(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)", text))


def test_it_defines_the_services_of_the_stack():
    assert set(compose_file()["services"]) == {
        "db",
        "redis",
        "minio",
        ONE_SHOT,
        "web",
        "worker",
        "scheduler",
        "varnish",
    }


def test_every_long_running_service_has_a_health_check_and_restarts():
    for name, definition in compose_file()["services"].items():
        if name == ONE_SHOT:
            assert "healthcheck" not in definition
            assert definition["restart"] == "no"
            continue
        assert definition["healthcheck"]["test"][0] in {"CMD", "CMD-SHELL"}, name
        assert definition["restart"] == "unless-stopped", name


def test_services_wait_until_what_they_need_is_healthy_or_done():
    waits = {
        name: {
            needed: condition["condition"] for needed, condition in definition.get("depends_on", {}).items()
        }
        for name, definition in compose_file()["services"].items()
    }

    assert waits == {
        "db": {},
        "redis": {},
        "minio": {},
        ONE_SHOT: {"minio": "service_healthy"},
        "web": {
            "db": "service_healthy",
            "redis": "service_healthy",
            "minio": "service_healthy",
            ONE_SHOT: "service_completed_successfully",
        },
        # Healthy web means the database is migrated.
        "worker": {"web": "service_healthy"},
        "scheduler": {"web": "service_healthy"},
        # Varnish's VCL looks up the worker's address (allowed to purge), which exists
        # once the container runs; its health check comes only after a minute.
        "varnish": {"web": "service_healthy", "worker": "service_started"},
    }


def test_the_data_lives_in_named_volumes():
    declared = set(compose_file()["volumes"])
    used = {
        mount.split(":")[0]
        for definition in compose_file()["services"].values()
        for mount in definition.get("volumes", [])
        if not mount.startswith((".", "/"))
    }
    assert declared == used == {"postgres-data", "minio-data"}
    assert "postgres-data:/var/lib/postgresql/data" in service("db")["volumes"]
    assert "minio-data:/data" in service("minio")["volumes"]


def test_every_variable_the_stack_reads_is_documented_in_env_example():
    documented = set(documented_variables())
    used_by_compose = interpolated_variables(COMPOSE_FILE.read_text())
    used_by_start_script = interpolated_variables(START_WEB.read_text())

    assert used_by_compose - documented == set()
    assert used_by_start_script - documented == set()
    assert settings_variables() - documented == set()
    assert READ_OUTSIDE_SETTINGS - documented == set()


def test_the_values_that_matter_stop_compose_when_missing():
    text = COMPOSE_FILE.read_text()
    required = set(re.findall(r"\$\{([A-Z0-9_]+):\?", text))

    assert {
        "DJANGO_SECRET_KEY",
        "DJANGO_ALLOWED_HOSTS",
        "DATABASE_URL",
        "REDIS_URL",
        "POSTGRES_PASSWORD",
        "MINIO_ROOT_PASSWORD",
        "AWS_STORAGE_BUCKET_NAME",
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
    } <= required
    # Each one is set in .env.example, not left as a commented-out default.
    example = ENV_EXAMPLE.read_text()
    for name in required:
        assert re.search(rf"^{name}=\S", example, re.MULTILINE), name


def test_no_secret_is_committed():
    documented = documented_variables()
    for name in SECRETS:
        assert documented[name].startswith(PLACEHOLDER), name
    # The database URL carries the same placeholder password as the database server.
    assert f":{documented['POSTGRES_PASSWORD']}@db:5432/" in documented["DATABASE_URL"]
    # The compose file takes every secret from .env.
    for name, definition in compose_file()["services"].items():
        for key, value in (definition.get("environment") or {}).items():
            if any(word in key for word in ("PASSWORD", "SECRET")):
                assert re.fullmatch(r"\$\{[A-Z0-9_]+:\?[^}]*\}", value), f"{name}: {key}"
    assert not re.search(r"^ENV .*SECRET", DOCKERFILE.read_text(), re.MULTILINE)


def test_env_is_ignored_by_git_and_kept_out_of_the_image():
    if not (PROJECT_DIR / ".git").exists() or not shutil.which("git"):
        pytest.skip("not a git work tree")

    def ignored(path: str) -> bool:
        return subprocess.run(["git", "check-ignore", "-q", path], cwd=PROJECT_DIR).returncode == 0

    assert ignored(".env")
    assert not ignored(".env.example")
    assert ".env" in (PROJECT_DIR / ".dockerignore").read_text().splitlines()


def test_the_files_the_stack_uses_exist():
    assert service("web")["build"] == "."
    assert DOCKERFILE.is_file()
    assert os.access(START_WEB, os.X_OK)
    assert (PROJECT_DIR / "deploy" / "healthcheck.py").is_file()
    for name in ("web", "worker", "scheduler"):
        assert service(name)["healthcheck"]["test"][1:] == ["python", "deploy/healthcheck.py", name]
    varnish_config = next(
        mount.split(":")[0] for mount in service("varnish")["volumes"] if mount.endswith(":/etc/varnish:ro")
    )
    assert (PROJECT_DIR / varnish_config / "default.vcl").is_file()
    assert (PROJECT_DIR / varnish_config / "backend.vcl").is_file()


def test_minio_init_lets_anyone_read_the_public_prefixes_only():
    """The prefixes are those of the tests' bucket (tests/s3.py), where the media tests
    check that images and public documents are readable and restricted documents are not."""
    script = service(ONE_SHOT)["command"][0].splitlines()
    bucket = "stack/$$AWS_STORAGE_BUCKET_NAME"

    assert [line for line in script if line.startswith("mc anonymous ")] == [
        # Earlier versions let anyone download the whole bucket: that goes first.
        f'mc anonymous set none "{bucket}"',
        *(f'mc anonymous set download "{bucket}/{prefix}"' for prefix in PUBLIC_PREFIXES),
    ]
    created = script.index(f'mc mb --ignore-existing "{bucket}"')
    assert created < script.index(f'mc anonymous set none "{bucket}"')


def test_web_worker_and_scheduler_run_one_image_with_their_own_commands():
    assert service_command("web") == ["deploy/start-web.sh"]
    assert service_command("worker") == [
        "python",
        "manage.py",
        "db_worker",
        "--interval",
        "1",
        "--max-tasks",
        "500",
    ]
    assert service_command("scheduler") == ["python", "manage.py", "scheduler"]
    images = {service(name)["image"] for name in ("web", "worker", "scheduler")}
    assert len(images) == 1
    assert all(service(name)["env_file"] == ".env" for name in ("web", "worker", "scheduler"))


def test_the_image_runs_the_web_command_as_an_unprivileged_user():
    instructions = [
        line.split(maxsplit=1)
        for line in DOCKERFILE.read_text().splitlines()
        if line and not line.startswith((" ", "#"))
    ]
    keywords = [keyword for keyword, _ in instructions]
    arguments = dict(instructions)

    assert arguments["FROM"] == "python:3.11-slim-bookworm"
    assert yaml.safe_load(arguments["CMD"]) == service_command("web")
    assert arguments["USER"] == "cms"
    assert keywords.index("USER") < keywords.index("CMD")
    assert arguments["EXPOSE"] == "8000"
    assert "DJANGO_SETTINGS_MODULE=cms.settings.production" in DOCKERFILE.read_text()
    assert "manage.py collectstatic --no-input" in DOCKERFILE.read_text()


def test_the_image_gets_the_catalogs_compiled_in_a_stage_of_its_own():
    """The .mo files are not committed: a build stage with GNU gettext compiles them, and the
    image copies only its output over the code, so the image carries no gettext package."""
    build_stage, image = DOCKERFILE.read_text().split("\nFROM python:3.11-slim-bookworm\n")

    assert "FROM python:3.11-slim-bookworm AS catalogs" in build_stage
    assert "apt-get install -y --no-install-recommends gettext" in build_stage
    assert "gettext" not in image
    assert image.index("COPY . .") < image.index("COPY --from=catalogs /locale/ locale/")


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext's msgfmt is not installed")
def test_the_build_stages_compile_command_compiles_every_catalog(tmp_path):
    (command,) = [
        line[len("RUN ") :] for line in DOCKERFILE.read_text().splitlines() if line.startswith("RUN for po")
    ]
    shutil.copytree(PROJECT_DIR / "locale", tmp_path / "locale", ignore=shutil.ignore_patterns("*.mo"))

    subprocess.run(["sh", "-c", command.replace("/locale/", f"{tmp_path}/locale/")], check=True)

    assert sorted(
        path.parent.parent.name for path in (tmp_path / "locale").glob("*/LC_MESSAGES/django.mo")
    ) == [
        "de",
        "en",
    ]


def test_start_web_migrates_then_serves_with_gunicorn():
    script = START_WEB.read_text()

    assert script.index("python deploy/migrate.py") < script.index("exec gunicorn cms.wsgi:application")
    assert '--bind "0.0.0.0:${PORT:-8000}"' in script
    assert '--workers "${WEB_CONCURRENCY:-3}"' in script
    # Workers are replaced now and then, which frees the memory a large request made them keep.
    assert '--max-requests "${WEB_MAX_REQUESTS:-1000}"' in script
    assert '--max-requests-jitter "${WEB_MAX_REQUESTS_JITTER:-100}"' in script
    assert "--access-logfile -" in script


def compose_command() -> list[str] | None:
    docker = shutil.which("docker")
    if docker and subprocess.run([docker, "compose", "version"], capture_output=True).returncode == 0:
        return [docker, "compose"]
    legacy = shutil.which("docker-compose")
    return [legacy] if legacy else None


@pytest.fixture
def compose(tmp_path):
    """Runs the compose implementation on a copy of the file, with .env.example as .env."""
    command = compose_command()
    if command is None:
        pytest.skip(
            "no compose implementation: install Debian's docker-compose (or the docker compose plugin)"
        )
    shutil.copy(COMPOSE_FILE, tmp_path / "docker-compose.yml")
    # Compose prefers the shell's variables to .env: none of the stack's may leak in.
    env = {key: value for key, value in os.environ.items() if key not in documented_variables()}

    def run(env_text: str) -> subprocess.CompletedProcess:
        (tmp_path / ".env").write_text(env_text)
        return subprocess.run([*command, "config"], cwd=tmp_path, env=env, capture_output=True, text=True)

    return run


def test_compose_accepts_the_file_and_fills_it_from_env(compose):
    result = compose(ENV_EXAMPLE.read_text())

    assert result.returncode == 0, result.stderr
    config = yaml.safe_load(result.stdout)
    documented = documented_variables()
    web_environment = config["services"]["web"]["environment"]
    assert web_environment["DJANGO_SECRET_KEY"] == documented["DJANGO_SECRET_KEY"]
    assert web_environment["FRONTEND_CACHE_URL"] == "http://varnish:80"
    assert config["services"]["db"]["environment"]["POSTGRES_PASSWORD"] == documented["POSTGRES_PASSWORD"]
    published = config["services"]["varnish"]["ports"][0]
    assert str(published["published"] if isinstance(published, dict) else published).startswith("8080")


def test_compose_refuses_to_start_without_a_secret_key(compose):
    without_key = "\n".join(
        line for line in ENV_EXAMPLE.read_text().splitlines() if not line.startswith("DJANGO_SECRET_KEY=")
    )

    result = compose(without_key)

    assert result.returncode != 0
    assert "set DJANGO_SECRET_KEY in .env" in result.stderr


def test_the_app_believes_forwarded_addresses_from_the_stacks_own_network_only():
    def default(value: str) -> str:
        return re.fullmatch(r"\$\{[A-Z_]+:-([^}]+)\}", value)[1]

    subnet = default(compose_file()["networks"]["default"]["ipam"]["config"][0]["subnet"])
    for name in ("web", "worker", "scheduler"):
        assert default(service(name)["environment"]["TRUSTED_PROXIES"]) == subnet
    assert documented_variables()["TRUSTED_PROXIES"] == documented_variables()["STACK_SUBNET"] == subnet
