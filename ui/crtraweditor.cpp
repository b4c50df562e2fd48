#include "crtraweditor.h"

#include "decisioncolors.h"

#include <QFontDatabase>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

CrtRawEditor::CrtRawEditor(QWidget *parent)
    : QWidget(parent)
    , m_edit(new QPlainTextEdit(this))
    , m_error(new QLabel(this))
{
    m_edit->setObjectName(QStringLiteral("crtRawEdit"));
    m_edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_edit->setTabChangesFocus(true);
    m_edit->setPlaceholderText(tr("A JSON object, e.g. {\"keyExpireTime\": 60}"));

    m_error->setObjectName(QStringLiteral("crtRawError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(DecisionColors::badgeStyleSheet(DecisionColors::denyTint()));
    m_error->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_error);

    connect(m_edit, &QPlainTextEdit::textChanged, this, &CrtRawEditor::parseText);
}

void CrtRawEditor::setPayload(const QJsonObject &payload)
{
    m_payload = payload;
    const QJsonDocument current = QJsonDocument::fromJson(m_edit->toPlainText().toUtf8());
    if (current.isObject() && current.object() == payload)
        return;

    m_showing = true;
    m_edit->setPlainText(QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Indented)));
    m_error->hide();
    m_error->clear();
    m_showing = false;
}

QString CrtRawEditor::errorText() const
{
    return m_error->text();
}

void CrtRawEditor::parseText()
{
    if (m_showing)
        return;

    const QString text = m_edit->toPlainText();
    const QByteArray utf8 = text.toUtf8();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(utf8, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // The offset counts UTF-8 bytes; line and column count characters.
        const QString before = QString::fromUtf8(utf8.left(parseError.offset));
        const int line = int(before.count(QLatin1Char('\n'))) + 1;
        const int column = int(before.size() - before.lastIndexOf(QLatin1Char('\n')));
        m_error->setText(tr("Invalid JSON at line %1, column %2: %3. Not applied; the reply keeps the last valid CRT.")
                             .arg(line)
                             .arg(column)
                             .arg(parseError.errorString()));
        m_error->show();
        return;
    }
    if (!document.isObject()) {
        m_error->setText(tr("The CRT must be a JSON object, e.g. {\"keyExpireTime\": 60}. "
                            "Not applied; the reply keeps the last valid CRT."));
        m_error->show();
        return;
    }

    m_error->hide();
    m_error->clear();
    if (document.object() == m_payload)
        return;
    m_payload = document.object();
    emit payloadEdited(m_payload);
}
