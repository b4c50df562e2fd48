#include "exchangedetailview.h"

#include "exchangeinsight.h"
#include "exchangetext.h"
#include "jsontext.h"
#include "messageview.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTextTable>
#include <QVBoxLayout>

namespace {

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString jsonValueText(const QJsonValue &value)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

// Returns indented JSON when the body parses as a JSON object or array, else an empty string.
QString prettyJson(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || document.isNull())
        return QString();
    return QString::fromUtf8(JsonText::indented(body));
}

QString timeText(const QDateTime &utc)
{
    return utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
}

} // namespace

ExchangeDetailView::ExchangeDetailView(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_tabs(new QTabWidget)
    , m_summary(new QTextBrowser)
    , m_request(new MessageView)
    , m_response(new MessageView)
    , m_decoded(new QPlainTextEdit)
    , m_wholeBodyButton(new QPushButton(tr("Show Whole Bodies")))
{
    m_tabs->setObjectName(QStringLiteral("detailTabs"));
    m_summary->setObjectName(QStringLiteral("detailSummary"));
    m_summary->setOpenLinks(false);
    m_summary->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_summary, &QWidget::customContextMenuRequested, this, &ExchangeDetailView::showSummaryMenu);
    m_request->setObjectName(QStringLiteral("detailRequest"));
    m_response->setObjectName(QStringLiteral("detailResponse"));
    m_decoded->setObjectName(QStringLiteral("detailDecoded"));
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_decoded->setReadOnly(true);
    m_decoded->setFont(fixed);
    m_decoded->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_tabs->addTab(m_summary, tr("&Summary"));
    m_tabs->addTab(m_request, tr("Re&quest"));
    m_tabs->addTab(m_response, tr("Res&ponse"));
    m_tabs->addTab(m_decoded, tr("&Decoded and Timing"));

    m_wholeBodyButton->setObjectName(QStringLiteral("showWholeBodyButton"));
    m_wholeBodyButton->hide();
    connect(m_wholeBodyButton, &QPushButton::clicked, this, [this] {
        m_wholeBodies = true;
        render();
    });

    auto *detail = new QWidget;
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_tabs, 1);
    detailLayout->addWidget(m_wholeBodyButton, 0, Qt::AlignRight);

    auto *placeholder = new QLabel(tr("Select an exchange in the log to see its request, response and findings."));
    placeholder->setObjectName(QStringLiteral("detailPlaceholder"));
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setWordWrap(true);
    placeholder->setEnabled(false);

    m_stack->addWidget(placeholder);
    m_stack->addWidget(detail);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
}

void ExchangeDetailView::showStoredExchange(const StoredExchange &stored)
{
    m_logId = stored.logId;
    display(stored.exchange, stored.requestBodySize, stored.responseBodySize);
}

void ExchangeDetailView::showExchange(const Exchange &exchange)
{
    m_logId = 0;
    display(exchange, -1, -1);
}

void ExchangeDetailView::display(const Exchange &exchange, qint64 requestBodySize, qint64 responseBodySize)
{
    m_exchange = exchange;
    m_requestBodySize = requestBodySize;
    m_responseBodySize = responseBodySize;
    m_hasExchange = true;
    m_wholeBodies = false;
    render();
}

void ExchangeDetailView::clear()
{
    m_exchange = Exchange();
    m_hasExchange = false;
    m_summary->clear();
    m_request->clear();
    m_response->clear();
    m_decoded->clear();
    m_wholeBodyButton->hide();
    m_stack->setCurrentIndex(0);
}

