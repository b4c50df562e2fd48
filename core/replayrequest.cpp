#include "replayrequest.h"

#include "crt.h"

#include <QJsonDocument>

ReplayExpectation ReplayExpectation::recorded(int status, const QByteArray &body)
{
    ReplayExpectation expect;
    expect.source = ExpectationSource::Recorded;
    expect.status = status;
    expect.decision = ReplayComparison::decisionForStatus(status);
    expect.body = body;
    return expect;
}

ReplayExpectation ReplayExpectation::manual(Decision decision, int status, const QJsonObject &crt)
{
    ReplayExpectation expect;
    expect.source = ExpectationSource::Manual;
    expect.decision = decision;
    expect.status = status;
    expect.crt = crt;
    return expect;
}

ReplayRequest ReplayRequest::fromExchange(const Exchange &exchange)
{
    ReplayRequest request;
    request.id = QStringLiteral("exchange %1").arg(exchange.id);
    request.origin = request.id;
    request.method = exchange.request.method;
    request.query = exchange.request.query();
    request.headers = exchange.request.headers;
    request.body = exchange.request.body;

    const QByteArray host = exchange.request.header("Host");
    if (!host.isEmpty()) {
        request.url = QUrl(QStringLiteral("http://%1%2")
                               .arg(QString::fromLatin1(host), QString::fromUtf8(exchange.request.path())));
    } else {
        request.url.setPath(QString::fromUtf8(QByteArray::fromPercentEncoding(exchange.request.path())));
    }

    // NOTE: an exchange closed or held without a reply (or a HAR entry with
    // status 0) recorded no response, so it gets no expectation rather than
    // an expected error.
    if (exchange.outcome == DeliveryOutcome::Sent && exchange.response.status >= 100) {
        request.expect = ReplayExpectation::recorded(exchange.response.status, exchange.response.body);
        // No body goes on the wire for HEAD, though older logs kept the planned one.
        if (exchange.request.method == "HEAD")
            request.expect.body.reset();
    }
    return request;
}

ReplayRequest ReplayRequest::fromComposed(const ComposedRequest &composed, const ReplayExpectation &expect)
{
    ReplayRequest request;
    request.method = composed.method;
    request.query = composed.query;
    request.headers = composed.headers;
    request.body = composed.body;
    request.expect = expect;
    return request;
}

RawRequest ReplayRequest::toRawRequest() const
{
    RawRequest raw;
    raw.method = method;
    QByteArray path = url.path(QUrl::FullyEncoded).toUtf8();
    if (path.isEmpty())
        path = QByteArrayLiteral("/");
    raw.target = query.isEmpty() ? path : path + '?' + query;
    raw.httpVersion = QByteArrayLiteral("HTTP/1.1");
    raw.headers = headers;
    raw.body = body;
    raw.receivedAt = QDateTime::currentDateTimeUtc();
    return raw;
}

