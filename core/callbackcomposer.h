// Builds a callback request from its fields, encoded the ways a license
// server may send it: a JSON body, a URL-encoded form in each of the three
// requestMetadata layouts, or a GET query string.
#pragma once

#include "exchange.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

#include <optional>

enum class CallbackEncoding {
    Json,          // {"asset":…,"requestMetadata":{"remoteAddr":…}}
    FormBracket,   // asset=…&requestMetadata[remoteAddr]=…
    FormDot,       // asset=…&requestMetadata.remoteAddr=…
    FormJsonText,  // asset=…&requestMetadata={"remoteAddr":…}
    Query,         // GET with the bracket layout in the query string and no body
};

// The fields of one callback, as a person or a captured exchange gives them.
struct CallbackDraft
{
    // Required by the contract. Sent even when empty, unless named in omit.
    QString asset;
    QString user;
    QString session;

    // Optional: sent only when not empty.
    QString drmScheme;
    QString remoteAddr;   // requestMetadata.remoteAddr
    QString userAgent;    // requestMetadata.userAgent
    QString extraData;

    // Further top-level fields, sent after the contract's fields. In a form,
    // strings are sent as they are and other values as compact JSON text.
    QJsonObject extraFields;

    // Headers sent besides Content-Type. A Content-Type given here replaces
    // the one the encoding sets.
    HttpHeaders headers;

    // Names of contract fields to leave out entirely, for negative tests
    // such as a callback without "asset".
    QStringList omit;
};

// A request ready to send: the query string (without '?') and the body.
struct ComposedRequest
{
    QByteArray method;
    QByteArray query;
    HttpHeaders headers;
    QByteArray body;
};

class CallbackComposer
{
    Q_DECLARE_TR_FUNCTIONS(CallbackComposer)

public:
    // Encodes the draft. The method defaults to GET for Query and POST
    // otherwise; a method given here is used as it is.
    static ComposedRequest compose(const CallbackDraft &draft, CallbackEncoding encoding,
                                   const QByteArray &method = QByteArray());

    // The composed request as the responder would receive it, for the parser.
    static RawRequest toRawRequest(const ComposedRequest &request, const QByteArray &path = QByteArrayLiteral("/"));

    // A draft holding the fields of a parsed callback, unknown fields included.
    // NOTE: a callback that sent several assets keeps only the first one.
    static CallbackDraft fromCallback(const CallbackFields &callback);

    // Stable names used in suite files and on the command line:
    // json, form-bracket, form-dot, form-json-text, query.
    static QString encodingName(CallbackEncoding encoding);
    static std::optional<CallbackEncoding> encodingFromName(const QString &name);
    static QStringList encodingNames();

    static QByteArray contentType(CallbackEncoding encoding);
};
