"""Write the import sample files beside this script (or into the folder given).

    .venv/bin/python tests/data/imports/make_samples.py [FOLDER]

Every file is reproducible byte for byte (the workbook's zip timestamps are fixed), and a
test regenerates them into a temporary folder and compares. The shapes imitate real exports:

- salesforce_accounts.csv      Windows-1252, ";", every field quoted, "1.200,50 €", dd.mm.yyyy,
                               a quoted newline, and Salesforce's report footer
- usage_tracker.xlsx           a hand-kept tracker: wide format, one row per account and
                               quarter ("Q3 2025"), native numbers, a second sheet of notes
- hubspot_contacts.csv         UTF-8 with BOM, ",", First/Last Name, CJK, Arabic, Hebrew, emoji
- hubspot_contacts_utf16.txt   the same contacts as Excel's "Unicode Text": UTF-16, tabs
- metrics_long.csv             one value per row, by CRM id, 31/03/2026-style dates
and the broken or awkward ones:
- accounts_gb18030.csv         a Chinese tracker saved as GB18030
- accounts_mixed_delimiters.csv, contacts_duplicate_headers.csv, empty.csv,
  accounts_formulas.csv, fake.xlsx, accounts_wrong_encoding.csv,
  accounts_unclosed_quote.csv, accounts_ambiguous_dates.csv
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent

# (CRM id, name, industry, country, ARR text, seats, renewal, customer since, owner, employees)
SALESFORCE_ACCOUNTS = [
    ("0015g00000AbCdEAA1", "Müller Maschinenbau GmbH", "Manufacturing", "Germany",
     "1.200,50 €", "40", "31.12.2026", "01.02.2021", "Jürgen Weiß", "1.200"),
    ("0015g00000AbCdFAA1", "Crédit Lumière SA", "Financial Services", "France",
     "98.000,00 €", "350", "30.06.2027", "15.09.2019", "Amélie Roux", "4.800"),
    ("0015g00000AbCdGAA1", "Øresund Shipping A/S", "Logistics", "Denmark",
     "45.500,00 €", "120", "15.03.2027", "", "Søren Dahl", "900"),
    ("0015g00000AbCdHAA1", "Señora Café S.L.", "Hospitality", "Spain",
     "12.000,00 €", "25", "01.10.2026", "20.05.2023", "Lucía Peña", "80"),
    ("0015g00000AbCdIAA1", "Björk & Söner AB", "Retail", "Sweden",
     "250.000,00 €", "1.500", "31.01.2027", "11.11.2018", "Åsa Lindqvist", "12.000"),
    ("0015g00000AbCdJAA1", "Ærø Energi ApS", "Energy", "Denmark",
     "75.250,75 €", "200", "28.02.2027", "03.03.2022", "Søren Dahl", "450"),
    ("0015g00000AbCdKAA1", "Coöperatie Noord U.A.", "Public Sector", "Netherlands",
     "30.000,00 €", "90", "", "07.07.2020", "Amélie Roux", ""),
]
SALESFORCE_HEADER = ["Account ID", "Account Name", "Type", "Industry", "Billing Country",
                     "Annual Recurring Revenue", "Account Currency", "Licensed Seats",
                     "Contract End Date", "Customer Since", "Account Owner", "Employees",
                     "Description"]

CONTACTS = [
    # (record id, first, last, email, phone, title, company, department, seniority)
    ("51", "芳", "王", "wang.fang@muller-maschinenbau.example", "+49 89 1234 5678",
     "Chief Operating Officer", "Müller Maschinenbau GmbH", "Operations", "Executive"),
    ("52", "ليلى", "حداد", "layla.haddad@credit-lumiere.example", "+33 1 23 45 67 89",
     "VP Customer Experience", "Crédit Lumière SA", "Customer Experience", "VP"),
    ("53", "Sam 🚀", "Rivera", "sam.rivera@oresund.example", "+45 12 34 56 78",
     "Head of Logistics Systems", "Øresund Shipping A/S", "IT", "Director"),
    ("54", "נועה", "כהן", "noa.cohen@senora-cafe.example", "",
     "Operations Manager", "Señora Café S.L.", "Operations", ""),
    ("55", "José", "Núñez", "Jose.Nunez@Senora-Cafe.example", "+34 91 123 45 67",
     "Barista Trainer", "Señora Café S.L.", "Training", "Individual Contributor"),
    ("56", "健", "佐藤", "ken.sato@bjork-soner.example", "+46 8 123 456",
     "Director of IT", "Björk & Söner AB", "IT", "Director"),
    ("57", "Priya", "Raman", "priya@globex.example", "+1 415 555 0100",
     "CTO", "Globex Corporation", "Engineering", "Executive"),
    ("58", "Émile", "Zola-Ndiaye", "not-an-email", "+33 6 12 34 56 78",
     "Analyst", "Crédit Lumière SA", "Finance", "Individual Contributor"),
]
CONTACTS_HEADER = ["Record ID", "First Name", "Last Name", "Email", "Phone Number", "Job Title",
                   "Company Name", "Department", "Seniority", "Lifecycle Stage", "Create Date"]

TRACKER_ACCOUNTS = ["Müller Maschinenbau GmbH", "Crédit Lumière SA", "Øresund Shipping A/S",
                    "Señora Café S.L.", "Björk & Söner AB"]
TRACKER_QUARTERS = ["Q3 2025", "Q4 2025", "Q1 2026", "Q2 2026"]
TRACKER_HEADER = ["Customer", "Quarter", "Active Users", "Licensed Seats", "Logins",
                  "Support Tickets", "NPS", "CSAT", "Comment"]
FIXED_TIME = (2026, 1, 15, 9, 0, 0)


def _csv_line(cells: list[str], delimiter: str, quote_all: bool) -> str:
    out = []
    for cell in cells:
        needs = quote_all or any(c in cell for c in (delimiter, '"', "\n", "\r"))
        out.append('"' + cell.replace('"', '""') + '"' if needs else cell)
    return delimiter.join(out)


def salesforce_accounts() -> bytes:
    lines = [_csv_line(SALESFORCE_HEADER, ";", True)]
    for cid, name, industry, country, arr, seats, renewal, since, owner, employees in \
            SALESFORCE_ACCOUNTS:
        description = ""
        if name.startswith("Crédit"):
            description = "Renewal at risk; champion left in May.\nExec sponsor: CFO."
        lines.append(_csv_line([cid, name, "Customer - Direct", industry, country, arr, "EUR",
                                seats, renewal, since, owner, employees, description], ";", True))
    lines += ['""', '"Confidential Information - Do Not Distribute"',
              '"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."']
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


def _contact_rows() -> list[list[str]]:
    rows = []
    for index, (rid, first, last, email, phone, title, company, dept, level) in \
            enumerate(CONTACTS):
        stage = "customer" if index % 3 else "evangelist"
        rows.append([rid, first, last, email, phone, title, company, dept, level, stage,
                     f"2025-0{1 + index % 9}-1{index % 10} 09:1{index % 10}"])
    return rows


def hubspot_contacts() -> bytes:
    lines = [_csv_line(CONTACTS_HEADER, ",", False)]
    lines += [_csv_line(row, ",", False) for row in _contact_rows()]
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8")


def hubspot_contacts_utf16() -> bytes:
    lines = ["\t".join(CONTACTS_HEADER)] + ["\t".join(row) for row in _contact_rows()]
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-16-le")


def usage_tracker() -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Quarterly usage"
    sheet.append(TRACKER_HEADER)
    for a, account in enumerate(TRACKER_ACCOUNTS):
        for q, quarter in enumerate(TRACKER_QUARTERS):
            seats = [40, 350, 120, 25, 1500][a]
            active = int(seats * (0.55 + 0.08 * q + 0.02 * a))
            nps = None if (a + q) % 4 == 3 else 20 + 5 * q - 7 * a
            csat = round(3.8 + 0.1 * q + 0.05 * a, 1)
            comment = "Renewal QBR held" if q == 3 and a % 2 == 0 else None
            sheet.append([account, quarter, active, seats, active * 21 + 7 * q, 12 - q + a,
                          nps, csat, comment])
    notes = book.create_sheet("Notes")
    notes.append(["This tracker is updated after every QBR."])
    book.properties.creator = "CS Ops"
    book.properties.created = book.properties.modified = datetime(*FIXED_TIME)
    raw = io.BytesIO()
    book.save(raw)
    return _fixed_zip(raw.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """The same workbook with fixed member timestamps, so the bytes never change."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the time of saving
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2026-01-15T09:00:00Z",
                                 content)
            target.writestr(fixed, content)
    return out.getvalue()


