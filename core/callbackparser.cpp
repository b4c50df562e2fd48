#include "callbackparser.h"

#include <QJsonDocument>

// TODO(stub): JSON-only placeholder until the full parser lands.
ParseResult CallbackParser::parse(const RawRequest &request)
{
    ParseResult result;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &error);
    if (!document.isObject()) {
        result.rejected = true;
        result.errorCode = QStringLiteral("invalid-json");
        result.errorMessage = error.errorString();
        result.errorOffset = error.offset;
        return result;
    }
    const QJsonObject object = document.object();
    result.callback.fields = object;
    result.callback.encoding = BodyEncoding::Json;
    result.callback.asset = object.value(QStringLiteral("asset")).toString();
    result.callback.assets = QStringList{result.callback.asset};
    result.callback.user = object.value(QStringLiteral("user")).toString();
    result.callback.session = object.value(QStringLiteral("session")).toString();
    result.callback.drmSchemeText = object.value(QStringLiteral("drmScheme")).toString();
    for (const char *field : {"asset", "user", "session"}) {
        if (object.value(QLatin1String(field)).toString().isEmpty()) {
            result.rejected = true;
            result.errorCode = QStringLiteral("missing-field");
            result.errorField = QLatin1String(field);
            result.errorMessage = tr("required field \"%1\" is missing").arg(QLatin1String(field));
            return result;
        }
    }
    return result;
}

DrmScheme CallbackParser::schemeFromText(const QString &text)
{
    Q_UNUSED(text);
    return DrmScheme::Other;
}
