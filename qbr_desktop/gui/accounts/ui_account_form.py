# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'account_form.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QFormLayout,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QSpinBox, QTableView,
    QVBoxLayout, QWidget)

from qbr_desktop.gui.date_entry import DateEntry

class Ui_AccountForm(object):
    def setupUi(self, AccountForm):
        if not AccountForm.objectName():
            AccountForm.setObjectName(u"AccountForm")
        AccountForm.resize(640, 720)
        self.pageLayout = QVBoxLayout(AccountForm)
        self.pageLayout.setObjectName(u"pageLayout")
        self.titleLabel = QLabel(AccountForm)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setTextFormat(Qt.PlainText)
        self.titleLabel.setWordWrap(True)

        self.pageLayout.addWidget(self.titleLabel)

        self.summaryLabel = QLabel(AccountForm)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setTextFormat(Qt.PlainText)
        self.summaryLabel.setWordWrap(True)

        self.pageLayout.addWidget(self.summaryLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.nameLabel = QLabel(AccountForm)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameBox = QVBoxLayout()
        self.nameBox.setSpacing(2)
        self.nameBox.setObjectName(u"nameBox")
        self.nameEdit = QLineEdit(AccountForm)
        self.nameEdit.setObjectName(u"nameEdit")

        self.nameBox.addWidget(self.nameEdit)

        self.nameError = QLabel(AccountForm)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setVisible(False)
        self.nameError.setTextFormat(Qt.PlainText)
        self.nameError.setWordWrap(True)

        self.nameBox.addWidget(self.nameError)


        self.formLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.nameBox)

        self.industryLabel = QLabel(AccountForm)
        self.industryLabel.setObjectName(u"industryLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.industryLabel)

        self.industryBox = QVBoxLayout()
        self.industryBox.setSpacing(2)
        self.industryBox.setObjectName(u"industryBox")
        self.industryEdit = QComboBox(AccountForm)
        self.industryEdit.setObjectName(u"industryEdit")
        self.industryEdit.setEditable(True)

        self.industryBox.addWidget(self.industryEdit)

        self.industryError = QLabel(AccountForm)
        self.industryError.setObjectName(u"industryError")
        self.industryError.setVisible(False)
        self.industryError.setTextFormat(Qt.PlainText)
        self.industryError.setWordWrap(True)

        self.industryBox.addWidget(self.industryError)


        self.formLayout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.industryBox)

        self.countryLabel = QLabel(AccountForm)
        self.countryLabel.setObjectName(u"countryLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.countryLabel)

        self.countryBox = QVBoxLayout()
        self.countryBox.setSpacing(2)
        self.countryBox.setObjectName(u"countryBox")
        self.countryEdit = QLineEdit(AccountForm)
        self.countryEdit.setObjectName(u"countryEdit")

        self.countryBox.addWidget(self.countryEdit)

        self.countryError = QLabel(AccountForm)
        self.countryError.setObjectName(u"countryError")
        self.countryError.setVisible(False)
        self.countryError.setTextFormat(Qt.PlainText)
        self.countryError.setWordWrap(True)

        self.countryBox.addWidget(self.countryError)


        self.formLayout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.countryBox)

        self.employeeBandLabel = QLabel(AccountForm)
        self.employeeBandLabel.setObjectName(u"employeeBandLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.employeeBandLabel)

        self.employeeBandBox = QVBoxLayout()
        self.employeeBandBox.setSpacing(2)
        self.employeeBandBox.setObjectName(u"employeeBandBox")
        self.employeeBandEdit = QComboBox(AccountForm)
        self.employeeBandEdit.setObjectName(u"employeeBandEdit")

        self.employeeBandBox.addWidget(self.employeeBandEdit)

        self.employeeBandError = QLabel(AccountForm)
        self.employeeBandError.setObjectName(u"employeeBandError")
        self.employeeBandError.setVisible(False)
        self.employeeBandError.setTextFormat(Qt.PlainText)
        self.employeeBandError.setWordWrap(True)

        self.employeeBandBox.addWidget(self.employeeBandError)


        self.formLayout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.employeeBandBox)

        self.arrLabel = QLabel(AccountForm)
        self.arrLabel.setObjectName(u"arrLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.arrLabel)

        self.arrBox = QVBoxLayout()
        self.arrBox.setSpacing(2)
        self.arrBox.setObjectName(u"arrBox")
        self.arrRow = QHBoxLayout()
        self.arrRow.setObjectName(u"arrRow")
        self.arrEdit = QLineEdit(AccountForm)
        self.arrEdit.setObjectName(u"arrEdit")

        self.arrRow.addWidget(self.arrEdit)

        self.currencyEdit = QComboBox(AccountForm)
        self.currencyEdit.setObjectName(u"currencyEdit")

        self.arrRow.addWidget(self.currencyEdit)


        self.arrBox.addLayout(self.arrRow)

        self.arrError = QLabel(AccountForm)
        self.arrError.setObjectName(u"arrError")
        self.arrError.setVisible(False)
        self.arrError.setTextFormat(Qt.PlainText)
        self.arrError.setWordWrap(True)

        self.arrBox.addWidget(self.arrError)


        self.formLayout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.arrBox)

        self.licensedSeatsLabel = QLabel(AccountForm)
        self.licensedSeatsLabel.setObjectName(u"licensedSeatsLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.licensedSeatsLabel)

        self.licensedSeatsBox = QVBoxLayout()
        self.licensedSeatsBox.setSpacing(2)
        self.licensedSeatsBox.setObjectName(u"licensedSeatsBox")
        self.licensedSeatsEdit = QSpinBox(AccountForm)
        self.licensedSeatsEdit.setObjectName(u"licensedSeatsEdit")
        self.licensedSeatsEdit.setMaximum(10000000)
        self.licensedSeatsEdit.setGroupSeparatorShown(True)

        self.licensedSeatsBox.addWidget(self.licensedSeatsEdit)

        self.licensedSeatsError = QLabel(AccountForm)
        self.licensedSeatsError.setObjectName(u"licensedSeatsError")
        self.licensedSeatsError.setVisible(False)
        self.licensedSeatsError.setTextFormat(Qt.PlainText)
        self.licensedSeatsError.setWordWrap(True)

        self.licensedSeatsBox.addWidget(self.licensedSeatsError)


        self.formLayout.setLayout(5, QFormLayout.ItemRole.FieldRole, self.licensedSeatsBox)

        self.renewalDateLabel = QLabel(AccountForm)
        self.renewalDateLabel.setObjectName(u"renewalDateLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.renewalDateLabel)

        self.renewalDateBox = QVBoxLayout()
        self.renewalDateBox.setSpacing(2)
        self.renewalDateBox.setObjectName(u"renewalDateBox")
        self.renewalDateEdit = DateEntry(AccountForm)
        self.renewalDateEdit.setObjectName(u"renewalDateEdit")

        self.renewalDateBox.addWidget(self.renewalDateEdit)

        self.renewalDateError = QLabel(AccountForm)
        self.renewalDateError.setObjectName(u"renewalDateError")
        self.renewalDateError.setVisible(False)
        self.renewalDateError.setTextFormat(Qt.PlainText)
        self.renewalDateError.setWordWrap(True)

        self.renewalDateBox.addWidget(self.renewalDateError)


        self.formLayout.setLayout(6, QFormLayout.ItemRole.FieldRole, self.renewalDateBox)

        self.csmOwnerLabel = QLabel(AccountForm)
        self.csmOwnerLabel.setObjectName(u"csmOwnerLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.csmOwnerLabel)

        self.csmOwnerBox = QVBoxLayout()
        self.csmOwnerBox.setSpacing(2)
        self.csmOwnerBox.setObjectName(u"csmOwnerBox")
        self.csmOwnerEdit = QLineEdit(AccountForm)
        self.csmOwnerEdit.setObjectName(u"csmOwnerEdit")

        self.csmOwnerBox.addWidget(self.csmOwnerEdit)

        self.csmOwnerError = QLabel(AccountForm)
        self.csmOwnerError.setObjectName(u"csmOwnerError")
        self.csmOwnerError.setVisible(False)
        self.csmOwnerError.setTextFormat(Qt.PlainText)
        self.csmOwnerError.setWordWrap(True)

        self.csmOwnerBox.addWidget(self.csmOwnerError)


        self.formLayout.setLayout(7, QFormLayout.ItemRole.FieldRole, self.csmOwnerBox)

        self.tierOverrideLabel = QLabel(AccountForm)
        self.tierOverrideLabel.setObjectName(u"tierOverrideLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.tierOverrideLabel)

        self.tierOverrideBox = QVBoxLayout()
        self.tierOverrideBox.setSpacing(2)
        self.tierOverrideBox.setObjectName(u"tierOverrideBox")
        self.tierOverrideEdit = QComboBox(AccountForm)
        self.tierOverrideEdit.setObjectName(u"tierOverrideEdit")

        self.tierOverrideBox.addWidget(self.tierOverrideEdit)

        self.tierOverrideError = QLabel(AccountForm)
        self.tierOverrideError.setObjectName(u"tierOverrideError")
        self.tierOverrideError.setVisible(False)
        self.tierOverrideError.setTextFormat(Qt.PlainText)
        self.tierOverrideError.setWordWrap(True)

        self.tierOverrideBox.addWidget(self.tierOverrideError)


        self.formLayout.setLayout(8, QFormLayout.ItemRole.FieldRole, self.tierOverrideBox)

        self.languageLabel = QLabel(AccountForm)
        self.languageLabel.setObjectName(u"languageLabel")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.languageLabel)

        self.languageBox = QVBoxLayout()
        self.languageBox.setSpacing(2)
        self.languageBox.setObjectName(u"languageBox")
        self.languageEdit = QComboBox(AccountForm)
        self.languageEdit.setObjectName(u"languageEdit")

        self.languageBox.addWidget(self.languageEdit)

        self.languageError = QLabel(AccountForm)
        self.languageError.setObjectName(u"languageError")
        self.languageError.setVisible(False)
        self.languageError.setTextFormat(Qt.PlainText)
        self.languageError.setWordWrap(True)

        self.languageBox.addWidget(self.languageError)


        self.formLayout.setLayout(9, QFormLayout.ItemRole.FieldRole, self.languageBox)

        self.notesLabel = QLabel(AccountForm)
        self.notesLabel.setObjectName(u"notesLabel")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesBox = QVBoxLayout()
        self.notesBox.setSpacing(2)
        self.notesBox.setObjectName(u"notesBox")
        self.notesEdit = QPlainTextEdit(AccountForm)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)
        self.notesEdit.setMinimumSize(QSize(0, 90))

        self.notesBox.addWidget(self.notesEdit)

        self.notesError = QLabel(AccountForm)
        self.notesError.setObjectName(u"notesError")
        self.notesError.setVisible(False)
        self.notesError.setTextFormat(Qt.PlainText)
        self.notesError.setWordWrap(True)

        self.notesBox.addWidget(self.notesError)


        self.formLayout.setLayout(10, QFormLayout.ItemRole.FieldRole, self.notesBox)


        self.pageLayout.addLayout(self.formLayout)

        self.metricsLabel = QLabel(AccountForm)
        self.metricsLabel.setObjectName(u"metricsLabel")

        self.pageLayout.addWidget(self.metricsLabel)

        self.metricsView = QTableView(AccountForm)
        self.metricsView.setObjectName(u"metricsView")
        self.metricsView.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.metricsView.setAlternatingRowColors(True)
        self.metricsView.setMinimumSize(QSize(0, 160))

        self.pageLayout.addWidget(self.metricsView)

        self.timestampsLabel = QLabel(AccountForm)
        self.timestampsLabel.setObjectName(u"timestampsLabel")
        self.timestampsLabel.setTextFormat(Qt.PlainText)

        self.pageLayout.addWidget(self.timestampsLabel)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.industryLabel.setBuddy(self.industryEdit)
        self.countryLabel.setBuddy(self.countryEdit)
        self.employeeBandLabel.setBuddy(self.employeeBandEdit)
        self.arrLabel.setBuddy(self.arrEdit)
        self.licensedSeatsLabel.setBuddy(self.licensedSeatsEdit)
        self.renewalDateLabel.setBuddy(self.renewalDateEdit)
        self.csmOwnerLabel.setBuddy(self.csmOwnerEdit)
        self.tierOverrideLabel.setBuddy(self.tierOverrideEdit)
        self.languageLabel.setBuddy(self.languageEdit)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AccountForm)

        QMetaObject.connectSlotsByName(AccountForm)
    # setupUi

    def retranslateUi(self, AccountForm):
        self.titleLabel.setObjectName(QCoreApplication.translate("AccountForm", u"titleLabel", None))
        self.nameLabel.setText(QCoreApplication.translate("AccountForm", u"Account &name", None))
        self.nameError.setProperty(u"class", QCoreApplication.translate("AccountForm", u"fieldError", None))
        self.industryLabel.setText(QCoreApplication.translate("AccountForm", u"&Industry", None))
        self.industryError.setProperty(u"class", QCoreApplication.translate("AccountForm", u"fieldError", None))
        self.countryLabel.setText(QCoreApplication.translate("AccountForm", u"C&ountry", None))
        self.countryError.setProperty(u"class", QCoreApplication.translate("AccountForm", u"fieldError", None))
        self.employeeBandLabel.setText(QCoreApplication.translate("AccountForm", u"&Employees", None))
        self.employeeBandError.setProperty(u"class", QCoreApplication.translate("AccountForm", u"fieldError", None))
        self.arrLabel.setText(QCoreApplication.translate("AccountForm", u"&ARR", None))
        self.arrEdit.setPlaceholderText(QCoreApplication.translate("AccountForm", u"e.g. 120000 or 120k", None))
#if QT_CONFIG(accessibility)
        self.currencyEdit.setAccessibleName(QCoreApplication.translate("AccountForm", u"Currency", None))
#endif // QT_CONFIG(accessibility)
        self.arrError.setProperty(u"class", QCoreApplication.translate("AccountForm", u"fieldError", None))
        self.licensedSeatsLabel.setText(QCoreApplication.translate("AccountForm", u"Licensed &seats", None))
        self.licensedSeatsError.setProperty(u"class", QCoreApplication.translate("AccountForm", u"fieldError", None))
        self.renewalDateLabel.setText(QCoreApplication.translate("AccountForm", u"&Renewal date", None))
        self.renewalDateEdit.setPlaceholderText(QCoreApplication.translate("AccountForm", u"\u2014 none \u2014", None))
        self.renewalDateError.setProperty(u"class", QCoreApplication.translate("AccountForm", u"fieldError", None))
        self.csmOwnerLabel.setText(QCoreApplication.translate("AccountForm", u"CSM o&wner", None))
        self.csmOwnerError.setProperty(u"class", QCoreApplication.translate("AccountForm", u"fieldError", None))
        self.tierOverrideLabel.setText(QCoreApplication.translate("AccountForm", u"&Tier", None))
        self.tierOverrideError.setProperty(u"class", QCoreApplication.translate("AccountForm", u"fieldError", None))
        self.languageLabel.setText(QCoreApplication.translate("AccountForm", u"Customer lan&guage", None))
#if QT_CONFIG(tooltip)
        self.languageEdit.setToolTip(QCoreApplication.translate("AccountForm", u"The language of this account's deck, brief, emails and invite", None))
#endif // QT_CONFIG(tooltip)
        self.languageError.setProperty(u"class", QCoreApplication.translate("AccountForm", u"fieldError", None))
        self.notesLabel.setText(QCoreApplication.translate("AccountForm", u"N&otes", None))
        self.notesError.setProperty(u"class", QCoreApplication.translate("AccountForm", u"fieldError", None))
        self.metricsLabel.setText(QCoreApplication.translate("AccountForm", u"Metric history by quarter", None))
        self.metricsLabel.setProperty(u"class", QCoreApplication.translate("AccountForm", u"sectionTitle", None))
        pass
    # retranslateUi

