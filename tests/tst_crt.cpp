// Tables for the custom rights token (CRT) validator: every field at its
// edges (0, 71582788, 71582789, negative, fraction, numbers as strings),
// hdcpLevel spellings, playDuration against keyExpireTime, misspelt names,
// whole reply bodies and the securityLevel labels.
#include "crt.h"

#include <QJsonDocument>
#include <QtTest>

class TestCrt : public QObject
{
    Q_OBJECT

private slots:
    void payload_data();
    void payload();
    void replyBody_data();
    void replyBody();
    void fieldPrefix();
    void severities_data();
    void severities();
    void securityLevelLabel_data();
    void securityLevelLabel();
    void suggestField_data();
    void suggestField();
    void canonicalHdcpLevel_data();
    void canonicalHdcpLevel();
    void vendorExampleIsValid();
    void lists();
};

namespace {

QJsonObject objectFrom(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("test table has invalid JSON: %s", json.constData());
    return document.object();
}

QStringList codesOf(const Findings &findings)
{
    QStringList codes;
    for (const Finding &finding : findings)
        codes.append(finding.code);
    codes.sort();
    return codes;
}

QByteArray describe(const Findings &findings)
{
    QStringList lines;
    for (const Finding &finding : findings)
        lines.append(QStringLiteral("%1 [%2] %3").arg(finding.code, finding.field, finding.message));
    return lines.join(QStringLiteral(" | ")).toUtf8();
}

} // namespace

