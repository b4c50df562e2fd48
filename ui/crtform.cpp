#include "crtform.h"

#include "crt.h"

#include <QCheckBox>
#include <QAbstractItemView>
#include <QComboBox>
#include <QGridLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QSpinBox>
#include <QJsonArray>

#include <cmath>

namespace {

// A JSON number that is a whole number in [minimum, maximum].
bool wholeNumberIn(const QJsonValue &value, qint64 minimum, qint64 maximum, qint64 *number)
{
    if (!value.isDouble())
        return false;
    const double raw = value.toDouble();
    if (raw != std::floor(raw) || raw < double(minimum) || raw > double(maximum))
        return false;
    *number = qint64(raw);
    return true;
}

QString jsonText(const QJsonValue &value)
{
    // Wrapping in an array is the one way QJsonDocument writes a bare value.
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

} // namespace

CrtForm::CrtForm(QWidget *parent)
    : QWidget(parent)
{
    auto *grid = new QGridLayout(this);
    grid->setColumnStretch(1, 1);

    addField(QStringLiteral("allowRoot"), Kind::AllowRoot, tr("Whether rooted or jailbroken devices get a license"));
    addField(QStringLiteral("hdcpLevel"), Kind::HdcpLevel, tr("HDCP version the output must support"));
    addField(QStringLiteral("keyExpireTime"), Kind::Minutes,
             tr("Minutes the license keys stay valid, 0 to %L1").arg(Crt::MaxMinutes));
    addField(QStringLiteral("playDuration"), Kind::Minutes,
             tr("Total playing time allowed; must not exceed keyExpireTime. "
                "The contract gives no unit, minutes are assumed."));
    addField(QStringLiteral("securityLevel"), Kind::SecurityLevel,
             tr("Required device security level, 1 to 4; higher is stricter"));
    addField(QStringLiteral("storeLicense"), Kind::StoreLicense, tr("Whether the player may keep a persistent license for offline play"));
    addField(QStringLiteral("storeLicenseTime"), Kind::Minutes,
             tr("Minutes a stored license lives, 0 to %L1").arg(Crt::MaxMinutes));

    for (int i = 0; i < m_rows.size(); ++i) {
        const FieldRow &row = m_rows.at(i);
        grid->addWidget(row.include, 2 * i, 0);
        grid->addWidget(row.editor, 2 * i, 1);
        grid->addWidget(row.note, 2 * i + 1, 1);
    }
    grid->setRowStretch(2 * int(m_rows.size()), 1);
}

void CrtForm::addField(const QString &name, Kind kind, const QString &description)
{
    FieldRow row;
    row.name = name;
    row.kind = kind;

    row.include = new QCheckBox(name, this);
    row.include->setObjectName(name + QStringLiteral("Include"));
    row.include->setToolTip(tr("Send %1 in the CRT").arg(name));

    row.editor = createEditor(row);
    if (auto *combo = qobject_cast<QComboBox *>(row.editor)) {
        // Long entries are shown whole in the popup and the tooltip, not by widening the form.
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(12);
        combo->view()->setMinimumWidth(combo->view()->sizeHintForColumn(0) + 16);
        for (int i = 0; i < combo->count(); ++i)
            combo->setItemData(i, combo->itemText(i), Qt::ToolTipRole);
    }
    row.editor->setToolTip(description);
    row.editor->setEnabled(false);

    row.note = new QLabel(this);
    row.note->setObjectName(name + QStringLiteral("Note"));
    row.note->setWordWrap(true);
    row.note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    row.note->hide();

    const int rowIndex = int(m_rows.size());
    m_rows.append(row);

    connect(row.include, &QCheckBox::toggled, this, [this, rowIndex](bool included) {
        onIncludeToggled(rowIndex, included);
    });
    if (auto *spin = qobject_cast<QSpinBox *>(row.editor))
        connect(spin, &QSpinBox::valueChanged, this, [this, rowIndex] { onEditorChanged(rowIndex); });
    else if (auto *combo = qobject_cast<QComboBox *>(row.editor))
        connect(combo, &QComboBox::currentIndexChanged, this, [this, rowIndex] { onEditorChanged(rowIndex); });
    else if (auto *check = qobject_cast<QCheckBox *>(row.editor))
        connect(check, &QCheckBox::toggled, this, [this, rowIndex] { onEditorChanged(rowIndex); });
}

QWidget *CrtForm::createEditor(const FieldRow &row)
{
    switch (row.kind) {
    case Kind::AllowRoot: {
        auto *combo = new QComboBox(this);
        combo->setObjectName(QStringLiteral("allowRootCombo"));
        combo->addItem(tr("1: rooted devices refused"), 1);
        combo->addItem(tr("0: rooted devices allowed"), 0);
        return combo;
    }
    case Kind::HdcpLevel: {
        auto *combo = new QComboBox(this);
        combo->setObjectName(QStringLiteral("hdcpLevelCombo"));
        for (const QString &level : Crt::hdcpLevels())
            combo->addItem(level, level);
        return combo;
    }
    case Kind::Minutes: {
        auto *spin = new QSpinBox(this);
        spin->setObjectName(row.name + QStringLiteral("Spin"));
        spin->setRange(0, int(Crt::MaxMinutes));
        spin->setSuffix(tr(" min"));
        spin->setGroupSeparatorShown(true);
        spin->setValue(row.name == QLatin1String("storeLicenseTime") ? 300 : 60);
        return spin;
    }
    case Kind::SecurityLevel: {
        auto *combo = new QComboBox(this);
        combo->setObjectName(QStringLiteral("securityLevelCombo"));
        for (int level = 1; level <= 4; ++level) {
            combo->addItem(tr("%1: %2, %3")
                               .arg(level)
                               .arg(Crt::securityLevelLabel(level, DrmScheme::Widevine),
                                    Crt::securityLevelLabel(level, DrmScheme::PlayReady)),
                           level);
        }
        return combo;
    }
    case Kind::StoreLicense: {
        auto *check = new QCheckBox(tr("persistent license"), this);
        check->setObjectName(QStringLiteral("storeLicenseCheck"));
        check->setChecked(true);
        return check;
    }
    }
    return nullptr;
}

QJsonValue CrtForm::editorValue(const FieldRow &row) const
{
    switch (row.kind) {
    case Kind::AllowRoot:
    case Kind::SecurityLevel:
        return static_cast<QComboBox *>(row.editor)->currentData().toInt();
    case Kind::HdcpLevel:
        return static_cast<QComboBox *>(row.editor)->currentData().toString();
    case Kind::Minutes:
        return static_cast<QSpinBox *>(row.editor)->value();
    case Kind::StoreLicense:
        return static_cast<QCheckBox *>(row.editor)->isChecked();
    }
    return QJsonValue();
}

bool CrtForm::showValue(const FieldRow &row, const QJsonValue &value)
{
    qint64 number = 0;
    switch (row.kind) {
    case Kind::AllowRoot:
    case Kind::SecurityLevel: {
        auto *combo = static_cast<QComboBox *>(row.editor);
        const qint64 lowest = row.kind == Kind::AllowRoot ? 0 : 1;
        const qint64 highest = row.kind == Kind::AllowRoot ? 1 : 4;
        if (!wholeNumberIn(value, lowest, highest, &number))
            return false;
        combo->setCurrentIndex(combo->findData(int(number)));
        return true;
    }
    case Kind::HdcpLevel: {
        auto *combo = static_cast<QComboBox *>(row.editor);
        const int index = value.isString() ? combo->findData(value.toString()) : -1;
        if (index < 0)
            return false;
        combo->setCurrentIndex(index);
        return true;
    }
    case Kind::Minutes:
        if (!wholeNumberIn(value, 0, Crt::MaxMinutes, &number))
            return false;
        static_cast<QSpinBox *>(row.editor)->setValue(int(number));
        return true;
    case Kind::StoreLicense:
        if (!value.isBool())
            return false;
        static_cast<QCheckBox *>(row.editor)->setChecked(value.toBool());
        return true;
    }
    return false;
}

void CrtForm::setPayload(const QJsonObject &payload)
{
    m_payload = payload;
    m_showing = true;
    for (const FieldRow &row : std::as_const(m_rows)) {
        const bool included = payload.contains(row.name);
        row.include->setChecked(included);
        row.editor->setEnabled(included);
        if (!included) {
            row.note->hide();
            continue;
        }
        const QJsonValue value = payload.value(row.name);
        if (showValue(row, value)) {
            row.note->hide();
        } else {
            row.note->setText(tr("Sent as %1, which the form cannot show. Pick a value to replace it, "
                                 "or use Raw JSON.")
                                  .arg(jsonText(value)));
            row.note->show();
        }
    }
    m_showing = false;
}

void CrtForm::onIncludeToggled(int rowIndex, bool included)
{
    const FieldRow &row = m_rows.at(rowIndex);
    row.editor->setEnabled(included);
    if (m_showing)
        return;

    row.note->hide();
    if (included)
        m_payload.insert(row.name, editorValue(row));
    else
        m_payload.remove(row.name);
    emit payloadEdited(m_payload);
}

void CrtForm::onEditorChanged(int rowIndex)
{
    const FieldRow &row = m_rows.at(rowIndex);
    if (m_showing || !row.include->isChecked())
        return;

    row.note->hide();
    m_payload.insert(row.name, editorValue(row));
    emit payloadEdited(m_payload);
}
