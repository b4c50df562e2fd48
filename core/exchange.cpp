#include "exchange.h"

QByteArray headerValue(const HttpHeaders &headers, QByteArrayView name)
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

QByteArray RawRequest::path() const
{
    const qsizetype mark = target.indexOf('?');
    return mark < 0 ? target : target.left(mark);
}

QByteArray RawRequest::query() const
{
    const qsizetype mark = target.indexOf('?');
    return mark < 0 ? QByteArray() : target.mid(mark + 1);
}

QString drmSchemeName(DrmScheme scheme)
{
    switch (scheme) {
    case DrmScheme::None: return QString();
    case DrmScheme::Widevine: return QStringLiteral("WIDEVINE");
    case DrmScheme::FairPlay: return QStringLiteral("FAIRPLAY");
    case DrmScheme::PlayReady: return QStringLiteral("PLAYREADY");
    case DrmScheme::Other: return QStringLiteral("OTHER");
    }
    return QString();
}

QString decisionName(Decision decision)
{
    switch (decision) {
    case Decision::Allow: return QStringLiteral("allow");
    case Decision::Deny: return QStringLiteral("deny");
    case Decision::Rejected: return QStringLiteral("rejected");
    }
    return QString();
}

QString bodyEncodingName(BodyEncoding encoding)
{
    switch (encoding) {
    case BodyEncoding::None: return QStringLiteral("none");
    case BodyEncoding::Json: return QStringLiteral("json");
    case BodyEncoding::Form: return QStringLiteral("form");
    case BodyEncoding::Query: return QStringLiteral("query");
    }
    return QString();
}

QString metadataLayoutName(MetadataLayout layout)
{
    switch (layout) {
    case MetadataLayout::Absent: return QStringLiteral("absent");
    case MetadataLayout::JsonObject: return QStringLiteral("object");
    case MetadataLayout::Bracket: return QStringLiteral("bracket");
    case MetadataLayout::Dot: return QStringLiteral("dot");
    case MetadataLayout::JsonText: return QStringLiteral("json-text");
    }
    return QString();
}

QString severityName(FindingSeverity severity)
{
    switch (severity) {
    case FindingSeverity::Info: return QStringLiteral("info");
    case FindingSeverity::Warning: return QStringLiteral("warning");
    case FindingSeverity::Error: return QStringLiteral("error");
    }
    return QString();
}

QString deliveryOutcomeName(DeliveryOutcome outcome)
{
    switch (outcome) {
    case DeliveryOutcome::Sent: return QStringLiteral("sent");
    case DeliveryOutcome::ClientGone: return QStringLiteral("client-gone");
    case DeliveryOutcome::ClosedByRule: return QStringLiteral("closed");
    case DeliveryOutcome::NeverAnswered: return QStringLiteral("never-answered");
    }
    return QString();
}