void TestCrt::payload_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QStringList>("codes");
    QTest::addColumn<QString>("field");   // every finding is about this field
    QTest::addColumn<QString>("mention"); // text the first finding's message contains

    const QStringList none;
    QTest::addRow("empty payload") << QByteArray("{}") << none << "" << "";

    QTest::addRow("allowRoot 0") << QByteArray(R"({"allowRoot":0})") << none << "" << "";
    QTest::addRow("allowRoot 1") << QByteArray(R"({"allowRoot":1})") << none << "" << "";
    QTest::addRow("allowRoot 2") << QByteArray(R"({"allowRoot":2})") << QStringList{"crt-out-of-range"}
                                 << "payload.allowRoot" << "0 to 1";
    QTest::addRow("allowRoot negative") << QByteArray(R"({"allowRoot":-1})") << QStringList{"crt-negative"}
                                        << "payload.allowRoot" << "-1";
    QTest::addRow("allowRoot fraction") << QByteArray(R"({"allowRoot":0.5})") << QStringList{"crt-fraction"}
                                        << "payload.allowRoot" << "0.5";
    QTest::addRow("allowRoot string") << QByteArray(R"({"allowRoot":"1"})") << QStringList{"crt-number-as-string"}
                                      << "payload.allowRoot" << "\"1\"";
    QTest::addRow("allowRoot true") << QByteArray(R"({"allowRoot":true})") << QStringList{"crt-allow-root-boolean"}
                                    << "payload.allowRoot" << "another vendor API";
    QTest::addRow("allowRoot false") << QByteArray(R"({"allowRoot":false})")
                                     << QStringList{"crt-allow-root-boolean"} << "payload.allowRoot" << "false";
    QTest::addRow("allowRoot null") << QByteArray(R"({"allowRoot":null})") << QStringList{"crt-wrong-type"}
                                    << "payload.allowRoot" << "null";
    QTest::addRow("allowRoot word") << QByteArray(R"({"allowRoot":"yes"})") << QStringList{"crt-wrong-type"}
                                    << "payload.allowRoot" << "yes";

    for (const QString &level : Crt::hdcpLevels()) {
        QTest::addRow("hdcpLevel %s", qPrintable(level))
            << QJsonDocument(QJsonObject{{"hdcpLevel", level}}).toJson() << none << "" << "";
    }
    const auto hdcp = [](const char *text) { return QByteArray(R"({"hdcpLevel":")") + text + "\"}"; };
    QTest::addRow("hdcpLevel lower case") << hdcp("hdcp v2.2") << QStringList{"crt-hdcp-spelling"}
                                          << "payload.hdcpLevel" << "\"HDCP v2.2\"";
    QTest::addRow("hdcpLevel upper case v") << hdcp("HDCP V2.1") << QStringList{"crt-hdcp-spelling"}
                                            << "payload.hdcpLevel" << "\"HDCP v2.1\"";
    QTest::addRow("hdcpLevel no space") << hdcp("HDCPv2.0") << QStringList{"crt-hdcp-spelling"}
                                        << "payload.hdcpLevel" << "\"HDCP v2.0\"";
    QTest::addRow("hdcpLevel double space") << hdcp("HDCP  v2.3") << QStringList{"crt-hdcp-spelling"}
                                            << "payload.hdcpLevel" << "\"HDCP v2.3\"";
    QTest::addRow("hdcpLevel without v") << hdcp("HDCP 2.2") << QStringList{"crt-hdcp-spelling"}
                                         << "payload.hdcpLevel" << "\"HDCP v2.2\"";
    QTest::addRow("hdcpLevel capital X") << hdcp("HDCP v1.X") << QStringList{"crt-hdcp-spelling"}
                                         << "payload.hdcpLevel" << "\"HDCP v1.x\"";
    QTest::addRow("hdcpLevel disable lower case") << hdcp("disable hdcp") << QStringList{"crt-hdcp-spelling"}
                                                  << "payload.hdcpLevel" << "\"Disable HDCP\"";
    QTest::addRow("hdcpLevel disable underscore") << hdcp("DISABLE_HDCP") << QStringList{"crt-hdcp-spelling"}
                                                  << "payload.hdcpLevel" << "\"Disable HDCP\"";
    QTest::addRow("hdcpLevel padded") << hdcp(" HDCP v2.2 ") << QStringList{"crt-hdcp-spelling"}
                                      << "payload.hdcpLevel" << "\"HDCP v2.2\"";
    QTest::addRow("hdcpLevel unknown version") << hdcp("HDCP v3.0") << QStringList{"crt-hdcp-unknown"}
                                               << "payload.hdcpLevel" << "Disable HDCP, HDCP v1.x";
    QTest::addRow("hdcpLevel empty") << hdcp("") << QStringList{"crt-hdcp-unknown"} << "payload.hdcpLevel" << "";
    QTest::addRow("hdcpLevel number") << QByteArray(R"({"hdcpLevel":2.2})") << QStringList{"crt-wrong-type"}
                                      << "payload.hdcpLevel" << "number";

    for (const char *name : {"keyExpireTime", "storeLicenseTime"}) {
        const auto row = [name](const char *label) { return QByteArray(name) + ' ' + label; };
        const auto body = [name](const QByteArray &value) { return "{\"" + QByteArray(name) + "\":" + value + '}'; };
        const QString field = QStringLiteral("payload.") + QLatin1String(name);
        QTest::addRow("%s", row("0").constData()) << body("0") << none << "" << "";
        QTest::addRow("%s", row("maximum").constData()) << body("71582788") << none << "" << "";
        QTest::addRow("%s", row("maximum plus one").constData())
            << body("71582789") << QStringList{"crt-out-of-range"} << field << "0 to 71582788";
        QTest::addRow("%s", row("far above").constData())
            << body("1e10") << QStringList{"crt-out-of-range"} << field << "10000000000";
        QTest::addRow("%s", row("negative").constData()) << body("-1") << QStringList{"crt-negative"} << field << "-1";
        QTest::addRow("%s", row("fraction").constData()) << body("1.5") << QStringList{"crt-fraction"} << field << "1.5";
        QTest::addRow("%s", row("fraction above maximum").constData())
            << body("71582788.5") << QStringList{"crt-fraction", "crt-out-of-range"} << field << "";
        QTest::addRow("%s", row("string").constData())
            << body("\"60\"") << QStringList{"crt-number-as-string"} << field << "\"60\"";
        QTest::addRow("%s", row("string fraction").constData())
            << body("\"60.5\"") << QStringList{"crt-fraction", "crt-number-as-string"} << field << "";
        QTest::addRow("%s", row("string above maximum").constData())
            << body("\"71582789\"") << QStringList{"crt-number-as-string", "crt-out-of-range"} << field << "";
        QTest::addRow("%s", row("word").constData())
            << body("\"sixty\"") << QStringList{"crt-wrong-type"} << field << "sixty";
        QTest::addRow("%s", row("boolean").constData())
            << body("true") << QStringList{"crt-wrong-type"} << field << "boolean";
        QTest::addRow("%s", row("object").constData())
            << body("{}") << QStringList{"crt-wrong-type"} << field << "object";
    }

    QTest::addRow("playDuration alone") << QByteArray(R"({"playDuration":30})") << none << "" << "";
    QTest::addRow("playDuration equal to keyExpireTime") << QByteArray(R"({"playDuration":60,"keyExpireTime":60})")
                                                         << none << "" << "";
    QTest::addRow("playDuration below keyExpireTime") << QByteArray(R"({"playDuration":59,"keyExpireTime":60})")
                                                      << none << "" << "";
    QTest::addRow("playDuration at maximum") << QByteArray(R"({"playDuration":71582788,"keyExpireTime":71582788})")
                                             << none << "" << "";
    QTest::addRow("playDuration above keyExpireTime") << QByteArray(R"({"playDuration":61,"keyExpireTime":60})")
                                                      << QStringList{"crt-play-duration-too-long"}
                                                      << "payload.playDuration" << "payload.keyExpireTime (60)";
    QTest::addRow("playDuration above zero keyExpireTime") << QByteArray(R"({"playDuration":1,"keyExpireTime":0})")
                                                           << QStringList{"crt-play-duration-too-long"}
                                                           << "payload.playDuration" << "(1)";
    QTest::addRow("playDuration string above keyExpireTime")
        << QByteArray(R"({"playDuration":"90","keyExpireTime":60})")
        << QStringList{"crt-number-as-string", "crt-play-duration-too-long"} << "payload.playDuration" << "";
    QTest::addRow("playDuration maximum plus one") << QByteArray(R"({"playDuration":71582789})")
                                                   << QStringList{"crt-out-of-range"} << "payload.playDuration"
                                                   << "71582789";
    QTest::addRow("playDuration negative") << QByteArray(R"({"playDuration":-10})") << QStringList{"crt-negative"}
                                           << "payload.playDuration" << "-10";
    QTest::addRow("playDuration fraction") << QByteArray(R"({"playDuration":1.5})") << QStringList{"crt-fraction"}
                                           << "payload.playDuration" << "1.5";

    for (int level = 1; level <= 4; ++level) {
        QTest::addRow("securityLevel %d", level)
            << "{\"securityLevel\":" + QByteArray::number(level) + '}' << none << "" << "";
    }
    QTest::addRow("securityLevel 0") << QByteArray(R"({"securityLevel":0})") << QStringList{"crt-out-of-range"}
                                     << "payload.securityLevel" << "1 to 4";
    QTest::addRow("securityLevel 5") << QByteArray(R"({"securityLevel":5})") << QStringList{"crt-out-of-range"}
                                     << "payload.securityLevel" << "1 to 4";
    QTest::addRow("securityLevel negative") << QByteArray(R"({"securityLevel":-1})") << QStringList{"crt-negative"}
                                            << "payload.securityLevel" << "-1";
    QTest::addRow("securityLevel fraction") << QByteArray(R"({"securityLevel":2.5})") << QStringList{"crt-fraction"}
                                            << "payload.securityLevel" << "2.5";
    QTest::addRow("securityLevel string") << QByteArray(R"({"securityLevel":"4"})")
                                          << QStringList{"crt-number-as-string"} << "payload.securityLevel" << "\"4\"";
    QTest::addRow("securityLevel boolean") << QByteArray(R"({"securityLevel":true})") << QStringList{"crt-wrong-type"}
                                           << "payload.securityLevel" << "boolean";

    QTest::addRow("storeLicense true") << QByteArray(R"({"storeLicense":true})") << none << "" << "";
    QTest::addRow("storeLicense false") << QByteArray(R"({"storeLicense":false})") << none << "" << "";
    QTest::addRow("storeLicense string true") << QByteArray(R"({"storeLicense":"true"})")
                                              << QStringList{"crt-boolean-as-string"} << "payload.storeLicense"
                                              << "\"true\"";
    QTest::addRow("storeLicense string false") << QByteArray(R"({"storeLicense":"false"})")
                                               << QStringList{"crt-boolean-as-string"} << "payload.storeLicense"
                                               << "\"false\"";
    QTest::addRow("storeLicense string TRUE") << QByteArray(R"({"storeLicense":"TRUE"})")
                                              << QStringList{"crt-boolean-as-string"} << "payload.storeLicense"
                                              << "\"TRUE\"";
    QTest::addRow("storeLicense number") << QByteArray(R"({"storeLicense":1})") << QStringList{"crt-wrong-type"}
                                         << "payload.storeLicense" << "number";
    QTest::addRow("storeLicense word") << QByteArray(R"({"storeLicense":"yes"})") << QStringList{"crt-wrong-type"}
                                       << "payload.storeLicense" << "string";
    QTest::addRow("storeLicense null") << QByteArray(R"({"storeLicense":null})") << QStringList{"crt-wrong-type"}
                                       << "payload.storeLicense" << "null";

    QTest::addRow("storeLicence misspelt") << QByteArray(R"({"storeLicence":true})")
                                           << QStringList{"crt-unknown-field"} << "payload.storeLicence"
                                           << "did you mean storeLicense?";
    QTest::addRow("allow_root misspelt") << QByteArray(R"({"allow_root":1})") << QStringList{"crt-unknown-field"}
                                         << "payload.allow_root" << "did you mean allowRoot?";
    QTest::addRow("SecurityLevel capitalized") << QByteArray(R"({"SecurityLevel":1})")
                                               << QStringList{"crt-unknown-field"} << "payload.SecurityLevel"
                                               << "did you mean securityLevel?";
    QTest::addRow("keyExpiryTime misspelt") << QByteArray(R"({"keyExpiryTime":60})")
                                            << QStringList{"crt-unknown-field"} << "payload.keyExpiryTime"
                                            << "did you mean keyExpireTime?";
    QTest::addRow("hdcp_level misspelt") << QByteArray(R"({"hdcp_level":"HDCP v2.2"})")
                                         << QStringList{"crt-unknown-field"} << "payload.hdcp_level"
                                         << "did you mean hdcpLevel?";
    QTest::addRow("storeLicenceTime misspelt") << QByteArray(R"({"storeLicenceTime":300})")
                                               << QStringList{"crt-unknown-field"} << "payload.storeLicenceTime"
                                               << "did you mean storeLicenseTime?";
    QTest::addRow("unrelated name") << QByteArray(R"({"rentalWindow":5})") << QStringList{"crt-unknown-field"}
                                    << "payload.rentalWindow" << "not a CRT field";
}

