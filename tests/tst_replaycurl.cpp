// Pasted curl commands: shell quoting, the options that shape the request,
// ignored options and the errors for everything else.
#include "curlparser.h"

#include <QtTest>

class TestReplayCurl : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void errors_data();
    void errors();
    void warnings_data();
    void warnings();
    void words_data();
    void words();
};

namespace {

QStringList headerLines(const HttpHeaders &headers)
{
    QStringList lines;
    for (const auto &header : headers)
        lines.append(QString::fromUtf8(header.first + ": " + header.second));
    return lines;
}

} // namespace

void TestReplayCurl::parse_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("headers");
    QTest::addColumn<QString>("body");

    const QString form = "Content-Type: application/x-www-form-urlencoded";
    QTest::addRow("bare GET") << "curl http://127.0.0.1:8080/cb" << "GET" << "http://127.0.0.1:8080/cb" << "" << QStringList() << "";
    QTest::addRow("scheme added") << "curl 127.0.0.1:9/x?a=1" << "GET" << "http://127.0.0.1:9/x" << "a=1" << QStringList() << "";
    QTest::addRow("JSON POST, single quotes")
        << R"(curl -X POST -H 'Content-Type: application/json' -d '{"asset":"a b","user":"u"}' http://h/cb)"
        << "POST" << "http://h/cb" << "" << QStringList{"Content-Type: application/json"} << R"({"asset":"a b","user":"u"})";
    QTest::addRow("data implies POST and form type") << "curl -d asset=a -d user=u http://h/" << "POST" << "http://h/" << ""
                                                     << QStringList{form} << "asset=a&user=u";
    QTest::addRow("--data and --data-raw join") << "curl --data a=1 --data-raw '@b=2' http://h/" << "POST" << "http://h/" << ""
                                                << QStringList{form} << "a=1&@b=2";
    QTest::addRow("--data-binary keeps newlines") << "curl --data-binary $'x=1\\ny=2' http://h/" << "POST" << "http://h/" << ""
                                                  << QStringList{form} << "x=1\ny=2";
    QTest::addRow("--data-urlencode content") << "curl --data-urlencode 'a b&c' http://h/" << "POST" << "http://h/" << ""
                                              << QStringList{form} << "a%20b%26c";
    QTest::addRow("--data-urlencode name=content") << "curl --data-urlencode 'session=x+y/z=' http://h/" << "POST" << "http://h/" << ""
                                                   << QStringList{form} << "session=x%2By%2Fz%3D";
    QTest::addRow("--data-urlencode =content") << "curl --data-urlencode '=a=b' http://h/" << "POST" << "http://h/" << ""
                                               << QStringList{form} << "a%3Db";
    QTest::addRow("-G moves data to the query") << "curl -G -d asset=a --data-urlencode 'user=u v' 'http://h/cb?x=1'" << "GET"
                                                << "http://h/cb" << "x=1&asset=a&user=u%20v" << QStringList() << "";
    QTest::addRow("-G with -X POST") << "curl -G -X POST -d a=1 http://h/" << "POST" << "http://h/" << "a=1" << QStringList() << "";
    QTest::addRow("--url option") << "curl --url http://h/p --request PUT -d x" << "PUT" << "http://h/p" << "" << QStringList{form} << "x";
    QTest::addRow("attached short values") << "curl -XPUT -H'X-A: 1' -d'q=1' http://h/" << "PUT" << "http://h/" << ""
                                           << QStringList{"X-A: 1", form} << "q=1";
    QTest::addRow("clustered flags") << "curl -sSX POST http://h/" << "POST" << "http://h/" << "" << QStringList() << "";
    QTest::addRow("double quotes and escapes")
        << R"(curl -H "X-Q: say \"hi\" \$HOME" -d "a=\`b\`" http://h/)" << "POST" << "http://h/" << ""
        << QStringList{R"(X-Q: say "hi" $HOME)", form} << "a=`b`";
    QTest::addRow("backslash outside quotes") << R"(curl -d a\ b\&c http://h/)" << "POST" << "http://h/" << ""
                                              << QStringList{form} << "a b&c";
    QTest::addRow("line continuations") << "curl \\\n  -X POST \\\n  -d a=1 \\\n  http://h/" << "POST" << "http://h/" << ""
                                        << QStringList{form} << "a=1";
    QTest::addRow("ANSI-C quoting from browsers") << R"(curl 'http://h/' --data-raw $'{"a":"\u00e9\t\x41\'"}')" << "POST"
                                                  << "http://h/" << "" << QStringList{form} << "{\"a\":\"é\tA'\"}";
    QTest::addRow("--json sets JSON headers") << R"(curl --json '{"asset":"a"}' http://h/)" << "POST" << "http://h/" << ""
                                              << QStringList{"Content-Type: application/json", "Accept: application/json"}
                                              << R"({"asset":"a"})";
    QTest::addRow("explicit content type kept") << "curl -H 'content-type: text/plain' -d x http://h/" << "POST" << "http://h/"
                                                << "" << QStringList{"content-type: text/plain"} << "x";
    QTest::addRow("empty header with semicolon") << "curl -H 'X-Empty;' http://h/" << "GET" << "http://h/" << ""
                                                 << QStringList{"X-Empty: "} << "";
    QTest::addRow("header removal with colon") << "curl -H 'X-A: 1' -H 'X-A:' http://h/" << "GET" << "http://h/" << ""
                                               << QStringList() << "";
    QTest::addRow("user agent, referer, cookie, user")
        << "curl -A agent/1 -e http://r/ -b 'k=v' -u user:pass http://h/" << "GET" << "http://h/" << ""
        << QStringList{"User-Agent: agent/1", "Referer: http://r/", "Cookie: k=v", "Authorization: Basic dXNlcjpwYXNz"} << "";
    QTest::addRow("fragment dropped") << "curl 'http://h/p?a=1#frag'" << "GET" << "http://h/p" << "a=1" << QStringList() << "";
    QTest::addRow("HEAD") << "curl -I http://h/" << "HEAD" << "http://h/" << "" << QStringList() << "";
    QTest::addRow("curl by path") << "/usr/bin/curl http://h/" << "GET" << "http://h/" << "" << QStringList() << "";
    QTest::addRow("https and IPv6") << "curl 'https://[::1]:8443/cb'" << "GET" << "https://[::1]:8443/cb" << "" << QStringList() << "";
}

