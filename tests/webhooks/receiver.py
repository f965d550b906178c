"""A real HTTP receiver for webhook tests: a server on 127.0.0.1 that records every request
and answers as the test tells it (200 by default, an error status, or no answer at all)."""

import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# An answer that never comes, until the test ends: the sender's timeout must give up first.
HANG = "hang"
# How long a hanging answer waits at most, should a test forget to stop the receiver.
HANG_LIMIT = 10


@dataclass(frozen=True)
class ReceivedRequest:
    method: str
    path: str
    headers: dict[str, str]  # names in lower case
    body: bytes


class Receiver:
    def __init__(self):
        self.requests: list[ReceivedRequest] = []
        self._answers: list[int | str] = []
        self._stopping = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        # A short poll interval, so stopping the server does not hold up each test.
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/hooks/cms"

    def answer_with(self, *answers: int | str) -> None:
        """The answers to the next requests, in order (status codes or HANG); then 200 again."""
        self._answers.extend(answers)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        self._server.shutdown()
        self._server.server_close()

    def _next_answer(self) -> int | str:
        return self._answers.pop(0) if self._answers else 200

    def _handler_class(self):
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                receiver.requests.append(
                    ReceivedRequest(
                        method=self.command,
                        path=self.path,
                        headers={name.lower(): value for name, value in self.headers.items()},
                        body=self.rfile.read(length),
                    )
                )
                answer = receiver._next_answer()
                if answer == HANG:
                    receiver._stopping.wait(HANG_LIMIT)
                    return
                text = b"ok" if answer < 400 else b"Interner Fehler beim Empfaenger"
                self.send_response(answer)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(text)))
                self.end_headers()
                self.wfile.write(text)

            def log_message(self, format, *args):
                pass  # keeps the test output clean

        return Handler
