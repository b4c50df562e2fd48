// Tables of callbacks as the license server and its peers send them: every
// field, encoding and requestMetadata layout, the aliases, each finding code,
// each rejection with its offset, and malformed or oversized bodies.
#include "callbackparser.h"
#include "decisionengine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

#include <algorithm>

class TestCallbackParser : public QObject
{
    Q_OBJECT

private slots:
    void encodings_data();
    void encodings();
    void drmScheme_data();
    void drmScheme();
    void schemeFromText_data();
    void schemeFromText();
    void assets_data();
    void assets();
    void requiredFieldTypes_data();
    void requiredFieldTypes();
    void rejections_data();
    void rejections();
    void contentType_data();
    void contentType();
    void metadata_data();
    void metadata();
    void plusDamage_data();
    void plusDamage();
    void customData_data();
    void customData();
    void unclosedJsonNamed();
    void extraData_data();
    void extraData();
    void unknownFieldsKept();
    void formConvertedToJson();
    void invalidUtf8InJsonValue();
    void invalidUtf8OffsetMapped();
    void invalidUtf8InFormValue();
    void hugeJsonFieldCount();
    void hugeFormFieldCount();
    void findingFloodCapped();
    void rejectionReplyNamesField();
    void rejectionMessageIsEnglish();
    void everyFindingHasMessage();
    void parseSpeed_data();
    void parseSpeed();
};

namespace {

const QByteArray JsonType = "application/json";
const QByteArray FormType = "application/x-www-form-urlencoded";
const QByteArray NoType; // a null QByteArray: no Content-Type header

const QByteArray VendorExample = R"({
  "asset": "sigma_vtv1",
  "user": "example_user",
  "session": "example_session",
  "drmScheme": "WIDE_VINE",
  "requestMetadata": {
    "remoteAddr": "113.190.233.178",
    "userAgent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/14.0 Safari/605.1.15"
  }
})";

const QString VendorUserAgent = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_6) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                                "Version/14.0 Safari/605.1.15";

RawRequest makeRequest(const QByteArray &method, const QByteArray &target, const QByteArray &contentType,
                       const QByteArray &body, const HttpHeaders &extraHeaders = {})
{
    RawRequest request;
    request.method = method;
    request.target = target;
    request.httpVersion = "HTTP/1.1";
    request.headers.append({QByteArray("Host"), QByteArray("127.0.0.1")});
    if (!contentType.isNull())
        request.headers.append({QByteArray("Content-Type"), contentType});
    request.headers += extraHeaders;
    request.body = body;
    request.peerAddress = "127.0.0.1";
    request.peerPort = 40000;
    request.receivedAt = QDateTime::currentDateTimeUtc();
    return request;
}

RawRequest post(const QByteArray &contentType, const QByteArray &body, const HttpHeaders &extraHeaders = {})
{
    return makeRequest("POST", "/callback", contentType, body, extraHeaders);
}

// A JSON callback with the required fields plus the given members.
QByteArray jsonWith(const QByteArray &members)
{
    QByteArray body = R"({"asset":"a","user":"u","session":"s")";
    if (!members.isEmpty())
        body += ',' + members;
    return body + '}';
}

QStringList codesOf(const Findings &findings)
{
    QStringList codes;
    for (const Finding &finding : findings)
        codes.append(finding.code);
    codes.sort();
    codes.removeDuplicates();
    return codes;
}

QStringList sorted(QStringList list)
{
    list.sort();
    list.removeDuplicates();
    return list;
}

const Finding *findingOf(const Findings &findings, const QString &code, const QString &field = QString())
{
    for (const Finding &finding : findings) {
        if (finding.code == code && (field.isNull() || finding.field == field))
            return &finding;
    }
    return nullptr;
}

QByteArray describe(const Findings &findings)
{
    QStringList lines;
    for (const Finding &finding : findings)
        lines.append(QStringLiteral("%1 [%2] %3").arg(finding.code, finding.field, finding.message));
    return lines.join(QStringLiteral(" | ")).toUtf8();
}

} // namespace

void TestCallbackParser::encodings_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<BodyEncoding>("encoding");
    QTest::addColumn<MetadataLayout>("layout");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("remoteAddr");
    QTest::addColumn<QString>("userAgent");
    QTest::addColumn<QStringList>("codes");

    const QByteArray required = "asset=a&user=u&session=s";
    const QByteArray metadataObject = R"("requestMetadata":{"remoteAddr":"1.2.3.4","userAgent":"UA 1"})";

    QTest::addRow("json vendor example")
        << QByteArray("POST") << QByteArray("/callback") << JsonType << VendorExample << BodyEncoding::Json
        << MetadataLayout::JsonObject << "example_user" << "113.190.233.178" << VendorUserAgent << QStringList();
    QTest::addRow("json charset utf-8")
        << QByteArray("POST") << QByteArray("/callback") << QByteArray("application/json; charset=utf-8")
        << jsonWith(metadataObject) << BodyEncoding::Json << MetadataLayout::JsonObject << "u" << "1.2.3.4" << "UA 1"
        << QStringList();
    QTest::addRow("json charset upper case no space")
        << QByteArray("POST") << QByteArray("/callback") << QByteArray("application/json;charset=UTF-8")
        << jsonWith({}) << BodyEncoding::Json << MetadataLayout::Absent << "u" << "" << "" << QStringList();
    QTest::addRow("json without metadata")
        << QByteArray("POST") << QByteArray("/callback") << JsonType << jsonWith({}) << BodyEncoding::Json
        << MetadataLayout::Absent << "u" << "" << "" << QStringList();
    QTest::addRow("json by put")
        << QByteArray("PUT") << QByteArray("/callback") << JsonType << jsonWith(metadataObject) << BodyEncoding::Json
        << MetadataLayout::JsonObject << "u" << "1.2.3.4" << "UA 1" << QStringList();
    QTest::addRow("json with byte order mark")
        << QByteArray("POST") << QByteArray("/callback") << JsonType << "\xEF\xBB\xBF" + jsonWith({})
        << BodyEncoding::Json << MetadataLayout::Absent << "u" << "" << "" << QStringList();
    QTest::addRow("json pretty printed with leading space")
        << QByteArray("POST") << QByteArray("/callback") << JsonType
        << QByteArray("\r\n  {\n \"asset\" : \"a\",\n \"user\" : \"u\",\n \"session\" : \"s\"\n}\n")
        << BodyEncoding::Json << MetadataLayout::Absent << "u" << "" << "" << QStringList();

    QTest::addRow("form bracket encoded")
        << QByteArray("POST") << QByteArray("/callback") << FormType
        << required + "&requestMetadata%5BremoteAddr%5D=1.2.3.4&requestMetadata%5BuserAgent%5D=Mozilla%2F5.0+(X11)"
        << BodyEncoding::Form << MetadataLayout::Bracket << "u" << "1.2.3.4" << "Mozilla/5.0 (X11)" << QStringList();
    QTest::addRow("form bracket raw")
        << QByteArray("POST") << QByteArray("/callback") << FormType
        << required + "&requestMetadata[remoteAddr]=1.2.3.4&requestMetadata[userAgent]=UA+1" << BodyEncoding::Form
        << MetadataLayout::Bracket << "u" << "1.2.3.4" << "UA 1" << QStringList();
    QTest::addRow("form dot")
        << QByteArray("POST") << QByteArray("/callback") << FormType
        << required + "&requestMetadata.remoteAddr=1.2.3.4&requestMetadata.userAgent=UA%201" << BodyEncoding::Form
        << MetadataLayout::Dot << "u" << "1.2.3.4" << "UA 1" << QStringList();
    QTest::addRow("form json text")
        << QByteArray("POST") << QByteArray("/callback") << FormType
        << required + "&requestMetadata=%7B%22remoteAddr%22%3A%221.2.3.4%22%2C%22userAgent%22%3A%22UA%201%22%7D"
        << BodyEncoding::Form << MetadataLayout::JsonText << "u" << "1.2.3.4" << "UA 1" << QStringList();
    QTest::addRow("form json text with plus as space")
        << QByteArray("POST") << QByteArray("/callback") << FormType
        << required + "&requestMetadata={\"remoteAddr\":+\"1.2.3.4\",+\"userAgent\":+\"UA+1\"}" << BodyEncoding::Form
        << MetadataLayout::JsonText << "u" << "1.2.3.4" << "UA 1" << QStringList();
    QTest::addRow("form without metadata")
        << QByteArray("POST") << QByteArray("/callback") << FormType << required << BodyEncoding::Form
        << MetadataLayout::Absent << "u" << "" << "" << QStringList();
    QTest::addRow("form charset utf-8")
        << QByteArray("POST") << QByteArray("/callback") << QByteArray("application/x-www-form-urlencoded; charset=UTF-8")
        << required << BodyEncoding::Form << MetadataLayout::Absent << "u" << "" << "" << QStringList();
    QTest::addRow("form trailing line break")
        << QByteArray("POST") << QByteArray("/callback") << FormType << QByteArray("user=u&asset=a&session=s\r\n")
        << BodyEncoding::Form << MetadataLayout::Absent << "u" << "" << "" << QStringList();
    QTest::addRow("form empty pairs skipped")
        << QByteArray("POST") << QByteArray("/callback") << FormType << QByteArray("&&asset=a&&user=u&session=s&")
        << BodyEncoding::Form << MetadataLayout::Absent << "u" << "" << "" << QStringList();
    QTest::addRow("form utf-8 value")
        << QByteArray("POST") << QByteArray("/callback") << FormType << QByteArray("asset=a&user=ng%C6%B0%E1%BB%9Di&session=s")
        << BodyEncoding::Form << MetadataLayout::Absent << QString::fromUtf8("ngư\xE1\xBB\x9Di") << "" << ""
        << QStringList();

    QTest::addRow("query get bracket")
        << QByteArray("GET") << QByteArray("/callback?" + required + "&requestMetadata[remoteAddr]=1.2.3.4") << NoType
        << QByteArray() << BodyEncoding::Query << MetadataLayout::Bracket << "u" << "1.2.3.4" << "" << QStringList();
    QTest::addRow("query get dot")
        << QByteArray("GET") << QByteArray("/callback?" + required + "&requestMetadata.userAgent=UA+1") << NoType
        << QByteArray() << BodyEncoding::Query << MetadataLayout::Dot << "u" << "" << "UA 1" << QStringList();
    QTest::addRow("query get json text")
        << QByteArray("GET") << QByteArray("/callback?" + required + "&requestMetadata=%7B%22remoteAddr%22%3A%22%3A%3A1%22%7D")
        << NoType << QByteArray() << BodyEncoding::Query << MetadataLayout::JsonText << "u" << "::1" << ""
        << QStringList();
    QTest::addRow("query get without metadata")
        << QByteArray("GET") << QByteArray("/callback?" + required) << NoType << QByteArray() << BodyEncoding::Query
        << MetadataLayout::Absent << "u" << "" << "" << QStringList();
    QTest::addRow("query get with json content type")
        << QByteArray("GET") << QByteArray("/callback?" + required) << JsonType << QByteArray() << BodyEncoding::Query
        << MetadataLayout::Absent << "u" << "" << "" << QStringList();
    QTest::addRow("query post with empty body")
        << QByteArray("POST") << QByteArray("/callback?" + required) << FormType << QByteArray() << BodyEncoding::Query
        << MetadataLayout::Absent << "u" << "" << "" << QStringList{"empty-body"};
    QTest::addRow("query put with blank body")
        << QByteArray("PUT") << QByteArray("/callback?" + required) << JsonType << QByteArray(" \r\n")
        << BodyEncoding::Query << MetadataLayout::Absent << "u" << "" << "" << QStringList{"empty-body"};
}