void TestCrt::payload()
{
    QFETCH(QByteArray, payload);
    QFETCH(QStringList, codes);
    QFETCH(QString, field);
    QFETCH(QString, mention);

    const Findings findings = Crt::validatePayload(objectFrom(payload));
    QVERIFY2(codesOf(findings) == codes, describe(findings));
    for (const Finding &finding : findings) {
        QCOMPARE(finding.field, field);
        QVERIFY2(finding.message.contains(field), qPrintable(finding.message));
    }
    if (!mention.isEmpty())
        QVERIFY2(findings.constFirst().message.contains(mention), describe(findings));
    if (codes.contains("crt-unknown-field") && !mention.contains("did you mean"))
        QVERIFY(!findings.constFirst().message.contains("did you mean"));
}

void TestCrt::replyBody_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("codes");
    QTest::addColumn<QString>("field");

    const QByteArray vendorReply = QJsonDocument(QJsonObject{{"payload", Crt::vendorExample()}}).toJson();
    QTest::addRow("200 empty body") << 200 << QByteArray() << QStringList() << "";
    QTest::addRow("200 vendor reply") << 200 << vendorReply << QStringList() << "";
    QTest::addRow("200 empty payload") << 200 << QByteArray(R"({"payload":{}})") << QStringList() << "";
    QTest::addRow("200 plain text") << 200 << QByteArray("OK") << QStringList{"crt-not-json"} << "";
    QTest::addRow("200 blank body") << 200 << QByteArray(" ") << QStringList{"crt-not-json"} << "";
    QTest::addRow("200 truncated json") << 200 << QByteArray(R"({"payload":{"allowRoot":1)")
                                        << QStringList{"crt-not-json"} << "";
    QTest::addRow("200 top-level array") << 200 << QByteArray(R"([{"payload":{}}])") << QStringList{"crt-not-object"}
                                         << "";
    QTest::addRow("200 json without payload") << 200 << QByteArray("{}") << QStringList{"crt-missing-payload"}
                                              << "payload";
    QTest::addRow("200 other member only") << 200 << QByteArray(R"({"result":"ok"})")
                                           << QStringList{"crt-missing-payload", "crt-unknown-field"} << "";
    QTest::addRow("200 payload string") << 200 << QByteArray(R"({"payload":"x"})")
                                        << QStringList{"crt-payload-not-object"} << "payload";
    QTest::addRow("200 payload null") << 200 << QByteArray(R"({"payload":null})")
                                      << QStringList{"crt-payload-not-object"} << "payload";
    QTest::addRow("200 payload array") << 200 << QByteArray(R"({"payload":[{"allowRoot":1}]})")
                                       << QStringList{"crt-payload-not-object"} << "payload";
    QTest::addRow("200 misspelt field") << 200 << QByteArray(R"({"payload":{"storeLicence":true}})")
                                        << QStringList{"crt-unknown-field"} << "payload.storeLicence";
    QTest::addRow("200 key lifetime too long") << 200 << QByteArray(R"({"payload":{"keyExpireTime":71582789}})")
                                               << QStringList{"crt-out-of-range"} << "payload.keyExpireTime";
    QTest::addRow("403 plain text") << 403 << QByteArray("denied") << QStringList() << "";
    QTest::addRow("201 vendor reply") << 201 << vendorReply << QStringList() << "";
    QTest::addRow("204 empty") << 204 << QByteArray() << QStringList() << "";
    QTest::addRow("500 broken crt") << 500 << QByteArray(R"({"payload":{"keyExpireTime":-1}})") << QStringList()
                                    << "";
}

