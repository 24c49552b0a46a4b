"""Usage errors of the terminal (a missing argument, an unknown option, a value not among the
choices, ...) as one line in the user's language.

typer/click describe these in English only; the line is rebuilt here from what the exception
knows (which parameter, which option, which value), never from its English text:
``lkjip-xl: nilai 'xml' tidak sah untuk --format; pilihan yang sah: text, json; lihat: lkjip-xl check --help``.
"""
from __future__ import annotations

from difflib import get_close_matches

from .cli_help import ARGS_KEY, LANG_KEY, choices, placeholder
from .i18n import message


def click_exceptions():
    """The click that typer runs on (typer may ship its own copy)."""
    try:
        from typer._click import exceptions  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - typer versions that use the click package
        from click import exceptions
    return exceptions


_exc = click_exceptions()


class CliUsageError(_exc.UsageError):
    """A usage error raised by lkjip-xl's own command classes, as a message key and parameters."""

    def __init__(self, ctx, key: str, hint: tuple[str, dict] | None = None, **params):
        super().__init__(key, ctx)
        self.key, self.params, self.hint = key, params, hint


def extra_arguments(ctx, rest: list[str]) -> CliUsageError:
    return CliUsageError(ctx, "extra_arguments", args=" ".join(rest))


def missing_command(ctx) -> CliUsageError:
    return CliUsageError(ctx, "missing_command")


def no_such_command(ctx, name: str, commands: list[str]) -> CliUsageError:
    return CliUsageError(ctx, "no_such_command", _did_you_mean(get_close_matches(name, commands)), name=name)


def _did_you_mean(names) -> tuple[str, dict] | None:
    names = [n for n in names or () if n]
    return ("did_you_mean", {"names": ", ".join(f"'{n}'" for n in sorted(names))}) if names else None


def _option_name(param) -> str:
    return max(param.opts, key=len) if param.opts else param.name


def _raw_value(ctx, param) -> str | None:
    """The value typed for an option, found again in the command's own arguments."""
    args = (ctx.meta.get(ARGS_KEY) if ctx is not None else None) or []
    found = None
    for i, arg in enumerate(args):
        for opt in param.opts:
            if arg == opt and i + 1 < len(args):
                found = args[i + 1]
            elif arg.startswith(opt + "="):
                found = arg[len(opt) + 1:]
    return found


def _param_of(ctx, option: str):
    command = getattr(ctx, "command", None)
    for param in (command.get_params(ctx) if command is not None else ()):
        if option in param.opts or option in getattr(param, "secondary_opts", ()):
            return param
    return None


def _reason(exc, lang: str) -> tuple[str, tuple[str, dict] | None]:
    """(main message, optional hint message) for a click usage error."""
    ctx = getattr(exc, "ctx", None)
    if isinstance(exc, CliUsageError):
        return message(exc.key, lang, **exc.params), exc.hint
    if isinstance(exc, _exc.MissingParameter):
        param = exc.param
        if param is None:
            return message("missing_argument", lang, name="?"), None
        if getattr(param, "param_type_name", "") == "argument":
            return message("missing_argument", lang, name=placeholder(param, lang)), None
        return message("missing_option", lang, name=_option_name(param)), None
    if isinstance(exc, _exc.NoSuchOption):
        return message("no_such_option", lang, name=exc.option_name), _did_you_mean(exc.possibilities)
    if isinstance(exc, _exc.BadOptionUsage):
        param = _param_of(ctx, exc.option_name)
        key = "option_takes_no_value" if getattr(param, "is_flag", False) else "option_needs_value"
        return message(key, lang, name=exc.option_name), None
    if isinstance(exc, _exc.BadParameter) and exc.param is not None:
        param = exc.param
        is_arg = getattr(param, "param_type_name", "") == "argument"
        valid = choices(param)
        name = placeholder(param, lang) if is_arg else _option_name(param)
        if not is_arg and not valid:
            name += f" {placeholder(param, lang)}"
        value = _raw_value(ctx, param)
        hint = ("valid_choices", {"choices": ", ".join(valid)}) if valid else None
        return message("bad_value", lang, value=value if value is not None else "?", name=name), hint
    return message("bad_option", lang, detail=type(exc).__name__), None


def usage_line(exc, lang: str) -> str:
    """``lkjip-xl: <reason>[; <hint>]; lihat: <command> --help``."""
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        lang = ctx.meta.get(LANG_KEY, lang)
    main, hint = _reason(exc, lang)
    parts = [main if hint is None else f"{main} ({message(hint[0], lang, **hint[1])})"]
    command = ctx.command_path if ctx is not None else "lkjip-xl"
    parts.append(message("see_help", lang, command=command))
    return "lkjip-xl: " + "; ".join(parts)