void TestCallbackParser::encodings()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(BodyEncoding, encoding);
    QFETCH(MetadataLayout, layout);
    QFETCH(QString, user);
    QFETCH(QString, remoteAddr);
    QFETCH(QString, userAgent);
    QFETCH(QStringList, codes);

    const ParseResult result = CallbackParser::parse(makeRequest(method, target, contentType, body));
    QVERIFY2(!result.rejected, qPrintable(result.errorMessage));
    QCOMPARE(result.callback.encoding, encoding);
    QCOMPARE(result.callback.metadataLayout, layout);
    QCOMPARE(result.callback.user, user);
    QCOMPARE(result.callback.remoteAddr, remoteAddr);
    QCOMPARE(result.callback.userAgent, userAgent);
    QVERIFY2(codesOf(result.findings) == sorted(codes), describe(result.findings));
    QVERIFY(!result.callback.asset.isEmpty());
    QVERIFY(!result.callback.session.isEmpty());
    QCOMPARE(result.callback.fields.value("user").toString(), user);
}

void TestCallbackParser::drmScheme_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<DrmScheme>("scheme");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("codes");

    const auto json = [](const QByteArray &value) { return jsonWith("\"drmScheme\":" + value); };
    QTest::addRow("WIDEVINE") << JsonType << json("\"WIDEVINE\"") << DrmScheme::Widevine << "WIDEVINE" << QStringList();
    QTest::addRow("WIDE_VINE") << JsonType << json("\"WIDE_VINE\"") << DrmScheme::Widevine << "WIDE_VINE" << QStringList();
    QTest::addRow("WIDEVINE_MODULAR") << JsonType << json("\"WIDEVINE_MODULAR\"") << DrmScheme::Widevine
                                      << "WIDEVINE_MODULAR" << QStringList();
    QTest::addRow("FAIRPLAY") << JsonType << json("\"FAIRPLAY\"") << DrmScheme::FairPlay << "FAIRPLAY" << QStringList();
    QTest::addRow("PLAYREADY") << JsonType << json("\"PLAYREADY\"") << DrmScheme::PlayReady << "PLAYREADY"
                               << QStringList();
    QTest::addRow("widevine lower case") << JsonType << json("\"widevine\"") << DrmScheme::Widevine << "widevine"
                                         << QStringList{"drm-scheme-spelling"};
    QTest::addRow("Widevine title case") << JsonType << json("\"Widevine\"") << DrmScheme::Widevine << "Widevine"
                                         << QStringList{"drm-scheme-spelling"};
    QTest::addRow("wide_vine lower case") << JsonType << json("\"wide_vine\"") << DrmScheme::Widevine << "wide_vine"
                                          << QStringList{"drm-scheme-spelling"};
    QTest::addRow("Wide-Vine hyphen") << JsonType << json("\"Wide-Vine\"") << DrmScheme::Widevine << "Wide-Vine"
                                      << QStringList{"drm-scheme-spelling"};
    QTest::addRow("widevine_modular lower case") << JsonType << json("\"widevine_modular\"") << DrmScheme::Widevine
                                                 << "widevine_modular" << QStringList{"drm-scheme-spelling"};
    QTest::addRow("FairPlay camel case") << JsonType << json("\"FairPlay\"") << DrmScheme::FairPlay << "FairPlay"
                                         << QStringList{"drm-scheme-spelling"};
    QTest::addRow("FAIR_PLAY underscore") << JsonType << json("\"FAIR_PLAY\"") << DrmScheme::FairPlay << "FAIR_PLAY"
                                          << QStringList{"drm-scheme-spelling"};
    QTest::addRow("PlayReady camel case") << JsonType << json("\"PlayReady\"") << DrmScheme::PlayReady << "PlayReady"
                                          << QStringList{"drm-scheme-spelling"};
    QTest::addRow("playready lower case") << JsonType << json("\"playready\"") << DrmScheme::PlayReady << "playready"
                                          << QStringList{"drm-scheme-spelling"};
    QTest::addRow("DEFAULT") << JsonType << json("\"DEFAULT\"") << DrmScheme::Other << "DEFAULT"
                             << QStringList{"unknown-drm-scheme"};
    QTest::addRow("CLEARKEY") << JsonType << json("\"CLEARKEY\"") << DrmScheme::Other << "CLEARKEY"
                              << QStringList{"unknown-drm-scheme"};
    QTest::addRow("key system name") << JsonType << json("\"com.widevine.alpha\"") << DrmScheme::Other
                                     << "com.widevine.alpha" << QStringList{"unknown-drm-scheme"};
    QTest::addRow("absent") << JsonType << jsonWith({}) << DrmScheme::None << "" << QStringList();
    QTest::addRow("empty string") << JsonType << json("\"\"") << DrmScheme::None << "" << QStringList{"empty-value"};
    QTest::addRow("null") << JsonType << json("null") << DrmScheme::None << "" << QStringList{"wrong-type"};
    QTest::addRow("number") << JsonType << json("3") << DrmScheme::Other << "3" << QStringList{"wrong-type"};
    QTest::addRow("object") << JsonType << json("{\"name\":\"WIDEVINE\"}") << DrmScheme::Other
                            << "{\"name\":\"WIDEVINE\"}" << QStringList{"wrong-type"};
    QTest::addRow("form WIDEVINE") << FormType << QByteArray("asset=a&user=u&session=s&drmScheme=WIDEVINE")
                                   << DrmScheme::Widevine << "WIDEVINE" << QStringList();
    QTest::addRow("form wide vine with space") << FormType << QByteArray("asset=a&user=u&session=s&drmScheme=wide+vine")
                                               << DrmScheme::Widevine << "wide vine"
                                               << QStringList{"drm-scheme-spelling"};
    QTest::addRow("form DEFAULT") << FormType << QByteArray("asset=a&user=u&session=s&drmScheme=DEFAULT")
                                  << DrmScheme::Other << "DEFAULT" << QStringList{"unknown-drm-scheme"};
}

