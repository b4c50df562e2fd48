#include "decisionengine.h"

#include "callbackparser.h"

#include <QJsonDocument>

namespace {

const QByteArray JsonContentType = QByteArrayLiteral("application/json");

QByteArray compactJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

PlannedResponse DecisionEngine::decide(const ResponseSettings &settings, const CallbackFields &callback)
{
    PlannedResponse plan;

    // An explicit asset row wins over the default. With several assets in one
    // callback, any denied asset denies the callback.
    Decision decision = settings.defaultDecision;
    plan.decidedBy = QStringLiteral("default");
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
            plan.decidedBy = QStringLiteral("asset:") + asset;
        }
    }
    if (!deniedAsset.isEmpty()) {
        decision = Decision::Deny;
        plan.decidedBy = QStringLiteral("asset:") + deniedAsset;
    } else if (anyAllowed) {
        decision = Decision::Allow;
    }

    plan.decision = decision;
    if (decision == Decision::Allow) {
        plan.response.status = 200;
        if (settings.crtEnabled) {
            plan.response.headers.append({QByteArrayLiteral("Content-Type"), JsonContentType});
            plan.response.body = compactJson(QJsonObject{{QStringLiteral("payload"), settings.crt}});
        }
        return plan;
    }

    const QString asset = deniedAsset.isEmpty() ? callback.asset : deniedAsset;
    const QString reason = deniedAsset.isEmpty() ? QStringLiteral("default decision is deny")
                                                 : QStringLiteral("asset is set to deny");
    plan.response.status = settings.denyStatus;
    plan.response.headers.append({QByteArrayLiteral("Content-Type"), JsonContentType});
    plan.response.body = compactJson(QJsonObject{
        {QStringLiteral("error"), QStringLiteral("denied")},
        {QStringLiteral("asset"), asset},
        {QStringLiteral("reason"), reason},
    });
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