def metrics_long() -> bytes:
    lines = ["Account ID,Snapshot Date,Metric,Value"]
    ids = [a[0] for a in SALESFORCE_ACCOUNTS[:3]]
    for quarter_end in ("31/03/2026", "30/06/2026"):
        for n, cid in enumerate(ids):
            lines.append(f"{cid},{quarter_end},Active Users,{30 + 40 * n}")
            lines.append(f"{cid},{quarter_end},NPS,{-5 + 10 * n}")
            lines.append(f'{cid},{quarter_end},CSAT,"4,{n + 2}"')
    lines.append(f"{ids[0]},30/06/2026,Happiness Index,7")
    lines.append("UNKNOWN-ID,30/06/2026,Active Users,12")
    return ("\n".join(lines) + "\n").encode("utf-8")


def accounts_gb18030() -> bytes:
    rows = [
        "客户名称,年度经常性收入,续约日期,行业,负责人",
        "上海星辰科技有限公司,\"1,200,000元\",2026-12-31,软件,李明",
        "北京云帆数据服务有限公司,450000,2027-03-31,金融服务,张伟",
        "深圳海岸物流集团,90000,2027-06-30,物流,陈静",
        "杭州青山教育科技,36000,2026-11-30,教育,刘洋",
    ]
    return ("\r\n".join(rows) + "\r\n").encode("gb18030")


