"""The production recipe cannot rot silently: Docker cannot run here, so the Dockerfile's
build steps and Django's deployment checks run in the test environment instead."""

import os
import re
import secrets
import subprocess
import sys
from importlib import metadata

import pytest

from tests.paths import BASE_DIR

DOCKERFILE = (BASE_DIR / "Dockerfile").read_text()


def dockerfile_manage_steps() -> list[str]:
    """The `RUN … manage.py …` commands of the build stage, continuation lines joined."""
    joined = re.sub(r"\\\n\s*", " ", DOCKERFILE)
    return [
        line.removeprefix("RUN ").strip()
        for line in joined.splitlines()
        if line.startswith("RUN ") and "manage.py" in line
    ]


@pytest.fixture
def production_env(tmp_path):
    unwanted = {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in unwanted}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        STATIC_ROOT=str(tmp_path / "static"),
        PATH=f"{os.path.dirname(sys.executable)}:{env['PATH']}",
        HKO_WEATHER_URL="http://127.0.0.1:9/",  # loading the app starts the weather refresher
    )
    return env


def run(command, env, **extra_env):
    return subprocess.run(
        command,
        shell=isinstance(command, str),
        cwd=BASE_DIR,
        env={**env, **extra_env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_dockerfile_build_steps_succeed(production_env, tmp_path):
    steps = dockerfile_manage_steps()
    assert [step.split("manage.py ")[1].split()[0] for step in steps] == [
        "compilemessages",
        "bundle_css",
        "collectstatic",
    ]
    for step in steps:
        result = run(step.replace("--ignore=/venv", "--ignore=.venv"), production_env)
        assert result.returncode == 0, result.stderr
    manifest = tmp_path / "static" / "staticfiles.json"
    assert manifest.exists()
    assert list((tmp_path / "static" / "css").glob("site.*.css.gz"))
    assert list((tmp_path / "static" / "css").glob("site.*.css.br"))


def test_check_deploy_is_clean_in_production(production_env):
    result = run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
        production_env,
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="sme.example.gov.hk",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_gunicorn_loads_the_wsgi_application(production_env):
    result = run(
        [
            os.path.join(os.path.dirname(sys.executable), "gunicorn"),
            "--check-config",
            "portal.wsgi",
        ],
        production_env,
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="sme.example.gov.hk",
    )
    assert result.returncode == 0, result.stderr


def test_image_runs_as_non_root_with_a_healthcheck():
    final_stage = DOCKERFILE.rsplit("\nFROM ", 1)[1]
    assert re.search(r"^USER (?!root)\w+", final_stage, re.MULTILINE)
    assert "HEALTHCHECK" in final_stage and "/healthz" in final_stage
    assert "--require-hashes -r /tmp/requirements.lock" in DOCKERFILE
    assert "${WEB_CONCURRENCY}" in final_stage and "${PORT}" in final_stage


def test_installed_packages_match_the_lock_file():
    """The tests run on exactly the versions the image installs."""
    pins = re.findall(
        r"^([A-Za-z0-9_.\-]+)==([^\s\\]+)", (BASE_DIR / "requirements.lock").read_text(), re.M
    )
    assert pins
    for name, version in pins:
        assert metadata.version(name) == version, name


@pytest.mark.parametrize(
    ("arguments", "site_url"),
    [
        (["PORT=9001"], "http://127.0.0.1:9001"),
        (["HOST=0.0.0.0", "PORT=8123"], "http://0.0.0.0:8123"),
        (["PORT=9001", "SITE_URL=https://sme.example.gov.hk"], "https://sme.example.gov.hk"),
    ],
)
def test_make_run_sets_site_url_from_host_and_port_unless_given(arguments, site_url):
    dry_run = subprocess.run(
        ["make", "-n", "run", *arguments], cwd=BASE_DIR, capture_output=True, text=True
    )
    runserver = next(line for line in dry_run.stdout.splitlines() if "runserver" in line)
    assert runserver.startswith(f"SITE_URL={site_url} ")


def test_every_gunicorn_start_reads_gunicorn_conf():
    assert "--config gunicorn.conf.py" in DOCKERFILE
    for launcher in ("tests/bench.py", "tests/hardening/site.py"):
        assert '"--config", str(BASE_DIR / "gunicorn.conf.py")' in (BASE_DIR / launcher).read_text()
    assert "limit_request_line = 8190" in (BASE_DIR / "gunicorn.conf.py").read_text()