void TestCallbackParser::drmScheme()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(DrmScheme, scheme);
    QFETCH(QString, text);
    QFETCH(QStringList, codes);

    const ParseResult result = CallbackParser::parse(post(contentType, body));
    QVERIFY2(!result.rejected, qPrintable(result.errorMessage));
    QCOMPARE(result.callback.drmScheme, scheme);
    QCOMPARE(result.callback.drmSchemeText, text);
    QVERIFY2(codesOf(result.findings) == sorted(codes), describe(result.findings));
    for (const Finding &finding : result.findings)
        QCOMPARE(finding.field, QString("drmScheme"));
}

void TestCallbackParser::schemeFromText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<DrmScheme>("scheme");
    QTest::addColumn<bool>("canonical");

    QTest::addRow("empty") << "" << DrmScheme::None << false;
    QTest::addRow("WIDEVINE") << "WIDEVINE" << DrmScheme::Widevine << true;
    QTest::addRow("WIDE_VINE") << "WIDE_VINE" << DrmScheme::Widevine << true;
    QTest::addRow("WIDEVINE_MODULAR") << "WIDEVINE_MODULAR" << DrmScheme::Widevine << true;
    QTest::addRow("FAIRPLAY") << "FAIRPLAY" << DrmScheme::FairPlay << true;
    QTest::addRow("PLAYREADY") << "PLAYREADY" << DrmScheme::PlayReady << true;
    QTest::addRow("widevine") << "widevine" << DrmScheme::Widevine << false;
    QTest::addRow("Play Ready") << "Play Ready" << DrmScheme::PlayReady << false;
    QTest::addRow("DEFAULT") << "DEFAULT" << DrmScheme::Other << false;
    QTest::addRow("WIDEVINE2") << "WIDEVINE2" << DrmScheme::Other << false;
}

void TestCallbackParser::schemeFromText()
{
    QFETCH(QString, text);
    QFETCH(DrmScheme, scheme);
    QFETCH(bool, canonical);

    QCOMPARE(CallbackParser::schemeFromText(text), scheme);
    QCOMPARE(CallbackParser::isCanonicalSchemeSpelling(text), canonical);
}

void TestCallbackParser::assets_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("asset");
    QTest::addColumn<QStringList>("assets");
    QTest::addColumn<QStringList>("codes");

    QTest::addRow("asset string") << JsonType << QByteArray(R"({"asset":"a","user":"u","session":"s"})") << "a"
                                  << QStringList{"a"} << QStringList();
    QTest::addRow("assets alias") << JsonType << QByteArray(R"({"assets":"a","user":"u","session":"s"})") << "a"
                                  << QStringList{"a"} << QStringList{"field-alias"};
    QTest::addRow("asset wins over assets")
        << JsonType << QByteArray(R"({"asset":"a","assets":"b","user":"u","session":"s"})") << "a" << QStringList{"a"}
        << QStringList{"field-alias"};
    QTest::addRow("asset array") << JsonType << QByteArray(R"({"asset":["a","b"],"user":"u","session":"s"})") << "a"
                                 << QStringList{"a", "b"} << QStringList{"asset-array"};
    QTest::addRow("asset array of one") << JsonType << QByteArray(R"({"asset":["a"],"user":"u","session":"s"})")
                                        << "a" << QStringList{"a"} << QStringList{"asset-array"};
    QTest::addRow("assets alias array") << JsonType
                                        << QByteArray(R"({"assets":["x","y","z"],"user":"u","session":"s"})") << "x"
                                        << QStringList{"x", "y", "z"} << QStringList{"asset-array", "field-alias"};
    QTest::addRow("asset array with number") << JsonType
                                             << QByteArray(R"({"asset":["a",7],"user":"u","session":"s"})") << "a"
                                             << QStringList{"a", "7"} << QStringList{"asset-array", "wrong-type"};
    QTest::addRow("asset array with empty entry") << JsonType
                                                  << QByteArray(R"({"asset":["a",""],"user":"u","session":"s"})")
                                                  << "a" << QStringList{"a", ""}
                                                  << QStringList{"asset-array", "empty-value"};
    QTest::addRow("asset number") << JsonType << QByteArray(R"({"asset":42,"user":"u","session":"s"})") << "42"
                                  << QStringList{"42"} << QStringList{"wrong-type"};
    QTest::addRow("asset boolean") << JsonType << QByteArray(R"({"asset":true,"user":"u","session":"s"})") << "true"
                                   << QStringList{"true"} << QStringList{"wrong-type"};
    QTest::addRow("asset empty") << JsonType << QByteArray(R"({"asset":"","user":"u","session":"s"})") << ""
                                 << QStringList{""} << QStringList{"empty-value"};
    QTest::addRow("form asset repeated") << FormType << QByteArray("asset=a&user=u&asset=b&session=s") << "a"
                                         << QStringList{"a", "b"} << QStringList{"asset-array", "duplicate-field"};
    QTest::addRow("form asset brackets") << FormType << QByteArray("asset[]=a&asset[]=b&user=u&session=s") << "a"
                                         << QStringList{"a", "b"} << QStringList{"asset-array"};
    QTest::addRow("form assets alias") << FormType << QByteArray("assets=a&user=u&session=s") << "a"
                                       << QStringList{"a"} << QStringList{"field-alias"};
}

void TestCallbackParser::assets()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QString, asset);
    QFETCH(QStringList, assets);
    QFETCH(QStringList, codes);

    const ParseResult result = CallbackParser::parse(post(contentType, body));
    QVERIFY2(!result.rejected, qPrintable(result.errorMessage));
    QCOMPARE(result.callback.asset, asset);
    QCOMPARE(result.callback.assets, assets);
    QVERIFY2(codesOf(result.findings) == sorted(codes), describe(result.findings));
    if (codes.contains("field-alias")) {
        const Finding *alias = findingOf(result.findings, "field-alias");
        QCOMPARE(alias->field, QString("assets"));
        QCOMPARE(alias->severity, FindingSeverity::Info);
        QVERIFY(alias->message.contains("assets"));
    }
}

void TestCallbackParser::requiredFieldTypes_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("session");
    QTest::addColumn<QStringList>("codes");
    QTest::addColumn<QString>("findingField");

    QTest::addRow("strings") << JsonType << QByteArray(R"({"asset":"a","user":"u","session":"s"})") << "u" << "s"
                             << QStringList() << "";
    QTest::addRow("user number") << JsonType << QByteArray(R"({"asset":"a","user":12345,"session":"s"})") << "12345"
                                 << "s" << QStringList{"wrong-type"} << "user";
    QTest::addRow("user large number") << JsonType
                                       << QByteArray(R"({"asset":"a","user":12345678901,"session":"s"})")
                                       << "12345678901" << "s" << QStringList{"wrong-type"} << "user";
    QTest::addRow("user fraction") << JsonType << QByteArray(R"({"asset":"a","user":1.5,"session":"s"})") << "1.5"
                                   << "s" << QStringList{"wrong-type"} << "user";
    QTest::addRow("session boolean") << JsonType << QByteArray(R"({"asset":"a","user":"u","session":true})") << "u"
                                     << "true" << QStringList{"wrong-type"} << "session";
    QTest::addRow("user empty") << JsonType << QByteArray(R"({"asset":"a","user":"","session":"s"})") << "" << "s"
                                << QStringList{"empty-value"} << "user";
    QTest::addRow("session empty") << JsonType << QByteArray(R"({"asset":"a","user":"u","session":""})") << "u" << ""
                                   << QStringList{"empty-value"} << "session";
    QTest::addRow("form user empty") << FormType << QByteArray("asset=a&user=&session=s") << "" << "s"
                                     << QStringList{"empty-value"} << "user";
    QTest::addRow("form user without equals sign") << FormType << QByteArray("asset=a&user&session=s") << "" << "s"
                                                   << QStringList{"empty-value"} << "user";
    QTest::addRow("form user repeated") << FormType << QByteArray("asset=a&user=first&user=second&session=s")
                                        << "first" << "s" << QStringList{"duplicate-field"} << "user";
    QTest::addRow("form session repeated") << FormType << QByteArray("asset=a&user=u&session=1&session=2") << "u"
                                           << "1" << QStringList{"duplicate-field"} << "session";
}

