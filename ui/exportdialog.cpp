#include "exportdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QVBoxLayout>

ExportDialog::ExportDialog(int selectedCount, qint64 matchingCount, QWidget *parent)
    : QDialog(parent)
    , m_format(new QComboBox)
    , m_selected(new QRadioButton(tr("&Selected rows (%n)", nullptr, selectedCount)))
    , m_matching(new QRadioButton(tr("&Every exchange matching the filter (%n)", nullptr,
                                     int(qMin<qint64>(matchingCount, INT_MAX)))))
    , m_redact(new QCheckBox(tr("&Redact users, sessions, IP addresses and user agents")))
{
    setWindowTitle(tr("Export Exchanges"));
    setObjectName(QStringLiteral("exportDialog"));
    m_format->setObjectName(QStringLiteral("exportFormatBox"));
    m_format->addItem(tr("HAR 1.2"));
    m_format->addItem(tr("JSON Lines"));
    m_selected->setObjectName(QStringLiteral("exportSelectedButton"));
    m_matching->setObjectName(QStringLiteral("exportMatchingButton"));
    m_redact->setObjectName(QStringLiteral("exportRedactBox"));
    m_redact->setToolTip(tr("Replaces each value with a placeholder such as user-1, the same one wherever the "
                            "value occurs, so a capture can be attached to a bug report."));
    // The format and redaction chosen last time are offered again.
    QSettings settings;
    m_format->setCurrentIndex(settings.value(QStringLiteral("export/format")).toString() == QLatin1String("jsonl") ? 1 : 0);
    m_redact->setChecked(settings.value(QStringLiteral("export/redact"), true).toBool());
    connect(this, &QDialog::accepted, this, [this] {
        QSettings settings;
        settings.setValue(QStringLiteral("export/format"), har() ? QStringLiteral("har") : QStringLiteral("jsonl"));
        settings.setValue(QStringLiteral("export/redact"), redact());
    });

    // Several selected rows make the selection the likely choice.
    m_selected->setEnabled(selectedCount > 0);
    if (selectedCount > 1)
        m_selected->setChecked(true);
    else
        m_matching->setChecked(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Format:"), m_format);
    auto *scope = new QVBoxLayout;
    scope->addWidget(m_selected);
    scope->addWidget(m_matching);
    form->addRow(tr("Exchanges:"), scope);
    form->addRow(QString(), m_redact);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Choose &File..."));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

bool ExportDialog::har() const
{
    return m_format->currentIndex() == 0;
}

bool ExportDialog::selectedOnly() const
{
    return m_selected->isChecked();
}

bool ExportDialog::redact() const
{
    return m_redact->isChecked();
}
