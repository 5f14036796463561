"""The pure layers' catalogues (resources/locale): every shipped language translates every
template the code holds, with the same placeholders, and ships the .mo its .po compiles to.

`make translations` extracts, merges and compiles; these fail until a new or changed template
is translated (and the .mo recompiled) for every language shipped.
"""

from __future__ import annotations

import string
from io import BytesIO
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from qbr_desktop import i18n

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "resources" / "locale"
# As the Makefile's `translations` target extracts them.
KEYWORDS = {**DEFAULT_KEYWORDS, "msg": None, "msg_plural": (1, 2),
            "msg_in_context": ((1, "c"), 2), "N_": None}
SHIPPED = sorted(path.parent.parent.name for path in LOCALES.glob("*/LC_MESSAGES/qbr.po"))


def _catalogue(language: str) -> Catalog:
    with (LOCALES / language / "LC_MESSAGES" / "qbr.po").open("rb") as po:
        return read_po(po)


def _fields(text: str) -> set[str]:
    return {name for _literal, name, _spec, _conversion in string.Formatter().parse(text)
            if name is not None}


def _key(message: Message) -> tuple[str | None, str]:
    single = message.id[0] if isinstance(message.id, tuple) else message.id
    return message.context, single


def test_chinese_is_shipped() -> None:
    assert "zh_CN" in SHIPPED
    assert set(SHIPPED) <= set(i18n.available_languages())


@pytest.mark.parametrize("language", SHIPPED)
def test_the_committed_mo_is_what_the_po_compiles_to(language: str) -> None:
    compiled = BytesIO()
    write_mo(compiled, _catalogue(language))
    shipped = (LOCALES / language / "LC_MESSAGES" / "qbr.mo").read_bytes()
    assert shipped == compiled.getvalue(), (
        f"{language}: qbr.mo is not the compiled qbr.po; run `make translations`")


@pytest.mark.parametrize("language", SHIPPED)
def test_every_entry_is_translated_with_the_same_placeholders(language: str) -> None:
    problems = []
    for message in _catalogue(language):
        if not message.id:
            continue
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        texts = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(texts):
            problems.append(f"untranslated or fuzzy: {sources[0]!r}")
            continue
        wanted = set().union(*(_fields(source) for source in sources))
        for text in texts:
            if _fields(text) != wanted:
                problems.append(f"placeholders differ: {sources[0]!r} → {text!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", SHIPPED)
def test_the_catalogue_passes_the_compilers_checks(language: str) -> None:
    """What `pybabel compile` reports as errors (e.g. "100% (it" read as a %-format whose
    translation lacks it): the compiled catalogue would still be written, so nothing else
    would say so."""
    problems = [f"{message.id!r}: {'; '.join(str(error) for error in errors)}"
                for message, errors in _catalogue(language).check()]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", SHIPPED)
def test_every_template_in_the_code_is_in_the_catalogue(language: str) -> None:
    in_code = {(context, message[0] if isinstance(message, tuple) else message)
               for _file, _line, message, _comments, context
               in extract_from_dir(str(ROOT / "qbr_desktop"), keywords=KEYWORDS)}
    in_catalogue = {_key(message) for message in _catalogue(language) if message.id}
    missing = sorted(in_code - in_catalogue, key=str)
    assert not missing, (f"{language} lacks {len(missing)} template(s); run `make "
                         f"translations` and translate them: {missing[:10]}")


def test_errors_read_in_the_interface_language() -> None:
    from qbr_desktop.store.errors import EditConflictError, NotFoundError, account_gone

    conflict = EditConflictError("notes", "Dana", "2026-12-07 09:00", None)
    gone = account_gone(7)
    assert str(conflict).startswith("Dana changed the notes at 2026-12-07 09:00")
    try:
        i18n.set_interface_language(i18n.CHINESE)
        assert str(conflict).startswith("Dana 在你打开后于 2026-12-07 09:00 修改了notes；")
        assert str(gone) == "没有编号为 7 的客户（可能已被删除）"
        assert str(NotFoundError("plain text passes through")) == "plain text passes through"
    finally:
        i18n.set_interface_language(i18n.ENGLISH)
    assert str(gone) == "No account with id 7 (it may have been deleted)"
