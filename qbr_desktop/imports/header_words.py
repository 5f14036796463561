"""Header words in the languages CSMs' exports come in, for every field an import fills in.

A CRM or a customer-success tool set to German writes "Kunde" and "Verlängerung", one set
to Japanese "顧客名" and "更新日"; these are recognised like the English headers in fields.py
(compared after normalise_header, so case, accents kept, and punctuation do not matter).

Words that name something else are left out on purpose: "Jahresumsatz", "chiffre
d'affaires annuel" and "ingresos anuales" are the customer's own revenue, not what they pay
us; French "nom" and Spanish "nombre" are a person's last and first name, not a company's.
"""

from __future__ import annotations

LANGUAGES = ("de", "fr", "es", "pt", "nl", "zh", "ja")
Words = dict[str, tuple[str, ...]]

ACCOUNT_NAME: Words = {
    "de": ("Kunde", "Kundenname", "Firma", "Firmenname", "Unternehmen", "Unternehmensname",
           "Kontoname", "Konto"),
    "fr": ("Client", "Nom du client", "Entreprise", "Nom de l'entreprise", "Société",
           "Nom de la société", "Compte", "Nom du compte", "Raison sociale"),
    "es": ("Cliente", "Nombre del cliente", "Empresa", "Nombre de la empresa", "Compañía",
           "Cuenta", "Nombre de la cuenta", "Organización"),
    "pt": ("Nome do cliente", "Nome da empresa", "Conta", "Nome da conta", "Organização",
           "Companhia"),
    "nl": ("Klant", "Klantnaam", "Bedrijf", "Bedrijfsnaam", "Organisatie", "Accountnaam"),
    "zh": ("客户名称", "客户", "公司名称", "公司", "企业名称", "客户名", "账户名称", "客戶名稱",
           "客戶"),
    "ja": ("顧客名", "顧客", "会社名", "企業名", "取引先名", "取引先", "アカウント名"),
}
ACCOUNT_ID: Words = {
    "de": ("Kunden-ID", "Kundennummer", "Kunden-Nr", "Firmen-ID", "Konto-ID"),
    "fr": ("ID client", "Identifiant client", "Numéro client", "ID du compte",
           "ID de l'entreprise"),
    "es": ("ID de cliente", "ID del cliente", "Número de cliente", "ID de la cuenta",
           "ID de empresa"),
    "pt": ("ID do cliente", "Código do cliente", "Número do cliente", "ID da conta",
           "ID da empresa"),
    "nl": ("Klant-ID", "Klantnummer", "Bedrijfs-ID", "Account-ID"),
    "zh": ("客户编号", "客户ID", "客户代码", "公司编号", "账户ID"),
    "ja": ("顧客ID", "顧客番号", "顧客コード", "取引先ID", "会社ID"),
}
SEATS: Words = {
    "de": ("Lizenzen", "Anzahl Lizenzen", "Lizenzanzahl", "Lizenzierte Plätze", "Plätze",
           "Nutzerlizenzen"),
    "fr": ("Nombre de licences", "Licences achetées", "Sièges", "Postes"),
    "es": ("Licencias", "Número de licencias", "Puestos", "Asientos"),
    "pt": ("Licenças", "Número de licenças", "Assentos"),
    "nl": ("Licenties", "Aantal licenties", "Plaatsen"),
    "zh": ("许可席位", "席位", "许可证数量", "授权数", "席位数"),
    "ja": ("ライセンス数", "ライセンス", "シート数"),
}

