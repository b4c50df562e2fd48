// One callback to replay with the response it is expected to get, the
// options of a replay run, and the per-row result with its comparison
// against the expectation. ReplayComparison holds the comparison rules so they can be
// tested without sockets.
#pragma once

#include "callbackcomposer.h"
#include "exchange.h"
#include "jsondiff.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QMetaType>
#include <QUrl>

#include <optional>

enum class ExpectationSource {
    None,      // no expectation: any HTTP response matches, but contract findings still count
    Recorded,  // the response recorded with the capture
    Manual,    // set by hand: a decision, optionally a status and CRT fields
};

// The response a replayed callback should get.
struct ReplayExpectation
{
    ExpectationSource source = ExpectationSource::None;

    // The expected decision. A response with status 200 is allow, and any
    // other status is deny.
    Decision decision = Decision::Allow;

    // The expected status; 0 accepts any status that gives the decision.
    int status = 0;

    // Recorded: the body recorded with the capture. When set, the reply body
    // must equal it (structurally for JSON bodies, byte for byte otherwise).
    std::optional<QByteArray> body;

    // Manual: CRT fields the reply's "payload" object must carry with these
    // values. Fields not named here are not compared. Empty: not checked.
    QJsonObject crt;

    // An expectation of the response an exchange recorded.
    static ReplayExpectation recorded(int status, const QByteArray &body);
    static ReplayExpectation manual(Decision decision, int status = 0, const QJsonObject &crt = QJsonObject());
};

// A callback request to replay.
struct ReplayRequest
{
    QString id;                  // name shown in reports, e.g. "exchange 12" or "entry 3"
    QString origin;              // where it was read from, e.g. "capture.har entry 3"
    QByteArray method = QByteArrayLiteral("POST");
    // The URL the callback went to. Only scheme, host, port and path are
    // used, and only when the run has no target of its own. May be empty.
    QUrl url;
    QByteArray query;            // query string as sent, without '?'
    HttpHeaders headers;         // as sent; hop-by-hop headers are dropped when sending
    QByteArray body;
    ReplayExpectation expect;
    // The reason the request cannot be sent as recorded, such as a body cut
    // when it was logged. A runner reports such a request as an
    // invalid-request error without sending it. Empty for a sendable request.
    QString unsendable;

    // The request of an exchange, expecting the response that was recorded.
    static ReplayRequest fromExchange(const Exchange &exchange);

    // A request made by the composer, with the given expectation.
    static ReplayRequest fromComposed(const ComposedRequest &composed, const ReplayExpectation &expect = {});

    // The request as the responder would receive it, for CallbackParser::parse().
    RawRequest toRawRequest() const;
};

// Severity threshold of the contract findings on the reply's CRT that make a row differ.
enum class ContractCheck {
    Off,       // findings are listed but never make a row differ
    Errors,    // findings of severity error make a row differ
    Warnings,  // findings of severity warning or error make a row differ (misspelt fields are warnings)
};

// Settings of one replay run. Every field applies to every request.
struct ReplayOptions
{
    static constexpr int MaxConcurrency = 256;
    static constexpr int MaxRepeat = 1000000;

    // Target URL of every callback: the built-in responder (for example
    // http://127.0.0.1:8080/) or any http or https URL. The request's own
    // query string is appended. Empty: each request's own URL.
    QUrl target;
    int concurrency = 8;           // requests in flight at once, 1 to 256
    double rate = 0;               // requests started per second, 0 for no limit
    int timeoutMs = 10000;         // per request, from sending until the whole reply arrived
    int repeat = 1;                // times the whole list is sent
    int budgetMs = 0;              // latency budget per request, 0 for none
    bool strictBudget = false;     // a response over budget differs instead of only being a finding
    ContractCheck contractCheck = ContractCheck::Warnings;
    bool parity = false;           // also send each callback in the other encoding and compare decisions
    bool insecure = false;         // accept TLS certificates that fail verification
    QByteArray method;             // replaces each request's method when not empty
    std::optional<CallbackEncoding> encoding;  // re-encodes each callback when set
    HttpHeaders headers;           // added, or replacing sent headers of the same name

    // Returns an empty string when valid, else what is wrong, naming the option.
    QString validate() const;
};

enum class ReplayOutcome { Matched, Differed, Error };

