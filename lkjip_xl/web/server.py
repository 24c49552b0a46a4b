"""Start the page: bind 127.0.0.1 only, open the default browser, serve until Ctrl+C, then remove
every upload. uvicorn runs it; its own log lines (English) are kept off the terminal."""
from __future__ import annotations

import os
import socket
import webbrowser
from typing import Callable

from ..errors import UsageError

HOST = "127.0.0.1"


def serve(port: int = 8765, *, open_browser: bool = True, lang: str = "id",
          on_ready: Callable[[str], None] | None = None) -> None:
    """Serve until interrupted. ``port`` 0 takes any free port. Raises UsageError (exit 2) when the
    web extra is not installed or the port cannot be used."""
    try:
        import uvicorn

        from .app import create_app
    except ImportError as exc:
        raise UsageError("web_missing", detail=exc.name or str(exc)) from None
    from .store import UploadStore

    if not 0 <= port <= 65535:
        raise UsageError("bad_option", detail=f"--port {port} (0..65535)")
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if os.name != "nt":  # the connections of a page just stopped linger (TIME_WAIT) and would hold the port a
        # minute; Windows does not hold it, and there this option would let two servers share the port
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((HOST, port))
    except OSError:
        sock.close()
        raise UsageError("port_busy", port=port) from None
    sock.listen(128)
    url = f"http://{HOST}:{sock.getsockname()[1]}/?lang={lang}"
    store = UploadStore()
    try:
        app = create_app(store, lang=lang)
        server = uvicorn.Server(uvicorn.Config(app, log_level="critical", access_log=False, lifespan="on"))
        if on_ready is not None:
            on_ready(url)
        if open_browser:
            webbrowser.open(url)
        try:
            server.run(sockets=[sock])
        except KeyboardInterrupt:  # uvicorn stops cleanly on Ctrl+C, then passes the signal on
            pass
    finally:
        sock.close()
        store.close()
