// The callback composer: every encoding must parse back, through the real
// callback parser, to the fields it was built from.
#include "callbackcomposer.h"
#include "callbackparser.h"

#include <QJsonObject>
#include <QtTest>

class TestReplayComposer : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void omittedFieldIsMissing();
    void headersReplaceContentType();
    void defaultMethods();
    void queryHasNoBody();
    void plusIsPercentEncoded();
    void encodingNames();
    void fromCallbackKeepsUnknownFields();
};

Q_DECLARE_METATYPE(CallbackEncoding)
Q_DECLARE_METATYPE(CallbackDraft)

namespace {

CallbackDraft plainDraft()
{
    CallbackDraft draft;
    draft.asset = QStringLiteral("sigma_vtv1");
    draft.user = QStringLiteral("example_user");
    draft.session = QStringLiteral("example_session");
    return draft;
}

} // namespace

void TestReplayComposer::roundTrip_data()
{
    QTest::addColumn<CallbackEncoding>("encoding");
    QTest::addColumn<CallbackDraft>("draft");

    QList<QPair<QByteArray, CallbackDraft>> drafts;
    drafts.append({"required fields only", plainDraft()});

    CallbackDraft full = plainDraft();
    full.drmScheme = QStringLiteral("WIDEVINE");
    full.remoteAddr = QStringLiteral("113.190.233.178");
    full.userAgent = QStringLiteral("Mozilla/5.0 (X11; Linux x86_64)");
    full.extraData = QStringLiteral("provider note");
    drafts.append({"all contract fields", full});

    CallbackDraft special = full;
    special.asset = QStringLiteral("a&b=c%d e+f");
    special.user = QStringLiteral("usér ünïcode 日本");
    special.userAgent = QStringLiteral("UA with {braces} and \"quotes\"");
    drafts.append({"special characters", special});

    CallbackDraft jwt = plainDraft();
    jwt.session = QStringLiteral("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.ab+cd/ef==");
    jwt.drmScheme = QStringLiteral("WIDE_VINE");
    drafts.append({"JWT session with plus and slash", jwt});

    CallbackDraft extra = plainDraft();
    extra.remoteAddr = QStringLiteral("::1");
    extra.extraFields.insert(QStringLiteral("variant"), QStringLiteral("hd"));
    extra.extraFields.insert(QStringLiteral("client"), QStringLiteral("player-7"));
    drafts.append({"unknown fields kept", extra});

    CallbackDraft agentOnly = plainDraft();
    agentOnly.userAgent = QStringLiteral("curl/8.0");
    drafts.append({"metadata with user agent only", agentOnly});

    const QList<CallbackEncoding> encodings = {CallbackEncoding::Json, CallbackEncoding::FormBracket,
                                               CallbackEncoding::FormDot, CallbackEncoding::FormJsonText,
                                               CallbackEncoding::Query};
    for (CallbackEncoding encoding : encodings) {
        for (const auto &[name, draft] : drafts) {
            QTest::addRow("%s, %s", qPrintable(CallbackComposer::encodingName(encoding)), name.constData())
                << encoding << draft;
        }
    }
}

void TestReplayComposer::roundTrip()
{
    QFETCH(CallbackEncoding, encoding);
    QFETCH(CallbackDraft, draft);

    const ComposedRequest composed = CallbackComposer::compose(draft, encoding);
    const ParseResult parsed = CallbackParser::parse(CallbackComposer::toRawRequest(composed));

    QVERIFY2(!parsed.rejected, qPrintable(parsed.errorMessage));
    const CallbackFields &callback = parsed.callback;
    QCOMPARE(callback.asset, draft.asset);
    QCOMPARE(callback.assets, QStringList{draft.asset});
    QCOMPARE(callback.user, draft.user);
    QCOMPARE(callback.session, draft.session);
    QCOMPARE(callback.drmSchemeText, draft.drmScheme);
    QCOMPARE(callback.remoteAddr, draft.remoteAddr);
    QCOMPARE(callback.userAgent, draft.userAgent);
    QCOMPARE(callback.extraData, draft.extraData);
    QCOMPARE(callback.unknownFields, draft.extraFields);

    const BodyEncoding expectedEncoding = encoding == CallbackEncoding::Json ? BodyEncoding::Json
        : encoding == CallbackEncoding::Query                                ? BodyEncoding::Query
                                                                             : BodyEncoding::Form;
    QCOMPARE(callback.encoding, expectedEncoding);

    const bool hasMetadata = !draft.remoteAddr.isEmpty() || !draft.userAgent.isEmpty();
    MetadataLayout expectedLayout = MetadataLayout::Absent;
    if (hasMetadata) {
        switch (encoding) {
        case CallbackEncoding::Json: expectedLayout = MetadataLayout::JsonObject; break;
        case CallbackEncoding::FormBracket:
        case CallbackEncoding::Query: expectedLayout = MetadataLayout::Bracket; break;
        case CallbackEncoding::FormDot: expectedLayout = MetadataLayout::Dot; break;
        case CallbackEncoding::FormJsonText: expectedLayout = MetadataLayout::JsonText; break;
        }
    }
    QCOMPARE(callback.metadataLayout, expectedLayout);

    // A composed callback is clean: no form damage, no type problems.
    for (const Finding &finding : parsed.findings) {
        QVERIFY2(finding.code != QLatin1String("damaged-base64") && finding.code != QLatin1String("damaged-jwt"),
                 qPrintable(finding.message));
        QVERIFY2(finding.severity != FindingSeverity::Error, qPrintable(finding.code + QLatin1Char(' ') + finding.message));
    }
}