void ExchangeDetailView::render()
{
    m_summary->setHtml(summaryHtml(m_exchange, m_logId));
    const qsizetype previewBytes = m_wholeBodies ? std::numeric_limits<qsizetype>::max() : BodyPreviewBytes;
    const RawRequest &request = m_exchange.request;
    m_request->setMessage(QString::fromLatin1(request.method + ' ' + request.target + ' ' + request.httpVersion),
                          request.headers, request.body, previewBytes, m_requestBodySize);
    QString statusLine = tr("Status %1").arg(m_exchange.response.status);
    if (m_exchange.outcome != DeliveryOutcome::Sent)
        statusLine += QStringLiteral(" (%1)").arg(ExchangeText::outcome(m_exchange.outcome));
    m_response->setMessage(statusLine, m_exchange.response.headers, m_exchange.response.body, previewBytes,
                           m_responseBodySize);
    // A hex line takes about 80 characters for 16 bytes, so the preview is smaller than for text.
    m_decoded->setPlainText(ExchangeInsight::decodedText(
        m_exchange, m_wholeBodies ? m_exchange.request.body.size() : BodyPreviewBytes / 16));
    const bool cut = m_exchange.request.body.size() > BodyPreviewBytes / 16
        || m_exchange.response.body.size() > BodyPreviewBytes;
    m_wholeBodyButton->setVisible(cut && !m_wholeBodies);
    m_stack->setCurrentIndex(1);
}

QString ExchangeDetailView::summaryValueAt(const QPoint &viewportPosition) const
{
    const QTextCursor cursor = m_summary->cursorForPosition(viewportPosition);
    const QTextTable *table = cursor.currentTable();
    if (!table || table->columns() < 2)
        return QString();
    const QTextTableCell cell = table->cellAt(cursor);
    if (!cell.isValid() || cell.columnSpan() > 1)
        return QString();
    const QTextTableCell valueCell = table->cellAt(cell.row(), table->columns() - 1);
    if (!valueCell.isValid() || valueCell.columnSpan() > 1)
        return QString();
    QTextCursor selection = valueCell.firstCursorPosition();
    selection.setPosition(valueCell.lastCursorPosition().position(), QTextCursor::KeepAnchor);
    return selection.selectedText();
}

void ExchangeDetailView::showSummaryMenu(const QPoint &position)
{
    std::unique_ptr<QMenu> menu(m_summary->createStandardContextMenu(position));
    const QString value = summaryValueAt(position);
    if (!value.isEmpty()) {
        QAction *first = menu->actions().value(0);
        auto *copyValue = new QAction(tr("Copy &Value"), menu.get());
        copyValue->setObjectName(QStringLiteral("copyValueAction"));
        connect(copyValue, &QAction::triggered, this, [value] { QApplication::clipboard()->setText(value); });
        menu->insertAction(first, copyValue);
        menu->insertSeparator(first);
    }
    menu->exec(m_summary->viewport()->mapToGlobal(position));
}

