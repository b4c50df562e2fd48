#include "callbackresponder.h"

#include "callbackparser.h"
#include "crt.h"
#include "decisionengine.h"
#include "settingsstore.h"

#include <QJsonDocument>
#include <QJsonObject>

CallbackResponder::CallbackResponder(SettingsStore *store)
    : m_store(store)
{
}

ReplyPlan CallbackResponder::respond(RawRequest &&request)
{
    ReplyPlan plan;
    Exchange &exchange = plan.exchange;
    exchange.id = m_nextId.fetch_add(1, std::memory_order_relaxed);
    exchange.request = std::move(request);

    const std::shared_ptr<const ResponseSettings> settings = m_store->snapshot();
    exchange.settingsRevision = settings->revision;

    // A configured callback path limits which requests are callbacks at all.
    const QString &callbackPath = settings->server.path;
    if (!callbackPath.isEmpty()) {
        const QString path = QString::fromUtf8(QByteArray::fromPercentEncoding(exchange.request.path()));
        const QString expectedPath = callbackPath.startsWith(QLatin1Char('/')) ? callbackPath : QLatin1Char('/') + callbackPath;
        if (path != expectedPath) {
            exchange.decision = Decision::Rejected;
            exchange.decidedBy = QStringLiteral("path");
            exchange.response.status = 404;
            exchange.response.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
            exchange.response.body = QJsonDocument(QJsonObject{
                                                       {QStringLiteral("error"), QStringLiteral("not-found")},
                                                       {QStringLiteral("message"),
                                                        QStringLiteral("the callback path is %1").arg(expectedPath)},
                                                   })
                                         .toJson(QJsonDocument::Compact);
            exchange.findings.append(Finding{FindingSeverity::Error, QStringLiteral("wrong-path"), QString(),
                                             tr("Request path %1 is not the callback path %2").arg(path, expectedPath)});
            return plan;
        }
    }

    // The license server may be set to GET, POST or PUT; nothing else is a callback.
    const QByteArray &method = exchange.request.method;
    if (method != "GET" && method != "POST" && method != "PUT") {
        exchange.decision = Decision::Rejected;
        exchange.decidedBy = QStringLiteral("method");
        exchange.response.status = 405;
        exchange.response.headers = {{QByteArrayLiteral("Allow"), QByteArrayLiteral("GET, POST, PUT")},
                                     {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}};
        exchange.response.body = QJsonDocument(QJsonObject{
                                                   {QStringLiteral("error"), QStringLiteral("method-not-allowed")},
                                                   {QStringLiteral("message"),
                                                    QStringLiteral("callbacks use GET, POST or PUT, not %1")
                                                        .arg(QString::fromLatin1(method))},
                                               })
                                     .toJson(QJsonDocument::Compact);
        exchange.findings.append(Finding{FindingSeverity::Error, QStringLiteral("wrong-method"), QString(),
                                         tr("Method %1 is not one a callback uses (GET, POST, PUT)")
                                             .arg(QString::fromLatin1(method))});
        return plan;
    }

    ParseResult parse = CallbackParser::parse(exchange.request);
    exchange.callback = std::move(parse.callback);
    exchange.findings = std::move(parse.findings);
    if (parse.rejected) {
        exchange.decision = Decision::Rejected;
        exchange.decidedBy = QStringLiteral("parse-error");
        exchange.response = DecisionEngine::rejection(parse);
        return plan;
    }

    m_store->noteAssets(exchange.callback.assets);

    // The response is complete here, before any delay: an edit made while
    // the reply waits does not change it.
    PlannedResponse decided = DecisionEngine::decide(*settings, exchange.callback, exchange.request,
                                                     m_store->ruleEngine());
    exchange.decision = decided.decision;
    exchange.decidedBy = std::move(decided.decidedBy);
    exchange.response = std::move(decided.response);
    plan.delayMs = decided.delayMs;
    plan.delivery = decided.delivery;
    plan.trickleChunkBytes = decided.trickleChunkBytes;
    plan.trickleIntervalMs = decided.trickleIntervalMs;

    // Check every 200 that goes out as the license server would read it,
    // faults included, so the exchange shows what the rule broke.
    const bool sendsReply = plan.delivery == ReplyDelivery::Normal || plan.delivery == ReplyDelivery::Trickle;
    if (sendsReply && exchange.response.status == 200)
        exchange.findings += replyFindings(exchange.response.body);
    return plan;
}

// Validating a CRT costs about as much as parsing the callback, yet the same
// few reply bodies (default and per-scheme CRTs) go out again and again.
const Findings &CallbackResponder::replyFindings(const QByteArray &body)
{
    for (const ValidatedReply &cached : m_validatedReplies) {
        if (cached.body == body)
            return cached.findings;
    }
    if (m_validatedReplies.size() >= MaxValidatedReplies)
        m_validatedReplies.removeFirst();
    m_validatedReplies.append(ValidatedReply{body, Crt::validateReplyBody(200, body)});
    return m_validatedReplies.constLast().findings;
}
