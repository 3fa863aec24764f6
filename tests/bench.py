"""`make bench`: /tc/ and /sc/ served side by side by gunicorn, reported as ratios.

The machines are shared and noisy, so each Simplified page is measured in the same run as its
Traditional twin, in alternating batches, and the figures that matter are the ratios.
"""

import http.client
import os
import re
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
HOST, PORT = "127.0.0.1", 8765
WORKERS = 2
CONCURRENCY = 4
BATCH = 40
ROUNDS = 6


def request(path: str) -> tuple[float, int, bytes]:
    started = time.perf_counter()
    connection = http.client.HTTPConnection(HOST, PORT, timeout=30)
    connection.request("GET", path, headers={"Host": HOST, "X-Forwarded-Proto": "https"})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return time.perf_counter() - started, response.status, body


def run_batch(pool, path: str) -> tuple[float, list[float]]:
    started = time.perf_counter()
    results = list(pool.map(request, [path] * BATCH))
    elapsed = time.perf_counter() - started
    assert all(status == 200 for _, status, _ in results), path
    return elapsed, [latency for latency, _, _ in results]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def measure(pool, tc_path: str, sc_path: str) -> dict:
    for path in (tc_path, sc_path):  # warm: templates, connections, the /sc/ page cache
        run_batch(pool, path)
    totals = {tc_path: 0.0, sc_path: 0.0}
    latencies = {tc_path: [], sc_path: []}
    for round_number in range(ROUNDS):
        order = (tc_path, sc_path) if round_number % 2 == 0 else (sc_path, tc_path)
        for path in order:
            elapsed, batch_latencies = run_batch(pool, path)
            totals[path] += elapsed
            latencies[path] += batch_latencies
    requests = BATCH * ROUNDS
    return {
        path: {
            "rps": requests / totals[path],
            "p50": percentile(latencies[path], 0.50) * 1000,
            "p99": percentile(latencies[path], 0.99) * 1000,
        }
        for path in (tc_path, sc_path)
    }


def largest_scheme_page() -> str:
    """The /tc/ scheme page with the most HTML, found through the sitemap."""
    _, _, sitemap = request("/sitemap.xml")
    paths = sorted(set(re.findall(r"https?://[^/<]+(/tc/schemes/[^/<]+/)<", sitemap.decode())))
    if not paths:
        return "/tc/"
    return max(paths, key=lambda path: len(request(path)[2]))


def uncached_conversion_ms(tc_path: str) -> float:
    import django

    django.setup()
    from portal.i18n.conversion import Converter, convert_html

    html = request(tc_path)[2].decode()
    converter = Converter()
    convert_html(html, converter)  # load OpenCC's dictionaries first
    timings = []
    for _ in range(50):
        started = time.perf_counter()
        convert_html(html, converter)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000, len(html.encode())


def main():
    work = Path(tempfile.mkdtemp(prefix="portal-bench-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": HOST,
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(work / "static"),
        "DATABASE_URL": os.environ.get("DATABASE_URL") or f"sqlite:///{work / 'db.sqlite3'}",
        "LOG_LEVEL": "WARNING",
    }
    os.environ.update(env)
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "--noinput"], ["load_seed"], ["collectstatic", "--noinput"]):
        subprocess.run([*manage, *command, "-v0"], cwd=BASE_DIR, env=env, check=True)
    gunicorn = [
        str(Path(sys.executable).parent / "gunicorn"), "portal.wsgi",
        "--bind", f"{HOST}:{PORT}", "--workers", str(WORKERS), "--log-level", "warning",
    ]  # fmt: skip
    server = subprocess.Popen(gunicorn, cwd=BASE_DIR, env=env, stdout=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                if request("/healthz")[1] == 200:
                    break
            except OSError:
                time.sleep(0.1)
        scheme_page = largest_scheme_page()
        pages = {"finder": "/tc/schemes/", "largest scheme page": scheme_page}
        print(f"gunicorn, {WORKERS} workers; {CONCURRENCY} concurrent clients; "
              f"{ROUNDS} alternating rounds of {BATCH} requests per page")  # fmt: skip
        print(f"{'page':<22}{'lang':<6}{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}")
        with ThreadPoolExecutor(CONCURRENCY) as pool:
            for label, tc_path in pages.items():
                sc_path = "/sc/" + tc_path.removeprefix("/tc/")
                figures = measure(pool, tc_path, sc_path)
                for lang, path in (("tc", tc_path), ("sc", sc_path)):
                    f = figures[path]
                    print(f"{label:<22}{lang:<6}{f['rps']:>8.1f}{f['p50']:>9.1f}{f['p99']:>9.1f}")
                ratio = figures[sc_path]["rps"] / figures[tc_path]["rps"]
                print(f"{label:<22}sc/tc throughput ratio: {ratio:.2f} (target >= 0.90)")
        milliseconds, size = uncached_conversion_ms(scheme_page)
        print(f"uncached conversion of {scheme_page} ({size / 1024:.1f} KB): "
              f"{milliseconds:.2f} ms median of 50 (target < 5 ms)")  # fmt: skip
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
