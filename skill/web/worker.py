"""A gunicorn worker that reads each request whole before a thread serves it.

gunicorn's sync worker gives a connection a process, and its threaded worker a thread, from the
first byte of a request to the last: a client sending one header byte every half second holds
it for as long as it likes, and a handful of such clients stop the service. Here the worker's
event loop reads every request into a buffer, without a thread, and hands it to the thread pool
only once it is whole (or over the size limit, which the app then refuses). A request that is
not whole within `REQUEST_READ_SECONDS` of its connection is dropped. Slow clients cost a socket
and a buffer each, up to gunicorn's `worker_connections`; threads serve only complete requests.
One request per connection (no keep-alive): the next one is read whole again.

Plain HTTP only, behind the TLS-terminating proxy Alexa talks to (docs/web.md).
"""

from __future__ import annotations

import contextlib
import errno
import selectors
import socket
import time
from functools import partial
from typing import Any

from gunicorn.workers.gthread import TConn, ThreadWorker

from skill.web.app import MAX_BODY_BYTES

# A whole request, from the connection's start. Alexa (and any proxy in front) sends one in
# milliseconds; a client that takes longer is not one to wait for.
REQUEST_READ_SECONDS = 10.0
MAX_HEAD_BYTES = 32 * 1024
# Past this, the request is handed on unread: the app refuses it (413) without reading more.
MAX_BUFFERED_BYTES = MAX_BODY_BYTES + MAX_HEAD_BYTES


class SlowClientWorker(ThreadWorker):  # type: ignore[misc]
    """gunicorn's threaded worker, with each request read whole by the event loop first."""

    @classmethod
    def check_config(cls, cfg: Any, log: Any) -> None:
        super().check_config(cfg, log)
        if cfg.is_ssl:
            raise RuntimeError("SlowClientWorker serves plain HTTP behind a TLS proxy")

    def init_process(self) -> None:
        self._reading: dict[TConn, float] = {}
        super().init_process()

    def accept(self, listener: socket.socket) -> None:
        try:
            client, address = listener.accept()
        except OSError as error:
            if error.errno not in (errno.EAGAIN, errno.ECONNABORTED, errno.EWOULDBLOCK):
                raise
            return
        self.nr_conns += 1
        conn = TConn(self.cfg, client, address, listener.getsockname())  # non-blocking
        conn.received = bytearray()
        self._reading[conn] = time.monotonic() + REQUEST_READ_SECONDS
        self.poller.register(client, selectors.EVENT_READ, partial(self._readable, conn))

    def _readable(self, conn: TConn, client: socket.socket) -> None:
        try:
            data = client.recv(65536)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            self._drop(conn)
            return
        if not data:
            self._drop(conn)
            return
        conn.received += data
        if len(conn.received) < MAX_BUFFERED_BYTES and not request_is_whole(conn.received):
            return
        self.poller.unregister(client)
        del self._reading[conn]
        conn.init()  # blocking again, with gunicorn's parser
        conn.sock.settimeout(REQUEST_READ_SECONDS)  # a body the app reads past the buffer
        conn.parser.unreader.unread(bytes(conn.received))
        conn.received = bytearray()
        conn.data_ready = True
        self.enqueue_req(conn)

    def _drop(self, conn: TConn) -> None:
        with contextlib.suppress(KeyError, ValueError, OSError):
            self.poller.unregister(conn.sock)
        self._reading.pop(conn, None)
        self.nr_conns -= 1
        conn.close()

    def murder_pending(self) -> None:
        super().murder_pending()
        now = time.monotonic()
        for conn, deadline in list(self._reading.items()):
            if deadline <= now:
                self._drop(conn)

    def _keepalive_after(self, conn: TConn, keepalive: bool) -> bool:
        return False  # one request per connection: the next would not be read whole first


def request_is_whole(data: bytes | bytearray) -> bool:
    """Whether `data` holds a whole HTTP/1.x request: its head, and the body its
    Content-Length or chunked encoding announces. A head too long, or a body announced over the
    limit, counts as whole: the server refuses it, so there is nothing to wait for."""
    head_end = data.find(b"\r\n\r\n")
    if head_end < 0:
        return len(data) > MAX_HEAD_BYTES
    length: int | None = None
    chunked = False
    for line in bytes(data[:head_end]).split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        name = name.strip().lower()
        if name == b"content-length":
            if not value.strip().isdigit():
                return True  # malformed: gunicorn answers 400
            length = int(value.strip())
        elif name == b"transfer-encoding" and b"chunked" in value.lower():
            chunked = True
    body = data[head_end + 4:]
    if chunked:
        return _chunks_are_whole(body)
    if length is None:
        return True
    return len(body) >= length or length > MAX_BODY_BYTES


def _chunks_are_whole(body: bytes | bytearray) -> bool:
    position = 0
    while True:
        line_end = body.find(b"\r\n", position)
        if line_end < 0:
            return False
        size_text = bytes(body[position:line_end]).split(b";")[0].strip()
        try:
            size = int(size_text, 16)
        except ValueError:
            return True  # malformed: gunicorn answers 400
        if size == 0:
            rest = body[line_end + 2:]
            return rest.startswith(b"\r\n") or b"\r\n\r\n" in rest
        position = line_end + 2 + size + 2
        if position > len(body):
            return False