void TestCallbackParser::requiredFieldTypes()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QString, user);
    QFETCH(QString, session);
    QFETCH(QStringList, codes);
    QFETCH(QString, findingField);

    const ParseResult result = CallbackParser::parse(post(contentType, body));
    QVERIFY2(!result.rejected, qPrintable(result.errorMessage));
    QCOMPARE(result.callback.user, user);
    QCOMPARE(result.callback.session, session);
    QVERIFY2(codesOf(result.findings) == sorted(codes), describe(result.findings));
    for (const Finding &finding : result.findings)
        QCOMPARE(finding.field, findingField);
}

void TestCallbackParser::rejections_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("errorCode");
    QTest::addColumn<QString>("errorField");
    QTest::addColumn<qint64>("errorOffset");

    const QByteArray post = "POST";
    const QByteArray path = "/callback";
    QTest::addRow("asset missing") << post << path << JsonType << QByteArray(R"({"user":"u","session":"s"})")
                                   << "missing-field" << "asset" << qint64(-1);
    QTest::addRow("user missing") << post << path << JsonType << QByteArray(R"({"asset":"a","session":"s"})")
                                  << "missing-field" << "user" << qint64(-1);
    QTest::addRow("session missing") << post << path << JsonType << QByteArray(R"({"asset":"a","user":"u"})")
                                     << "missing-field" << "session" << qint64(-1);
    QTest::addRow("empty object") << post << path << JsonType << QByteArray("{}") << "missing-field" << "asset"
                                  << qint64(-1);
    QTest::addRow("form session missing") << post << path << FormType << QByteArray("asset=a&user=u")
                                          << "missing-field" << "session" << qint64(-1);
    QTest::addRow("asset empty list") << post << path << JsonType
                                      << QByteArray(R"({"asset":[],"user":"u","session":"s"})") << "missing-field"
                                      << "asset" << qint64(-1);
    QTest::addRow("user object") << post << path << JsonType
                                 << QByteArray(R"({"asset":"a","user":{"id":"u"},"session":"s"})") << "wrong-type"
                                 << "user" << qint64(-1);
    QTest::addRow("user array") << post << path << JsonType << QByteArray(R"({"asset":"a","user":["u"],"session":"s"})")
                                << "wrong-type" << "user" << qint64(-1);
    QTest::addRow("user null") << post << path << JsonType << QByteArray(R"({"asset":"a","user":null,"session":"s"})")
                               << "wrong-type" << "user" << qint64(-1);
    QTest::addRow("session object") << post << path << JsonType
                                    << QByteArray(R"({"asset":"a","user":"u","session":{}})") << "wrong-type"
                                    << "session" << qint64(-1);
    QTest::addRow("session null") << post << path << JsonType
                                  << QByteArray(R"({"asset":"a","user":"u","session":null})") << "wrong-type"
                                  << "session" << qint64(-1);
    QTest::addRow("asset null") << post << path << JsonType << QByteArray(R"({"asset":null,"user":"u","session":"s"})")
                                << "wrong-type" << "asset" << qint64(-1);
    QTest::addRow("asset object") << post << path << JsonType
                                  << QByteArray(R"({"asset":{"id":"a"},"user":"u","session":"s"})") << "wrong-type"
                                  << "asset" << qint64(-1);
    QTest::addRow("asset list with object") << post << path << JsonType
                                            << QByteArray(R"({"asset":["a",{}],"user":"u","session":"s"})")
                                            << "wrong-type" << "asset" << qint64(-1);
    QTest::addRow("form user brackets") << post << path << FormType << QByteArray("asset=a&user[]=u&session=s")
                                        << "wrong-type" << "user" << qint64(-1);
    QTest::addRow("form user nested") << post << path << FormType << QByteArray("asset=a&user[id]=u&session=s")
                                      << "wrong-type" << "user" << qint64(-1);

    // JSON offsets are QJsonParseError::offset as Qt 6.4 reports it, which
    // can point one byte past the offending byte or past the end of the body.
    QTest::addRow("json truncated") << post << path << JsonType << QByteArray(R"({"asset":"a","user":)")
                                    << "invalid-json" << "" << qint64(20);
    QTest::addRow("json truncated string") << post << path << JsonType << QByteArray(R"({"asset":"a)")
                                           << "invalid-json" << "" << qint64(12);
    QTest::addRow("json top-level array") << post << path << JsonType
                                          << QByteArray(R"([{"asset":"a","user":"u","session":"s"}])")
                                          << "invalid-json" << "" << qint64(0);
    QTest::addRow("json top-level array after space") << post << path << JsonType << QByteArray("\n  [1,2]")
                                                      << "invalid-json" << "" << qint64(3);
    QTest::addRow("json top-level number") << post << path << JsonType << QByteArray("42") << "invalid-json" << ""
                                           << qint64(1);
    QTest::addRow("json top-level string") << post << path << JsonType << QByteArray(R"("asset")") << "invalid-json"
                                           << "" << qint64(1);
    QTest::addRow("json garbage after object") << post << path << JsonType
                                               << QByteArray(R"({"asset":"a","user":"u","session":"s"} x)")
                                               << "invalid-json" << "" << qint64(39);
    QTest::addRow("json missing comma") << post << path << JsonType << QByteArray(R"({"asset":"a" "user":"u"})")
                                        << "invalid-json" << "" << qint64(14);
    QTest::addRow("json plain text") << post << path << JsonType << QByteArray("hello") << "invalid-json" << ""
                                     << qint64(1);
    QTest::addRow("json binary garbage") << post << path << JsonType << QByteArray("\x00\x01\xFE\xFF", 4)
                                         << "invalid-json" << "" << qint64(1);
    QTest::addRow("binary garbage without type") << post << path << NoType << QByteArray("ab\x01\x02\xFF", 5)
                                                 << "invalid-form" << "" << qint64(2);
    QTest::addRow("binary garbage as form") << post << path << FormType << QByteArray("\x00\x10", 2)
                                            << "invalid-form" << "" << qint64(0);
    QTest::addRow("text without pairs as form") << post << path << FormType << QByteArray("hello world")
                                                << "invalid-form" << "" << qint64(-1);
    QTest::addRow("text without pairs untyped") << post << path << QByteArray("text/plain") << QByteArray("hello")
                                                << "invalid-form" << "" << qint64(-1);
    QTest::addRow("multipart body") << post << path << QByteArray("multipart/form-data; boundary=x")
                                    << QByteArray("--x\r\nContent-Disposition: form-data; name=\"asset\"\r\n\r\na\r\n--x--")
                                    << "invalid-form" << "" << qint64(3);
    QTest::addRow("form bad escape in value") << post << path << FormType << QByteArray("asset=a&user=%zz&session=s")
                                              << "invalid-form" << "user" << qint64(13);
    QTest::addRow("form short escape at end") << post << path << FormType << QByteArray("asset=a&user=u&session=%4")
                                              << "invalid-form" << "session" << qint64(23);
    QTest::addRow("form lone percent") << post << path << FormType << QByteArray("asset=100%&user=u&session=s")
                                       << "invalid-form" << "asset" << qint64(9);
    QTest::addRow("form bad escape in name") << post << path << FormType << QByteArray("asset=a&us%zzer=u")
                                             << "invalid-form" << "" << qint64(10);
    QTest::addRow("form bad escape in metadata") << post << path << FormType
                                                 << QByteArray("asset=a&user=u&session=s&requestMetadata[userAgent]=50%")
                                                 << "invalid-form" << "requestMetadata[userAgent]" << qint64(54);
    QTest::addRow("query bad escape") << QByteArray("GET") << QByteArray("/callback?asset=a&user=%zz") << NoType
                                      << QByteArray() << "invalid-form" << "user" << qint64(13);
    QTest::addRow("post without body or query") << post << path << JsonType << QByteArray() << "missing-field"
                                                << "asset" << qint64(-1);
    QTest::addRow("get without query") << QByteArray("GET") << path << NoType << QByteArray() << "missing-field"
                                       << "asset" << qint64(-1);
    QTest::addRow("get with unrelated query") << QByteArray("GET") << QByteArray("/callback?ping") << NoType
                                              << QByteArray() << "missing-field" << "asset" << qint64(-1);
}