ACCOUNTS: dict[str, Words] = {
    "external_id": {
        "de": ("Datensatz-ID", "Externe ID", *ACCOUNT_ID["de"]),
        "fr": ("ID de fiche d'informations", "ID de l'enregistrement", "Identifiant externe",
               *ACCOUNT_ID["fr"]),
        "es": ("ID de registro", "ID externo", *ACCOUNT_ID["es"]),
        "pt": ("ID do registro", "ID externo", *ACCOUNT_ID["pt"]),
        "nl": ("Record-ID", "Externe ID", *ACCOUNT_ID["nl"]),
        "zh": ("记录ID", "外部编号", *ACCOUNT_ID["zh"]),
        "ja": ("レコードID", "外部ID", *ACCOUNT_ID["ja"]),
    },
    "name": ACCOUNT_NAME,
    "arr": {
        "de": ("Jährlich wiederkehrender Umsatz", "Wiederkehrender Jahresumsatz",
               "Jahresvertragswert", "Jährlicher Vertragswert"),
        "fr": ("Revenu annuel récurrent", "Revenus récurrents annuels",
               "Chiffre d'affaires récurrent annuel", "Valeur annuelle du contrat"),
        "es": ("Ingresos recurrentes anuales", "Ingreso recurrente anual",
               "Valor anual del contrato"),
        "pt": ("Receita recorrente anual", "Valor anual do contrato"),
        "nl": ("Jaarlijks terugkerende omzet", "Jaarlijkse terugkerende omzet",
               "Jaarlijkse contractwaarde"),
        "zh": ("年度经常性收入", "年经常性收入", "年度合同金额", "年度合同价值"),
        "ja": ("年間経常収益", "年間定期収益", "年間契約額"),
    },
    "currency": {
        "de": ("Währung",), "fr": ("Devise", "Monnaie"), "es": ("Moneda", "Divisa"),
        "pt": ("Moeda",), "nl": ("Valuta", "Munteenheid"), "zh": ("货币", "币种"),
        "ja": ("通貨",),
    },
    "renewal_date": {
        "de": ("Verlängerung", "Verlängerungsdatum", "Vertragsende", "Nächste Verlängerung",
               "Erneuerungsdatum"),
        "fr": ("Date de renouvellement", "Renouvellement", "Fin de contrat",
               "Date de fin de contrat", "Échéance"),
        "es": ("Fecha de renovación", "Renovación", "Fin de contrato",
               "Fecha de fin de contrato", "Vencimiento"),
        "pt": ("Data de renovação", "Renovação", "Fim do contrato",
               "Data de término do contrato", "Vencimento"),
        "nl": ("Verlengingsdatum", "Verlenging", "Einddatum contract", "Contract einddatum",
               "Vervaldatum"),
        "zh": ("续约日期", "合同到期日", "续约", "续费日期", "到期日", "合同结束日期"),
        "ja": ("更新日", "契約更新日", "契約終了日", "更新予定日"),
    },
    "customer_since": {
        "de": ("Kunde seit", "Vertragsbeginn", "Startdatum"),
        "fr": ("Client depuis", "Date de début du contrat", "Début du contrat",
               "Date de début"),
        "es": ("Cliente desde", "Inicio del contrato", "Fecha de inicio"),
        "pt": ("Cliente desde", "Início do contrato", "Data de início"),
        "nl": ("Klant sinds", "Begindatum contract", "Startdatum"),
        "zh": ("客户起始日期", "合作开始日期", "签约日期", "开始日期"),
        "ja": ("取引開始日", "契約開始日", "開始日"),
    },
    "licensed_seats": SEATS,
    "industry": {
        "de": ("Branche", "Industrie", "Sektor"),
        "fr": ("Secteur d'activité", "Secteur", "Industrie"),
        "es": ("Sector", "Industria"),
        "pt": ("Setor", "Indústria", "Ramo de atividade"),
        "nl": ("Branche", "Sector", "Industrie"),
        "zh": ("行业", "所属行业"),
        "ja": ("業種", "業界"),
    },
    "country": {
        "de": ("Land",), "fr": ("Pays", "Pays/région"), "es": ("País",), "pt": ("País",),
        "nl": ("Land",), "zh": ("国家", "国家/地区"), "ja": ("国", "国名"),
    },
    "employee_band": {
        "de": ("Mitarbeiter", "Anzahl Mitarbeiter", "Mitarbeiterzahl", "Beschäftigte"),
        "fr": ("Nombre d'employés", "Employés", "Effectif", "Salariés"),
        "es": ("Número de empleados", "Empleados"),
        "pt": ("Número de funcionários", "Funcionários", "Colaboradores"),
        "nl": ("Aantal medewerkers", "Medewerkers", "Werknemers"),
        "zh": ("员工人数", "员工数"),
        "ja": ("従業員数",),
    },
    "csm_owner": {
        "de": ("Kundenbetreuer", "Betreuer", "Verantwortlicher", "Firmeninhaber"),
        "fr": ("Propriétaire de l'entreprise", "Propriétaire", "Responsable du compte",
               "Chargé de compte", "Responsable"),
        "es": ("Propietario de la empresa", "Propietario", "Gestor de cuenta", "Responsable"),
        "pt": ("Proprietário da empresa", "Proprietário", "Gerente de conta", "Responsável"),
        "nl": ("Bedrijfseigenaar", "Eigenaar", "Accountmanager", "Verantwoordelijke"),
        "zh": ("负责人", "客户经理", "客户成功经理"),
        "ja": ("担当者", "担当", "カスタマーサクセス担当"),
    },
    "tier_override": {
        "de": ("Kundenstufe", "Stufe"), "fr": ("Niveau client", "Palier"),
        "es": ("Nivel de cliente",), "pt": ("Nível do cliente",), "nl": ("Klantniveau",),
        "zh": ("客户等级", "等级"), "ja": ("顧客ランク", "ランク"),
    },
    "language": {
        "de": ("Sprache", "Bevorzugte Sprache", "Kundensprache"),
        "fr": ("Langue", "Langue préférée", "Langue du client"),
        "es": ("Idioma", "Idioma preferido", "Idioma del cliente"),
        "pt": ("Idioma", "Idioma preferido", "Língua"),
        "nl": ("Taal", "Voorkeurstaal"),
        "zh": ("语言", "首选语言", "客户语言", "沟通语言", "語言"),
        "ja": ("言語", "使用言語", "希望言語"),
    },
    "notes": {
        "de": ("Notizen", "Bemerkungen", "Beschreibung", "Kommentar"),
        "fr": ("Remarques", "Description", "Commentaires"),
        "es": ("Notas", "Descripción", "Comentarios", "Observaciones"),
        "pt": ("Notas", "Observações", "Descrição", "Comentários"),
        "nl": ("Notities", "Opmerkingen", "Beschrijving"),
        "zh": ("备注", "描述", "说明"),
        "ja": ("備考", "メモ", "説明"),
    },
}