void TestCrt::replyBody()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QStringList, codes);
    QFETCH(QString, field);

    const Findings findings = Crt::validateReplyBody(status, body);
    QVERIFY2(codesOf(findings) == codes, describe(findings));
    if (!field.isEmpty()) {
        for (const Finding &finding : findings)
            QCOMPARE(finding.field, field);
    }
    for (const Finding &finding : findings)
        QVERIFY(!finding.message.isEmpty());
}

void TestCrt::fieldPrefix()
{
    const QJsonObject payload{{"keyExpireTime", -1}};
    QCOMPARE(Crt::validatePayload(payload, QString()).constFirst().field, QString("keyExpireTime"));
    QCOMPARE(Crt::validatePayload(payload, "crt.").constFirst().field, QString("crt.keyExpireTime"));
    QCOMPARE(Crt::validatePayload(payload).constFirst().field, QString("payload.keyExpireTime"));
}

void TestCrt::severities_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<FindingSeverity>("severity");

    QTest::addRow("out of range is an error") << QByteArray(R"({"securityLevel":9})") << FindingSeverity::Error;
    QTest::addRow("negative is an error") << QByteArray(R"({"keyExpireTime":-1})") << FindingSeverity::Error;
    QTest::addRow("fraction is an error") << QByteArray(R"({"keyExpireTime":0.5})") << FindingSeverity::Error;
    QTest::addRow("hdcp spelling is an error") << QByteArray(R"({"hdcpLevel":"hdcp v2.2"})") << FindingSeverity::Error;
    QTest::addRow("play duration too long is an error") << QByteArray(R"({"playDuration":2,"keyExpireTime":1})")
                                                        << FindingSeverity::Error;
    QTest::addRow("number as string is a warning") << QByteArray(R"({"keyExpireTime":"1"})")
                                                   << FindingSeverity::Warning;
    QTest::addRow("boolean allowRoot is a warning") << QByteArray(R"({"allowRoot":true})") << FindingSeverity::Warning;
    QTest::addRow("string storeLicense is a warning") << QByteArray(R"({"storeLicense":"true"})")
                                                      << FindingSeverity::Warning;
    QTest::addRow("unknown field is a warning") << QByteArray(R"({"storeLicence":true})") << FindingSeverity::Warning;
}