void TestCallbackParser::rejections()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QString, errorCode);
    QFETCH(QString, errorField);
    QFETCH(qint64, errorOffset);

    const ParseResult result = CallbackParser::parse(makeRequest(method, target, contentType, body));
    QVERIFY(result.rejected);
    QCOMPARE(result.errorCode, errorCode);
    QCOMPARE(result.errorField, errorField);
    QCOMPARE(result.errorOffset, errorOffset);
    QVERIFY(!result.errorMessage.isEmpty());
    if (errorOffset >= 0)
        QVERIFY2(result.errorMessage.contains(QString::number(errorOffset)), qPrintable(result.errorMessage));

    const Finding *finding = findingOf(result.findings, errorCode, errorField);
    QVERIFY2(finding, describe(result.findings));
    QCOMPARE(finding->severity, FindingSeverity::Error);
}

void TestCallbackParser::contentType_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<BodyEncoding>("encoding");
    QTest::addColumn<QStringList>("codes");

    const QByteArray json = R"({"asset":"a","user":"u","session":"s"})";
    const QByteArray form = "asset=a&user=u&session=s";
    const QByteArray path = "/callback";
    QTest::addRow("json typed as json") << path << JsonType << json << BodyEncoding::Json << QStringList();
    QTest::addRow("form typed as form") << path << FormType << form << BodyEncoding::Form << QStringList();
    QTest::addRow("form typed as json") << path << JsonType << form << BodyEncoding::Form
                                        << QStringList{"content-type-mismatch"};
    QTest::addRow("json typed as form") << path << FormType << json << BodyEncoding::Json
                                        << QStringList{"content-type-mismatch"};
    QTest::addRow("json typed as text") << path << QByteArray("text/plain") << json << BodyEncoding::Json
                                        << QStringList{"content-type-mismatch"};
    QTest::addRow("form typed as octet stream") << path << QByteArray("application/octet-stream") << form
                                                << BodyEncoding::Form << QStringList{"content-type-mismatch"};
    QTest::addRow("json untyped") << path << NoType << json << BodyEncoding::Json << QStringList{"content-type-missing"};
    QTest::addRow("form untyped") << path << NoType << form << BodyEncoding::Form << QStringList{"content-type-missing"};
    QTest::addRow("json empty type header") << path << QByteArray("") << json << BodyEncoding::Json
                                            << QStringList{"content-type-missing"};
    QTest::addRow("json media type upper case") << path << QByteArray("Application/JSON") << json << BodyEncoding::Json
                                                << QStringList();
    QTest::addRow("json suffix type") << path << QByteArray("application/vnd.callback+json") << json
                                      << BodyEncoding::Json << QStringList();
    QTest::addRow("json charset quoted utf-8") << path << QByteArray("application/json; charset=\"utf-8\"") << json
                                               << BodyEncoding::Json << QStringList();
    QTest::addRow("json charset latin-1") << path << QByteArray("application/json; charset=ISO-8859-1") << json
                                          << BodyEncoding::Json << QStringList{"charset-not-utf8"};
    QTest::addRow("form charset windows-1252") << path
                                               << QByteArray("application/x-www-form-urlencoded; charset=windows-1252")
                                               << form << BodyEncoding::Form << QStringList{"charset-not-utf8"};
    QTest::addRow("json body with query string") << QByteArray("/callback?asset=other") << JsonType << json
                                                 << BodyEncoding::Json << QStringList{"query-ignored"};
}

void TestCallbackParser::contentType()
{
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(BodyEncoding, encoding);
    QFETCH(QStringList, codes);

    const ParseResult result = CallbackParser::parse(makeRequest("POST", target, contentType, body));
    QVERIFY2(!result.rejected, qPrintable(result.errorMessage));
    QCOMPARE(result.callback.encoding, encoding);
    QCOMPARE(result.callback.asset, QString("a"));
    QCOMPARE(result.callback.user, QString("u"));
    QCOMPARE(result.callback.session, QString("s"));
    QVERIFY2(codesOf(result.findings) == sorted(codes), describe(result.findings));
}

void TestCallbackParser::metadata_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<MetadataLayout>("layout");
    QTest::addColumn<QString>("remoteAddr");
    QTest::addColumn<QString>("userAgent");
    QTest::addColumn<QStringList>("codes");

    const auto json = [](const QByteArray &metadata) { return jsonWith("\"requestMetadata\":" + metadata); };
    const auto address = [&json](const QByteArray &remoteAddr) {
        return json("{\"remoteAddr\":\"" + remoteAddr + "\"}");
    };
    QTest::addRow("ipv4") << JsonType << address("113.190.233.178") << MetadataLayout::JsonObject << "113.190.233.178"
                          << "" << QStringList();
    QTest::addRow("ipv4 zeros") << JsonType << address("0.0.0.0") << MetadataLayout::JsonObject << "0.0.0.0" << ""
                                << QStringList();
    QTest::addRow("ipv6") << JsonType << address("2001:db8::1") << MetadataLayout::JsonObject << "2001:db8::1" << ""
                          << QStringList();
    QTest::addRow("ipv4-mapped ipv6") << JsonType << address("::ffff:10.0.0.1") << MetadataLayout::JsonObject
                                      << "::ffff:10.0.0.1" << "" << QStringList();
    QTest::addRow("three octets") << JsonType << address("1.2.3") << MetadataLayout::JsonObject << "1.2.3" << ""
                                  << QStringList{"invalid-ip"};
    QTest::addRow("octet above 255") << JsonType << address("256.1.1.1") << MetadataLayout::JsonObject << "256.1.1.1"
                                     << "" << QStringList{"invalid-ip"};
    QTest::addRow("address with port") << JsonType << address("1.2.3.4:8080") << MetadataLayout::JsonObject
                                       << "1.2.3.4:8080" << "" << QStringList{"invalid-ip"};
    QTest::addRow("forwarded list") << JsonType << address("1.2.3.4, 10.0.0.1") << MetadataLayout::JsonObject
                                    << "1.2.3.4, 10.0.0.1" << "" << QStringList{"invalid-ip"};
    QTest::addRow("host name") << JsonType << address("localhost") << MetadataLayout::JsonObject << "localhost" << ""
                               << QStringList{"invalid-ip"};
    QTest::addRow("leading space") << JsonType << address(" 1.2.3.4") << MetadataLayout::JsonObject << " 1.2.3.4"
                                   << "" << QStringList{"invalid-ip"};
    QTest::addRow("bracketed ipv6") << JsonType << address("[::1]") << MetadataLayout::JsonObject << "[::1]" << ""
                                    << QStringList{"invalid-ip"};
    QTest::addRow("empty address") << JsonType << address("") << MetadataLayout::JsonObject << "" << ""
                                   << QStringList{"invalid-ip"};
    QTest::addRow("address as number") << JsonType << json(R"({"remoteAddr":16909060})") << MetadataLayout::JsonObject
                                       << "16909060" << "" << QStringList{"wrong-type"};
    QTest::addRow("user agent as object") << JsonType << json(R"({"userAgent":{"name":"x"}})")
                                          << MetadataLayout::JsonObject << "" << "{\"name\":\"x\"}"
                                          << QStringList{"wrong-type"};
    QTest::addRow("metadata as json string")
        << JsonType << json(R"("{\"remoteAddr\":\"1.2.3.4\",\"userAgent\":\"UA\"}")") << MetadataLayout::JsonText
        << "1.2.3.4" << "UA" << QStringList{"metadata-json-text"};
    QTest::addRow("metadata as plain string") << JsonType << json(R"("1.2.3.4")") << MetadataLayout::JsonText << ""
                                              << "" << QStringList{"wrong-type"};
    QTest::addRow("metadata as array") << JsonType << json(R"(["1.2.3.4"])") << MetadataLayout::Absent << "" << ""
                                       << QStringList{"wrong-type"};
    QTest::addRow("metadata as number") << JsonType << json("7") << MetadataLayout::Absent << "" << ""
                                        << QStringList{"wrong-type"};
    QTest::addRow("metadata null") << JsonType << json("null") << MetadataLayout::Absent << "" << ""
                                   << QStringList{"wrong-type"};
    QTest::addRow("metadata empty object") << JsonType << json("{}") << MetadataLayout::JsonObject << "" << ""
                                           << QStringList();
    QTest::addRow("metadata extra member") << JsonType << json(R"({"remoteAddr":"1.2.3.4","geo":"VN"})")
                                           << MetadataLayout::JsonObject << "1.2.3.4" << ""
                                           << QStringList{"unknown-field"};

    const QByteArray form = "asset=a&user=u&session=s&";
    QTest::addRow("form json text invalid") << FormType << form + "requestMetadata=%7Bbroken"
                                            << MetadataLayout::JsonText << "" << "" << QStringList{"wrong-type"};
    QTest::addRow("form json text empty") << FormType << form + "requestMetadata=" << MetadataLayout::JsonText << ""
                                          << "" << QStringList{"wrong-type"};
    QTest::addRow("form bracket and dot mixed") << FormType
                                                << form + "requestMetadata[remoteAddr]=1.2.3.4&requestMetadata.userAgent=UA"
                                                << MetadataLayout::Bracket << "1.2.3.4" << "UA" << QStringList();
    QTest::addRow("form bracket repeated") << FormType
                                           << form + "requestMetadata[remoteAddr]=1.2.3.4&requestMetadata[remoteAddr]=5.6.7.8"
                                           << MetadataLayout::Bracket << "1.2.3.4" << ""
                                           << QStringList{"duplicate-field"};
    QTest::addRow("form text then bracket") << FormType
                                            << form + "requestMetadata=%7B%22remoteAddr%22%3A%221.2.3.4%22%7D"
                                                      "&requestMetadata[userAgent]=UA"
                                            << MetadataLayout::JsonText << "1.2.3.4" << ""
                                            << QStringList{"duplicate-field"};
    QTest::addRow("form invalid address") << FormType << form + "requestMetadata.remoteAddr=not-an-ip"
                                          << MetadataLayout::Dot << "not-an-ip" << "" << QStringList{"invalid-ip"};
    QTest::addRow("form metadata list") << FormType << form + "requestMetadata[]=1.2.3.4" << MetadataLayout::Bracket
                                        << "" << "" << QStringList{"wrong-type"};
}

