#include "replaycommand.h"

#include "consoleoutput.h"
#include "replayrunner.h"
#include "replaysuite.h"
#include "unixsignals.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <algorithm>
#include <cstdio>
#include <optional>

namespace {

const QString HelpHint = QStringLiteral("callbacklab replay --help");

int usageError(const QString &message)
{
    printError(ReplayCommand::tr("callbacklab: %1\nTry '%2' for more information.\n").arg(message, HelpHint));
    return ReplayCommand::UsageError;
}

// Options given on the command line; each one given replaces the suite's own value.
struct Overrides
{
    std::optional<QUrl> target;
    std::optional<int> concurrency;
    std::optional<int> timeoutMs;
    std::optional<int> repeat;
    std::optional<double> rate;
    std::optional<int> budgetMs;
    bool strictBudget = false;
    bool parity = false;
    bool insecure = false;
    QByteArray method;
    std::optional<CallbackEncoding> encoding;
    std::optional<ContractCheck> contractCheck;
    HttpHeaders headers;

    void applyTo(ReplayOptions *options) const
    {
        if (target)
            options->target = *target;
        if (concurrency)
            options->concurrency = *concurrency;
        if (timeoutMs)
            options->timeoutMs = *timeoutMs;
        if (repeat)
            options->repeat = *repeat;
        if (rate)
            options->rate = *rate;
        if (budgetMs)
            options->budgetMs = *budgetMs;
        options->strictBudget = options->strictBudget || strictBudget;
        options->parity = options->parity || parity;
        options->insecure = options->insecure || insecure;
        if (!method.isEmpty())
            options->method = method;
        if (encoding)
            options->encoding = encoding;
        if (contractCheck)
            options->contractCheck = *contractCheck;
        for (const auto &header : headers)
            options->headers.append(header);
    }
};

struct ParsedArguments
{
    QStringList files;
    Overrides overrides;
    QString junitFile;
    QString jsonFile;
    bool quiet = false;
};

// Reads a whole number option within bounds; returns false after printing the error.
bool readInteger(const QCommandLineParser &parser, const QCommandLineOption &option, qint64 min, qint64 max,
                 std::optional<int> *out, QString *error)
{
    if (!parser.isSet(option))
        return true;
    bool ok = false;
    const QString text = parser.value(option);
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < min || value > max) {
        *error = ReplayCommand::tr("invalid value for --%1: '%2' is not a whole number from %3 to %4")
                     .arg(option.names().constFirst(), text)
                     .arg(min)
                     .arg(max);
        return false;
    }
    *out = int(value);
    return true;
}

