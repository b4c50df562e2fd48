#include "decisionengine.h"

#include "callbackparser.h"
#include "ruleengine.h"

#include <QJsonDocument>

namespace {

const QByteArray JsonContentType = QByteArrayLiteral("application/json");
const QByteArray TextContentType = QByteArrayLiteral("text/plain; charset=utf-8");
const QByteArray HtmlContentType = QByteArrayLiteral("text/html; charset=utf-8");

// The body of a NotJson fault without a body of its own: an HTML page like
// those that proxies and web servers send.
const QByteArray DefaultNotJsonBody = QByteArrayLiteral("<html><body><h1>200 OK</h1></body></html>");

QByteArray compactJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// Appends text as a JSON string, as QJsonDocument writes it in compact form.
void appendJsonString(QByteArray *out, const QString &text)
{
    static const char hex[] = "0123456789abcdef";
    out->append('"');
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        switch (c) {
        case '"': out->append("\\\""); break;
        case '\\': out->append("\\\\"); break;
        case '\b': out->append("\\b"); break;
        case '\f': out->append("\\f"); break;
        case '\n': out->append("\\n"); break;
        case '\r': out->append("\\r"); break;
        case '\t': out->append("\\t"); break;
        default:
            if (uchar(c) < 0x20) {
                out->append("\\u00");
                out->append(hex[uchar(c) >> 4]);
                out->append(hex[uchar(c) & 0xf]);
            } else {
                out->append(c);
            }
            break;
        }
    }
    out->append('"');
}

// body is the serialized {"payload": CRT}, or null for a 200 without a CRT.
void setAllow(PlannedResponse *plan, const QByteArray *body)
{
    plan->decision = Decision::Allow;
    plan->response.status = 200;
    if (body) {
        plan->response.headers.append({QByteArrayLiteral("Content-Type"), JsonContentType});
        plan->response.body = *body;
    }
}

// Writes {"asset":...,"error":"denied","reason":...} without building a QJsonObject.
void setDeny(PlannedResponse *plan, int status, const QString &asset, const QString &reason)
{
    plan->decision = Decision::Deny;
    plan->response.status = status;
    plan->response.headers.append({QByteArrayLiteral("Content-Type"), JsonContentType});
    QByteArray &body = plan->response.body;
    body.reserve(48 + asset.size() + reason.size());
    body.append("{\"asset\":");
    appendJsonString(&body, asset);
    body.append(",\"error\":\"denied\",\"reason\":");
    appendJsonString(&body, reason);
    body.append('}');
}

// The default allow: the scheme's CRT, unless the settings turn the CRT off.
void setDefaultAllow(PlannedResponse *plan, const ResponseSettings &settings, const CallbackFields &callback)
{
    if (!settings.crtEnabled) {
        setAllow(plan, nullptr);
        return;
    }
    const QByteArray body = settings.payloadBody(callback.drmScheme);
    setAllow(plan, &body);
}

bool looksLikeJson(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    return error.error == QJsonParseError::NoError && !document.isNull();
}

void applyContentType(HttpResponse *response, const RuleAction &action)
{
    if (action.contentTypeMode == ContentTypeMode::Default)
        return;
    response->headers.removeIf([](const QPair<QByteArray, QByteArray> &header) {
        return header.first.compare("Content-Type", Qt::CaseInsensitive) == 0;
    });
    if (action.contentTypeMode == ContentTypeMode::Custom)
        response->headers.append({QByteArrayLiteral("Content-Type"), action.contentType.trimmed().toUtf8()});
}

void decideByAssets(PlannedResponse *plan, const ResponseSettings &settings, const CallbackFields &callback)
{
    // An explicit asset row wins over the default. With several assets in one
    // callback, any denied asset denies the callback.
    plan->decidedBy = QStringLiteral("default");
    QString deniedAsset;
    bool anyAllowed = false;
    for (const QString &asset : callback.assets) {
        const AssetMode mode = settings.assetMode(asset);
        if (mode == AssetMode::Deny) {
            deniedAsset = asset;
            break;
        }
        if (mode == AssetMode::Allow && !anyAllowed) {
            anyAllowed = true;
            plan->decidedBy = QStringLiteral("asset:") + asset;
        }
    }

    if (!deniedAsset.isEmpty()) {
        plan->decidedBy = QStringLiteral("asset:") + deniedAsset;
        setDeny(plan, settings.denyStatus, deniedAsset, QStringLiteral("asset is set to deny"));
    } else if (anyAllowed || settings.defaultDecision == Decision::Allow) {
        setDefaultAllow(plan, settings, callback);
    } else {
        setDeny(plan, settings.denyStatus, callback.asset, QStringLiteral("default decision is deny"));
    }
}

} // namespace

PlannedResponse DecisionEngine::decide(const ResponseSettings &settings, const CallbackFields &callback)
{
    return decide(settings, callback, RawRequest(), nullptr);
}

