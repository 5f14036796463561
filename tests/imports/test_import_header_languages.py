"""Headers in the languages CSMs' exports come in are recognised without --map."""

from __future__ import annotations

import pytest

from qbr_desktop.imports import header_words
from qbr_desktop.imports.fields import FIELDS, ImportKind, guess_mapping, metric_key_for

TABLES = {ImportKind.ACCOUNTS: header_words.ACCOUNTS, ImportKind.CONTACTS: header_words.CONTACTS,
          ImportKind.METRICS: header_words.METRICS}


@pytest.mark.parametrize("kind", list(ImportKind))
def test_every_field_has_words_in_every_language(kind: ImportKind) -> None:
    for field in FIELDS[kind]:
        words = TABLES[kind].get(field.key, {})
        missing = [language for language in header_words.LANGUAGES if not words.get(language)]
        assert not missing, f"{kind.value}.{field.key} has no header words in {missing}"


@pytest.mark.parametrize("kind", list(ImportKind))
def test_each_word_alone_is_read_as_its_own_field(kind: ImportKind) -> None:
    wrong = []
    for field in FIELDS[kind]:
        for language in header_words.LANGUAGES:
            for word in TABLES[kind][field.key][language]:
                guessed = guess_mapping(kind, [word])
                if guessed != {field.key: word}:
                    wrong.append((language, word, field.key, guessed))
    assert wrong == []


@pytest.mark.parametrize(("headers", "expected"), [
    (["Kunden-ID", "Kunde", "Verlängerung", "Lizenzen", "Währung", "Branche", "Land"],
     {"external_id": "Kunden-ID", "name": "Kunde", "renewal_date": "Verlängerung",
      "licensed_seats": "Lizenzen", "currency": "Währung", "industry": "Branche",
      "country": "Land"}),
    (["ID de fiche d'informations", "Nom de l'entreprise", "Propriétaire de l'entreprise",
      "Date de renouvellement", "Nombre de licences", "Revenu annuel récurrent",
      "Chiffre d'affaires annuel"],
     {"external_id": "ID de fiche d'informations", "name": "Nom de l'entreprise",
      "csm_owner": "Propriétaire de l'entreprise", "renewal_date": "Date de renouvellement",
      "licensed_seats": "Nombre de licences", "arr": "Revenu annuel récurrent"}),
    (["Nombre de la cuenta", "Fecha de renovación", "Licencias", "Ingresos recurrentes anuales",
      "País"],
     {"name": "Nombre de la cuenta", "renewal_date": "Fecha de renovación",
      "licensed_seats": "Licencias", "arr": "Ingresos recurrentes anuales", "country": "País"}),
    (["Nome da empresa", "Data de renovação", "Licenças", "Receita recorrente anual",
      "Cliente desde"],
     {"name": "Nome da empresa", "renewal_date": "Data de renovação",
      "licensed_seats": "Licenças", "arr": "Receita recorrente anual",
      "customer_since": "Cliente desde"}),
    (["Klantnaam", "Verlengingsdatum", "Aantal licenties", "Klant sinds", "Branche"],
     {"name": "Klantnaam", "renewal_date": "Verlengingsdatum",
      "licensed_seats": "Aantal licenties", "customer_since": "Klant sinds",
      "industry": "Branche"}),
    (["客户编号", "客户", "续约日期", "席位", "年度经常性收入", "行业"],
     {"external_id": "客户编号", "name": "客户", "renewal_date": "续约日期",
      "licensed_seats": "席位", "arr": "年度经常性收入", "industry": "行业"}),
    (["取引先ID", "取引先名", "契約更新日", "ライセンス数", "年間契約額", "業種", "担当者"],
     {"external_id": "取引先ID", "name": "取引先名", "renewal_date": "契約更新日",
      "licensed_seats": "ライセンス数", "arr": "年間契約額", "industry": "業種",
      "csm_owner": "担当者"}),
])
def test_crm_exports_in_other_languages(headers: list[str], expected: dict[str, str]) -> None:
    assert guess_mapping(ImportKind.ACCOUNTS, headers) == expected


def test_a_customers_own_revenue_is_never_taken_for_arr() -> None:
    for header in ("Jahresumsatz", "Chiffre d'affaires annuel", "Annual Revenue"):
        assert "arr" not in guess_mapping(ImportKind.ACCOUNTS, ["Kunde", header])


def test_contacts_in_french_and_spanish_split_first_and_last_names() -> None:
    assert guess_mapping(ImportKind.CONTACTS, ["Prénom", "Nom", "Adresse e-mail", "Poste",
                                               "Nom de l'entreprise"]) == {
        "first_name": "Prénom", "last_name": "Nom", "email": "Adresse e-mail",
        "title": "Poste", "account": "Nom de l'entreprise"}
    assert guess_mapping(ImportKind.CONTACTS, ["Nombre", "Apellidos", "Correo electrónico",
                                               "Cargo", "Empresa"]) == {
        "first_name": "Nombre", "last_name": "Apellidos", "email": "Correo electrónico",
        "title": "Cargo", "account": "Empresa"}


@pytest.mark.parametrize(("text", "key"), [
    ("Aktive Nutzer", "active_users"), ("Utilisateurs actifs", "active_users"),
    ("Usuarios activos", "active_users"), ("Usuários ativos", "active_users"),
    ("Actieve gebruikers", "active_users"), ("活跃用户", "active_users"),
    ("アクティブユーザー数", "active_users"), ("Anmeldungen", "logins"),
    ("Support-Tickets", "support_tickets"), ("工单数", "support_tickets"),
    ("Kundenzufriedenheit (CSAT)", "csat"), ("顧客満足度", "csat"),
    ("Genutzte Funktionen", "features_adopted"), ("Lizenzen", "licensed_seats"),
])
def test_metric_names_in_other_languages(text: str, key: str) -> None:
    assert metric_key_for(text) == key