CONTACTS: dict[str, Words] = {
    "external_id": {
        "de": ("Kontakt-ID", "Datensatz-ID"), "fr": ("ID du contact",
                                                     "ID de fiche d'informations"),
        "es": ("ID de contacto", "ID de registro"), "pt": ("ID do contato", "ID do registro"),
        "nl": ("Contact-ID", "Record-ID"), "zh": ("联系人编号", "联系人ID"),
        "ja": ("連絡先ID", "担当者ID"),
    },
    "name": {
        "de": ("Vollständiger Name", "Ansprechpartner", "Kontaktname", "Kontakt"),
        "fr": ("Nom complet", "Nom du contact", "Contact"),
        "es": ("Nombre completo", "Nombre del contacto", "Contacto"),
        "pt": ("Nome completo", "Nome do contato", "Contato"),
        "nl": ("Volledige naam", "Naam", "Contactpersoon"),
        "zh": ("姓名", "联系人", "联系人姓名"),
        "ja": ("氏名", "名前", "担当者名", "連絡先名"),
    },
    "first_name": {
        "de": ("Vorname",), "fr": ("Prénom",), "es": ("Nombre",), "pt": ("Nome",
                                                                          "Primeiro nome"),
        "nl": ("Voornaam",), "zh": ("名",), "ja": ("名",),
    },
    "last_name": {
        "de": ("Nachname", "Familienname"), "fr": ("Nom", "Nom de famille"),
        "es": ("Apellido", "Apellidos"), "pt": ("Sobrenome", "Apelido"),
        "nl": ("Achternaam",), "zh": ("姓",), "ja": ("姓",),
    },
    "account": {
        language: (*ACCOUNT_NAME[language], *more) for language, more in {
            "de": ("Zugehöriges Unternehmen",), "fr": ("Entreprise associée",),
            "es": ("Empresa asociada",), "pt": ("Empresa associada",),
            "nl": ("Gekoppeld bedrijf",), "zh": ("所属公司",), "ja": ("所属会社",),
        }.items()
    },
    "account_external_id": ACCOUNT_ID,
    "email": {
        "de": ("E-Mail-Adresse", "E-Mail"), "fr": ("Adresse e-mail", "Courriel", "E-mail"),
        "es": ("Correo electrónico", "Correo"), "pt": ("E-mail", "Correio eletrônico"),
        "nl": ("E-mailadres",), "zh": ("邮箱", "电子邮件", "邮件"),
        "ja": ("メールアドレス", "メール", "Eメール"),
    },
    "title": {
        "de": ("Position", "Jobtitel", "Berufsbezeichnung", "Stellenbezeichnung", "Funktion"),
        "fr": ("Intitulé du poste", "Poste", "Fonction", "Titre"),
        "es": ("Cargo", "Puesto", "Título"),
        "pt": ("Cargo", "Título", "Função"),
        "nl": ("Functie", "Functietitel"),
        "zh": ("职位", "职务", "头衔"),
        "ja": ("役職", "肩書き", "職位"),
    },
    "phone": {
        "de": ("Telefon", "Telefonnummer", "Mobil", "Mobilnummer", "Handy"),
        "fr": ("Téléphone", "Numéro de téléphone", "Portable"),
        "es": ("Teléfono", "Número de teléfono", "Móvil", "Celular"),
        "pt": ("Telefone", "Celular"),
        "nl": ("Telefoon", "Telefoonnummer", "Mobiel"),
        "zh": ("电话", "手机", "联系电话"),
        "ja": ("電話", "電話番号", "携帯"),
    },
    "department": {
        "de": ("Abteilung", "Bereich"), "fr": ("Service", "Département"),
        "es": ("Departamento", "Área"), "pt": ("Departamento", "Área"),
        "nl": ("Afdeling",), "zh": ("部门",), "ja": ("部署", "部門"),
    },
    "level": {
        "de": ("Ebene", "Hierarchiestufe", "Führungsebene", "Seniorität"),
        "fr": ("Niveau", "Niveau hiérarchique", "Séniorité"),
        "es": ("Nivel", "Nivel jerárquico"),
        "pt": ("Nível", "Senioridade"),
        "nl": ("Niveau", "Senioriteit"),
        "zh": ("级别", "职级"),
        "ja": ("役職レベル", "職位レベル", "レベル"),
    },
}