void TestReplayComposer::omittedFieldIsMissing()
{
    CallbackDraft draft = plainDraft();
    draft.omit = QStringList{QStringLiteral("asset")};
    for (CallbackEncoding encoding : {CallbackEncoding::Json, CallbackEncoding::FormBracket, CallbackEncoding::Query}) {
        const ComposedRequest composed = CallbackComposer::compose(draft, encoding);
        const QByteArray sent = composed.body + composed.query;
        QVERIFY2(!sent.contains("asset"), sent.constData());
        const ParseResult parsed = CallbackParser::parse(CallbackComposer::toRawRequest(composed));
        QVERIFY(parsed.rejected);
        QCOMPARE(parsed.errorCode, QStringLiteral("missing-field"));
        QCOMPARE(parsed.errorField, QStringLiteral("asset"));
    }
}

void TestReplayComposer::headersReplaceContentType()
{
    CallbackDraft draft = plainDraft();
    draft.headers = {{"content-type", "text/plain"}, {"X-Trace", "42"}};
    const ComposedRequest composed = CallbackComposer::compose(draft, CallbackEncoding::Json);
    QCOMPARE(headerValue(composed.headers, "Content-Type"), QByteArray("text/plain"));
    QCOMPARE(headerValue(composed.headers, "X-Trace"), QByteArray("42"));
    int contentTypes = 0;
    for (const auto &header : composed.headers)
        contentTypes += header.first.compare("Content-Type", Qt::CaseInsensitive) == 0;
    QCOMPARE(contentTypes, 1);
}

void TestReplayComposer::defaultMethods()
{
    QCOMPARE(CallbackComposer::compose(plainDraft(), CallbackEncoding::Json).method, QByteArray("POST"));
    QCOMPARE(CallbackComposer::compose(plainDraft(), CallbackEncoding::FormDot).method, QByteArray("POST"));
    QCOMPARE(CallbackComposer::compose(plainDraft(), CallbackEncoding::Query).method, QByteArray("GET"));
    QCOMPARE(CallbackComposer::compose(plainDraft(), CallbackEncoding::Json, "PUT").method, QByteArray("PUT"));
}

void TestReplayComposer::queryHasNoBody()
{
    const ComposedRequest composed = CallbackComposer::compose(plainDraft(), CallbackEncoding::Query);
    QVERIFY(composed.body.isEmpty());
    QCOMPARE(composed.query, QByteArray("asset=sigma_vtv1&user=example_user&session=example_session"));
    QVERIFY(headerValue(composed.headers, "Content-Type").isEmpty());
}

void TestReplayComposer::plusIsPercentEncoded()
{
    CallbackDraft draft = plainDraft();
    draft.session = QStringLiteral("a+b c");
    draft.remoteAddr = QStringLiteral("10.0.0.1");
    QCOMPARE(CallbackComposer::compose(draft, CallbackEncoding::FormBracket).body,
             QByteArray("asset=sigma_vtv1&user=example_user&session=a%2Bb%20c&requestMetadata[remoteAddr]=10.0.0.1"));
    QCOMPARE(CallbackComposer::compose(draft, CallbackEncoding::FormDot).body,
             QByteArray("asset=sigma_vtv1&user=example_user&session=a%2Bb%20c&requestMetadata.remoteAddr=10.0.0.1"));
    QCOMPARE(CallbackComposer::compose(draft, CallbackEncoding::FormJsonText).body,
             QByteArray("asset=sigma_vtv1&user=example_user&session=a%2Bb%20c&requestMetadata=%7B%22remoteAddr%22%3A%2210.0.0.1%22%7D"));
}

void TestReplayComposer::encodingNames()
{
    for (const QString &name : CallbackComposer::encodingNames()) {
        const auto encoding = CallbackComposer::encodingFromName(name);
        QVERIFY2(encoding.has_value(), qPrintable(name));
        QCOMPARE(CallbackComposer::encodingName(*encoding), name);
    }
    QCOMPARE(CallbackComposer::encodingFromName(QStringLiteral("form")), CallbackEncoding::FormBracket);
    QVERIFY(!CallbackComposer::encodingFromName(QStringLiteral("xml")).has_value());
}

void TestReplayComposer::fromCallbackKeepsUnknownFields()
{
    RawRequest raw;
    raw.method = "POST";
    raw.target = "/";
    raw.headers = {{"Content-Type", "application/json"}};
    raw.body = R"({"asset":"a","user":"u","session":"s","drmScheme":"FAIRPLAY","variant":"hd","requestMetadata":{"remoteAddr":"1.2.3.4"}})";
    const ParseResult parsed = CallbackParser::parse(raw);
    QVERIFY2(!parsed.rejected, qPrintable(parsed.errorMessage));

    const CallbackDraft draft = CallbackComposer::fromCallback(parsed.callback);
    QCOMPARE(draft.drmScheme, QStringLiteral("FAIRPLAY"));
    QCOMPARE(draft.remoteAddr, QStringLiteral("1.2.3.4"));
    QCOMPARE(draft.extraFields.value(QStringLiteral("variant")).toString(), QStringLiteral("hd"));

    const ParseResult again = CallbackParser::parse(
        CallbackComposer::toRawRequest(CallbackComposer::compose(draft, CallbackEncoding::FormDot)));
    QVERIFY2(!again.rejected, qPrintable(again.errorMessage));
    QCOMPARE(again.callback.unknownFields, parsed.callback.unknownFields);
    QCOMPARE(again.callback.drmSchemeText, parsed.callback.drmSchemeText);
}

QTEST_GUILESS_MAIN(TestReplayComposer)
#include "tst_replaycomposer.moc"
