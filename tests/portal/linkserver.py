"""A web server on loopback (http.server) that answers as outside sites do: 200, 404, a
redirect, too slowly, refusing HEAD. It records each request's method and user agent and how
many requests were in flight at once."""

import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SLOW_SECONDS = 3  # longer than the tests' LINK_CHECK_TIMEOUT_SECONDS


class Site:
    def __init__(self):
        self.requests = []  # (method, path, user agent)
        self.in_flight = 0
        self.most_in_flight = 0
        self.lock = threading.Lock()
        self.hold = 0.0  # seconds each answer waits, to see requests overlap
        self.flaky_fixed = False  # /flaky answers 404 until then

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


def _handler(site: Site):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def answer(self, method: str):
            with site.lock:
                site.requests.append((method, self.path, self.headers.get("User-Agent", "")))
                site.in_flight += 1
                site.most_in_flight = max(site.most_in_flight, site.in_flight)
            try:
                time.sleep(site.hold)
            finally:
                # Before answering: once the client has the answer it may send its next
                # request, which must not find this one still counted.
                with site.lock:
                    site.in_flight -= 1
            self.route(method)

        def route(self, method: str):
            path = self.path.split("?")[0]
            if path.startswith("/ok"):
                self.send(200)
            elif path == "/flaky":
                self.send(200 if site.flaky_fixed else 404)
            elif path == "/moved":
                self.send(301, location="/ok/new-home")
            elif path == "/loop":
                self.send(302, location="/loop")
            elif path == "/slow":
                time.sleep(SLOW_SECONDS)
                self.send(200)
            elif path == "/no-head":
                self.send(405 if method == "HEAD" else 200)
            elif path == "/head-not-implemented":
                self.send(501 if method == "HEAD" else 200)
            elif path == "/gone-for-head":
                if method == "HEAD":
                    self.close_connection = True
                    self.wfile.flush()
                    self.connection.close()
                    return
                self.send(200)
            else:
                self.send(404)

        def send(self, status: int, location: str = ""):
            self.send_response(status)
            if location:
                self.send_header("Location", location)
            body = b"" if self.command == "HEAD" else b"<p>page</p>"
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_HEAD(self):
            self.answer("HEAD")

        def do_GET(self):
            self.answer("GET")

    return Handler


@contextmanager
def link_site():
    site = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    site.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
