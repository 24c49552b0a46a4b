"""The terminal's help pages and the texts they are made of, in Indonesian (default) or English.

A command declares its texts where it is declared, in both languages::

    @app.command(help=bi("Periksa buku kerja.", "Check a workbook."), epilog=exit_codes())
    def check(workbook: Path = typer.Argument(..., metavar=bi("BUKU_KERJA", "WORKBOOK"),
                                              help=bi("Buku kerja LKjIP.", "The LKjIP workbook."))):

``bi`` returns the Indonesian text (what typer stores) and remembers its English; the help page
is rendered here, not by typer/click (whose own words are English only): usage, description,
arguments, options with their choices (``text|json``) and defaults, and the exit codes. The
language is the ``--lang`` among the command line's arguments (``--lang en`` anywhere).
"""
from __future__ import annotations

import inspect
import shutil
import textwrap
from enum import Enum

import typer
import typer.core

from .glossary import term
from .i18n import message

LANG_KEY = "lkjip_lang"  # ctx.meta: the language of help and usage errors
ARGS_KEY = "lkjip_args"  # ctx.meta: the command's own arguments as typed

_ENGLISH: dict[str, str] = {}


def bi(id_: str, en: str) -> str:
    """A help text: the Indonesian is returned, the English is found again by :func:`in_lang`."""
    _ENGLISH[inspect.cleandoc(id_)] = inspect.cleandoc(en)
    return id_


def in_lang(text: str | None, lang: str) -> str:
    if not text:
        return ""
    text = inspect.cleandoc(text)
    return _ENGLISH.get(text, text) if lang == "en" else text


EXIT_OK = ("tidak ada kesalahan", "no errors")
EXIT_ERRORS = ("ada kesalahan di buku kerja (lihat temuan)", "the workbook has errors (see the findings)")
EXIT_CANNOT_RUN = ("tidak dapat dijalankan: berkas tidak terbaca atau pilihan tidak sah; alasannya satu baris",
                   "could not run: unreadable file or invalid option; the reason is one line")


def exit_codes(ok: tuple[str, str] = EXIT_OK, errors: tuple[str, str] | None = EXIT_ERRORS) -> str:
    """The exit codes of a command, for its ``epilog``: 0 and 2 always, 1 when the command has it."""
    rows = [("0", ok), *((("1", errors),) if errors else ()), ("2", EXIT_CANNOT_RUN)]
    return bi("\n".join(f"{code}  {id_}" for code, (id_, _) in rows),
              "\n".join(f"{code}  {en}" for code, (_, en) in rows))


LANG_HELP = bi("Bahasa pesan: id (Indonesia) atau en (Inggris).", "Message language: id or en (English).")
HELP_HELP = ("Tampilkan bantuan ini.", "Show this help.")
LANG_CHOICES = "id|en"


def argv_lang(args: list[str], default: str = "id") -> str:
    """The ``--lang`` asked for among raw arguments (the last one given wins)."""
    lang = default
    for i, arg in enumerate(args):
        value = arg.split("=", 1)[1] if arg.startswith("--lang=") else (
            args[i + 1] if arg == "--lang" and i + 1 < len(args) else None)
        if value is not None and value.strip().lower() in ("id", "en"):
            lang = value.strip().lower()
    return lang


# ------------------------------------------------------------------------------ parameters
def _is_argument(param) -> bool:
    return getattr(param, "param_type_name", "") == "argument"


def choices(param) -> list[str] | None:
    """The values a parameter accepts, when it is a choice (an Enum default, or a metavar a|b)."""
    if isinstance(param.default, Enum):
        return [str(m.value) for m in type(param.default)]
    metavar = param.metavar or ""
    return metavar.split("|") if "|" in metavar else None


def placeholder(param, lang: str) -> str:
    """What to type after an option, or the name of an argument: ``text|json``, ``BERKAS``."""
    if param.metavar:
        return in_lang(param.metavar, lang)
    found = choices(param)
    if found:
        return "|".join(found)
    return param.name.upper() if _is_argument(param) else term("value", lang).upper()


def option_names(param) -> str:
    return ", ".join(param.opts)


def _default(param) -> str | None:
    value = param.default
    if _is_argument(param) or getattr(param, "is_flag", False) or value is None or callable(value):
        return None
    return str(value.value if isinstance(value, Enum) else value)


# ---------------------------------------------------------------------------------- render
def _width() -> int:
    return max(60, min(100, shutil.get_terminal_size((100, 24)).columns))


def _rows(rows: list[tuple[str, str]], width: int) -> list[str]:
    """A two-column list, the second column wrapped."""
    left = min(max((len(a) for a, _ in rows), default=0) + 4, 30)
    out = []
    for name, text in rows:
        lines = textwrap.wrap(text, max(20, width - left)) or [""]
        if len(name) + 4 > left:
            out.append(f"  {name}")
            out += [" " * left + line for line in lines]
        else:
            out.append(f"  {name.ljust(left - 2)}{lines[0]}")
            out += [" " * left + line for line in lines[1:]]
    return out


def _param_text(param, lang: str) -> str:
    text = in_lang(getattr(param, "help", None), lang)
    default = _default(param)
    if default is not None:
        text += f" ({term('default', lang)}: {default})"
    if param.required:
        text += f" ({term('required', lang)})"
    return text.strip()