// Returns the exit code when the command should stop here (help, version, error).
std::optional<int> parseArguments(const QStringList &arguments, ParsedArguments *parsed)
{
    const QStringList replayArguments = commandArguments(arguments);

    QCommandLineParser parser;
    parser.setApplicationDescription(ReplayCommand::tr(
        "Replays saved callbacks against a target and compares each response with the expected one.\n"
        "FILE is a replay suite, a HAR file or a JSON Lines capture. Progress goes to stderr, the summary\n"
        "to stdout. Exit code: 0 when every response matched, 1 when any differed or failed, 2 for bad\n"
        "usage or unreadable input."));
    parser.addPositionalArgument(QStringLiteral("FILE"), ReplayCommand::tr("Suites, HAR or JSON Lines files to replay."),
                                 QStringLiteral("FILE..."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption targetOption(QStringLiteral("target"),
                                          ReplayCommand::tr("Send every callback to URL, an http or https URL such as "
                                                            "http://127.0.0.1:8080/ (default: the suite's target, else "
                                                            "each request's own URL)."),
                                          QStringLiteral("URL"));
    const QCommandLineOption concurrencyOption(QStringLiteral("concurrency"),
                                               ReplayCommand::tr("Requests in flight at once, 1 to 256 (default 8)."),
                                               QStringLiteral("N"));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout"),
                                           ReplayCommand::tr("Time allowed per request in milliseconds, connecting "
                                                             "included (default 10000)."),
                                           QStringLiteral("MS"));
    const QCommandLineOption repeatOption(QStringLiteral("repeat"),
                                          ReplayCommand::tr("Send the whole list N times (default 1)."), QStringLiteral("N"));
    const QCommandLineOption rateOption(QStringLiteral("rate"),
                                        ReplayCommand::tr("Start at most N requests per second, 0 for no limit "
                                                          "(default 0)."),
                                        QStringLiteral("N"));
    const QCommandLineOption budgetOption(QStringLiteral("budget"),
                                          ReplayCommand::tr("Latency budget per request in milliseconds; responses "
                                                            "over it are reported as findings (default: none)."),
                                          QStringLiteral("MS"));
    const QCommandLineOption strictBudgetOption(QStringLiteral("strict-budget"),
                                                ReplayCommand::tr("Count a response over the budget as differing."));
    const QCommandLineOption parityOption(QStringLiteral("parity"),
                                          ReplayCommand::tr("Also send each callback in the other encoding (JSON or "
                                                            "form) and report a different decision."));
    const QCommandLineOption contractOption(QStringLiteral("contract"),
                                            ReplayCommand::tr("Which contract findings on a reply's CRT count as "
                                                              "differing: warning (misspelt fields and worse, the "
                                                              "default), error, or off."),
                                            QStringLiteral("LEVEL"));
    const QCommandLineOption insecureOption(QStringLiteral("insecure"),
                                            ReplayCommand::tr("Accept TLS certificates that fail verification."));
    const QCommandLineOption methodOption(QStringLiteral("method"),
                                          ReplayCommand::tr("Send every callback with method M: GET, POST or PUT."),
                                          QStringLiteral("M"));
    const QCommandLineOption encodingOption(QStringLiteral("encoding"),
                                            ReplayCommand::tr("Re-encode every callback as E: %1.")
                                                .arg(CallbackComposer::encodingNames().join(QStringLiteral(", "))),
                                            QStringLiteral("E"));
    const QCommandLineOption headerOption(QStringLiteral("header"),
                                          ReplayCommand::tr("Add the header 'Name: value', replacing a sent header "
                                                            "of that name; may be repeated."),
                                          QStringLiteral("H"));
    const QCommandLineOption junitOption(QStringLiteral("junit"),
                                         ReplayCommand::tr("Write a JUnit XML report to FILE."), QStringLiteral("FILE"));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        ReplayCommand::tr("Write every result as JSON to FILE."), QStringLiteral("FILE"));
    const QCommandLineOption quietOption(QStringLiteral("quiet"), ReplayCommand::tr("Print no progress."));
    parser.addOptions({targetOption, concurrencyOption, timeoutOption, repeatOption, rateOption, budgetOption,
                       strictBudgetOption, parityOption, contractOption, insecureOption, methodOption, encodingOption, headerOption,
                       junitOption, jsonOption, quietOption});

    if (!parser.parse(replayArguments))
        return usageError(parser.errorText());
    if (parser.isSet(helpOption)) {
        printOut(parser.helpText().replace(QStringLiteral("callbacklab [options]"),
                                           QStringLiteral("callbacklab replay [options]")));
        return ReplayCommand::AllMatched;
    }
    parsed->files = parser.positionalArguments();
    if (parsed->files.isEmpty())
        return usageError(ReplayCommand::tr("no input file; give one or more suites, HAR or JSON Lines files"));

    Overrides &overrides = parsed->overrides;
    QString error;
    std::optional<int> budget;
    if (!readInteger(parser, concurrencyOption, 1, ReplayOptions::MaxConcurrency, &overrides.concurrency, &error)
        || !readInteger(parser, timeoutOption, 1, 24 * 3600 * 1000, &overrides.timeoutMs, &error)
        || !readInteger(parser, repeatOption, 1, ReplayOptions::MaxRepeat, &overrides.repeat, &error)
        || !readInteger(parser, budgetOption, 1, 24 * 3600 * 1000, &overrides.budgetMs, &error))
        return usageError(error);

    if (parser.isSet(targetOption)) {
        const QUrl target(parser.value(targetOption), QUrl::StrictMode);
        const QString scheme = target.scheme();
        if (!target.isValid() || target.host().isEmpty()
            || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
            return usageError(ReplayCommand::tr("invalid value for --target: '%1' is not an http or https URL")
                                  .arg(parser.value(targetOption)));
        overrides.target = target;
    }
    if (parser.isSet(rateOption)) {
        bool ok = false;
        const double rate = parser.value(rateOption).toDouble(&ok);
        if (!ok || rate < 0 || rate > 1e6)
            return usageError(ReplayCommand::tr("invalid value for --rate: '%1' is not a number of requests per "
                                                "second from 0 to 1000000")
                                  .arg(parser.value(rateOption)));
        overrides.rate = rate;
    }
    if (parser.isSet(methodOption)) {
        const QString method = parser.value(methodOption).toUpper();
        if (method != QLatin1String("GET") && method != QLatin1String("POST") && method != QLatin1String("PUT"))
            return usageError(ReplayCommand::tr("invalid value for --method: '%1'; give GET, POST or PUT")
                                  .arg(parser.value(methodOption)));
        overrides.method = method.toLatin1();
    }
    if (parser.isSet(encodingOption)) {
        overrides.encoding = CallbackComposer::encodingFromName(parser.value(encodingOption));
        if (!overrides.encoding)
            return usageError(ReplayCommand::tr("invalid value for --encoding: '%1'; give one of %2")
                                  .arg(parser.value(encodingOption),
                                       CallbackComposer::encodingNames().join(QStringLiteral(", "))));
    }
    if (parser.isSet(contractOption)) {
        overrides.contractCheck = contractCheckFromName(parser.value(contractOption));
        if (!overrides.contractCheck)
            return usageError(ReplayCommand::tr("invalid value for --contract: '%1'; give warning, error or off")
                                  .arg(parser.value(contractOption)));
    }
    for (const QString &header : parser.values(headerOption)) {
        const qsizetype colon = header.indexOf(QLatin1Char(':'));
        const QString name = header.left(colon).trimmed();
        if (colon <= 0 || name.contains(QLatin1Char(' ')) || header.contains(QLatin1Char('\n')))
            return usageError(ReplayCommand::tr("invalid value for --header: '%1'; write it as 'Name: value'").arg(header));
        overrides.headers.append({name.toLatin1(), header.mid(colon + 1).trimmed().toLatin1()});
    }
    overrides.strictBudget = parser.isSet(strictBudgetOption);
    overrides.parity = parser.isSet(parityOption);
    overrides.insecure = parser.isSet(insecureOption);
    parsed->junitFile = parser.value(junitOption);
    parsed->jsonFile = parser.value(jsonOption);
    parsed->quiet = parser.isSet(quietOption);
    return std::nullopt;
}

QString progressLine(const QString &fileName, const ReplayProgress &progress)
{
    return ReplayCommand::tr("%1: %2/%3 done, %4 in flight, %5 queued; %6 matched, %7 differed, %8 errors\n")
        .arg(fileName)
        .arg(progress.done)
        .arg(progress.total)
        .arg(progress.inFlight)
        .arg(progress.queued)
        .arg(progress.matched)
        .arg(progress.differed)
        .arg(progress.errors);
}

QJsonArray headersJson(const HttpHeaders &headers)
{
    QJsonArray array;
    for (const auto &header : headers)
        array.append(QJsonObject{{QStringLiteral("name"), QString::fromLatin1(header.first)},
                                 {QStringLiteral("value"), QString::fromLatin1(header.second)}});
    return array;
}

bool writeFile(const QString &fileName, const QByteArray &content, QString *errorMessage)
{
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit()) {
        *errorMessage = ReplayCommand::tr("cannot write %1: %2").arg(fileName, file.errorString());
        return false;
    }
    return true;
}

} // namespace

