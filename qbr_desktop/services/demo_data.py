"""Word lists for the demo portfolio: fictional companies and people in several scripts."""

from __future__ import annotations

COMPANY_STEMS = (
    "Northwind", "Bluefin", "Cedar Ridge", "Helios", "Granite Peak", "Lumen", "Orchid",
    "Summit", "Vertex", "Harborline", "Aurora", "Ironwood", "Meridian", "Pioneer", "Quantum",
    "Redwood", "Sable", "Tidewater", "Willowbrook", "Zephyr", "Kestrel", "Larkspur", "Monarch",
    "Silverline", "Copperleaf",
)
# (company suffix, industry)
COMPANY_KINDS = (
    ("Logistics", "Logistics"), ("Health", "Healthcare"), ("Bank", "Financial Services"),
    ("Foods", "Retail"), ("Energy", "Energy"), ("Labs", "Life Sciences"),
    ("Retail Group", "Retail"), ("Manufacturing", "Manufacturing"), ("Media", "Media"),
    ("Insurance", "Financial Services"), ("Software", "Software"), ("Telecom",
    "Telecommunications"), ("Hotels", "Hospitality"), ("University", "Education"),
    ("Consulting", "Professional Services"), ("Pharma", "Life Sciences"),
)
REGION_SUFFIXES = ("", " EMEA", " APAC", " Americas", " Nordics", " Iberia", " DACH", " Benelux")

# Accounts that show the app copes with the world's names: (name, industry, country, currency)
INTERNATIONAL = (
    ("さくら物流株式会社", "Logistics", "Japan", "JPY"),
    ("Müller & Söhne Präzisionstechnik GmbH", "Manufacturing", "Germany", "EUR"),
    ("مجموعة الواحة للتجزئة", "Retail", "United Arab Emirates", "AED"),
    ("上海云帆软件有限公司", "Software", "China", "CNY"),
    ("Café Olé Hospitality <Group> & Co", "Hospitality", "Spain", "EUR"),
    ("Nordlys Energi AS 🌌", "Energy", "Norway", "NOK"),
    ("Ōtaki R&D Partners", "Professional Services", "New Zealand", "NZD"),
    ("Banco Horizonte São Paulo", "Financial Services", "Brazil", "BRL"),
)
COUNTRIES = (
    ("United States", "USD", "America/New_York"), ("United States", "USD", "America/Chicago"),
    ("United States", "USD", "America/Los_Angeles"), ("Canada", "CAD", "America/Toronto"),
    ("United Kingdom", "GBP", "Europe/London"), ("Germany", "EUR", "Europe/Berlin"),
    ("France", "EUR", "Europe/Paris"), ("Netherlands", "EUR", "Europe/Amsterdam"),
    ("Sweden", "SEK", "Europe/Stockholm"), ("Australia", "AUD", "Australia/Sydney"),
    ("Singapore", "SGD", "Asia/Singapore"), ("India", "INR", "Asia/Kolkata"),
)
TIME_ZONES = {
    "Japan": "Asia/Tokyo", "Germany": "Europe/Berlin", "United Arab Emirates": "Asia/Dubai",
    "China": "Asia/Shanghai", "Spain": "Europe/Madrid", "Norway": "Europe/Oslo",
    "New Zealand": "Pacific/Auckland", "Brazil": "America/Sao_Paulo",
}
FIRST_NAMES = (
    "Olivia", "Liam", "Amara", "Mateo", "Priya", "Noah", "Sofía", "Kenji", "Chloé", "Ethan",
    "Fatima", "Lukas", "Mei", "Oluwaseun", "Isabella", "Arjun", "Hannah", "Diego", "Yuki",
    "Grace", "Omar", "Ingrid", "Rafael", "Zoë", "Daniel", "Leila", "Tomás", "Anika", "Wei",
    "Samuel",
)
LAST_NAMES = (
    "Johnson", "Okafor", "García", "Nakamura", "Patel", "Schmidt", "Dubois", "Chen", "Kowalski",
    "Andersson", "O'Brien", "Haddad", "Rossi", "Kim", "Müller", "Silva", "Novak", "Cohen",
    "Tanaka", "Martin", "Nguyen", "Fischer", "Santos", "Ahmed", "Larsen", "Moreau", "Singh",
    "Walker", "Ivanova", "Brennan",
)
TITLES = {
    "C-suite": ("Chief Operating Officer", "Chief Financial Officer", "Chief Information Officer",
                "Chief Revenue Officer", "Chief Executive Officer", "Chief Digital Officer"),
    "VP": ("VP Operations", "VP Finance", "VP Engineering", "VP Customer Experience",
           "VP Sales Operations", "VP IT"),
    "Director": ("Director of Operations", "Director of IT", "Director of Analytics",
                 "Director of Procurement", "Director of Customer Support"),
    "Manager": ("Operations Manager", "IT Manager", "Team Lead, Analytics", "Program Manager",
                "Support Manager"),
    "User": ("Analyst", "Coordinator", "Specialist", "Administrator", "Associate"),
}
CSM_OWNERS = ("Jordan Ellis", "Sam Rivera", "Alex Morgan", "Taylor Brooks")
