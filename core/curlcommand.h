// "Copy as curl": a POSIX sh command line that makes curl send the same
// request again: method, target, headers in their order and case (duplicates
// included) and the body bytes.
//
// Left out, because curl writes them itself: Content-Length, Host (unless
// keepHost), Expect and the hop-by-hop headers (Connection, Keep-Alive,
// Proxy-Connection, TE, Trailer, Transfer-Encoding, Upgrade). curl's own
// User-Agent, Accept and, with a body, Content-Type are switched off when the
// request had none. A body that is printable UTF-8 of up to 64 KiB goes in
// --data-binary '...'; any other body is piped in with printf octal escapes
// (--data-binary @-), so every byte arrives as it was. --globoff and
// --path-as-is keep brackets and dot segments in the target as they are.
#pragma once

#include "exchange.h"

#include <QString>

struct CurlOptions
{
    // scheme://host[:port] to send to; empty means http:// and the recorded Host header.
    QString baseUrl;
    // Send the recorded Host header even when baseUrl points elsewhere.
    bool keepHost = false;
    // Add --noproxy '*' so a proxy set in the environment is not used.
    bool noProxy = false;
    // Put each option on its own line, joined with " \" line continuations.
    bool multiline = false;
};

class CurlCommand
{
public:
    static QString build(const RawRequest &request, const CurlOptions &options);
    static QString build(const RawRequest &request) { return build(request, CurlOptions()); }

    // One shell word for the bytes: single-quoted when they are UTF-8 without
    // NUL, otherwise "$(printf '...')".
    static QString shellWord(const QByteArray &bytes);

    // The bytes as a printf format with every byte outside printable ASCII,
    // and every quote, backslash and percent sign, written as \ooo or %%.
    static QByteArray printfFormat(const QByteArray &bytes);
};
