"""A real server for the page's tests: uvicorn on 127.0.0.1 (any free port) in a thread."""
from __future__ import annotations

import socket
import threading
import time


class LiveServer:
    def __init__(self, **app_options):
        import uvicorn

        from lkjip_xl.web.app import create_app
        from lkjip_xl.web.store import UploadStore

        self.store = UploadStore()
        self.app = create_app(self.store, **app_options)
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.server = uvicorn.Server(uvicorn.Config(self.app, log_level="critical", access_log=False))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def __enter__(self) -> "LiveServer":
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        assert self.server.started, "the test server did not start"
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=20)
        self.sock.close()
