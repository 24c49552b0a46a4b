"""Docs stay in step with the code: every rule code, command and option is documented."""
import re
from pathlib import Path

import typer.main

from lkjip_xl.rules import RULES
from lkjip_xl.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_rule_code_is_documented():
    rules_md = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    missing = [code for code in RULES if f"| {code} |" not in rules_md]
    assert missing == []


def test_every_rule_code_is_named_by_a_test():
    """A rule no test names is a rule nobody has seen fire (twelve had none until this list was
    read, and four bugs were behind them): each code appears in some other test file or
    expectation. Necessary, not sufficient: the tests themselves say at which cell."""
    here = Path(__file__).resolve()
    sources = [p for p in (ROOT / "tests").rglob("*") if p.suffix in (".py", ".json") and p != here]
    text = "".join(p.read_text(encoding="utf-8", errors="ignore") for p in sources)
    assert [code for code in RULES if code not in text] == []


def test_every_rule_has_both_languages():
    for rule in RULES.values():
        assert rule.message_id and rule.message_en and rule.title_id and rule.title_en, rule.code
        assert rule.severity in ("error", "warning", "info")


def test_rule_titles_say_what_is_wrong_in_words():
    """A title is printed in a sentence ("Realisasi: 4× [CODE] catatan: {title}: D5:D8"); BUD031's
    read "Pagu perubahan '-'", a typed value in quotes where the words belong."""
    quoting = [(rule.code, t) for rule in RULES.values() for t in (rule.title_id, rule.title_en)
               if re.search(r"['\"]\S{1,3}['\"]", t)]
    assert quoting == []
    assert RULES["BUD031"].title("id") == "Pagu perubahan ditulis strip"
    assert RULES["BUD031"].title("en") == "Revised budget typed as a dash"


def test_every_command_and_option_is_in_the_readme():
    command = typer.main.get_command(app)
    for name, sub in command.commands.items():
        assert f"lkjip-xl {name}" in README, name
        for param in sub.params:
            for opt in param.opts:
                if opt.startswith("--"):
                    assert opt in README, f"{name} {opt}"


def test_readme_starts_with_the_two_setup_commands():
    block = re.search(r"```sh\n(.*?)```", README, re.S).group(1).strip().splitlines()
    assert len(block) == 2
    assert block[0].endswith("pip install -e . && lkjip-xl demo")
    assert "pytest" in block[1]
    assert README.index("```sh") < README.index("## ")


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text()
    assert 'pip install --quiet -e ".[test]" && python -m pytest' in ci
    assert 'pip install -e ".[test]" && python -m pytest' in README
