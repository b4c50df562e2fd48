#include "exchangetext.h"

#include <QLocale>

QString ExchangeText::decision(Decision decision)
{
    switch (decision) {
    case Decision::Allow: return tr("Allow");
    case Decision::Deny: return tr("Deny");
    case Decision::Rejected: return tr("Rejected");
    }
    return QString();
}

QString ExchangeText::severity(FindingSeverity severity)
{
    switch (severity) {
    case FindingSeverity::Info: return tr("Info");
    case FindingSeverity::Warning: return tr("Warning");
    case FindingSeverity::Error: return tr("Error");
    }
    return QString();
}

QString ExchangeText::outcome(DeliveryOutcome outcome)
{
    switch (outcome) {
    case DeliveryOutcome::Sent: return tr("Sent");
    case DeliveryOutcome::ClientGone: return tr("Client disconnected before the reply was written");
    case DeliveryOutcome::ClosedByRule: return tr("Connection closed without a reply, as set");
    case DeliveryOutcome::NeverAnswered: return tr("Never answered, until the client gave up");
    }
    return QString();
}

QString ExchangeText::encoding(BodyEncoding encoding)
{
    switch (encoding) {
    case BodyEncoding::None: return tr("none");
    case BodyEncoding::Json: return tr("JSON body");
    case BodyEncoding::Form: return tr("URL-encoded form body");
    case BodyEncoding::Query: return tr("query string");
    }
    return QString();
}

QString ExchangeText::metadataLayout(MetadataLayout layout)
{
    switch (layout) {
    case MetadataLayout::Absent: return tr("absent");
    case MetadataLayout::JsonObject: return tr("JSON object");
    case MetadataLayout::Bracket: return tr("bracket style, requestMetadata[remoteAddr]");
    case MetadataLayout::Dot: return tr("dot style, requestMetadata.remoteAddr");
    case MetadataLayout::JsonText: return tr("JSON text in one form field");
    }
    return QString();
}

QString ExchangeText::latency(qint64 micros)
{
    if (micros < 1000)
        return tr("%1 µs").arg(micros);
    return tr("%1 ms").arg(QLocale().toString(double(micros) / 1000.0, 'f', 2));
}

QString ExchangeText::logColumnTitle(int column)
{
    switch (column) {
    case RequestLogColumns::TimeColumn: return tr("Time");
    case RequestLogColumns::MethodColumn: return tr("Method");
    case RequestLogColumns::AssetColumn: return tr("Asset");
    case RequestLogColumns::UserColumn: return tr("User");
    case RequestLogColumns::SessionColumn: return tr("Session");
    case RequestLogColumns::DrmSchemeColumn: return tr("DRM scheme");
    case RequestLogColumns::ClientIpColumn: return tr("Client IP");
    case RequestLogColumns::DecisionColumn: return tr("Decision");
    case RequestLogColumns::StatusColumn: return tr("Status");
    case RequestLogColumns::LatencyColumn: return tr("Latency");
    default: return QString();
    }
}