void TestCallbackParser::metadata()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(MetadataLayout, layout);
    QFETCH(QString, remoteAddr);
    QFETCH(QString, userAgent);
    QFETCH(QStringList, codes);

    const ParseResult result = CallbackParser::parse(post(contentType, body));
    QVERIFY2(!result.rejected, qPrintable(result.errorMessage));
    QCOMPARE(result.callback.metadataLayout, layout);
    QCOMPARE(result.callback.remoteAddr, remoteAddr);
    QCOMPARE(result.callback.userAgent, userAgent);
    QVERIFY2(codesOf(result.findings) == sorted(codes), describe(result.findings));
    for (const Finding &finding : result.findings) {
        if (finding.code != "unknown-field")
            QVERIFY2(finding.field.startsWith("requestMetadata"), describe(result.findings));
    }
    if (codes.contains("invalid-ip"))
        QCOMPARE(findingOf(result.findings, "invalid-ip")->field, QString("requestMetadata.remoteAddr"));
}

void TestCallbackParser::plusDamage_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");

    const QByteArray post = "POST";
    const QByteArray path = "/callback";
    QTest::addRow("session base64") << post << path << FormType
                                    << QByteArray("asset=a&user=u&session=dGhpcyBpcyBh+c2VjcmV0/dG9rZW4=")
                                    << "damaged-base64" << "session";
    QTest::addRow("user base64 without padding") << post << path << FormType
                                                 << QByteArray("asset=a&user=Zm9v+YmFy/YmF6+cXV4&session=s")
                                                 << "damaged-base64" << "user";
    QTest::addRow("extraData base64") << post << path << FormType
                                      << QByteArray("asset=a&user=u&session=s&extraData=eyJhIjoxfQ+QUJD/ZGVm==")
                                      << "damaged-base64" << "extraData";
    QTest::addRow("session jwt") << post << path << FormType
                                 << QByteArray("asset=a&user=u&session=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1+In0.c2ln+bmF0dXJl")
                                 << "damaged-jwt" << "session";
    QTest::addRow("query session base64") << QByteArray("GET")
                                          << QByteArray("/callback?asset=a&user=u&session=dGhpcyBpcyBh+c2VjcmV0/dG9rZW4=")
                                          << NoType << QByteArray() << "damaged-base64" << "session";
    QTest::addRow("metadata value base64") << post << path << FormType
                                           << QByteArray("asset=a&user=u&session=s&requestMetadata[userAgent]=QUJDREVG+R0hJSktM/MTIz")
                                           << "damaged-base64" << "requestMetadata.userAgent";
    QTest::addRow("base64 percent-encoded") << post << path << FormType
                                            << QByteArray("asset=a&user=u&session=dGhpcyBpcyBh%2Bc2VjcmV0%2FdG9rZW4%3D")
                                            << "" << "";
    QTest::addRow("words joined by plus") << post << path << FormType
                                          << QByteArray("asset=my+movie+title+here+now&user=example+user&session=s")
                                          << "" << "";
    QTest::addRow("title with year") << post << path << FormType
                                     << QByteArray("asset=The+Movie+Title+Part+Two&user=u&session=s") << "" << "";
    QTest::addRow("short value") << post << path << FormType << QByteArray("asset=a&user=ab+c1&session=s") << "" << "";
    QTest::addRow("space sent as percent-encoding") << post << path << FormType
                                       << QByteArray("asset=a&user=u&session=dGhpcyBpcyBh%20c2VjcmV0/dG9rZW4=") << ""
                                       << "";
    QTest::addRow("json body with spaces") << post << path << JsonType
                                           << QByteArray(R"({"asset":"a","user":"u","session":"dGhpcyBpcyBh c2VjcmV0/dG9rZW4="})")
                                           << "" << "";
    QTest::addRow("user agent with plus") << post << path << FormType
                                          << QByteArray("asset=a&user=u&session=s&requestMetadata[userAgent]=Mozilla/5.0+(X11;+Linux+x86_64)")
                                          << "" << "";
}

void TestCallbackParser::plusDamage()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    QFETCH(QString, field);

    const ParseResult result = CallbackParser::parse(makeRequest(method, target, contentType, body));
    QVERIFY2(!result.rejected, qPrintable(result.errorMessage));
    if (code.isEmpty()) {
        QVERIFY2(!findingOf(result.findings, "damaged-base64"), describe(result.findings));
        QVERIFY2(!findingOf(result.findings, "damaged-jwt"), describe(result.findings));
        return;
    }
    const Finding *finding = findingOf(result.findings, code);
    QVERIFY2(finding, describe(result.findings));
    QCOMPARE(finding->field, field);
    QCOMPARE(finding->severity, FindingSeverity::Warning);
    QVERIFY(finding->message.contains("%2B"));
    QCOMPARE(result.findings.size(), 1);
}