QJsonObject ReplayCommand::resultToJson(const ReplayResult &result)
{
    QJsonObject row{
        {QStringLiteral("id"), result.requestId},
        {QStringLiteral("index"), result.requestIndex},
        {QStringLiteral("iteration"), result.iteration},
        {QStringLiteral("method"), QString::fromLatin1(result.method)},
        {QStringLiteral("url"), result.url.toString()},
        {QStringLiteral("outcome"), replayOutcomeName(result.outcome)},
        {QStringLiteral("latencyMs"), double(result.latencyMicros) / 1000.0},
    };
    if (result.outcome == ReplayOutcome::Error) {
        row.insert(QStringLiteral("error"), replayErrorName(result.error));
        row.insert(QStringLiteral("message"), result.errorMessage);
        if (!result.location.isEmpty())
            row.insert(QStringLiteral("location"), QString::fromUtf8(result.location));
    }
    row.insert(QStringLiteral("expected"),
               QJsonObject{{QStringLiteral("source"), expectationSourceName(result.expectationSource)},
                           {QStringLiteral("status"), result.expectedStatus},
                           {QStringLiteral("decision"), decisionName(result.expectedDecision)}});
    if (result.status != 0) {
        row.insert(QStringLiteral("actual"),
                   QJsonObject{{QStringLiteral("status"), result.status},
                               {QStringLiteral("decision"), decisionName(result.decision)},
                               {QStringLiteral("headers"), headersJson(result.responseHeaders)},
                               {QStringLiteral("body"), QString::fromUtf8(result.responseBody)}});
    }
    row.insert(QStringLiteral("mismatches"), QJsonArray::fromStringList(result.mismatches));

    QJsonArray changes;
    for (const JsonChange &change : result.bodyDiff.changes()) {
        const QString kind = change.kind == JsonChange::Kind::Added ? QStringLiteral("added")
            : change.kind == JsonChange::Kind::Removed              ? QStringLiteral("removed")
                                                                    : QStringLiteral("changed");
        QJsonObject item{{QStringLiteral("kind"), kind}, {QStringLiteral("path"), change.path}};
        if (!change.before.isUndefined())
            item.insert(QStringLiteral("expected"), change.before);
        if (!change.after.isUndefined())
            item.insert(QStringLiteral("actual"), change.after);
        changes.append(item);
    }
    row.insert(QStringLiteral("bodyDiff"), changes);

    QJsonArray findings;
    for (const Finding &finding : result.findings)
        findings.append(QJsonObject{{QStringLiteral("severity"), severityName(finding.severity)},
                                    {QStringLiteral("code"), finding.code},
                                    {QStringLiteral("field"), finding.field},
                                    {QStringLiteral("message"), finding.message}});
    row.insert(QStringLiteral("findings"), findings);

    if (result.parity.checked) {
        QJsonObject parity{{QStringLiteral("encoding"), CallbackComposer::encodingName(result.parity.encoding)},
                           {QStringLiteral("status"), result.parity.status},
                           {QStringLiteral("decision"), decisionName(result.parity.decision)}};
        if (result.parity.error != ReplayError::None) {
            parity.insert(QStringLiteral("error"), replayErrorName(result.parity.error));
            parity.insert(QStringLiteral("message"), result.parity.errorMessage);
        }
        row.insert(QStringLiteral("parity"), parity);
    }
    return row;
}

