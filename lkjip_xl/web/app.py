"""The page's routes (starlette), with the safety rules of issue 15:

- a request body larger than ``max_bytes`` gets a page saying so (413), whatever it announced;
- an upload is read by its content (``sniff.py``) and checked by ``commands.check.run_check`` and
  ``commands.skm.run_skm``, the same functions the commands call; a file they refuse shows the
  same one-line reason as the command line (the upload named by the name it was sent with);
- every text shown is escaped (jinja2 autoescape), and the Content-Security-Policy allows no
  inline script, so even a workbook whose cells hold ``<script>`` runs nothing;
- downloads are addressed by the upload's random id and a fixed output key; no part of a request
  becomes a path;
- only requests to 127.0.0.1/localhost are served (no DNS rebinding), and a form posted from
  another site is refused.

Several files at once: the upload input is ``multiple``; one file is checked as above; a report
document (.docx, PDF) with one workbook is the report check of ``lkjip-xl check LAPORAN --workbook
DATA.xlsx``; two or more workbooks, or a zip archive of workbooks (``sniff.holds_workbooks``), get
the rekap of ``lkjip-xl rekap`` (``rekap.py``). Last year's workbook, in a field of its own, goes
with one workbook (or a report and its workbook) as ``--tahun-lalu`` goes with ``check`` and
``annex`` (a rekap does not use it). Every file
is in the same upload folder under a fixed name, the size limit counting all of them together.
"""
from __future__ import annotations

import asyncio
import contextlib
import sys
from pathlib import Path

from jinja2 import Environment, FileSystemLoader
from starlette.applications import Starlette
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..errors import LkjipError
from ..glossary import counted, term
from ..i18n import LANGS, message
from ..reader import limits
from ..rekap.labels import t as rekap_t
from .guards import BodyTooLarge, SecurityHeaders, SizeLimit, same_origin
from .outputs import BY_KEY, OUTPUTS, TAHUN_LALU, download_name, produce
from .process import CannotCheck, check_report, check_upload, make_template, report_of
from .sniff import holds_workbooks
from .rekap import (DOWNLOAD_KEY, DOWNLOAD_NAME, MAX_FILES, RekapView, rekap_file, rekap_in, rekap_upload,
                    rekap_view, stored_name)
from .store import UploadStore, display_name
from .texts import g, t
from .views import grouped, skm_view

HERE = Path(__file__).parent
FORM_BYTES = 64 * 1024  # room for the form around the file
PART_BYTES = 1024  # and for the headers of each file when several are sent
CHUNK = 1024 * 1024
ALLOWED_HOSTS = ("127.0.0.1", "localhost")