// Reason a row has no response to compare.
enum class ReplayError {
    None,
    InvalidRequest,     // the request cannot be sent: no target, unsupported scheme, cannot re-encode
    HostNotFound,
    ConnectionRefused,
    Unreachable,        // network or host unreachable, or another socket error
    Timeout,            // no complete reply within the timeout
    ConnectionClosed,   // the connection closed before a complete reply
    NotHttp,            // the reply is not HTTP/1.x
    Redirect,           // a 3xx reply; not followed, Location is kept
    Tls,                // TLS handshake or certificate error
    TooLarge,           // reply headers or body over the client's limits
    Canceled,
};

// Ways a reply can differ from its expectation; a row lists every one that applies.
namespace MismatchCode {
inline const QString Status = QStringLiteral("status");
inline const QString Decision = QStringLiteral("decision");
inline const QString Body = QStringLiteral("body");
inline const QString Crt = QStringLiteral("crt");
inline const QString Contract = QStringLiteral("contract");
inline const QString Budget = QStringLiteral("budget");
inline const QString Parity = QStringLiteral("parity");
} // namespace MismatchCode

// Response to a parity send: the same callback in the other encoding.
struct ParityCheck
{
    bool checked = false;
    CallbackEncoding encoding = CallbackEncoding::Json;
    ReplayError error = ReplayError::None;
    QString errorMessage;
    int status = 0;
    Decision decision = Decision::Deny;
};

// One replayed request: what was expected, what came back, and how they compare.
struct ReplayResult
{
    int requestIndex = -1;
    int iteration = 0;          // 0-based repeat number
    QString requestId;
    QByteArray method;
    QUrl url;                   // the URL the request was sent to

    ReplayOutcome outcome = ReplayOutcome::Error;
    ReplayError error = ReplayError::None;
    QString errorMessage;       // translated; set when error != None
    QByteArray location;        // Location header of a redirect

    ExpectationSource expectationSource = ExpectationSource::None;
    int expectedStatus = 0;     // 0: any status giving the expected decision
    Decision expectedDecision = Decision::Allow;

    int status = 0;             // 0 when there was no HTTP response
    QByteArray reasonPhrase;
    HttpHeaders responseHeaders;
    QByteArray responseBody;
    Decision decision = Decision::Deny;  // 200 is allow, anything else deny
    qint64 latencyMicros = 0;   // from sending (connecting included) to the last byte of the reply
    bool overBudget = false;

    QStringList mismatches;     // MismatchCode values, empty when matched
    JsonDiff bodyDiff;          // expected body (or CRT fields) against the reply
    Findings findings;          // contract findings on the reply's CRT, budget, parity
    ParityCheck parity;

    // One line for people: outcome, status and decision, the mismatches or the error.
    QString summaryLine() const;
};

// Totals of a run.
struct ReplaySummary
{
    int total = 0;       // rows reported
    int matched = 0;
    int differed = 0;
    int errors = 0;
    int requestsSent = 0;
    bool canceled = false;
    qint64 elapsedMs = 0;
};

// Counts while a run goes on. queued + inFlight + done == total until a
// cancel, which sets queued to 0.
struct ReplayProgress
{
    int total = 0;
    int queued = 0;
    int inFlight = 0;
    int done = 0;
    int matched = 0;
    int differed = 0;
    int errors = 0;
};

// Comparison of a reply with its expectation.
class ReplayComparison
{
    Q_DECLARE_TR_FUNCTIONS(ReplayComparison)

public:
    // Decision of a response: 200 is allow, any other status deny.
    static Decision decisionForStatus(int status) { return status == 200 ? Decision::Allow : Decision::Deny; }

    // Fills decision, mismatches, bodyDiff, findings and outcome of a result
    // whose status, body and latency are set. Uses the options' budgetMs,
    // strictBudget and contractCheck; the other options play no part.
    static void evaluate(const ReplayExpectation &expect, const ReplayOptions &options, ReplayResult *result);

    // Records a parity response on a result and marks a differing decision.
    static void applyParity(const ParityCheck &parity, ReplayResult *result);
};

QString expectationSourceName(ExpectationSource source);
std::optional<ExpectationSource> expectationSourceFromName(const QString &name);
QString replayOutcomeName(ReplayOutcome outcome);
QString replayErrorName(ReplayError error);
QString contractCheckName(ContractCheck check);  // off, error, warning
std::optional<ContractCheck> contractCheckFromName(const QString &name);

Q_DECLARE_METATYPE(ReplayResult)
Q_DECLARE_METATYPE(ReplayProgress)
Q_DECLARE_METATYPE(ReplaySummary)
