#include "crt.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <algorithm>
#include <cmath>
#include <optional>

namespace Crt {

QStringList hdcpLevels()
{
    return {QStringLiteral("Disable HDCP"), QStringLiteral("HDCP v1.x"), QStringLiteral("HDCP v2.0"),
            QStringLiteral("HDCP v2.1"), QStringLiteral("HDCP v2.2"), QStringLiteral("HDCP v2.3")};
}

QStringList knownFields()
{
    return {QStringLiteral("allowRoot"), QStringLiteral("hdcpLevel"), QStringLiteral("keyExpireTime"),
            QStringLiteral("playDuration"), QStringLiteral("securityLevel"), QStringLiteral("storeLicense"),
            QStringLiteral("storeLicenseTime")};
}

QJsonObject vendorExample()
{
    return QJsonObject{
        {QStringLiteral("allowRoot"), 1},
        {QStringLiteral("hdcpLevel"), QStringLiteral("Disable HDCP")},
        {QStringLiteral("keyExpireTime"), 60},
        {QStringLiteral("securityLevel"), 1},
        {QStringLiteral("storeLicense"), true},
        {QStringLiteral("storeLicenseTime"), 300},
    };
}


namespace {

const QString AllowRootField = QStringLiteral("allowRoot");
const QString HdcpLevelField = QStringLiteral("hdcpLevel");
const QString KeyExpireTimeField = QStringLiteral("keyExpireTime");
const QString PlayDurationField = QStringLiteral("playDuration");
const QString SecurityLevelField = QStringLiteral("securityLevel");
const QString StoreLicenseField = QStringLiteral("storeLicense");
const QString StoreLicenseTimeField = QStringLiteral("storeLicenseTime");
const QString PayloadField = QStringLiteral("payload");

QString numberText(double value)
{
    if (std::isfinite(value) && std::floor(value) == value && std::fabs(value) < 9007199254740992.0)
        return QString::number(qint64(value));
    return QString::number(value, 'g', 17);
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return CrtText::tr("null");
    case QJsonValue::Bool: return CrtText::tr("a boolean");
    case QJsonValue::Double: return CrtText::tr("a number");
    case QJsonValue::String: return CrtText::tr("a string");
    case QJsonValue::Array: return CrtText::tr("an array");
    case QJsonValue::Object: return CrtText::tr("an object");
    case QJsonValue::Undefined: break;
    }
    return CrtText::tr("absent");
}

void addFinding(Findings &findings, FindingSeverity severity, const char *code, const QString &field,
                const QString &message)
{
    findings.append(Finding{severity, QString::fromLatin1(code), field, message});
}

// Checks a field that takes a whole number from minimum to maximum. A number
// sent as a string is read with a finding. Returns the number when there is one.
std::optional<double> checkWholeNumber(const QJsonValue &value, const QString &field, qint64 minimum, qint64 maximum,
                                       Findings &findings)
{
    double number = 0;
    if (value.isDouble()) {
        number = value.toDouble();
    } else if (value.isString()) {
        bool ok = false;
        number = value.toString().trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(number)) {
            addFinding(findings, FindingSeverity::Error, "crt-wrong-type", field,
                       CrtText::tr("%1 is the string \"%2\", not a number").arg(field, value.toString()));
            return std::nullopt;
        }
        addFinding(findings, FindingSeverity::Warning, "crt-number-as-string", field,
                   CrtText::tr("%1 is the string \"%2\"; the CRT takes a number here").arg(field, value.toString()));
    } else {
        addFinding(findings, FindingSeverity::Error, "crt-wrong-type", field,
                   CrtText::tr("%1 is %2, not a number").arg(field, typeName(value)));
        return std::nullopt;
    }

    const QString range = CrtText::tr("%1 to %2").arg(minimum).arg(maximum);
    if (number < 0) {
        addFinding(findings, FindingSeverity::Error, "crt-negative", field,
                   CrtText::tr("%1 is negative (%2); it takes %3").arg(field, numberText(number), range));
        return number;
    }
    if (std::floor(number) != number) {
        addFinding(findings, FindingSeverity::Error, "crt-fraction", field,
                   CrtText::tr("%1 is %2, not a whole number").arg(field, numberText(number)));
    }
    if (number < double(minimum) || number > double(maximum)) {
        addFinding(findings, FindingSeverity::Error, "crt-out-of-range", field,
                   CrtText::tr("%1 is %2, outside the range %3").arg(field, numberText(number), range));
    }
    return number;
}