void TestCallbackParser::customData_data()
{
    QTest::addColumn<QByteArray>("headerName");
    QTest::addColumn<QByteArray>("headerValue");
    QTest::addColumn<QStringList>("codes");
    QTest::addColumn<QString>("userId");
    QTest::addColumn<QString>("mismatchField");

    const QByteArray matching = QByteArray(R"({"userId":"u","sessionId":"s","merchantId":"m1","appId":"app"})").toBase64();
    const QByteArray otherUser = QByteArray(R"({"userId":"x","sessionId":"s","merchantId":"m1","appId":"app"})").toBase64();
    const QByteArray otherSession = QByteArray(R"({"userId":"u","sessionId":"y","merchantId":"m1"})").toBase64();
    QByteArray wrapped = matching;
    for (qsizetype i = 64; i < wrapped.size(); i += 66)
        wrapped.insert(i, "\r\n");
    QByteArray escapedBreaks = matching;
    escapedBreaks.insert(16, "\\n");
    const QByteArray urlSafe = QByteArray(R"({"userId":"u???","sessionId":"s"})")
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);

    QVERIFY(urlSafe.contains('_'));

    QTest::addRow("matching") << QByteArray("custom-data") << matching << QStringList{"custom-data"} << "u" << "";
    QTest::addRow("header name in capitals") << QByteArray("Custom-Data") << matching << QStringList{"custom-data"}
                                             << "u" << "";
    QTest::addRow("other user") << QByteArray("custom-data") << otherUser
                                << QStringList{"custom-data", "custom-data-mismatch"} << "x" << "user";
    QTest::addRow("other session") << QByteArray("custom-data") << otherSession
                                   << QStringList{"custom-data", "custom-data-mismatch"} << "u" << "session";
    QTest::addRow("line breaks") << QByteArray("custom-data") << wrapped << QStringList{"custom-data"} << "u" << "";
    QTest::addRow("escaped line breaks") << QByteArray("custom-data") << escapedBreaks << QStringList{"custom-data"}
                                         << "u" << "";
    QTest::addRow("base64url") << QByteArray("custom-data") << urlSafe
                               << QStringList{"custom-data", "custom-data-mismatch"} << "u???" << "user";
    QTest::addRow("not base64") << QByteArray("custom-data") << QByteArray("%%%not base64%%%")
                                << QStringList{"custom-data-invalid"} << "" << "";
    QTest::addRow("base64 of text") << QByteArray("custom-data") << QByteArray("hello world").toBase64()
                                    << QStringList{"custom-data-invalid"} << "" << "";
    QTest::addRow("base64 of array") << QByteArray("custom-data") << QByteArray("[1]").toBase64()
                                     << QStringList{"custom-data-invalid"} << "" << "";
    QTest::addRow("empty value") << QByteArray("custom-data") << QByteArray("") << QStringList{"custom-data-invalid"}
                                 << "" << "";
}

void TestCallbackParser::customData()
{
    QFETCH(QByteArray, headerName);
    QFETCH(QByteArray, headerValue);
    QFETCH(QStringList, codes);
    QFETCH(QString, userId);
    QFETCH(QString, mismatchField);

    const ParseResult result = CallbackParser::parse(post(JsonType, jsonWith({}), {{headerName, headerValue}}));
    QVERIFY2(!result.rejected, qPrintable(result.errorMessage));
    QVERIFY2(codesOf(result.findings) == sorted(codes), describe(result.findings));

    if (!userId.isEmpty()) {
        const Finding *decoded = findingOf(result.findings, "custom-data");
        QCOMPARE(decoded->severity, FindingSeverity::Info);
        QVERIFY2(decoded->message.contains("userId " + userId + ","), qPrintable(decoded->message));
    }
    if (!mismatchField.isEmpty())
        QCOMPARE(findingOf(result.findings, "custom-data-mismatch")->field, mismatchField);
}

void TestCallbackParser::unclosedJsonNamed()
{
    const ParseResult object = CallbackParser::parse(post(JsonType, R"({"asset":"a","user":"u")"));
    QVERIFY(object.rejected);
    QVERIFY2(object.errorMessage.contains(QLatin1String("unterminated object")), qPrintable(object.errorMessage));
    const ParseResult array = CallbackParser::parse(post(JsonType, R"({"asset":["a","b")"));
    QVERIFY2(array.errorMessage.contains(QLatin1String("unterminated array")), qPrintable(array.errorMessage));
    const ParseResult string = CallbackParser::parse(post(JsonType, R"({"asset":"a)"));
    QVERIFY2(string.errorMessage.contains(QLatin1String("unterminated string")), qPrintable(string.errorMessage));
}

void TestCallbackParser::extraData_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("extraData");
    QTest::addColumn<QStringList>("codes");

    QTest::addRow("string") << JsonType << jsonWith(R"("extraData":"plan=gold")") << "plan=gold" << QStringList();
    QTest::addRow("absent") << JsonType << jsonWith({}) << "" << QStringList();
    QTest::addRow("object") << JsonType << jsonWith(R"("extraData":{"plan":"gold"})") << R"({"plan":"gold"})"
                            << QStringList{"wrong-type"};
    QTest::addRow("number") << JsonType << jsonWith(R"("extraData":12)") << "12" << QStringList{"wrong-type"};
    QTest::addRow("object as sent")
        << JsonType << jsonWith(R"("extraData": {"z":1, "a":[1.50,{"k":"}"}], "big":12345678901234567890} )")
        << R"({"z":1, "a":[1.50,{"k":"}"}], "big":12345678901234567890})" << QStringList{"wrong-type"};
    QTest::addRow("long number as sent") << JsonType << jsonWith(R"("extraData":12345678901234567890)")
                                         << "12345678901234567890" << QStringList{"wrong-type"};
    QTest::addRow("null") << JsonType << jsonWith(R"("extraData":null)") << "" << QStringList{"wrong-type"};
    QTest::addRow("form encoded") << FormType << QByteArray("asset=a&user=u&session=s&extraData=plan%3Dgold%26x")
                                  << "plan=gold&x" << QStringList();
}

void TestCallbackParser::extraData()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QString, extraData);
    QFETCH(QStringList, codes);

    const ParseResult result = CallbackParser::parse(post(contentType, body));
    QVERIFY2(!result.rejected, qPrintable(result.errorMessage));
    QCOMPARE(result.callback.extraData, extraData);
    QVERIFY2(codesOf(result.findings) == sorted(codes), describe(result.findings));
}

void TestCallbackParser::unknownFieldsKept()
{
    const QByteArray body = jsonWith(R"("variant":"hd","client":"c1","clientInfo":{"os":"Android"},)"
                                     R"("requestMetadata":{"remoteAddr":"1.2.3.4","geo":"VN"})");
    const ParseResult result = CallbackParser::parse(post(JsonType, body));
    QVERIFY(!result.rejected);

    const QJsonObject &unknown = result.callback.unknownFields;
    QCOMPARE(unknown.size(), 4);
    QCOMPARE(unknown.value("variant").toString(), QString("hd"));
    QCOMPARE(unknown.value("client").toString(), QString("c1"));
    QCOMPARE(unknown.value("clientInfo").toObject().value("os").toString(), QString("Android"));
    QCOMPARE(unknown.value("requestMetadata.geo").toString(), QString("VN"));
    QCOMPARE(result.callback.fields.value("clientInfo").toObject().value("os").toString(), QString("Android"));
    QCOMPARE(result.callback.fields.value("requestMetadata").toObject().value("geo").toString(), QString("VN"));

    QCOMPARE(codesOf(result.findings), QStringList{"unknown-field"});
    const Finding *finding = findingOf(result.findings, "unknown-field");
    QCOMPARE(finding->severity, FindingSeverity::Info);
    for (const char *name : {"variant", "client", "clientInfo", "requestMetadata.geo"})
        QVERIFY2(finding->message.contains(QLatin1String(name)), qPrintable(finding->message));
}

void TestCallbackParser::formConvertedToJson()
{
    const QByteArray body = "asset=a&user=u+1&session=s&requestMetadata%5BremoteAddr%5D=1.2.3.4"
                            "&requestMetadata[userAgent]=UA+%2F+2&tag=x&tag=y&note";
    const ParseResult result = CallbackParser::parse(post(FormType, body));
    QVERIFY(!result.rejected);

    const QJsonObject expected{
        {"asset", "a"},
        {"user", "u 1"},
        {"session", "s"},
        {"requestMetadata", QJsonObject{{"remoteAddr", "1.2.3.4"}, {"userAgent", "UA / 2"}}},
        {"tag", QJsonArray{"x", "y"}},
        {"note", ""},
    };
    QCOMPARE(result.callback.fields, expected);
    QCOMPARE(result.callback.unknownFields, (QJsonObject{{"tag", QJsonArray{"x", "y"}}, {"note", ""}}));
    QVERIFY2(findingOf(result.findings, "duplicate-field", "tag"), describe(result.findings));

    // A form's requestMetadata JSON text becomes a nested object too.
    const ParseResult text = CallbackParser::parse(
        post(FormType, "asset=a&user=u&session=s&requestMetadata=%7B%22remoteAddr%22%3A%221.2.3.4%22%7D"));
    QCOMPARE(text.callback.fields.value("requestMetadata").toObject(), (QJsonObject{{"remoteAddr", "1.2.3.4"}}));
}