void TestCrt::severities()
{
    QFETCH(QByteArray, payload);
    QFETCH(FindingSeverity, severity);

    const Findings findings = Crt::validatePayload(objectFrom(payload));
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.constFirst().severity, severity);
}

void TestCrt::securityLevelLabel_data()
{
    QTest::addColumn<int>("level");
    QTest::addColumn<DrmScheme>("scheme");
    QTest::addColumn<QString>("label");

    QTest::addRow("widevine 1") << 1 << DrmScheme::Widevine << "Widevine L3";
    QTest::addRow("widevine 2") << 2 << DrmScheme::Widevine << "Widevine L2";
    QTest::addRow("widevine 3") << 3 << DrmScheme::Widevine << "Widevine L2";
    QTest::addRow("widevine 4") << 4 << DrmScheme::Widevine << "Widevine L1";
    QTest::addRow("playready 1") << 1 << DrmScheme::PlayReady << "PlayReady SL below 150";
    QTest::addRow("playready 2") << 2 << DrmScheme::PlayReady << "PlayReady SL 150 to 2999";
    QTest::addRow("playready 3") << 3 << DrmScheme::PlayReady << "PlayReady SL 150 to 2999";
    QTest::addRow("playready 4") << 4 << DrmScheme::PlayReady << "PlayReady SL 3000 and above";
    QTest::addRow("no scheme 1") << 1 << DrmScheme::None << "Widevine L3 or PlayReady SL below 150";
    QTest::addRow("fairplay 4") << 4 << DrmScheme::FairPlay << "Widevine L1 or PlayReady SL 3000 and above";
    QTest::addRow("other 2") << 2 << DrmScheme::Other << "Widevine L2 or PlayReady SL 150 to 2999";
    QTest::addRow("level 0") << 0 << DrmScheme::Widevine << "0 is not a security level (1 to 4)";
    QTest::addRow("level 5") << 5 << DrmScheme::PlayReady << "5 is not a security level (1 to 4)";
}