#: Metric names, as headers of a wide file and as the cells of a long file's metric column.
METRIC_NAMES: dict[str, Words] = {
    "active_users": {
        "de": ("Aktive Nutzer", "Aktive Benutzer", "Monatlich aktive Nutzer"),
        "fr": ("Utilisateurs actifs", "Utilisateurs actifs mensuels"),
        "es": ("Usuarios activos", "Usuarios activos mensuales"),
        "pt": ("Usuários ativos", "Utilizadores ativos"),
        "nl": ("Actieve gebruikers",),
        "zh": ("活跃用户", "活跃用户数", "月活跃用户"),
        "ja": ("アクティブユーザー", "アクティブユーザー数", "月間アクティブユーザー"),
    },
    "licensed_seats": SEATS,
    "features_adopted": {
        "de": ("Genutzte Funktionen", "Eingesetzte Funktionen"),
        "fr": ("Fonctionnalités adoptées", "Fonctionnalités utilisées"),
        "es": ("Funciones adoptadas", "Funcionalidades utilizadas"),
        "pt": ("Funcionalidades adotadas", "Recursos utilizados"),
        "nl": ("Gebruikte functies",),
        "zh": ("已采用功能", "使用功能数"),
        "ja": ("利用機能数", "採用機能数"),
    },
    "features_available": {
        "de": ("Verfügbare Funktionen",), "fr": ("Fonctionnalités disponibles",),
        "es": ("Funciones disponibles",), "pt": ("Funcionalidades disponíveis",
                                                 "Recursos disponíveis"),
        "nl": ("Beschikbare functies",), "zh": ("可用功能", "可用功能数"),
        "ja": ("利用可能機能数",),
    },
    "logins": {
        "de": ("Anmeldungen",), "fr": ("Connexions",), "es": ("Inicios de sesión", "Accesos"),
        "pt": ("Acessos",), "nl": ("Aanmeldingen", "Inlogs"), "zh": ("登录次数", "登录"),
        "ja": ("ログイン数", "ログイン回数"),
    },
    "support_tickets": {
        "de": ("Support-Tickets", "Supportanfragen", "Supportfälle"),
        "fr": ("Tickets de support", "Demandes de support"),
        "es": ("Tickets de soporte", "Incidencias"),
        "pt": ("Chamados", "Chamados de suporte", "Tickets de suporte"),
        "nl": ("Supporttickets", "Supportaanvragen"),
        "zh": ("支持工单", "工单", "工单数"),
        "ja": ("サポートチケット", "問い合わせ件数", "チケット数"),
    },
    "csat": {
        "de": ("Kundenzufriedenheit", "Kundenzufriedenheit (CSAT)"),
        "fr": ("Satisfaction client",), "es": ("Satisfacción del cliente",),
        "pt": ("Satisfação do cliente",), "nl": ("Klanttevredenheid",),
        "zh": ("客户满意度", "满意度"), "ja": ("顧客満足度",),
    },
    "nps": {
        "de": ("Weiterempfehlungsbereitschaft",), "fr": ("Score NPS",),
        "es": ("Puntuación NPS",), "pt": ("Pontuação NPS",), "nl": ("NPS-score",),
        "zh": ("净推荐值",), "ja": ("ネットプロモータースコア",),
    },
    "exec_sponsor_engaged": {
        "de": ("Sponsor eingebunden",), "fr": ("Sponsor exécutif impliqué",),
        "es": ("Patrocinador ejecutivo involucrado",),
        "pt": ("Patrocinador executivo envolvido",), "nl": ("Executive sponsor betrokken",),
        "zh": ("高管赞助人参与",), "ja": ("エグゼクティブスポンサー関与",),
    },
}