def accounts_mixed_delimiters() -> bytes:
    return (b"Account Name;ARR;Renewal Date\n"
            b"Acme Logistics;120000;2027-03-31\n"
            b"Bluefin Health,40000,2027-01-15\n"
            b"Cedar Bank;9000;2026-12-01\n"
            b"Delta Foods,5000,2026-10-01\n")


def contacts_duplicate_headers() -> bytes:
    return (b"Name,Email,Company,Email\n"
            b"Ana Ruiz,ana@acme.example,Acme Logistics,ana.ruiz@gmail.example\n")


def accounts_formulas() -> bytes:
    return (b'Account Name,ARR,Licensed Seats,Notes\n'
            b'"=cmd|\' /C calc\'!A0",1000,10,\n'
            b'+SUM(1;2),2000,20,"=HYPERLINK(""http://evil.example"",""click"")"\n'
            b'@Risky Corp,3000,30,@mention\n'
            b'-Minus Ltd,=1+1,40,\n'
            b'Negative Seats Inc,5000,-5,\n')


def accounts_wrong_encoding() -> bytes:
    good = "Account Name,Country,ARR\nMüller GmbH,Deutschland,1000\nSão Paulo Tech,Brasil,2000\n"
    bad = "Café Nuñez,España,3000\n".encode("cp1252")
    return good.encode("utf-8") + bad + "Zürich AG,Schweiz,4000\n".encode()


def accounts_unclosed_quote() -> bytes:
    return (b'Account Name,ARR,Notes\n'
            b'Acme Logistics,120000,"fine\n'
            b'Bluefin Health,40000,ok\n')


def accounts_ambiguous_dates() -> bytes:
    return (b"Account Name,Renewal Date\n"
            b"Acme Logistics,05/06/2027\n"
            b"Bluefin Health,03/04/2027\n"
            b"Cedar Bank,2027-09-30\n")


SAMPLES = {
    "salesforce_accounts.csv": salesforce_accounts,
    "usage_tracker.xlsx": usage_tracker,
    "hubspot_contacts.csv": hubspot_contacts,
    "hubspot_contacts_utf16.txt": hubspot_contacts_utf16,
    "metrics_long.csv": metrics_long,
    "accounts_gb18030.csv": accounts_gb18030,
    "accounts_mixed_delimiters.csv": accounts_mixed_delimiters,
    "contacts_duplicate_headers.csv": contacts_duplicate_headers,
    "empty.csv": lambda: b"",
    "accounts_formulas.csv": accounts_formulas,
    "fake.xlsx": lambda: b"Account Name,ARR\nAcme Logistics,100\n",
    "accounts_wrong_encoding.csv": accounts_wrong_encoding,
    "accounts_unclosed_quote.csv": accounts_unclosed_quote,
    "accounts_ambiguous_dates.csv": accounts_ambiguous_dates,
}


def write_samples(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, make in SAMPLES.items():
        path = folder / name
        path.write_bytes(make())
        written.append(path)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    for path in write_samples(target):
        print(path)