void TestReplayCurl::parse()
{
    QFETCH(QString, command);
    QFETCH(QString, method);
    QFETCH(QString, url);
    QFETCH(QString, query);
    QFETCH(QStringList, headers);
    QFETCH(QString, body);

    const CurlParseResult result = CurlParser::parse(command);
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QCOMPARE(QString::fromLatin1(result.request.method), method);
    QCOMPARE(result.request.url.toString(), url);
    QCOMPARE(QString::fromUtf8(result.request.query), query);
    QCOMPARE(headerLines(result.request.headers), headers);
    QCOMPARE(QString::fromUtf8(result.request.body), body);
    QCOMPARE(result.request.expect.source, ExpectationSource::None);
}

void TestReplayCurl::errors_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("messagePart");
    QTest::addColumn<int>("position");

    QTest::addRow("empty") << "   " << "empty" << 0;
    QTest::addRow("not curl") << "wget http://h/" << "must start with curl" << 0;
    QTest::addRow("no URL") << "curl -X POST" << "no URL" << -1;
    QTest::addRow("two URLs") << "curl http://a/ http://b/" << "more than one URL" << 15;
    QTest::addRow("unterminated single quote") << "curl 'http://h/" << "unterminated single quote" << 5;
    QTest::addRow("unterminated double quote") << "curl -d \"abc" << "unterminated double quote" << 8;
    QTest::addRow("variable") << "curl -H \"Authorization: $TOKEN\" http://h/" << "variables are not supported" << 24;
    QTest::addRow("bare variable") << "curl $URL" << "variables are not supported" << 5;
    QTest::addRow("command substitution") << "curl `cat url`" << "command substitution" << 5;
    QTest::addRow("unquoted ampersand") << "curl http://h/?a=1&b=2" << "'&'" << 18;
    QTest::addRow("pipe") << "curl http://h/ | jq ." << "'|'" << 15;
    QTest::addRow("data from a file") << "curl -d @body.json http://h/" << "@body.json" << 5;
    QTest::addRow("binary data from a file") << "curl --data-binary @b http://h/" << "@b" << 5;
    QTest::addRow("urlencode from a file") << "curl --data-urlencode name@file http://h/" << "name@file" << 5;
    QTest::addRow("headers from a file") << "curl -H @headers.txt http://h/" << "headers from a file" << 5;
    QTest::addRow("cookie jar file") << "curl -b cookies.txt http://h/" << "cookies from a file" << 5;
    QTest::addRow("multipart form") << "curl -F a=1 http://h/" << "unsupported option -F" << 5;
    QTest::addRow("upload") << "curl --upload-file x http://h/" << "unsupported option --upload-file" << 5;
    QTest::addRow("unknown long option") << "curl --frobnicate http://h/" << "unsupported option --frobnicate" << 5;
    QTest::addRow("unknown short option in cluster") << "curl -sZ http://h/" << "unsupported option -Z" << 7;
    QTest::addRow("option without value") << "curl http://h/ -H" << "needs a value" << 15;
    QTest::addRow("invalid header") << "curl -H NoColon http://h/" << "Name: value" << 5;
    QTest::addRow("invalid URL") << "curl 'http://'" << "invalid URL" << -1;
}

