"""The language a CRM file gives for an account's customer files ("zh-CN", "Chinese",
"简体中文", "English"), read as one of the shipped language codes (i18n.LANGUAGE_NAMES).

A value that names no shipped language is a problem of its row, never English by default:
a deck in the wrong language is worse than a rejected row the CSM can fix.
"""

from __future__ import annotations

from qbr_desktop.i18n import CHINESE, ENGLISH, LANGUAGE_NAMES, msg
from qbr_desktop.imports.values import ValueProblem, shown

_ENGLISH_WORDS = (
    "en", "eng", "en-us", "en-gb", "en-au", "en-ca", "en-ie", "en-in", "en-nz", "en-sg",
    "en-za", "english", "english (us)", "english (uk)", "english us", "english uk",
    "englisch", "anglais", "inglés", "ingles", "inglês", "engels",
    "英语", "英文", "英語",
)
_CHINESE_WORDS = (
    "zh", "zho", "chi", "zh-cn", "zh-sg", "zh-hans", "zh-hans-cn", "zh-hans-sg", "cn",
    "chinese", "simplified chinese", "chinese (simplified)", "chinese simplified",
    "chinese, simplified", "mandarin", "mandarin chinese",
    "chinesisch", "chinois", "chino", "chinês", "chinees",
    "中文", "简体中文", "简体", "中文简体", "中文（简体）", "中文(简体)", "汉语", "漢語", "普通话",
    "中国語", "簡体字中国語", "简中",
)
#: Written for Chinese, but not the Simplified Chinese the customer files are written in.
_TRADITIONAL = (
    "zh-tw", "zh-hk", "zh-mo", "zh-hant", "zh-hant-tw", "zh-hant-hk", "traditional chinese",
    "chinese (traditional)", "chinese traditional", "繁體中文", "繁体中文", "繁體", "繁体",
    "中文（繁體）", "中文(繁體)", "cantonese", "粵語", "粤语",
)


def _key(text: str) -> str:
    return " ".join(text.replace("_", "-").casefold().split())


_CODES: dict[str, str] = {
    **{_key(word): ENGLISH for word in _ENGLISH_WORDS},
    **{_key(word): CHINESE for word in _CHINESE_WORDS},
    # Every shipped language by its code and by its own name, a later one's included.
    **{_key(code): code for code in LANGUAGE_NAMES},
    **{_key(name): code for code, name in LANGUAGE_NAMES.items()},
}


def customer_language(text: str) -> str:
    """The shipped language code a cell names; ValueProblem naming the value otherwise."""
    key = _key(text)
    code = _CODES.get(key)
    if code is not None:
        return code
    choices = ", ".join(f"{name} ({code})" for code, name in LANGUAGE_NAMES.items())
    if key in {_key(word) for word in _TRADITIONAL}:
        raise ValueProblem(msg("“{value}” is Traditional Chinese, which customer files are not "
                               "written in yet; use one of: {choices}", value=shown(text),
                               choices=choices))
    raise ValueProblem(msg("“{value}” is not a language customer files are written in; use "
                           "one of: {choices}", value=shown(text), choices=choices))
