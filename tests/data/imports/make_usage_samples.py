"""Write the "Prepare QBR data" sample exports into qbr_prep/ beside this script (or a folder).

    .venv/bin/python tests/data/imports/make_usage_samples.py [FOLDER]

What a CSM has before a QBR, shaped as the tools export it, not as QBR Desktop names things.
Every file is reproducible byte for byte; a test regenerates them and compares.

- hubspot_companies.csv    a HubSpot companies export (English): Record ID, Company name,
                           Company owner, "Annual Revenue" (the customer's revenue, not ours),
                           custom ARR, Seats purchased, Contract renewal date, Became a
                           Customer Date, and columns nobody imports (domain, lifecycle...)
- gainsight_usage_de.csv   a customer-success tool's usage report set to German: UTF-8 with
                           BOM, ";", decimal commas, one row per account and metric, one column
                           per month ("Jan. 2025" … "Sep. 2026"), "-" where a month has no
                           value; accounts by HubSpot id, one only by a shortened name, plus
                           an internal test tenant and a churned customer the CRM no longer has
- hubspot_contacts_fr.csv  a HubSpot contacts export set to French
- amplitude_usage_ja.csv   a product-analytics export set to Japanese: one value per row,
                           months as 2026年1月
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent / "qbr_prep"

# (record id, name, owner, industry, country, employees, revenue, ARR, seats, renewal, since)
COMPANIES = [
    ("9876500001", "Lumière Bank S.A.", "Claire Dubois", "Financial Services", "France", "4800",
     "2100000000", "480000", "900", "2027-03-31", "2019-09-15 10:04"),
    ("9876500002", "Nordwind Logistik GmbH", "Jonas Weber", "Logistics and Supply Chain",
     "Germany", "1200", "310000000", "210000", "400", "2027-06-30", "2021-02-01 08:30"),
    ("9876500003", "Kōbe Precision Instruments K.K.", "Aiko Tanaka", "Machinery", "Japan",
     "2600", "880000000", "95000", "220", "2027-01-31", "2022-05-20 02:15"),
    ("9876500004", "Sol y Mar Hoteles S.L.", "Lucía Peña", "Hospitality", "Spain", "650",
     "74000000", "48000", "120", "2027-04-15", "2023-03-01 09:00"),
    ("9876500005", "Bright Pixel Studio Ltd", "Claire Dubois", "Media Production",
     "United Kingdom", "45", "3900000", "12000", "25", "2027-02-28", "2024-11-04 16:45"),
    ("9876500006", "Acorn Health Partners", "Jonas Weber", "Hospital & Health Care",
     "United States", "3100", "640000000", "150000", "600", "2027-05-31", "2020-07-07 11:11"),
]
COMPANY_HEADER = ["Record ID", "Company name", "Company owner", "Create Date",
                  "Company Domain Name", "Industry", "Country/Region", "City",
                  "Number of Employees", "Annual Revenue", "Lifecycle Stage", "ARR",
                  "Seats purchased", "Contract renewal date", "Became a Customer Date",
                  "Last Activity Date"]
CITIES = ["Paris", "Hamburg", "Kobe", "Málaga", "London", "Boston"]

MONTHS_DE = ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sep.", "Okt.",
             "Nov.", "Dez."]
#: January 2025 to September 2026: seven whole quarters.
PERIODS = [(2025, m) for m in range(1, 13)] + [(2026, m) for m in range(1, 10)]
METRICS_DE = ["Aktive Nutzer", "Lizenzen", "Genutzte Funktionen", "Verfügbare Funktionen",
              "Anmeldungen", "Support-Tickets", "Kundenzufriedenheit (CSAT)", "NPS"]
#: The usage report's accounts: (Kunden-ID, Kunde, seats, adoption at start, growth a month)
USAGE_ACCOUNTS = [
    ("", "Lumiere Bank", 900, 0.52, 0.012),  # the CS tool lost the id: found by its name
    ("9876500002", "Nordwind Logistik GmbH", 400, 0.61, 0.008),
    ("9876500003", "Kobe Precision Instruments", 220, 0.45, 0.015),
    ("9876500004", "Sol y Mar Hoteles", 120, 0.70, -0.004),
    ("9876500006", "Acorn Health Partners", 600, 0.58, 0.006),
    ("QA-0001", "QA Testmandant (intern)", 5, 1.0, 0.0),
    ("9876500099", "Vandelay Industries", 80, 0.40, -0.02),  # churned: not in the CRM
]


def _csv(rows: list[list[str]], delimiter: str) -> str:
    def cell(text: str) -> str:
        if any(c in text for c in (delimiter, '"', "\n")):
            return '"' + text.replace('"', '""') + '"'
        return text
    return "\r\n".join(delimiter.join(cell(c) for c in row) for row in rows) + "\r\n"


def hubspot_companies() -> bytes:
    rows = [COMPANY_HEADER]
    for n, (rid, name, owner, industry, country, employees, revenue, arr, seats, renewal,
            since) in enumerate(COMPANIES):
        domain = name.split()[0].lower().replace("ō", "o").replace("è", "e") + ".example"
        rows.append([rid, name, owner, f"2018-0{n + 1}-1{n} 09:0{n}", domain, industry,
                     country, CITIES[n], employees, revenue, "Customer", arr, seats, renewal,
                     since, f"2026-11-2{n} 14:3{n}"])
    return _csv(rows, ",").encode("utf-8")


def _german(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}".replace(".", ",")


def _usage_series(generator: random.Random, seats: int, start: float, growth: float,
                  months: int) -> dict[str, list[str]]:
    active, features, logins, tickets, csat, nps = [], [], [], [], [], []
    for m in range(months):
        share = min(0.97, max(0.05, start + growth * m + generator.uniform(-0.015, 0.015)))
        users = round(seats * share)
        active.append(str(users))
        features.append(str(min(24, 9 + m // 3 + generator.randint(0, 1))))
        logins.append(str(users * generator.randint(14, 19)))
        tickets.append(str(max(0, round(seats / 100 * generator.uniform(0.8, 2.4)))))
        csat.append(_german(round(generator.uniform(3.9, 4.6), 1), 1)
                    if generator.random() > 0.15 else "-")
        nps.append(str(generator.randint(18, 46)) if m % 3 == 2 else "-")  # a survey a quarter
    return {"Aktive Nutzer": active, "Lizenzen": [str(seats)] * months,
            "Genutzte Funktionen": features, "Verfügbare Funktionen": ["24"] * months,
            "Anmeldungen": logins, "Support-Tickets": tickets,
            "Kundenzufriedenheit (CSAT)": csat, "NPS": nps}


def gainsight_usage_de() -> bytes:
    generator = random.Random(19)
    header = ["Kunden-ID", "Kunde", "Kennzahl"] + [f"{MONTHS_DE[m - 1]} {y}" for y, m in PERIODS]
    rows = [header]
    for cid, name, seats, start, growth in USAGE_ACCOUNTS:
        series = _usage_series(generator, seats, start, growth, len(PERIODS))
        for metric in METRICS_DE:
            rows.append([cid, name, metric, *series[metric]])
    return ("\ufeff" + _csv(rows, ";")).encode("utf-8")


CONTACTS_FR = [
    ("701", "Hélène", "Marchand", "helene.marchand@lumiere-bank.example",
     "Directrice des opérations", "Lumière Bank S.A.", "+33 1 44 55 66 01"),
    ("702", "Karim", "Benali", "karim.benali@lumiere-bank.example", "Responsable informatique",
     "Lumière Bank S.A.", "+33 1 44 55 66 02"),
    ("703", "Sophie", "Laurent", "sophie.laurent@lumiere-bank.example", "Directrice financière",
     "Lumière Bank S.A.", ""),
    ("704", "Lukas", "Brandt", "lukas.brandt@nordwind.example", "Leiter IT",
     "Nordwind Logistik GmbH", "+49 40 123 456"),
]


def hubspot_contacts_fr() -> bytes:
    rows = [["ID de fiche d'informations", "Prénom", "Nom", "Adresse e-mail",
             "Intitulé du poste", "Nom de l'entreprise", "Numéro de téléphone",
             "Phase du cycle de vie"]]
    rows += [[*contact, "Client"] for contact in CONTACTS_FR]
    return ("\ufeff" + _csv(rows, ",")).encode("utf-8")


def amplitude_usage_ja() -> bytes:
    rows = [["月", "顧客名", "指標", "値"]]
    for month in range(1, 10):
        rows.append([f"2026年{month}月", "Kōbe Precision Instruments K.K.", "ログイン数",
                     str(2400 + 35 * month)])
        rows.append([f"2026年{month}月", "Kōbe Precision Instruments K.K.",
                     "アクティブユーザー数", str(150 + 2 * month)])
    return _csv(rows, ",").encode("utf-8")


SAMPLES = {
    "hubspot_companies.csv": hubspot_companies,
    "gainsight_usage_de.csv": gainsight_usage_de,
    "hubspot_contacts_fr.csv": hubspot_contacts_fr,
    "amplitude_usage_ja.csv": amplitude_usage_ja,
}


def write_samples(folder: Path = HERE) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / name for name in SAMPLES]
    for path in paths:
        path.write_bytes(SAMPLES[path.name]())
    return paths


if __name__ == "__main__":
    for path in write_samples(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE):
        print(path)