def create_app(store: UploadStore, *, lang: str = "id", max_file_bytes: int = limits.MAX_FILE_BYTES,
               allowed_hosts=ALLOWED_HOSTS, sweep_seconds: float = 60) -> Starlette:
    """``max_file_bytes``: the largest upload (by default the largest file the reader accepts)."""
    max_bytes = max_file_bytes + FORM_BYTES + MAX_FILES * PART_BYTES
    limit_mb = max(1, max_file_bytes // (1024 * 1024))
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True)
    default_lang = lang if lang in LANGS else "id"

    def page_lang(request: Request) -> str:
        asked = request.query_params.get("lang", "")
        return asked if asked in LANGS else default_lang

    def render(request: Request, name: str, status: int = 200, **context) -> HTMLResponse:
        lang = page_lang(request)
        values = {
            "lang": lang, "other_lang": "en" if lang == "id" else "id",
            "t": lambda key, **p: t(key, lang, **p), "g": lambda key: g(key, lang),
            "term": lambda key: term(key, lang), "counted": lambda n, key: counted(n, key, lang), "limit_mb": limit_mb, "limit_bytes": max_file_bytes,
            "error": None, "error_title": None, "form": {"unit": "", "kabupaten_kota": "", "tahun": ""},
        }
        html = env.get_template(name).render({**values, **context})
        return HTMLResponse(html, status_code=status, headers={"Cache-Control": "no-store"})

    def index_error(request: Request, status: int, message: str, title: str | None = None, **context):
        return render(request, "index.html", status, error=message, error_title=title, **context)

    async def index(request: Request):
        return render(request, "index.html")

    async def back_to_index(request: Request):
        """A form's address opened again (the language switch of a page that answered a form, a
        bookmark): the page with the forms, in the language asked for."""
        return RedirectResponse(f"/?lang={page_lang(request)}", status_code=303)

    async def template(request: Request):
        lang = page_lang(request)
        if not same_origin(request):
            return index_error(request, 403, t("forbidden", lang))
        form = await request.form(max_files=0, max_fields=10)
        fields = {k: str(form.get(k) or "").strip()[:200] for k in ("unit", "kabupaten_kota", "tahun")}
        year = fields["tahun"]
        if year and not (year.isdigit() and len(year) == 4):
            return index_error(request, 422, t("bad_year", lang), form=fields)
        folder = store.scratch()
        path, name = await run_in_threadpool(make_template, folder, fields, lang)
        cleanup = BackgroundTask(_remove_tree, folder)
        return FileResponse(path, filename=name, background=cleanup, media_type=XLSX)

    async def upload(request: Request):
        lang = page_lang(request)
        if not same_origin(request):
            return index_error(request, 403, t("forbidden", lang))
        try:
            form = await request.form(max_files=MAX_FILES + 1, max_fields=5)  # (and last year's workbook)
        except (MultiPartException, HTTPException) as exc:  # starlette turns the first into the second
            text = str(getattr(exc, "message", None) or getattr(exc, "detail", ""))
            key = "too_many_files" if text.startswith("Too many files") else "bad_upload"
            return index_error(request, 400, t(key, lang, n=MAX_FILES))
        except BodyTooLarge:
            raise
        except Exception:  # a cut-off or malformed body
            return index_error(request, 400, t("bad_upload", lang))
        try:
            sent = [f for f in form.getlist("berkas") if isinstance(f, UploadFile) and f.filename]
            if not sent:
                return index_error(request, 422, t("no_file", lang))
            if len(sent) > MAX_FILES:  # (the form took one more: last year's workbook)
                return index_error(request, 400, t("too_many_files", lang, n=MAX_FILES))
            last = form.get("tahun_lalu")  # last year's workbook (--tahun-lalu): a workbook's, a report's check
            last = last if isinstance(last, UploadFile) and last.filename else None
            item = store.new(sent[0].filename if len(sent) == 1 else "rekap")
            try:
                room = max_file_bytes  # for all the files together
                for i, one in enumerate(sent):
                    room -= await _save(one, item.path(stored_name(i)), room)
                if last is not None:
                    room -= await _save(last, item.path(TAHUN_LALU), room)
                    item.tahun_lalu = display_name(last.filename)
            except BodyTooLarge:
                store.remove(item.id)
                raise
        finally:
            await form.close()
        names = [display_name(f.filename) for f in sent]
        paths = [item.path(stored_name(i)) for i in range(len(sent))]
        report = await run_in_threadpool(report_of, paths)
        try:
            if report is not None:  # a report and its workbook: the report's numbers against the workbook
                await run_in_threadpool(check_report, item, list(zip(names, paths)), *report)
            elif len(sent) > 1 or await run_in_threadpool(holds_workbooks, paths[0]):
                await run_in_threadpool(rekap_upload, item, names, lang)
            else:
                await run_in_threadpool(check_upload, item)
        except CannotCheck as exc:
            store.remove(item.id)
            return index_error(request, 422, exc.text(lang), t("cannot_read", lang))
        except Exception:
            store.remove(item.id)
            raise
        return RedirectResponse(f"/hasil/{item.id}?lang={lang}", status_code=303)

    async def result(request: Request):
        lang = page_lang(request)
        item = store.get(request.path_params["upload_id"])
        if item is None or item.result is None:
            return index_error(request, 404, t("not_found", lang))
        res = item.result
        if isinstance(res, RekapView):
            rekap = await run_in_threadpool(rekap_in, item, lang)
            return render(request, "rekap.html", rekap=rekap_view(rekap, lang), upload_id=item.id,
                          download_key=DOWNLOAD_KEY, rt=lambda key, **p: rekap_t(key, lang, **p),
                          tahun_lalu=item.tahun_lalu)
        outputs = [{"key": o.key, "label": o.label.get(lang), "warning": o.warning.get(lang) if o.warning else None,
                    "note": o.note.get(lang) if o.note else None} for o in OUTPUTS if o.offered(res)]
        coverage = message("coverage", lang, **res.coverage) if res.coverage else None
        return render(request, "result.html", result=res, summary=res.summary, upload_id=item.id, coverage=coverage,
                      groups=grouped(res.findings, lang, res.labels), skm=skm_view(res.skm, lang), outputs=outputs)

    async def download(request: Request):
        lang = page_lang(request)
        item = store.get(request.path_params["upload_id"])
        if item is not None and isinstance(item.result, RekapView):
            if request.path_params["output"] != DOWNLOAD_KEY:
                return index_error(request, 404, t("not_found", lang))
            path = await run_in_threadpool(rekap_file, item, lang)
            return FileResponse(path, filename=DOWNLOAD_NAME, media_type=XLSX)
        output = BY_KEY.get(request.path_params["output"])
        if item is None or item.result is None or output is None or not output.offered(item.result):
            return index_error(request, 404, t("not_found", lang))
        try:
            path = await run_in_threadpool(produce, item, output, lang)
        except LkjipError as err:  # a file the output's library cannot open (openpyxl for the annotated copy)
            return index_error(request, 422, err.text(lang, path=item.name))
        return FileResponse(path, filename=download_name(item, output))

    @contextlib.asynccontextmanager
    async def lifespan(app):
        async def sweeper():
            while True:
                await asyncio.sleep(sweep_seconds)
                store.sweep()

        task = asyncio.create_task(sweeper())
        try:
            yield
        finally:
            task.cancel()
            store.close()

    async def too_large(request: Request, exc: Exception) -> Response:
        return index_error(request, 413, t("too_large", page_lang(request), mb=limit_mb))

    async def internal(request: Request, exc: Exception) -> Response:
        """A bug of ours: one line on the terminal and on the page, and the server goes on."""
        line = message("internal", page_lang(request), detail=f"{type(exc).__name__}: {exc}"[:200])
        print(f"lkjip-xl: {line}", file=sys.stderr)
        return index_error(request, 500, line)

    routes = [
        Route("/", index),
        Route("/template", template, methods=["POST"]),
        Route("/periksa", upload, methods=["POST"]),
        Route("/template", back_to_index, methods=["GET"]),
        Route("/periksa", back_to_index, methods=["GET"]),
        Route("/hasil/{upload_id}", result),
        Route("/unduh/{upload_id}/{output}", download),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    middleware = [
        Middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts)),
        Middleware(SecurityHeaders),
        Middleware(SizeLimit, max_bytes=max_bytes),
    ]
    return Starlette(routes=routes, middleware=middleware, lifespan=lifespan,
                     exception_handlers={BodyTooLarge: too_large, Exception: internal})


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


async def _save(sent: UploadFile, path: Path, max_bytes: int) -> int:
    """Write the upload to ``path``; returns its size (BodyTooLarge past ``max_bytes``)."""
    written = 0
    with open(path, "wb") as fh:
        while chunk := await sent.read(CHUNK):
            written += len(chunk)
            if written > max_bytes:
                raise BodyTooLarge()
            fh.write(chunk)
    return written


def _remove_tree(folder: Path) -> None:
    import shutil

    shutil.rmtree(folder, ignore_errors=True)