void TestCallbackParser::invalidUtf8InJsonValue()
{
    const ParseResult result = CallbackParser::parse(post(JsonType, R"({"asset":"a","user":"u)" "\xFF" R"(","session":"s"})"));
    QVERIFY2(!result.rejected, qPrintable(result.errorMessage));
    QCOMPARE(result.callback.user, QString("u") + QChar(0xFFFD));
    QCOMPARE(codesOf(result.findings), QStringList{"invalid-utf8"});
    QVERIFY(findingOf(result.findings, "invalid-utf8")->message.contains("22"));

    // Overlong encodings and lone surrogates are invalid as well.
    for (const QByteArray &bad : {QByteArray("\xC0\xAF"), QByteArray("\xED\xA0\x80"), QByteArray("\xF4\x90\x80\x80"),
                                  QByteArray("\xE2\x82")}) {
        const ParseResult other = CallbackParser::parse(post(JsonType, jsonWith("\"note\":\"" + bad + "\"")));
        QVERIFY2(!other.rejected, bad.toHex().constData());
        QVERIFY2(findingOf(other.findings, "invalid-utf8"), bad.toHex().constData());
    }
    const ParseResult valid = CallbackParser::parse(post(JsonType, jsonWith("\"note\":\"\xF0\x9F\x8E\xAC\"")));
    QVERIFY(!findingOf(valid.findings, "invalid-utf8"));
}

void TestCallbackParser::invalidUtf8OffsetMapped()
{
    // The offset must be the one of the bytes received, as for the same body
    // with a plain ASCII byte in place of the invalid ones.
    const QByteArray broken = "{\"user\":\"\xFF\xFE\",\"asset\":}";
    QByteArray ascii = broken;
    ascii.replace("\xFF\xFE", "??");
    QJsonParseError asciiError;
    QJsonDocument::fromJson(ascii, &asciiError);
    QVERIFY(asciiError.error != QJsonParseError::NoError);

    const ParseResult result = CallbackParser::parse(post(JsonType, broken));
    QVERIFY(result.rejected);
    QCOMPARE(result.errorCode, QString("invalid-json"));
    QCOMPARE(result.errorOffset, qint64(asciiError.offset));
    QVERIFY(findingOf(result.findings, "invalid-utf8"));
}

void TestCallbackParser::invalidUtf8InFormValue()
{
    const ParseResult result = CallbackParser::parse(post(FormType, "asset=a&user=%FFx&session=s"));
    QVERIFY(!result.rejected);
    QCOMPARE(result.callback.user, QChar(0xFFFD) + QString("x"));
    const Finding *finding = findingOf(result.findings, "invalid-utf8");
    QVERIFY2(finding, describe(result.findings));
    QCOMPARE(finding->field, QString("user"));
}

void TestCallbackParser::hugeJsonFieldCount()
{
    const int count = 20000;
    QByteArray body = R"({"asset":"a","user":"u","session":"s")";
    for (int i = 0; i < count; ++i)
        body += ",\"field" + QByteArray::number(i) + "\":" + QByteArray::number(i);
    body += '}';

    const ParseResult result = CallbackParser::parse(post(JsonType, body));
    QVERIFY(!result.rejected);
    QCOMPARE(result.callback.unknownFields.size(), count);
    QCOMPARE(result.callback.fields.size(), count + 3);
    QCOMPARE(result.callback.unknownFields.value("field19999").toInt(), 19999);
    const Finding *finding = findingOf(result.findings, "unknown-field");
    QVERIFY(finding);
    QVERIFY2(finding->message.contains(QString::number(count - 10)), qPrintable(finding->message));
    QVERIFY(finding->message.size() < 1000);
}

void TestCallbackParser::hugeFormFieldCount()
{
    const int count = 20000;
    QByteArray body = "asset=a&user=u&session=s";
    for (int i = 0; i < count; ++i)
        body += "&field" + QByteArray::number(i) + '=' + QByteArray::number(i);

    const ParseResult result = CallbackParser::parse(post(FormType, body));
    QVERIFY(!result.rejected);
    QCOMPARE(result.callback.unknownFields.size(), count);
    QCOMPARE(result.callback.fields.value("field12345").toString(), QString("12345"));
    QCOMPARE(codesOf(result.findings), QStringList{"unknown-field"});
}

void TestCallbackParser::findingFloodCapped()
{
    const int count = 5000;
    QByteArray body = "asset=a&user=u&session=s";
    for (int i = 0; i < count; ++i)
        body += "&dup" + QByteArray::number(i) + "=1&dup" + QByteArray::number(i) + "=2";

    const ParseResult result = CallbackParser::parse(post(FormType, body));
    QVERIFY(!result.rejected);
    int duplicates = 0;
    for (const Finding &finding : result.findings)
        duplicates += finding.code == "duplicate-field" ? 1 : 0;
    QCOMPARE(duplicates, CallbackParser::MaxFindingsPerCode);
    const Finding *more = findingOf(result.findings, "more-findings");
    QVERIFY2(more, describe(result.findings));
    QVERIFY2(more->message.contains(QString::number(count - CallbackParser::MaxFindingsPerCode)),
             qPrintable(more->message));
    QVERIFY(more->message.contains("duplicate-field"));
}

void TestCallbackParser::rejectionReplyNamesField()
{
    const ParseResult missing = CallbackParser::parse(post(JsonType, R"({"asset":"a","session":"s"})"));
    const HttpResponse missingReply = DecisionEngine::rejection(missing);
    QCOMPARE(missingReply.status, 400);
    const QJsonObject missingBody = QJsonDocument::fromJson(missingReply.body).object();
    QCOMPARE(missingBody.value("error").toString(), QString("missing-field"));
    QCOMPARE(missingBody.value("field").toString(), QString("user"));
    QVERIFY(!missingBody.contains("offset"));

    const ParseResult broken = CallbackParser::parse(post(FormType, "asset=a&user=%zz"));
    const QJsonObject brokenBody = QJsonDocument::fromJson(DecisionEngine::rejection(broken).body).object();
    QCOMPARE(brokenBody.value("error").toString(), QString("invalid-form"));
    QCOMPARE(brokenBody.value("field").toString(), QString("user"));
    QCOMPARE(brokenBody.value("offset").toInt(), 13);
}

void TestCallbackParser::rejectionMessageIsEnglish()
{
    const ParseResult result = CallbackParser::parse(post(JsonType, R"({"asset":"a","user":)"));
    QCOMPARE(result.errorMessage, QString("The body is not valid JSON: unterminated object at offset 20"));

    const ParseResult missing = CallbackParser::parse(post(JsonType, R"({"asset":"a","user":"u"})"));
    QCOMPARE(missing.errorMessage, QString("Required field session is missing"));
}

void TestCallbackParser::everyFindingHasMessage()
{
    const QList<QByteArray> bodies = {
        VendorExample,
        R"({"assets":[1,"b"],"user":7,"session":"","drmScheme":"widevine","requestMetadata":"{\"remoteAddr\":\"x\"}","x":1})",
        "asset=a&asset=b&user=u&session=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1+In0.c2ln+bmF0dXJl&drmScheme=DEFAULT",
        "asset=%zz",
        R"([1])",
    };
    for (const QByteArray &body : bodies) {
        const ParseResult result = CallbackParser::parse(post(NoType, body, {{"custom-data", "@@"}}));
        QVERIFY(!result.findings.isEmpty());
        for (const Finding &finding : result.findings) {
            QVERIFY2(!finding.message.isEmpty(), qPrintable(finding.code));
            QVERIFY2(!finding.code.isEmpty(), qPrintable(finding.message));
            QVERIFY2(!finding.message.contains("%1"), qPrintable(finding.message));
        }
    }
}

void TestCallbackParser::parseSpeed_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");

    QTest::addRow("json vendor example") << JsonType << VendorExample;
    QTest::addRow("form bracket") << FormType
                                  << QByteArray("asset=sigma_vtv1&user=example_user&session=example_session&drmScheme=WIDEVINE"
                                                "&requestMetadata%5BremoteAddr%5D=113.190.233.178"
                                                "&requestMetadata%5BuserAgent%5D=Mozilla%2F5.0+(Macintosh)");
}

// Reports parse time per callback; it asserts only the result, never the time.
void TestCallbackParser::parseSpeed()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);

    const RawRequest request = post(contentType, body);
    ParseResult result;
    QBENCHMARK {
        result = CallbackParser::parse(request);
    }
    QVERIFY(!result.rejected);
    QCOMPARE(result.callback.asset, QString("sigma_vtv1"));
}

QTEST_GUILESS_MAIN(TestCallbackParser)
#include "tst_callbackparser.moc"