QString ReplayCommand::summaryText(const ReplayFileReport &report, int maxRows)
{
    int matched = 0;
    int differed = 0;
    int errors = 0;
    int withFindings = 0;
    int sent = 0;
    for (const ReplayResult &result : report.results) {
        matched += result.outcome == ReplayOutcome::Matched;
        differed += result.outcome == ReplayOutcome::Differed;
        errors += result.outcome == ReplayOutcome::Error;
        withFindings += result.outcome == ReplayOutcome::Matched && !result.findings.isEmpty();
        sent += result.error != ReplayError::InvalidRequest;  // such rows never went out
    }
    const double seconds = double(report.elapsedMs) / 1000.0;
    const QString duration = report.elapsedMs < 1000 ? tr("%1 ms").arg(report.elapsedMs)
                                                     : tr("%1 s").arg(seconds, 0, 'f', 2);
    QString text = tr("%1: %2 requests, %3 matched, %4 differed, %5 errors in %6")
                       .arg(report.fileName)
                       .arg(report.results.size())
                       .arg(matched)
                       .arg(differed)
                       .arg(errors)
                       .arg(duration);
    // A rate measured over less than a tenth of a second is mostly noise, so it is left out.
    if (report.elapsedMs >= 100)
        text += tr(" (%1 requests/s)").arg(double(sent) / seconds, 0, 'f', 0);
    text += QLatin1Char('\n');
    if (withFindings > 0)
        text += tr("  %1 matched responses carry findings (see --junit or --json)\n").arg(withFindings);

    int shown = 0;
    for (const ReplayResult &result : report.results) {
        if (result.outcome == ReplayOutcome::Matched)
            continue;
        if (shown == maxRows) {
            text += tr("  ... and %1 more rows that did not match (see --junit or --json)\n")
                        .arg(differed + errors - shown);
            break;
        }
        ++shown;
        const QString name = result.iteration > 0
            ? tr("%1 (repeat %2)").arg(result.requestId).arg(result.iteration + 1)
            : result.requestId;
        text += QStringLiteral("  %1: %2\n").arg(name, result.summaryLine());
        if (!result.bodyDiff.isEmpty()) {
            const QStringList lines = result.bodyDiff.toText(120).split(QLatin1Char('\n'));
            for (const QString &line : lines.mid(0, 10))
                text += QStringLiteral("      %1\n").arg(line);
            if (lines.size() > 10)
                text += tr("      ... %1 more changes\n").arg(lines.size() - 10);
        }
        for (const Finding &finding : result.findings) {
            if (finding.severity != FindingSeverity::Info)
                text += QStringLiteral("      %1: %2\n").arg(finding.code, finding.message);
        }
    }
    return text;
}