void checkAllowRoot(const QJsonValue &value, const QString &field, Findings &findings)
{
    if (value.isBool()) {
        addFinding(findings, FindingSeverity::Warning, "crt-allow-root-boolean", field,
                   CrtText::tr("%1 is the boolean %2; this CRT takes the number 1 (rooted devices refused) or 0 "
                               "(allowed), another vendor API uses a boolean here")
                       .arg(field, value.toBool() ? QStringLiteral("true") : QStringLiteral("false")));
        return;
    }
    checkWholeNumber(value, field, 0, 1, findings);
}

void checkHdcpLevel(const QJsonValue &value, const QString &field, Findings &findings)
{
    if (!value.isString()) {
        addFinding(findings, FindingSeverity::Error, "crt-wrong-type", field,
                   CrtText::tr("%1 is %2, not a string").arg(field, typeName(value)));
        return;
    }

    const QString text = value.toString();
    if (hdcpLevels().contains(text))
        return;
    const QString canonical = canonicalHdcpLevel(text);
    if (!canonical.isEmpty()) {
        addFinding(findings, FindingSeverity::Error, "crt-hdcp-spelling", field,
                   CrtText::tr("%1 \"%2\" must be spelt exactly \"%3\"").arg(field, text, canonical));
        return;
    }
    addFinding(findings, FindingSeverity::Error, "crt-hdcp-unknown", field,
               CrtText::tr("%1 \"%2\" is not one of: %3").arg(field, text, hdcpLevels().join(QStringLiteral(", "))));
}

void checkStoreLicense(const QJsonValue &value, const QString &field, Findings &findings)
{
    if (value.isBool())
        return;
    if (value.isString()) {
        const QString text = value.toString();
        if (text.compare(u"true", Qt::CaseInsensitive) == 0 || text.compare(u"false", Qt::CaseInsensitive) == 0) {
            addFinding(findings, FindingSeverity::Warning, "crt-boolean-as-string", field,
                       CrtText::tr("%1 is the string \"%2\"; the CRT takes the boolean true or false").arg(field, text));
            return;
        }
    }
    addFinding(findings, FindingSeverity::Error, "crt-wrong-type", field,
               CrtText::tr("%1 is %2, not a boolean").arg(field, typeName(value)));
}

// Lowercase text without white space, '_' and '-', and without the 'v' of
// "hdcp v": "HDCP_V2.2" and "hdcp 2.2" both become "hdcp2.2".
QString normalizedHdcpLevel(const QString &text)
{
    QString normalized;
    normalized.reserve(text.size());
    for (const QChar c : text) {
        if (c.isSpace() || c == u'_' || c == u'-')
            continue;
        normalized.append(c.toLower());
    }
    if (normalized.startsWith(u"hdcpv"))
        normalized.remove(4, 1);
    return normalized;
}

