"""A stand-in for HKO's weather.php on loopback, serving the recorded payloads.

In tests: `with HkoStub() as stub:` (port 0), then `stub.answer(...)` to change an answer.
By hand, for `make run`:
    .venv/bin/python -m tests.weather.hko_stub --port 8741 [--calm]
    HKO_WEATHER_URL=http://127.0.0.1:8741/ make run
By hand the readings' times are moved to the current hour, so the site shows them.
"""

import argparse
import contextlib
import json
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

PAYLOADS = Path(__file__).parent / "payloads"
HONG_KONG = timezone(timedelta(hours=8))


def payload(name: str) -> bytes:
    return (PAYLOADS / name).read_bytes()


@dataclass
class Answer:
    body: bytes
    status: int = 200
    delay: float = 0.0


def recorded_answers(rhrread: str, warnsum: dict[str, str]) -> dict:
    """Answers keyed by (dataType, lang): rhrread_<rhrread>_<lang>.json and warnsum files."""
    answers = {
        ("rhrread", lang): Answer(payload(f"rhrread_{rhrread}_{lang}.json")) for lang in warnsum
    }
    answers.update({("warnsum", lang): Answer(payload(name)) for lang, name in warnsum.items()})
    return answers


def storm_answers() -> dict:
    """A tropical cyclone signal and a rainstorm warning in force (and one cancelled)."""
    return recorded_answers("storm", {"en": "warnsum_storm_en.json", "tc": "warnsum_storm_tc.json"})


def calm_answers() -> dict:
    return recorded_answers("calm", {"en": "warnsum_none.json", "tc": "warnsum_none.json"})


class HkoStub:
    def __init__(self, answers: dict | None = None, *, port: int = 0):
        self.answers = answers if answers is not None else storm_answers()
        self.requests: list[tuple[str, str]] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", port), self._handler())
        self.server.daemon_threads = True

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/weather.php"

    def answer(self, data_type: str, lang: str, answer: Answer) -> None:
        self.answers[(data_type, lang)] = answer

    def _handler(self):
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                query = parse_qs(urlsplit(self.path).query)
                key = (query.get("dataType", [""])[0], query.get("lang", [""])[0])
                stub.requests.append(key)
                answer = stub.answers.get(key, Answer(b"Not found", status=404))
                time.sleep(answer.delay)
                try:
                    self.send_response(answer.status)
                    self.send_header("Content-Type", "application/json; charset=utf-8")
                    self.send_header("Content-Length", str(len(answer.body)))
                    self.end_headers()
                    self.wfile.write(answer.body)
                except OSError:
                    pass  # the client gave up waiting, as it should

            def log_message(self, format, *args):
                pass

        return Handler

    def __enter__(self):
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


def at_this_hour(body: bytes, now: datetime) -> bytes:
    """A recorded rhrread answer with its reading moved to the start of the current hour."""
    data = json.loads(body)
    hour = now.astimezone(HONG_KONG).replace(minute=0, second=0, microsecond=0).isoformat()
    for block in ("humidity", "temperature"):
        if isinstance(data.get(block), dict):
            data[block]["recordTime"] = hour
    return json.dumps(data, ensure_ascii=False).encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8741)
    parser.add_argument("--calm", action="store_true", help="no warnings in force")
    options = parser.parse_args()
    answers = calm_answers() if options.calm else storm_answers()
    now = datetime.now(HONG_KONG)
    for lang in ("en", "tc"):
        answers[("rhrread", lang)].body = at_this_hour(answers[("rhrread", lang)].body, now)
    with HkoStub(answers, port=options.port) as stub:
        print(f"Serving HKO-shaped answers on {stub.url} (Ctrl-C stops)", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()


if __name__ == "__main__":
    main()
