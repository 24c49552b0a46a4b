"""Where uploads live: one private temporary folder for the server, one subfolder per upload.

An upload is known by an opaque random id (``secrets.token_urlsafe``); the files inside its
folder have fixed names chosen here. Nothing a request sends (a file name, a path) ever becomes a
path: the upload's original name is kept only to show it and to name downloads. Each upload has
its own folder and its own lock, so two uploads at once never share a file. An upload unused for
``idle_seconds`` (an hour by default) is removed; :meth:`UploadStore.close` removes everything.
"""
from __future__ import annotations

import re
import secrets
import shutil
import tempfile
import threading
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

IDLE_SECONDS = 3600
_ID = re.compile(r"^[A-Za-z0-9_-]{22,64}$")


def display_name(name: str | None, fallback: str = "berkas") -> str:
    """The name an upload was sent with, safe to show and to suggest for a download: its last
    path part, printable characters only, at most 120 of them."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = "".join(ch for ch in unicodedata.normalize("NFC", base) if ch.isprintable() and ch not in '"<>|*?:')
    base = base.strip(" .")[:120]
    return base or fallback


@dataclass
class Upload:
    id: str
    folder: Path
    name: str  # as sent, for display only (see display_name)
    kind: str = ""  # "xlsx" or "csv", from the content
    result: Any = None  # what the page shows (views.ResultView)
    tahun_lalu: str | None = None  # the name last year's workbook was sent with (stored as TAHUN_LALU), if one was
    lock: threading.Lock = field(default_factory=threading.Lock)
    last_used: float = field(default_factory=time.monotonic)

    def path(self, filename: str) -> Path:
        """A file of this upload; ``filename`` is one of the fixed names the server chose."""
        return self.folder / filename


class UploadStore:
    def __init__(self, root: Path | None = None, idle_seconds: float = IDLE_SECONDS):
        self.root = Path(tempfile.mkdtemp(prefix="lkjip-web-", dir=root))  # mode 0700
        self.idle_seconds = idle_seconds
        self._uploads: dict[str, Upload] = {}
        self._lock = threading.Lock()

    def new(self, name: str | None) -> Upload:
        upload_id = secrets.token_urlsafe(24)
        folder = self.root / upload_id
        folder.mkdir(mode=0o700)
        upload = Upload(upload_id, folder, display_name(name))
        with self._lock:
            self._uploads[upload_id] = upload
        return upload

    def get(self, upload_id: str) -> Upload | None:
        if not _ID.match(upload_id or ""):
            return None
        with self._lock:
            upload = self._uploads.get(upload_id)
        if upload is not None:
            upload.last_used = time.monotonic()
        return upload

    def remove(self, upload_id: str) -> None:
        with self._lock:
            upload = self._uploads.pop(upload_id, None)
        if upload is not None:
            shutil.rmtree(upload.folder, ignore_errors=True)

    def sweep(self, now: float | None = None) -> int:
        """Remove the uploads unused for ``idle_seconds``; returns how many."""
        now = time.monotonic() if now is None else now
        with self._lock:
            idle = [u.id for u in self._uploads.values() if now - u.last_used > self.idle_seconds]
        for upload_id in idle:
            self.remove(upload_id)
        return len(idle)

    def scratch(self) -> Path:
        """A private folder for one response that keeps nothing (a template download)."""
        return Path(tempfile.mkdtemp(prefix="tmp-", dir=self.root))

    def __len__(self) -> int:
        return len(self._uploads)

    def close(self) -> None:
        with self._lock:
            self._uploads.clear()
        shutil.rmtree(self.root, ignore_errors=True)