void TestCrt::securityLevelLabel()
{
    QFETCH(int, level);
    QFETCH(DrmScheme, scheme);
    QFETCH(QString, label);

    QCOMPARE(Crt::securityLevelLabel(level, scheme), label);
}

void TestCrt::suggestField_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("suggestion");

    QTest::addRow("storeLicence") << "storeLicence" << "storeLicense";
    QTest::addRow("allowroot") << "allowroot" << "allowRoot";
    QTest::addRow("keyExpiretime") << "keyExpiretime" << "keyExpireTime";
    QTest::addRow("expireTime") << "expireTime" << "keyExpireTime";
    QTest::addRow("playDurations") << "playDurations" << "playDuration";
    QTest::addRow("securityLvl") << "securityLvl" << "securityLevel";
    QTest::addRow("unrelated") << "rentalWindow" << "";
    QTest::addRow("short") << "ttl" << "";
}

void TestCrt::suggestField()
{
    QFETCH(QString, name);
    QFETCH(QString, suggestion);

    QCOMPARE(Crt::suggestField(name), suggestion);
}

void TestCrt::canonicalHdcpLevel_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical");

    QTest::addRow("exact") << "HDCP v2.2" << "HDCP v2.2";
    QTest::addRow("lower case") << "hdcp v1.x" << "HDCP v1.x";
    QTest::addRow("hyphen") << "HDCP-v2.0" << "HDCP v2.0";
    QTest::addRow("disable") << "disableHDCP" << "Disable HDCP";
    QTest::addRow("unknown") << "HDCP v2.4" << "";
    QTest::addRow("none") << "none" << "";
}

void TestCrt::canonicalHdcpLevel()
{
    QFETCH(QString, text);
    QFETCH(QString, canonical);

    QCOMPARE(Crt::canonicalHdcpLevel(text), canonical);
}

void TestCrt::vendorExampleIsValid()
{
    QVERIFY2(Crt::validatePayload(Crt::vendorExample()).isEmpty(), describe(Crt::validatePayload(Crt::vendorExample())));
}

void TestCrt::lists()
{
    QCOMPARE(Crt::hdcpLevels().size(), 6);
    QCOMPARE(Crt::knownFields().size(), 7);
    const qint64 maxSeconds = std::numeric_limits<quint32>::max();
    QVERIFY(Crt::MaxMinutes * 60 <= maxSeconds);
    QVERIFY((Crt::MaxMinutes + 1) * 60 > maxSeconds);
}

QTEST_GUILESS_MAIN(TestCrt)
#include "tst_crt.moc"
