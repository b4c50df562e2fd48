#include "exchangedetailview.h"

#include "exchangeinsight.h"
#include "exchangetext.h"

#include <QFontDatabase>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTextBrowser>
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
    return QString::fromUtf8(document.toJson(QJsonDocument::Indented));
}

QString headerLines(const HttpHeaders &headers)
{
    QString text;
    for (const auto &header : headers)
        text += QString::fromLatin1(header.first) + QStringLiteral(": ") + QString::fromLatin1(header.second) + QLatin1Char('\n');
    return text;
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
    , m_request(new QPlainTextEdit)
    , m_response(new QPlainTextEdit)
    , m_decoded(new QPlainTextEdit)
    , m_wholeBodyButton(new QPushButton(tr("Show Whole Bodies")))
{
    m_tabs->setObjectName(QStringLiteral("detailTabs"));
    m_summary->setObjectName(QStringLiteral("detailSummary"));
    m_summary->setOpenLinks(false);
    m_request->setObjectName(QStringLiteral("detailRequest"));
    m_response->setObjectName(QStringLiteral("detailResponse"));
    m_decoded->setObjectName(QStringLiteral("detailDecoded"));
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (QPlainTextEdit *edit : {m_request, m_response, m_decoded}) {
        edit->setReadOnly(true);
        edit->setFont(fixed);
        edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    }
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

void ExchangeDetailView::showExchange(const Exchange &exchange)
{
    m_exchange = exchange;
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
    m_summary->setHtml(summaryHtml(m_exchange));
    m_request->setPlainText(requestText(m_exchange, m_wholeBodies));
    m_response->setPlainText(responseText(m_exchange, m_wholeBodies));
    // A hex line takes about 80 characters for 16 bytes, so the preview is smaller than for text.
    m_decoded->setPlainText(ExchangeInsight::decodedText(
        m_exchange, m_wholeBodies ? m_exchange.request.body.size() : BodyPreviewBytes / 16));
    const bool cut = m_exchange.request.body.size() > BodyPreviewBytes / 16
        || m_exchange.response.body.size() > BodyPreviewBytes;
    m_wholeBodyButton->setVisible(cut && !m_wholeBodies);
    m_stack->setCurrentIndex(1);
}

QString ExchangeDetailView::summaryHtml(const Exchange &exchange)
{
    // One table for every section, so the values line up in one column.
    const QString absent = QStringLiteral("<i>") + escaped(tr("absent")) + QStringLiteral("</i>");
    auto row = [&absent](const QString &label, const QString &value) {
        return QStringLiteral("<tr><td valign=\"top\"><b>%1</b></td><td>%2</td></tr>")
            .arg(escaped(label), value.isEmpty() ? absent : escaped(value));
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
                                        .arg(exchange.id)
                                        .arg(QString::fromLatin1(exchange.request.method),
                                             QString::fromLatin1(exchange.request.path()),
                                             ExchangeText::decision(exchange.decision))
                                        .arg(exchange.response.status)));
    html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"2\">");

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

namespace {

// The body as text, cut at the preview size unless wholeBody, then pretty JSON
// when the whole body parses as JSON.
QString bodySection(const QByteArray &body, bool wholeBody)
{
    if (body.isEmpty())
        return ExchangeDetailView::tr("(empty body)") + QLatin1Char('\n');

    const bool cut = !wholeBody && body.size() > ExchangeDetailView::BodyPreviewBytes;
    QString text = QString::fromUtf8(cut ? body.left(ExchangeDetailView::BodyPreviewBytes) : body);
    if (cut) {
        text += QLatin1Char('\n')
            + ExchangeDetailView::tr("[cut after %L1 of %L2 bytes; choose Show Whole Bodies to see the rest]")
                  .arg(ExchangeDetailView::BodyPreviewBytes)
                  .arg(body.size());
    }
    text += QLatin1Char('\n');

    if (!cut) {
        const QString pretty = prettyJson(body);
        if (!pretty.isEmpty())
            text += QLatin1Char('\n') + ExchangeDetailView::tr("Body as formatted JSON:") + QLatin1Char('\n') + pretty;
    }
    return text;
}

} // namespace

QString ExchangeDetailView::requestText(const Exchange &exchange, bool wholeBody)
{
    const RawRequest &request = exchange.request;
    QString text = QString::fromLatin1(request.method + ' ' + request.target + ' ' + request.httpVersion) + QLatin1Char('\n');
    text += headerLines(request.headers);
    text += QLatin1Char('\n');
    text += bodySection(request.body, wholeBody);
    return text;
}

QString ExchangeDetailView::responseText(const Exchange &exchange, bool wholeBody)
{
    QString text;
    if (exchange.outcome != DeliveryOutcome::Sent)
        text += tr("Delivery: %1").arg(ExchangeText::outcome(exchange.outcome)) + QStringLiteral("\n\n");
    text += tr("Status %1").arg(exchange.response.status) + QLatin1Char('\n');
    text += headerLines(exchange.response.headers);
    text += QLatin1Char('\n');
    text += bodySection(exchange.response.body, wholeBody);
    return text;
}