int ReplayCommand::run(const QStringList &arguments)
{
    ParsedArguments parsed;
    if (const std::optional<int> exitCode = parseArguments(arguments, &parsed))
        return *exitCode;
    // Quiet leaves warnings and errors on stderr, and the summary on stdout.
    if (parsed.quiet)
        QLoggingCategory::setFilterRules(QStringLiteral("callbacklab.*.info=false"));

    // Read every input before sending anything, so a typo fails fast.
    QList<ReplaySuite> suites;
    bool readable = true;
    for (const QString &fileName : std::as_const(parsed.files)) {
        ReplaySuite suite;
        ReplayLoadError error;
        if (!ReplayInput::loadFile(fileName, &suite, &error)) {
            printError(tr("callbacklab: %1\n").arg(error.toString()));
            readable = false;
            continue;
        }
        parsed.overrides.applyTo(&suite.options);
        const QString invalid = suite.options.validate();
        if (!invalid.isEmpty()) {
            printError(tr("callbacklab: %1: %2\n").arg(fileName, invalid));
            readable = false;
            continue;
        }
        suites.append(suite);
    }
    if (!readable)
        return UsageError;

    ReplayRunner runner;
    QEventLoop loop;
    UnixSignalWatcher signalWatcher;
    bool interrupted = false;
    QObject::connect(&signalWatcher, &UnixSignalWatcher::terminationRequested, &runner, [&] {
        interrupted = true;
        runner.cancel();
    });

    QList<ReplayFileReport> reports;
    QString currentFile;
    QElapsedTimer sinceProgress;
    ReplayFileReport *current = nullptr;
    QObject::connect(&runner, &ReplayRunner::resultReady, &runner, [&current](const ReplayResult &result) {
        current->results.append(result);
    });
    QObject::connect(&runner, &ReplayRunner::progressChanged, &runner, [&](const ReplayProgress &progress) {
        // At most one progress line per second.
        if (parsed.quiet || (sinceProgress.isValid() && sinceProgress.elapsed() < 1000))
            return;
        sinceProgress.start();
        printError(progressLine(currentFile, progress));
    });
    QObject::connect(&runner, &ReplayRunner::finished, &loop, &QEventLoop::quit);

    for (qsizetype i = 0; i < suites.size() && !interrupted; ++i) {
        currentFile = parsed.files.at(i);
        reports.append(ReplayFileReport());
        current = &reports.last();
        current->fileName = currentFile;
        current->startedAt = QDateTime::currentDateTimeUtc();

        QElapsedTimer clock;
        clock.start();
        runner.setOptions(suites.at(i).options);
        QString error;
        if (!runner.start(suites.at(i).requests, &error)) {
            printError(tr("callbacklab: %1: %2\n").arg(currentFile, error));
            return UsageError;
        }
        sinceProgress.invalidate();
        loop.exec();
        current->elapsedMs = clock.elapsed();

        // Rows arrive as they finish; report them in request order.
        std::stable_sort(current->results.begin(), current->results.end(),
                         [](const ReplayResult &a, const ReplayResult &b) {
                             return std::pair(a.iteration, a.requestIndex) < std::pair(b.iteration, b.requestIndex);
                         });
    }

    // Summary, then the report files.
    bool allMatched = !interrupted;
    int total = 0;
    int matched = 0;
    for (const ReplayFileReport &report : std::as_const(reports)) {
        printOut(summaryText(report));
        for (const ReplayResult &result : report.results) {
            ++total;
            matched += result.outcome == ReplayOutcome::Matched;
        }
    }
    allMatched = allMatched && matched == total;
    if (reports.size() > 1)
        printOut(tr("total: %1 requests, %2 matched, %3 did not\n").arg(total).arg(matched).arg(total - matched));
    if (interrupted)
        printOut(tr("interrupted: rows still queued were not replayed\n"));

    bool written = true;
    QString error;
    if (!parsed.junitFile.isEmpty() && !JUnitReport::write(parsed.junitFile, reports, &error)) {
        printError(tr("callbacklab: %1\n").arg(error));
        written = false;
    }
    if (!parsed.jsonFile.isEmpty()) {
        QJsonArray files;
        for (const ReplayFileReport &report : std::as_const(reports)) {
            QJsonArray results;
            for (const ReplayResult &result : report.results)
                results.append(resultToJson(result));
            files.append(QJsonObject{{QStringLiteral("file"), report.fileName},
                                     {QStringLiteral("elapsedMs"), report.elapsedMs},
                                     {QStringLiteral("results"), results}});
        }
        const QJsonObject root{{QStringLiteral("format"), QStringLiteral("callbacklab-replay-results")},
                               {QStringLiteral("version"), 1},
                               {QStringLiteral("files"), files}};
        if (!writeFile(parsed.jsonFile, QJsonDocument(root).toJson(QJsonDocument::Indented), &error)) {
            printError(tr("callbacklab: %1\n").arg(error));
            written = false;
        }
    }
    if (!written)
        return UsageError;
    return allMatched ? AllMatched : SomeDiffered;
}