def _first_sentence(text: str) -> str:
    head, dot, _ = text.partition(". ")
    return head + dot.strip()


def _section(title: str, lines: list[str]) -> list[str]:
    return ["", f"{title[0].upper()}{title[1:]}:", *lines] if lines else []


def render_help(command, ctx, lang: str) -> str:
    """The whole help page of a command or of the command group."""
    width = _width()
    params = [p for p in command.get_params(ctx) if not getattr(p, "hidden", False)]
    args = [p for p in params if _is_argument(p)]
    opts = [p for p in params if not _is_argument(p)]
    is_group = isinstance(command, typer.core.TyperGroup)
    pieces = [ctx.command_path]
    if is_group:
        pieces.append(f"{term('command', lang).upper()} [{term('arguments', lang).upper()}]...")
    pieces += [placeholder(p, lang) if p.required else f"[{placeholder(p, lang)}]" for p in args]
    pieces.append(f"[{term('options', lang).upper()}]")
    out = [f"{term('usage', lang).capitalize()}: {' '.join(pieces)}", ""]
    out += textwrap.wrap(in_lang(command.help, lang), width)
    out += _section(term("arguments", lang), _rows([(placeholder(p, lang), _param_text(p, lang)) for p in args], width))
    if is_group:
        commands = [(name, _first_sentence(in_lang(cmd.help, lang))) for name, cmd in command.commands.items()
                    if not cmd.hidden]
        out += _section(term("commands", lang), _rows(commands, width))
    rows = []
    for p in opts:
        if p.name == "help":
            continue
        flag = getattr(p, "is_flag", False)
        rows.append((option_names(p) + ("" if flag else f" {placeholder(p, lang)}"), _param_text(p, lang)))
    if is_group:
        rows.append((f"--lang {LANG_CHOICES}", in_lang(LANG_HELP, lang)))
    rows.append(("--help", HELP_HELP[1] if lang == "en" else HELP_HELP[0]))
    out += _section(term("options", lang), _rows(rows, width))
    if is_group:
        out += ["", message("command_help", lang, command=f"{ctx.command_path} {term('command', lang).upper()}")]
    epilog = in_lang(command.epilog, lang)
    if epilog:
        out += _section(term("exit_codes", lang), [f"  {line}" for line in epilog.splitlines()])
    return "\n".join(out) + "\n"


# ------------------------------------------------------------------------- typer classes
def _remember(ctx, args: list[str]) -> None:
    ctx.meta[LANG_KEY] = argv_lang(args, ctx.meta.get(LANG_KEY, "id"))
    ctx.meta[ARGS_KEY] = list(args)


class HelpCommand(typer.core.TyperCommand):
    """A command whose help page and usage errors speak the user's language."""

    def parse_args(self, ctx, args):
        from .cli_errors import extra_arguments

        _remember(ctx, args)
        ctx.allow_extra_args = True  # leftovers are reported below, in the user's language
        rest = _parse_in(super().parse_args, ctx, args)
        if rest and not ctx.resilient_parsing:
            raise extra_arguments(ctx, rest)
        return rest

    def format_help(self, ctx, formatter) -> None:
        formatter.write(render_help(self, ctx, ctx.meta.get(LANG_KEY, "id")))


class HelpGroup(typer.core.TyperGroup):
    """The command group: ``--lang`` may also come before the command's name."""

    def parse_args(self, ctx, args):
        from .cli_errors import missing_command

        _remember(ctx, args)
        args = _lang_after_command(list(args), set(self.commands))
        rest = _parse_in(super().parse_args, ctx, args)
        if not any(not a.startswith("-") for a in args) and not ctx.resilient_parsing:
            raise missing_command(ctx)
        return rest

    def resolve_command(self, ctx, args):
        from .cli_errors import no_such_command

        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None and not ctx.resilient_parsing:
            raise no_such_command(ctx, name, list(self.commands))
        return super().resolve_command(ctx, args)

    def format_help(self, ctx, formatter) -> None:
        formatter.write(render_help(self, ctx, ctx.meta.get(LANG_KEY, "id")))


def _parse_in(parse, ctx, args):
    """Parse; a usage error raised without its context (click's parser does that) gets it, so
    that its message can name the command and the option."""
    from .cli_errors import click_exceptions

    try:
        return parse(ctx, args)
    except click_exceptions().UsageError as exc:
        if exc.ctx is None:
            exc.ctx = ctx
        raise


def _lang_after_command(args: list[str], commands: set[str]) -> list[str]:
    """``lkjip-xl --lang en check x`` is ``lkjip-xl check x --lang en``."""
    moved, head, i = [], [], 0
    while i < len(args) and args[i] not in commands:
        if args[i] == "--lang" and i + 1 < len(args):
            moved += args[i:i + 2]
            i += 2
        elif args[i].startswith("--lang="):
            moved.append(args[i])
            i += 1
        else:
            head.append(args[i])
            i += 1
    if i >= len(args):  # no command: the language only chooses the words of help and errors
        return head
    return head + [args[i]] + moved + args[i + 1:]


class Typer(typer.Typer):
    """typer.Typer whose commands are :class:`HelpCommand` unless told otherwise."""

    def __init__(self, **kwargs):
        super().__init__(cls=kwargs.pop("cls", HelpGroup), **kwargs)

    def command(self, *args, cls=None, **kwargs):
        return super().command(*args, cls=cls or HelpCommand, **kwargs)