QString ExchangeDetailView::summaryHtml(const Exchange &exchange, qint64 logId)
{
    // One table for every section, so the values line up in one column.
    const QString absent = QStringLiteral("<i>") + escaped(tr("absent")) + QStringLiteral("</i>");
    // A field of megabytes would take the rich-text layout minutes, so long
    // values are cut here; the Request tab has the whole body.
    auto row = [&absent](const QString &label, const QString &value) {
        QString displayed = value;
        if (displayed.size() > SummaryValueChars) {
            displayed = displayed.left(SummaryValueChars) + QChar(0x2026) + QLatin1Char(' ')
                + tr("(%L1 more characters)").arg(value.size() - SummaryValueChars);
        }
        return QStringLiteral("<tr><td valign=\"top\"><b>%1</b></td><td>%2</td></tr>")
            .arg(escaped(label), value.isEmpty() ? absent : escaped(displayed));
    };
    auto section = [](const QString &title) {
        return QStringLiteral("<tr><td colspan=\"2\"><br><b><big>%1</big></b></td></tr>").arg(escaped(title));
    };
    auto note = [](const QString &text) {
        return QStringLiteral("<tr><td colspan=\"2\">%1</td></tr>").arg(escaped(text));
    };
    const CallbackFields &callback = exchange.callback;

    QString html = QStringLiteral("<h3>%1</h3>")
                       .arg(escaped(tr("#%1 %2 %3: %4, status %5")
                                        .arg(logId > 0 ? quint64(logId) : exchange.id)
                                        .arg(QString::fromLatin1(exchange.request.method),
                                             QString::fromLatin1(exchange.request.path()),
                                             ExchangeText::decision(exchange.decision))
                                        .arg(exchange.response.status)));
    html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"2\">");

    if (logId > 0)
        html += row(tr("Number in its run"), QString::number(exchange.id));
    html += row(tr("Decision"), ExchangeText::decision(exchange.decision));
    html += row(tr("Decided by"), exchange.decidedBy);
    html += row(tr("Status sent"), QString::number(exchange.response.status));
    html += row(tr("Delivery"), ExchangeText::outcome(exchange.outcome));
    html += row(tr("Latency"), ExchangeText::latency(exchange.latencyMicros));
    html += row(tr("Settings revision"), QString::number(exchange.settingsRevision));
    html += row(tr("Received"), timeText(exchange.request.receivedAt));
    html += row(tr("From"), QStringLiteral("%1:%2").arg(exchange.request.peerAddress).arg(exchange.request.peerPort));

    html += section(tr("Callback fields"));
    html += row(callback.assets.size() > 1 ? tr("Assets") : tr("Asset"),
                callback.assets.isEmpty() ? callback.asset : callback.assets.join(QStringLiteral(", ")));
    html += row(tr("User"), callback.user);
    html += row(tr("Session"), callback.session);
    html += row(tr("DRM scheme as sent"), callback.drmSchemeText);
    html += row(tr("DRM scheme normalised"), drmSchemeName(callback.drmScheme));
    html += row(tr("requestMetadata.remoteAddr"), callback.remoteAddr);
    html += row(tr("requestMetadata.userAgent"), callback.userAgent);
    html += row(tr("extraData"), callback.extraData);
    html += row(tr("Encoding"), ExchangeText::encoding(callback.encoding));
    html += row(tr("requestMetadata layout"), ExchangeText::metadataLayout(callback.metadataLayout));

    html += section(tr("Unknown fields"));
    if (callback.unknownFields.isEmpty())
        html += note(tr("None."));
    for (auto it = callback.unknownFields.constBegin(); it != callback.unknownFields.constEnd(); ++it)
        html += row(it.key(), jsonValueText(it.value()));

    // Players send user and session in a base64 JSON custom-data header, so show it decoded if present.
    const QByteArray customData = exchange.request.header("custom-data");
    if (!customData.isEmpty()) {
        html += section(tr("custom-data header, decoded"));
        const QByteArray compact = customData.simplified().replace(' ', QByteArray());
        const auto decoded = QByteArray::fromBase64Encoding(compact);
        if (decoded) {
            const QString pretty = prettyJson(*decoded);
            html += QStringLiteral("<tr><td colspan=\"2\"><pre>%1</pre></td></tr>")
                        .arg(escaped(pretty.isEmpty() ? QString::fromUtf8(*decoded) : pretty));
        } else {
            html += note(tr("Not valid base64."));
        }
    }
    html += QStringLiteral("</table>");

    html += QStringLiteral("<p><b><big>%1</big></b></p>").arg(escaped(tr("Findings")));
    if (exchange.findings.isEmpty()) {
        html += QStringLiteral("<p>%1</p>").arg(escaped(tr("None: the callback and the reply follow the contract.")));
        return html;
    }
    html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"2\"><tr><th align=\"left\">%1</th>"
                           "<th align=\"left\">%2</th><th align=\"left\">%3</th><th align=\"left\">%4</th></tr>")
                .arg(escaped(tr("Severity")), escaped(tr("Code")), escaped(tr("Field")), escaped(tr("Message")));
    for (const Finding &finding : exchange.findings) {
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>")
                    .arg(escaped(ExchangeText::severity(finding.severity)), escaped(finding.code),
                         escaped(finding.field), escaped(finding.message));
    }
    html += QStringLiteral("</table>");
    return html;
}
