#include "composerwidget.h"

#include "decisioncolors.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>

ComposerWidget::ComposerWidget(QWidget *parent)
    : QWidget(parent)
{
    m_asset = addLine(QStringLiteral("composerAsset"));
    m_user = addLine(QStringLiteral("composerUser"));
    m_session = addLine(QStringLiteral("composerSession"));
    m_remoteAddr = addLine(QStringLiteral("composerRemoteAddr"));
    m_userAgent = addLine(QStringLiteral("composerUserAgent"));
    m_extraData = addLine(QStringLiteral("composerExtraData"));

    m_drmScheme = new QComboBox(this);
    m_drmScheme->setObjectName(QStringLiteral("composerDrmScheme"));
    m_drmScheme->setEditable(true);
    m_drmScheme->addItems({QString(), QStringLiteral("WIDEVINE"), QStringLiteral("PLAYREADY"),
                           QStringLiteral("FAIRPLAY"), QStringLiteral("WIDE_VINE")});

    m_headers = new QPlainTextEdit(this);
    m_headers->setObjectName(QStringLiteral("composerHeaders"));
    m_headers->setPlaceholderText(tr("One header per line, as Name: value"));
    m_headers->setMaximumHeight(60);

    m_encoding = new QComboBox(this);
    m_encoding->setObjectName(QStringLiteral("composerEncoding"));
    m_encoding->addItem(tr("JSON body"), int(CallbackEncoding::Json));
    m_encoding->addItem(tr("Form, requestMetadata[remoteAddr]"), int(CallbackEncoding::FormBracket));
    m_encoding->addItem(tr("Form, requestMetadata.remoteAddr"), int(CallbackEncoding::FormDot));
    m_encoding->addItem(tr("Form, requestMetadata as JSON text"), int(CallbackEncoding::FormJsonText));
    m_encoding->addItem(tr("GET query string"), int(CallbackEncoding::Query));

    auto *addButton = new QPushButton(tr("Add Callback"), this);
    addButton->setObjectName(QStringLiteral("composerAdd"));
    connect(addButton, &QPushButton::clicked, this, &ComposerWidget::compose);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("composerError"));
    m_error->setStyleSheet(DecisionColors::badgeStyleSheet(DecisionColors::problemTint()));
    m_error->setWordWrap(true);
    m_error->hide();

    auto *form = new QFormLayout(this);
    form->addRow(tr("Asset:"), m_asset);
    form->addRow(tr("User:"), m_user);
    form->addRow(tr("Session:"), m_session);
    form->addRow(tr("DRM scheme:"), m_drmScheme);
    form->addRow(tr("Remote address:"), m_remoteAddr);
    form->addRow(tr("User agent:"), m_userAgent);
    form->addRow(tr("Extra data:"), m_extraData);
    form->addRow(tr("Extra headers:"), m_headers);
    form->addRow(tr("Encoding:"), m_encoding);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_error, 1);
    buttons->addWidget(addButton);
    form->addRow(buttons);
}

QLineEdit *ComposerWidget::addLine(const QString &objectName)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(objectName);
    return edit;
}

bool ComposerWidget::draft(CallbackDraft *draft, QString *errorMessage) const
{
    draft->asset = m_asset->text();
    draft->user = m_user->text();
    draft->session = m_session->text();
    draft->drmScheme = m_drmScheme->currentText().trimmed();
    draft->remoteAddr = m_remoteAddr->text();
    draft->userAgent = m_userAgent->text();
    draft->extraData = m_extraData->text();
    return parseHeaderLines(m_headers->toPlainText(), &draft->headers, errorMessage);
}

CallbackEncoding ComposerWidget::encoding() const
{
    return CallbackEncoding(m_encoding->currentData().toInt());
}

void ComposerWidget::compose()
{
    CallbackDraft callback;
    QString error;
    if (!draft(&callback, &error)) {
        m_error->setText(error);
        m_error->show();
        return;
    }
    m_error->hide();

    const CallbackEncoding chosen = encoding();
    ReplayRequest request = ReplayRequest::fromComposed(CallbackComposer::compose(callback, chosen));
    ++m_composedCount;
    request.id = tr("%1 (%2)").arg(callback.asset.isEmpty() ? tr("no asset") : callback.asset,
                                   CallbackComposer::encodingName(chosen));
    request.origin = tr("composer %1").arg(m_composedCount);
    emit requestComposed(request);
}

bool ComposerWidget::parseHeaderLines(const QString &text, HttpHeaders *headers, QString *errorMessage)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        const QString name = line.left(colon).trimmed();
        if (colon <= 0 || name.contains(QLatin1Char(' '))) {
            *errorMessage = tr("Header line %1 is invalid: '%2'. Write it as Name: value.").arg(i + 1).arg(line);
            return false;
        }
        headers->append({name.toLatin1(), line.mid(colon + 1).trimmed().toUtf8()});
    }
    return true;
}
