"""One glossary: the Indonesian texts use the words office staff use (kesalahan, not galat)."""
import re

from lkjip_xl import cli  # noqa: F401  (declares the commands, and so their help texts)
from lkjip_xl.cli_help import _ENGLISH
from lkjip_xl.commands.demo import _TEXT as DEMO_TEXT
from lkjip_xl.rekap.labels import TEXT as REKAP_TEXT
from lkjip_xl.repair.change import WHY as REPAIR_WHY
from lkjip_xl.glossary import AVOID, TERMS, severity_word, term
from lkjip_xl.i18n import MESSAGES, message
from lkjip_xl.rules import RULES


def indonesian_texts() -> dict[str, str]:
    texts = {f"i18n:{k}": v[0] for k, v in MESSAGES.items()}
    for code, rule in RULES.items():
        texts[f"rule:{code}:title"] = rule.title_id
        texts[f"rule:{code}:message"] = rule.message_id
    texts.update({f"help:{i}": t for i, t in enumerate(_ENGLISH)})
    texts.update({f"rekap:{k}": v[0] for k, v in REKAP_TEXT.items()})
    texts.update({f"demo:{k}": v[0] for k, v in DEMO_TEXT.items()})
    texts.update({f"rapikan:{k}": v.id for k, v in REPAIR_WHY.items()})
    try:
        from lkjip_xl.web.outputs import OUTPUTS
        from lkjip_xl.web.texts import TEXTS
    except ImportError:  # the web extra is not installed
        return texts
    texts.update({f"web:{k}": v[0] for k, v in TEXTS.items()})
    for o in OUTPUTS:
        texts[f"web:{o.key}"] = o.label.id + " " + (o.warning.id if o.warning else "")
    return texts


def test_no_avoided_word_in_any_indonesian_text():
    for where, text in indonesian_texts().items():
        for word, instead in AVOID.items():
            assert not re.search(rf"\b{word}\b", text, re.I), f"{where}: '{word}' -> '{term(instead)}': {text}"


def test_messages_take_their_terms_from_the_glossary():
    assert message("summary", "id", error=2, warning=1, info=0) == "2 kesalahan, 1 peringatan, 0 info"
    assert message("summary", "en", error=2, warning=1, info=0) == "2 errors, 1 warning, 0 info"  # one: singular
    assert message("summary", "en", error=1, warning=11, info=0) == "1 error, 11 warnings, 0 info"
    assert severity_word("error") == "kesalahan" and severity_word("error", "en") == "error"
    assert all(len(pair) == 2 and all(pair) for pair in TERMS.values())
