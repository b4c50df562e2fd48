#include "exchangeinsight.h"

#include "crt.h"
#include "exchangetext.h"
#include "jsontext.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace {

QString indentedJson(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || document.isNull())
        return QString();
    return QString::fromUtf8(JsonText::indented(bytes)).trimmed();
}

} // namespace

QString ExchangeInsight::decodeCustomData(const QByteArray &value)
{
    QByteArray compact = value;
    compact.replace("\r", "").replace("\n", "").replace(" ", "");
    const auto decoded = QByteArray::fromBase64Encoding(compact);
    if (!decoded)
        return QString();
    return indentedJson(*decoded);
}

QString ExchangeInsight::decodeJwt(const QString &value)
{
    const QStringList parts = value.trimmed().split(QLatin1Char('.'));
    if (parts.size() != 3 || parts.at(0).isEmpty() || parts.at(1).isEmpty())
        return QString();

    const auto options = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
    const auto header = QByteArray::fromBase64Encoding(parts.at(0).toLatin1(), options);
    const auto payload = QByteArray::fromBase64Encoding(parts.at(1).toLatin1(), options);
    if (!header || !payload)
        return QString();
    const QString headerJson = indentedJson(*header);
    const QString payloadJson = indentedJson(*payload);
    if (headerJson.isEmpty() || payloadJson.isEmpty())
        return QString();
    return tr("Header:\n%1\nPayload:\n%2\n(signature not verified)").arg(headerJson, payloadJson);
}

QString ExchangeInsight::replyCheckText(const Exchange &exchange)
{
    const Findings findings = Crt::validateReplyBody(exchange.response.status, exchange.response.body);
    if (findings.isEmpty())
        return tr("The reply follows the callback contract.");
    QString text;
    for (const Finding &finding : findings) {
        text += QStringLiteral("%1 %2%3: %4\n")
                    .arg(ExchangeText::severity(finding.severity), finding.code,
                         finding.field.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(finding.field),
                         finding.message);
    }
    return text.trimmed();
}

QString ExchangeInsight::hexDump(const QByteArray &bytes, qsizetype maxBytes)
{
    QString text;
    const qsizetype dumped = qMin(bytes.size(), maxBytes);
    for (qsizetype offset = 0; offset < dumped; offset += 16) {
        QString hex;
        QString ascii;
        for (qsizetype i = offset; i < offset + 16; ++i) {
            if (i < dumped) {
                const uchar byte = uchar(bytes.at(i));
                hex += QStringLiteral("%1 ").arg(byte, 2, 16, QLatin1Char('0'));
                ascii += byte >= 0x20 && byte < 0x7f ? QLatin1Char(char(byte)) : QLatin1Char('.');
            } else {
                hex += QStringLiteral("   ");
            }
        }
        text += QStringLiteral("%1  %2 %3\n").arg(offset, 8, 16, QLatin1Char('0')).arg(hex, ascii);
    }
    if (dumped < bytes.size())
        text += tr("... %n more byte(s)", nullptr, int(qMin<qsizetype>(bytes.size() - dumped, INT_MAX)));
    return text;
}

QList<QPair<QString, QString>> ExchangeInsight::formPairs(const QByteArray &body)
{
    if (body.isEmpty() || body.contains('{') || !body.contains('='))
        return {};
    QByteArray plusAsSpace = body;
    plusAsSpace.replace('+', ' ');
    return QUrlQuery(QString::fromUtf8(plusAsSpace)).queryItems(QUrl::FullyDecoded);
}

QString ExchangeInsight::formFields(const QByteArray &body)
{
    QString text;
    for (const auto &item : formPairs(body))
        text += item.first + QStringLiteral(" = ") + item.second + QLatin1Char('\n');
    return text;
}

QString ExchangeInsight::timingText(const Exchange &exchange)
{
    const QDateTime received = exchange.request.receivedAt;
    const QDateTime replied = received.addMSecs(exchange.latencyMicros / 1000);
    return tr("Received: %1\nReply handed to the socket: %2\nLatency: %3\nOutcome: %4\nSettings revision: %5")
        .arg(received.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")),
             replied.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")),
             ExchangeText::latency(exchange.latencyMicros), ExchangeText::outcome(exchange.outcome))
        .arg(exchange.settingsRevision);
}

QString ExchangeInsight::decodedText(const Exchange &exchange, qsizetype maxHexBytes)
{
    QString text = tr("== Reply checked against the callback contract\n%1\n").arg(replyCheckText(exchange));

    const QByteArray customData = exchange.request.header("custom-data");
    if (!customData.isEmpty()) {
        const QString decoded = decodeCustomData(customData);
        text += tr("\n== custom-data header\n%1\n").arg(decoded.isEmpty() ? tr("(not base64 of a JSON object)") : decoded);
    }
    const QString session = decodeJwt(exchange.callback.session);
    if (!session.isEmpty())
        text += tr("\n== Session (JWT)\n%1\n").arg(session);

    const QString form = formFields(exchange.request.body);
    if (!form.isEmpty())
        text += tr("\n== Request form fields\n%1").arg(form);

    text += tr("\n== Timing\n%1\n").arg(timingText(exchange));
    text += tr("\n== Request body, hex\n%1").arg(hexDump(exchange.request.body, maxHexBytes));
    return text;
}