PlannedResponse DecisionEngine::decide(const ResponseSettings &settings, const CallbackFields &callback,
                                       const RawRequest &request, RuleEngine *ruleEngine)
{
    // Every callback counts, whatever decides it, so that rules added later
    // see the traffic that came before them.
    const std::shared_ptr<const CompiledRules> rules = settings.compiledRules();
    CallbackCounts counts;
    if (ruleEngine) {
        counts = ruleEngine->record(callback, rules->windowsMs());
    } else {
        counts.sessionsInWindow.resize(rules->windowsMs().size());
        std::fill(counts.sessionsInWindow.begin(), counts.sessionsInWindow.end(), 0);
    }

    PlannedResponse plan;
    switch (settings.masterSwitch) {
    case MasterSwitch::AllowAll:
        plan.decidedBy = QStringLiteral("master:allow-all");
        setDefaultAllow(&plan, settings, callback);
        return plan;
    case MasterSwitch::DenyAll:
        plan.decidedBy = QStringLiteral("master:deny-all");
        setDeny(&plan, settings.denyStatus, callback.asset, QStringLiteral("deny all is on"));
        return plan;
    case MasterSwitch::Off:
        break;
    }

    const int ruleIndex = rules->firstMatch(callback, request, counts);
    if (ruleIndex >= 0)
        return applyRule(settings, callback, rules->rules().at(ruleIndex), rules->payloadBody(ruleIndex));

    decideByAssets(&plan, settings, callback);
    return plan;
}

PlannedResponse DecisionEngine::applyRule(const ResponseSettings &settings, const CallbackFields &callback,
                                          const Rule &rule)
{
    return applyRule(settings, callback, rule, QByteArray());
}

PlannedResponse DecisionEngine::applyRule(const ResponseSettings &settings, const CallbackFields &callback,
                                          const Rule &rule, const QByteArray &rulePayloadBody)
{
    const RuleAction &action = rule.action;
    auto ownPayloadBody = [&]() {
        if (!rulePayloadBody.isEmpty())
            return rulePayloadBody;
        if (action.kind == ActionKind::BrokenCrt && action.crt.isEmpty())
            return crtPayloadBody(Rules::brokenCrtExample());
        return crtPayloadBody(action.crt);
    };
    PlannedResponse plan;
    plan.decidedBy = QStringLiteral("rule:") + rule.name;
    plan.ruleId = rule.id;
    plan.delayMs = qBound(0, action.delayMs, RuleAction::MaxDelayMs);

    switch (action.kind) {
    case ActionKind::Allow: {
        QByteArray body;
        switch (action.crtSource) {
        case CrtSource::Default: body = settings.payloadBody(DrmScheme::None); break;
        case CrtSource::Scheme: body = settings.payloadBody(callback.drmScheme); break;
        case CrtSource::Rule: body = ownPayloadBody(); break;
        case CrtSource::None: break;
        }
        setAllow(&plan, action.crtSource == CrtSource::None ? nullptr : &body);
        break;
    }

    case ActionKind::Deny:
        if (action.customBody) {
            plan.decision = Decision::Deny;
            plan.response.status = action.status;
            plan.response.body = action.body.toUtf8();
            plan.response.headers.append({QByteArrayLiteral("Content-Type"),
                                          looksLikeJson(plan.response.body) ? JsonContentType : TextContentType});
        } else {
            setDeny(&plan, action.status, callback.asset, QStringLiteral("rule %1").arg(rule.name));
        }
        // Only a 200 lets the license server grant a license, whatever the rule is called.
        if (action.status == 200)
            plan.decision = Decision::Allow;
        break;

    case ActionKind::CloseConnection:
    case ActionKind::NeverReply:
        plan.decision = Decision::Deny;
        plan.response.status = 0;
        plan.delivery = action.kind == ActionKind::CloseConnection ? ReplyDelivery::CloseWithoutReply
                                                                   : ReplyDelivery::NeverReply;
        return plan;

    case ActionKind::EmptyBody:
        plan.decision = Decision::Allow;
        plan.response.status = 200;
        plan.response.headers.append({QByteArrayLiteral("Content-Type"), JsonContentType});
        break;

    case ActionKind::NotJson:
        plan.decision = Decision::Allow;
        plan.response.status = 200;
        plan.response.body = action.body.isEmpty() ? DefaultNotJsonBody : action.body.toUtf8();
        plan.response.headers.append({QByteArrayLiteral("Content-Type"), HtmlContentType});
        break;

    case ActionKind::BrokenCrt: {
        const QByteArray body = ownPayloadBody();
        setAllow(&plan, &body);
        break;
    }
    }

    applyContentType(&plan.response, action);
    if (action.trickle) {
        plan.delivery = ReplyDelivery::Trickle;
        plan.trickleChunkBytes = qMax(1, action.trickleChunkBytes);
        plan.trickleIntervalMs = qMax(0, action.trickleIntervalMs);
    }
    return plan;
}

HttpResponse DecisionEngine::rejection(const ParseResult &parse)
{
    QJsonObject body{
        {QStringLiteral("error"), parse.errorCode},
        {QStringLiteral("message"), parse.errorMessage},
    };
    if (!parse.errorField.isEmpty())
        body.insert(QStringLiteral("field"), parse.errorField);
    if (parse.errorOffset >= 0)
        body.insert(QStringLiteral("offset"), parse.errorOffset);

    HttpResponse response;
    response.status = 400;
    response.headers.append({QByteArrayLiteral("Content-Type"), JsonContentType});
    response.body = compactJson(body);
    return response;
}
