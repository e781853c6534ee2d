"""A small SMTP server for the tests, on a free loopback port, in a thread.

    server = SmtpServer(mode="ok", refuse={"weg@example.org"})
    ...
    server.mode = "hang"   # accepts connections and never answers
    server.messages        # (recipients, data) for every message it took

It speaks just enough SMTP for smtplib (EHLO/HELO, MAIL, RCPT, DATA, QUIT, RSET, NOOP) and
answers 550 to RCPT TO for the addresses in `refuse`.
"""

from __future__ import annotations

import socket
import socketserver
import threading


class _Handler(socketserver.StreamRequestHandler):
    timeout = 10

    def handle(self) -> None:
        server: SmtpServer = self.server.owner  # type: ignore[attr-defined]
        if server.mode == "hang":
            server.hung.set()
            server.release.wait(timeout=30)
            return
        self._reply("220 kansrijk-test ESMTP")
        recipients: list[str] = []
        while True:
            line = self.rfile.readline()
            if not line:
                return
            command = line.decode("ascii", "replace").strip()
            verb = command[:4].upper()
            if verb in {"EHLO", "HELO"}:
                self._reply("250 kansrijk-test")
            elif verb == "MAIL":
                recipients = []
                self._reply("250 OK")
            elif verb == "RCPT":
                address = command.split(":", 1)[1].strip().strip("<>").lower()
                if address in server.refuse:
                    self._reply("550 5.1.1 No such user")
                else:
                    recipients.append(address)
                    self._reply("250 OK")
            elif verb == "DATA":
                self._reply("354 End data with <CR><LF>.<CR><LF>")
                data = []
                while (chunk := self.rfile.readline()) not in (b".\r\n", b".\n", b""):
                    data.append(chunk)
                server.messages.append((recipients, b"".join(data).decode("utf-8", "replace")))
                self._reply("250 OK queued")
            elif verb == "QUIT":
                self._reply("221 Bye")
                return
            else:
                self._reply("250 OK")

    def _reply(self, text: str) -> None:
        self.wfile.write(text.encode("ascii") + b"\r\n")


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


class SmtpServer:
    def __init__(self, *, mode: str = "ok", refuse: set[str] | None = None) -> None:
        self.mode = mode
        self.refuse = {address.lower() for address in (refuse or set())}
        self.messages: list[tuple[list[str], str]] = []
        self.hung = threading.Event()
        self.release = threading.Event()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.owner = self  # type: ignore[attr-defined]
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> SmtpServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.release.set()
        self._server.shutdown()
        self._server.server_close()

    def recipients(self) -> list[str]:
        return sorted(address for recipients, _ in self.messages for address in recipients)


def free_port_refusing() -> int:
    """A loopback port nobody listens on (connection refused)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