QString ReplayOptions::validate() const
{
    if (!target.isEmpty()) {
        const QString scheme = target.scheme();
        if (!target.isValid() || target.host().isEmpty()
            || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
            return ReplayComparison::tr("invalid target '%1': give an http or https URL such as http://127.0.0.1:8080/")
                .arg(target.toString());
    }
    if (concurrency < 1 || concurrency > MaxConcurrency)
        return ReplayComparison::tr("invalid concurrency %1: give a number from 1 to %2").arg(concurrency).arg(MaxConcurrency);
    if (rate < 0)
        return ReplayComparison::tr("invalid rate %1: give requests per second, 0 for no limit").arg(rate);
    if (timeoutMs < 1)
        return ReplayComparison::tr("invalid timeout %1 ms: give a positive number of milliseconds").arg(timeoutMs);
    if (repeat < 1 || repeat > MaxRepeat)
        return ReplayComparison::tr("invalid repeat count %1: give a number from 1 to %2").arg(repeat).arg(MaxRepeat);
    if (budgetMs < 0)
        return ReplayComparison::tr("invalid budget %1 ms: give milliseconds, 0 for no budget").arg(budgetMs);
    if (!method.isEmpty() && method != "GET" && method != "POST" && method != "PUT")
        return ReplayComparison::tr("invalid method '%1': give GET, POST or PUT").arg(QString::fromLatin1(method));
    return QString();
}

QString ReplayResult::summaryLine() const
{
    if (outcome == ReplayOutcome::Error) {
        QString line = ReplayComparison::tr("error %1: %2").arg(replayErrorName(error), errorMessage);
        return line;
    }

    const QString actual = QStringLiteral("%1 %2").arg(status).arg(decisionName(decision));
    if (outcome == ReplayOutcome::Matched)
        return ReplayComparison::tr("matched: %1").arg(actual);

    const QString expected = expectedStatus != 0
        ? QStringLiteral("%1 %2").arg(expectedStatus).arg(decisionName(expectedDecision))
        : decisionName(expectedDecision);
    return ReplayComparison::tr("differed (%1): expected %2, got %3")
        .arg(mismatches.join(QStringLiteral(", ")), expected, actual);
}

void ReplayComparison::evaluate(const ReplayExpectation &expect, const ReplayOptions &options, ReplayResult *result)
{
    const int budgetMs = options.budgetMs;
    const bool strictBudget = options.strictBudget;
    result->decision = decisionForStatus(result->status);
    result->expectationSource = expect.source;
    result->expectedStatus = expect.status;
    result->expectedDecision = expect.decision;
    result->mismatches.clear();

    // Status and decision against the expectation.
    if (expect.source != ExpectationSource::None) {
        if (expect.status != 0 && result->status != expect.status)
            result->mismatches.append(MismatchCode::Status);
        if (result->decision != expect.decision)
            result->mismatches.append(MismatchCode::Decision);
    }

    // The body recorded with the capture, or the CRT fields set by hand.
    if (expect.source != ExpectationSource::None && expect.body) {
        result->bodyDiff = JsonDiff::compareBodies(*expect.body, result->responseBody);
        if (!result->bodyDiff.isEmpty())
            result->mismatches.append(MismatchCode::Body);
    } else if (expect.source != ExpectationSource::None && !expect.crt.isEmpty()) {
        const QJsonObject reply = QJsonDocument::fromJson(result->responseBody).object();
        const QJsonObject payload = reply.value(QStringLiteral("payload")).toObject();
        QJsonObject compared;
        for (auto it = expect.crt.constBegin(); it != expect.crt.constEnd(); ++it) {
            if (payload.contains(it.key()))
                compared.insert(it.key(), payload.value(it.key()));
        }
        result->bodyDiff = JsonDiff::compare(QJsonObject{{QStringLiteral("payload"), expect.crt}},
                                             QJsonObject{{QStringLiteral("payload"), compared}});
        if (!result->bodyDiff.isEmpty())
            result->mismatches.append(MismatchCode::Crt);
    }

    // The CRT in the reply as the license server would read it.
    const Findings contract = Crt::validateReplyBody(result->status, result->responseBody);
    result->findings += contract;
    for (const Finding &finding : contract) {
        const bool counts = (options.contractCheck == ContractCheck::Errors && finding.severity == FindingSeverity::Error)
            || (options.contractCheck == ContractCheck::Warnings && finding.severity != FindingSeverity::Info);
        if (counts) {
            result->mismatches.append(MismatchCode::Contract);
            break;
        }
    }

    // Latency against the budget.
    if (budgetMs > 0 && result->latencyMicros > qint64(budgetMs) * 1000) {
        result->overBudget = true;
        result->findings.append(Finding{strictBudget ? FindingSeverity::Error : FindingSeverity::Warning,
                                        QStringLiteral("over-budget"), QString(),
                                        tr("Answered in %1 ms, over the budget of %2 ms")
                                            .arg(double(result->latencyMicros) / 1000.0, 0, 'f', 1)
                                            .arg(budgetMs)});
        if (strictBudget)
            result->mismatches.append(MismatchCode::Budget);
    }

    result->outcome = result->mismatches.isEmpty() ? ReplayOutcome::Matched : ReplayOutcome::Differed;
}

void ReplayComparison::applyParity(const ParityCheck &parity, ReplayResult *result)
{
    result->parity = parity;
    if (!parity.checked || result->outcome == ReplayOutcome::Error)
        return;

    const QString encoding = CallbackComposer::encodingName(parity.encoding);
    if (parity.error != ReplayError::None) {
        result->findings.append(Finding{FindingSeverity::Error, QStringLiteral("parity-error"), QString(),
                                        tr("The callback sent as %1 got no response: %2")
                                            .arg(encoding, parity.errorMessage)});
    } else if (parity.decision != result->decision) {
        result->findings.append(Finding{FindingSeverity::Error, QStringLiteral("parity-differs"), QString(),
                                        tr("The callback sent as %1 got %2 (%3), the original got %4 (%5)")
                                            .arg(encoding, decisionName(parity.decision))
                                            .arg(parity.status)
                                            .arg(decisionName(result->decision))
                                            .arg(result->status)});
    } else {
        return;
    }
    result->mismatches.append(MismatchCode::Parity);
    result->outcome = ReplayOutcome::Differed;
}

QString expectationSourceName(ExpectationSource source)
{
    switch (source) {
    case ExpectationSource::None: return QStringLiteral("none");
    case ExpectationSource::Recorded: return QStringLiteral("recorded");
    case ExpectationSource::Manual: return QStringLiteral("manual");
    }
    return QString();
}

std::optional<ExpectationSource> expectationSourceFromName(const QString &name)
{
    for (ExpectationSource source : {ExpectationSource::None, ExpectationSource::Recorded, ExpectationSource::Manual}) {
        if (expectationSourceName(source) == name)
            return source;
    }
    return std::nullopt;
}

QString replayOutcomeName(ReplayOutcome outcome)
{
    switch (outcome) {
    case ReplayOutcome::Matched: return QStringLiteral("matched");
    case ReplayOutcome::Differed: return QStringLiteral("differed");
    case ReplayOutcome::Error: return QStringLiteral("error");
    }
    return QString();
}

QString replayErrorName(ReplayError error)
{
    switch (error) {
    case ReplayError::None: return QStringLiteral("none");
    case ReplayError::InvalidRequest: return QStringLiteral("invalid-request");
    case ReplayError::HostNotFound: return QStringLiteral("host-not-found");
    case ReplayError::ConnectionRefused: return QStringLiteral("connection-refused");
    case ReplayError::Unreachable: return QStringLiteral("unreachable");
    case ReplayError::Timeout: return QStringLiteral("timeout");
    case ReplayError::ConnectionClosed: return QStringLiteral("connection-closed");
    case ReplayError::NotHttp: return QStringLiteral("not-http");
    case ReplayError::Redirect: return QStringLiteral("redirect");
    case ReplayError::Tls: return QStringLiteral("tls");
    case ReplayError::TooLarge: return QStringLiteral("too-large");
    case ReplayError::Canceled: return QStringLiteral("canceled");
    }
    return QString();
}

QString contractCheckName(ContractCheck check)
{
    switch (check) {
    case ContractCheck::Off: return QStringLiteral("off");
    case ContractCheck::Errors: return QStringLiteral("error");
    case ContractCheck::Warnings: return QStringLiteral("warning");
    }
    return QString();
}

std::optional<ContractCheck> contractCheckFromName(const QString &name)
{
    for (ContractCheck check : {ContractCheck::Off, ContractCheck::Errors, ContractCheck::Warnings}) {
        if (contractCheckName(check) == name)
            return check;
    }
    return std::nullopt;
}
