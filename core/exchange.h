// Data types for one callback exchange: the request as received, the parsed
// callback fields, the contract findings and the response sent.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>
#include <QStringList>

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

// Returns the first value of a header, matching the name case-insensitively.
QByteArray headerValue(const HttpHeaders &headers, QByteArrayView name);

struct RawRequest
{
    QByteArray method;       // as written on the request line
    QByteArray target;       // request-target as written: path and query
    QByteArray httpVersion;  // "HTTP/1.1", "HTTP/1.0"
    HttpHeaders headers;     // in the order received, names in their original case
    QByteArray body;
    QString peerAddress;
    quint16 peerPort = 0;
    QDateTime receivedAt;    // UTC

    QByteArray header(QByteArrayView name) const { return headerValue(headers, name); }
    QByteArray path() const;
    QByteArray query() const;
};

enum class FindingSeverity { Info, Warning, Error };

// A place where a callback, or a reply, departs from the callback contract.
struct Finding
{
    FindingSeverity severity = FindingSeverity::Warning;
    QString code;     // stable identifier, e.g. "missing-field"
    QString field;    // field path the finding is about, may be empty
    QString message;  // translated text for people

    bool operator==(const Finding &other) const
    {
        return severity == other.severity && code == other.code && field == other.field;
    }
};
using Findings = QList<Finding>;

enum class DrmScheme { None, Widevine, FairPlay, PlayReady, Other };

enum class BodyEncoding { None, Json, Form, Query };

// Layout of requestMetadata in a URL-encoded body or query string.
enum class MetadataLayout { Absent, JsonObject, Bracket, Dot, JsonText };

// The callback fields the license server sent, after tolerant parsing.
struct CallbackFields
{
    QString asset;           // first asset when an array was sent
    QStringList assets;      // every asset sent; one entry for the usual string
    QString user;
    QString session;
    QString drmSchemeText;   // as sent, empty when absent
    DrmScheme drmScheme = DrmScheme::None;
    QString remoteAddr;
    QString userAgent;
    QString extraData;
    QJsonObject fields;         // every field as parsed, forms converted to JSON
    QJsonObject unknownFields;  // fields the contract does not name, kept as sent
    // True while fields is exactly the JSON object in request.body, so the
    // request log stores the body instead of serializing fields.
    bool fieldsAreBody = false;
    BodyEncoding encoding = BodyEncoding::None;
    MetadataLayout metadataLayout = MetadataLayout::Absent;
};

enum class Decision { Allow, Deny, Rejected };

struct HttpResponse
{
    int status = 200;
    HttpHeaders headers;
    QByteArray body;
};

// Fate of the reply on the wire.
enum class DeliveryOutcome {
    Sent,          // the whole response was written
    ClientGone,    // the client disconnected before the response was written
    ClosedByRule,  // the connection was closed without a reply on purpose
    NeverAnswered, // held without a reply until the client gave up
};

struct Exchange
{
    quint64 id = 0;
    RawRequest request;
    CallbackFields callback;
    Findings findings;          // about the request and about the reply sent
    Decision decision = Decision::Rejected;
    QString decidedBy;          // "asset:<id>", "default", "parse-error", ...
    quint64 settingsRevision = 0;
    HttpResponse response;
    DeliveryOutcome outcome = DeliveryOutcome::Sent;
    qint64 latencyMicros = 0;   // from the end of the request to the last byte handed to the socket
};

QString drmSchemeName(DrmScheme scheme);
QString decisionName(Decision decision);
QString bodyEncodingName(BodyEncoding encoding);
QString metadataLayoutName(MetadataLayout layout);
QString severityName(FindingSeverity severity);
QString deliveryOutcomeName(DeliveryOutcome outcome);

Q_DECLARE_METATYPE(Exchange)
Q_DECLARE_METATYPE(QList<Exchange>)