void TestReplayCurl::errors()
{
    QFETCH(QString, command);
    QFETCH(QString, messagePart);
    QFETCH(int, position);

    const CurlParseResult result = CurlParser::parse(command);
    QVERIFY(!result.ok);
    QVERIFY2(result.errorMessage.contains(messagePart), qPrintable(result.errorMessage));
    QCOMPARE(result.errorPosition, qsizetype(position));
}

void TestReplayCurl::warnings_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("warningParts");

    QTest::addRow("silent and compressed") << "curl -s --compressed http://h/" << QStringList{"-s", "--compressed"};
    QTest::addRow("insecure points to the option") << "curl -k https://h/" << QStringList{"insecure option"};
    QTest::addRow("location is never followed") << "curl -L http://h/" << QStringList{"never follows"};
    QTest::addRow("timeouts and proxies") << "curl -m 5 --proxy http://p:3128 http://h/" << QStringList{"timeout", "proxy"};
    QTest::addRow("no warnings") << "curl http://h/" << QStringList();
}

void TestReplayCurl::warnings()
{
    QFETCH(QString, command);
    QFETCH(QStringList, warningParts);

    const CurlParseResult result = CurlParser::parse(command);
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QCOMPARE(result.warnings.size(), warningParts.size());
    for (qsizetype i = 0; i < warningParts.size(); ++i)
        QVERIFY2(result.warnings.at(i).contains(warningParts.at(i)), qPrintable(result.warnings.at(i)));
}

void TestReplayCurl::words_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("words");

    QTest::addRow("adjacent quotes join") << R"(a'b'"c"d)" << QStringList{"abcd"};
    QTest::addRow("empty quotes make a word") << "a '' b" << QStringList{"a", "", "b"};
    QTest::addRow("single quotes keep backslashes") << R"('a\nb')" << QStringList{R"(a\nb)"};
    QTest::addRow("double quotes keep other backslashes") << R"("a\nb")" << QStringList{R"(a\nb)"};
    QTest::addRow("tabs and newlines split") << "a\tb\nc" << QStringList{"a", "b", "c"};
    QTest::addRow("octal and unicode escapes") << R"($'\101\u263A')" << QStringList{"A☺"};
}

void TestReplayCurl::words()
{
    QFETCH(QString, command);
    QFETCH(QStringList, words);

    QList<CurlParser::Word> split;
    QString error;
    qsizetype position = -1;
    QVERIFY2(CurlParser::splitWords(command, &split, &error, &position), qPrintable(error));
    QStringList texts;
    for (const CurlParser::Word &word : split)
        texts.append(word.text);
    QCOMPARE(texts, words);
}

QTEST_GUILESS_MAIN(TestReplayCurl)
#include "tst_replaycurl.moc"