METRICS: dict[str, Words] = {
    "account": ACCOUNT_NAME,
    "account_external_id": ACCOUNT_ID,
    "period": {
        "de": ("Zeitraum", "Quartal", "Monat", "Datum", "Periode", "Stichtag"),
        "fr": ("Période", "Trimestre", "Mois", "Date"),
        "es": ("Período", "Periodo", "Trimestre", "Mes", "Fecha"),
        "pt": ("Período", "Trimestre", "Mês", "Data"),
        "nl": ("Periode", "Kwartaal", "Maand", "Datum"),
        "zh": ("季度", "日期", "月份", "期间"),
        "ja": ("期間", "四半期", "月", "日付"),
    },
    "metric": {
        "de": ("Kennzahl", "Metrik", "Messgröße"), "fr": ("Indicateur", "Métrique", "Mesure"),
        "es": ("Métrica", "Indicador", "Medida"), "pt": ("Métrica", "Indicador", "Medida"),
        "nl": ("Metriek", "Indicator", "Meetwaarde"), "zh": ("指标", "指标名称"),
        "ja": ("指標", "指標名", "メトリクス"),
    },
    "value": {
        "de": ("Wert",), "fr": ("Valeur",), "es": ("Valor",), "pt": ("Valor",),
        "nl": ("Waarde",), "zh": ("指标值", "数值", "值"), "ja": ("値", "数値"),
    },
    **METRIC_NAMES,
}


def words_for(table: dict[str, Words], key: str) -> tuple[str, ...]:
    """Every language's words for one field, in LANGUAGES order."""
    words = table.get(key, {})
    return tuple(word for language in LANGUAGES for word in words.get(language, ()))
