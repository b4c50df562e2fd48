// Turns a received HTTP request into callback fields and contract findings,
// tolerating the variants the license server is known to send.
#pragma once

#include "exchange.h"

#include <QCoreApplication>

// Finding codes the parser emits. They are stable identifiers that filters,
// exports and tests rely on, so never rename one.
//
//   missing-field         a required field (asset, user, session) is absent
//   wrong-type            a field has another JSON type than the contract's
//   empty-value           a required field, or drmScheme, is an empty string
//   invalid-json          the body is not a JSON object
//   invalid-form          the body or query string is not a valid URL-encoded form
//   field-alias           "assets" was read as "asset"
//   asset-array           asset holds a list of assets
//   unknown-drm-scheme    drmScheme is not a DRM scheme the contract names
//   drm-scheme-spelling   drmScheme names a known scheme in a non-canonical spelling
//   unknown-field         fields the contract does not name (kept, never dropped)
//   content-type-missing  no Content-Type header, the body was sniffed
//   content-type-mismatch the Content-Type does not match the body
//   charset-not-utf8      Content-Type declares a charset other than UTF-8
//   invalid-utf8          bytes that are not valid UTF-8, replaced with U+FFFD
//   invalid-ip            requestMetadata.remoteAddr is not an IP address
//   damaged-base64        a base64 value whose '+' became a space in form decoding
//   damaged-jwt           a JWT-shaped value whose '+' became a space in form decoding
//   duplicate-field       a form or query string sends one field several times
//   metadata-json-text    a JSON body sends requestMetadata as a string holding JSON
//   custom-data           the decoded custom-data header
//   custom-data-invalid   a custom-data header that is not base64 of a JSON object
//   custom-data-mismatch  custom-data names another user or session than the body
//   empty-body            a POST or PUT without a body, read from the query string
//   query-ignored         a query string next to a body, which is what was read
//   more-findings         the count of findings left out past the per-code limit
struct ParseResult
{
    CallbackFields callback;
    Findings findings;

    // Set when the request cannot be answered as a callback; the responder
    // then replies 400 with these details.
    bool rejected = false;
    QString errorCode;       // "missing-field", "invalid-json", "invalid-form", "wrong-type"
    QString errorField;      // the field at fault, if any
    QString errorMessage;    // plain English for the 400 body; the error finding has it translated
    qint64 errorOffset = -1; // byte offset of a syntax error, into the body or, for a
                             // callback read from the query string, into the query string
};

class CallbackParser
{
    Q_DECLARE_TR_FUNCTIONS(CallbackParser)

public:
    // Findings of one code past this count are summarized in one more-findings entry.
    static constexpr int MaxFindingsPerCode = 20;

    // Parses the body (JSON or URL-encoded form, chosen by Content-Type and
    // sniffing) or, for a request without a body, the query string.
    static ParseResult parse(const RawRequest &request);

    // Maps drmScheme text to a scheme: the documented spellings and their
    // case and separator variants give a known scheme, empty text gives None,
    // anything else Other.
    static DrmScheme schemeFromText(const QString &text);

    // Returns true for the spellings the vendor documents or sends itself:
    // WIDEVINE, WIDE_VINE, WIDEVINE_MODULAR, FAIRPLAY, PLAYREADY.
    static bool isCanonicalSchemeSpelling(const QString &text);
};