int editDistance(const QString &left, const QString &right)
{
    QList<int> previous(right.size() + 1);
    QList<int> current(right.size() + 1);
    for (qsizetype j = 0; j <= right.size(); ++j)
        previous[j] = int(j);
    for (qsizetype i = 1; i <= left.size(); ++i) {
        current[0] = int(i);
        for (qsizetype j = 1; j <= right.size(); ++j) {
            const int substitution = previous[j - 1] + (left.at(i - 1) == right.at(j - 1) ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous[right.size()];
}

} // namespace

Findings validatePayload(const QJsonObject &payload, const QString &fieldPrefix)
{
    Findings findings;
    for (auto it = payload.constBegin(); it != payload.constEnd(); ++it) {
        const QString &name = it.key();
        const QJsonValue value = it.value();
        const QString field = fieldPrefix + name;
        if (name == AllowRootField) {
            checkAllowRoot(value, field, findings);
        } else if (name == HdcpLevelField) {
            checkHdcpLevel(value, field, findings);
        } else if (name == KeyExpireTimeField || name == StoreLicenseTimeField || name == PlayDurationField) {
            checkWholeNumber(value, field, 0, MaxMinutes, findings);
        } else if (name == SecurityLevelField) {
            checkWholeNumber(value, field, 1, 4, findings);
        } else if (name == StoreLicenseField) {
            checkStoreLicense(value, field, findings);
        } else {
            const QString suggestion = suggestField(name);
            const QString message = suggestion.isEmpty()
                ? CrtText::tr("%1 is not a CRT field the contract names").arg(field)
                : CrtText::tr("%1 is not a CRT field; did you mean %2?").arg(field, suggestion);
            addFinding(findings, FindingSeverity::Warning, "crt-unknown-field", field, message);
        }
    }

    // The contract caps the total playing time at the key's lifetime.
    // NOTE: the contract does not say whether keyExpireTime 0 means "no
    // expiry", so 0 is compared as a number.
    const QJsonValue playDuration = payload.value(PlayDurationField);
    const QJsonValue keyExpireTime = payload.value(KeyExpireTimeField);
    if (!playDuration.isUndefined() && !keyExpireTime.isUndefined()) {
        Findings ignored;
        const std::optional<double> play = checkWholeNumber(playDuration, QString(), 0, MaxMinutes, ignored);
        const std::optional<double> expire = checkWholeNumber(keyExpireTime, QString(), 0, MaxMinutes, ignored);
        if (play && expire && *play > *expire) {
            const QString field = fieldPrefix + PlayDurationField;
            addFinding(findings, FindingSeverity::Error, "crt-play-duration-too-long", field,
                       CrtText::tr("%1 (%2) is above %3 (%4); the playing time must not exceed the key's lifetime")
                           .arg(field, numberText(*play), fieldPrefix + KeyExpireTimeField, numberText(*expire)));
        }
    }
    return findings;
}

Findings validateReplyBody(int status, const QByteArray &body)
{
    // Only a 200 grants a license, and without a body the dashboard settings apply.
    Findings findings;
    if (status != 200 || body.isEmpty())
        return findings;

    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        addFinding(findings, FindingSeverity::Error, "crt-not-json", QString(),
                   CrtText::tr("The 200 reply body is not JSON (%1 at offset %2), so the license server cannot read "
                               "a CRT from it")
                       .arg(error.errorString(), QString::number(error.offset)));
        return findings;
    }
    if (!document.isObject()) {
        addFinding(findings, FindingSeverity::Error, "crt-not-object", QString(),
                   CrtText::tr("The 200 reply body is a JSON array, not an object with a payload"));
        return findings;
    }

    const QJsonObject reply = document.object();
    for (auto it = reply.constBegin(); it != reply.constEnd(); ++it) {
        if (it.key() != PayloadField) {
            addFinding(findings, FindingSeverity::Warning, "crt-unknown-field", it.key(),
                       CrtText::tr("%1 is not part of a CRT reply, which has only payload").arg(it.key()));
        }
    }

    const QJsonValue payload = reply.value(PayloadField);
    if (payload.isUndefined()) {
        addFinding(findings, FindingSeverity::Warning, "crt-missing-payload", PayloadField,
                   CrtText::tr("The 200 reply body is JSON without payload; the contract does not say how the "
                               "license server treats it"));
        return findings;
    }
    if (!payload.isObject()) {
        addFinding(findings, FindingSeverity::Error, "crt-payload-not-object", PayloadField,
                   CrtText::tr("payload is %1, not an object").arg(typeName(payload)));
        return findings;
    }

    findings += validatePayload(payload.toObject(), PayloadField + u'.');
    return findings;
}

QString securityLevelLabel(int level, DrmScheme scheme)
{
    if (level < 1 || level > 4)
        return CrtText::tr("%1 is not a security level (1 to 4)").arg(level);

    // The CRT numbers run opposite to Widevine's own L1 to L3.
    const QString widevine = level == 1 ? CrtText::tr("Widevine L3")
                           : level == 4 ? CrtText::tr("Widevine L1")
                                        : CrtText::tr("Widevine L2");
    const QString playReady = level == 1 ? CrtText::tr("PlayReady SL below 150")
                            : level == 4 ? CrtText::tr("PlayReady SL 3000 and above")
                                         : CrtText::tr("PlayReady SL 150 to 2999");
    switch (scheme) {
    case DrmScheme::Widevine: return widevine;
    case DrmScheme::PlayReady: return playReady;
    case DrmScheme::None:
    case DrmScheme::FairPlay:
    case DrmScheme::Other: break;
    }
    return CrtText::tr("%1 or %2").arg(widevine, playReady);
}

// Suggests a known field whose lowercase edit distance is at most a third of
// the name's length (at least 2), so "storeLicence" and "allow_root" match.
QString suggestField(const QString &name)
{
    const QString lowered = name.toLower();
    QString best;
    int bestDistance = std::max<int>(2, int(name.size() / 3)) + 1;
    for (const QString &known : knownFields()) {
        const int distance = editDistance(lowered, known.toLower());
        if (distance < bestDistance) {
            bestDistance = distance;
            best = known;
        }
    }
    return best;
}

QString canonicalHdcpLevel(const QString &text)
{
    const QString normalized = normalizedHdcpLevel(text);
    for (const QString &level : hdcpLevels()) {
        if (normalizedHdcpLevel(level) == normalized)
            return level;
    }
    return QString();
}

} // namespace Crt
