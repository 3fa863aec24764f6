"""`make bench`, the open data API: `schemes/` and `schemes/{slug}/` measured as the pages are
(cached, uncached and cold, each as a ratio to the framework limit for a response of its size),
on the servers `tests.bench` started. Imported by tests/bench.py."""

import statistics

API_ROOT = "/api/v1/"
RENDERED = "bench=rendered"  # a parameter no operation declares: rendered, never stored


def api_paths() -> dict[str, str]:
    from schemes.models import Scheme

    scheme = Scheme.objects.published().order_by("-pk").first()
    return {
        "schemes/": f"{API_ROOT}schemes/",
        "schemes/{slug}/": f"{API_ROOT}schemes/{scheme.slug}/",
    }


def bench_api(*, port: int, cold_port: int, fetch, wrk) -> None:
    print("open data API (JSON, every language):")
    print(f"{'operation':<17}{'KB':>6}{'limit r/s':>10}" + "".join(
        f"{mode + ' r/s':>14}{'ratio':>6}{'p50':>6}" for mode in ("cached", "uncached", "cold")
    ))  # fmt: skip
    for label, path in api_paths().items():
        status, body = fetch(port, path)
        assert status == 200, (path, status)
        limit_path = f"/bench/limit/{len(body)}"
        before = wrk(port, limit_path)
        measured = {
            "cached": (port, path),
            "uncached": (port, f"{path}?{RENDERED}"),
            "cold": (cold_port, path),
        }
        for server, url in measured.values():
            for _ in range(5):
                fetch(server, url)
        figures = {mode: wrk(server, url) for mode, (server, url) in measured.items()}
        limit = statistics.mean([before["rps"], wrk(port, limit_path)["rps"]])
        row = f"{label:<17}{len(body) / 1024:>6.1f}{limit:>10.0f}"
        for figure in figures.values():
            row += f"{figure['rps']:>14.0f}{figure['rps'] / limit:>6.2f}{figure['p50']:>6.1f}"
        print(row)
