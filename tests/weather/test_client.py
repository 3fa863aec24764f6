"""Asking a real HTTP server on loopback: good, failing, malformed and slow answers."""

import http.server
import inspect
import threading
import time

import pytest

from tests.weather.hko_stub import Answer, HkoStub, payload, storm_answers
from weather.client import TIMEOUT_SECONDS, HkoUnavailable, fetch_json, hko_url
from weather.hko import HkoDataError


@pytest.fixture
def stub():
    with HkoStub(storm_answers()) as server:
        yield server


def test_hko_url_asks_for_a_data_type_in_a_language():
    assert hko_url("https://hko.example/weather.php", "rhrread", "tc") == (
        "https://hko.example/weather.php?dataType=rhrread&lang=tc"
    )


def test_fetch_json_reads_a_recorded_answer(stub):
    data = fetch_json(hko_url(stub.url, "warnsum", "tc"))
    assert data["WRAIN"]["name"] == "暴雨警告信號"
    assert stub.requests == [("warnsum", "tc")]


def test_server_error_is_unavailable(stub):
    stub.answer("rhrread", "en", Answer(b'{"error": "busy"}', status=500))
    with pytest.raises(HkoUnavailable):
        fetch_json(hko_url(stub.url, "rhrread", "en"))


def test_malformed_answer_is_a_data_error(stub):
    stub.answer("rhrread", "en", Answer(payload("rhrread_calm_en.json")[:200]))
    with pytest.raises(HkoDataError):
        fetch_json(hko_url(stub.url, "rhrread", "en"))


def test_closed_port_is_unavailable():
    with pytest.raises(HkoUnavailable):
        fetch_json("http://127.0.0.1:9/weather.php")


def test_the_time_limit_is_three_seconds():
    assert TIMEOUT_SECONDS == 3
    assert inspect.signature(fetch_json).parameters["timeout"].default == TIMEOUT_SECONDS


def test_slow_answer_is_given_up_at_the_time_limit(stub):
    stub.answer("rhrread", "en", Answer(payload("rhrread_calm_en.json"), delay=10))
    started = time.monotonic()
    with pytest.raises(HkoUnavailable):
        fetch_json(hko_url(stub.url, "rhrread", "en"), timeout=0.3)
    assert time.monotonic() - started < 2


class DrippingHandler(http.server.BaseHTTPRequestHandler):
    """Answers one byte at a time, each within the socket timeout, never finishing in time."""

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", "1000")
        self.end_headers()
        try:
            for _ in range(1000):
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(0.2)
        except OSError:
            pass  # the client hung up, as it should

    def log_message(self, *args):
        pass


@pytest.fixture
def dripping_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), DrippingHandler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/weather.php"
    server.shutdown()
    server.server_close()


def test_a_dripping_answer_is_given_up_at_the_deadline_in_all(dripping_server):
    started = time.monotonic()
    with pytest.raises(HkoUnavailable):
        fetch_json(dripping_server, timeout=1)
    assert time.monotonic() - started < 1.8
