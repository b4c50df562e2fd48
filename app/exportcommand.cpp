#include "exportcommand.h"

#include "consoleoutput.h"
#include "exchangefilter.h"
#include "exchangestorereader.h"
#include "harformat.h"
#include "jsonlinesformat.h"
#include "redactor.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QSaveFile>

#include <cstdio>
#include <functional>

namespace {

constexpr int BatchSize = 500;

int usageError(const QString &message)
{
    printError(ExportCommand::tr("callbacklab: %1\nTry 'callbacklab export --help' for more information.\n")
                   .arg(message));
    return 2;
}

// Calls visit for every exchange that matches, in log order, a batch at a time.
StoreResult<> forEachExchange(ExchangeStoreReader &reader, const ExchangeFilter &filter, const QDateTime &now,
                              const std::function<bool(StoredExchange &)> &visit)
{
    qint64 lastId = 0;
    while (true) {
        auto batch = reader.loadAfter(filter, lastId, BatchSize, now);
        if (!batch)
            return batch.error();
        for (StoredExchange &stored : batch.value()) {
            if (!visit(stored))
                return std::monostate{};
        }
        if (batch->size() < BatchSize)
            return std::monostate{};
        lastId = batch->last().logId;
    }
}

} // namespace

int ExportCommand::run(const QStringList &arguments)
{
    const QStringList exportArguments = commandArguments(arguments);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Writes exchanges from a request log to a HAR 1.2 or JSON Lines file. Prints how many were written."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption logOption(QStringLiteral("log-db"), tr("Read the request log FILE."), tr("FILE"));
    const QCommandLineOption formatOption(QStringLiteral("format"),
                                          tr("Output format: har or jsonl (one exchange per line)."), tr("F"));
    const QCommandLineOption filterOption(QStringLiteral("filter"),
                                          tr("Export only exchanges that match the filter EXPR, such as "
                                             "'user:alice status:4xx since:1h'."),
                                          tr("EXPR"));
    const QCommandLineOption redactOption(QStringLiteral("redact"),
                                          tr("Replace users, sessions, IP addresses and user agents with "
                                             "placeholders (user-1, session-1, 192.0.2.1, ua-1)."));
    const QCommandLineOption outputOption(QStringLiteral("output"), tr("Write to FILE; - for standard output."),
                                          tr("FILE"));
    parser.addOptions({logOption, formatOption, filterOption, redactOption, outputOption});

    if (!parser.parse(exportArguments))
        return usageError(parser.errorText());
    if (parser.isSet(helpOption)) {
        printOut(parser.helpText().replace(QStringLiteral("callbacklab [options]"),
                                           QStringLiteral("callbacklab export [options]")));
        return 0;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(tr("unexpected argument '%1'").arg(parser.positionalArguments().constFirst()));

    ExportOptions options;
    if (!parser.isSet(logOption) || parser.value(logOption).isEmpty())
        return usageError(tr("missing --log-db FILE"));
    options.logDatabase = parser.value(logOption);
    if (!parser.isSet(outputOption) || parser.value(outputOption).isEmpty())
        return usageError(tr("missing --output FILE"));
    options.output = parser.value(outputOption);

    const QString format = parser.value(formatOption).toLower();
    if (!parser.isSet(formatOption))
        return usageError(tr("missing --format har|jsonl"));
    if (format == QLatin1String("har"))
        options.format = ExportOptions::Format::Har;
    else if (format == QLatin1String("jsonl"))
        options.format = ExportOptions::Format::JsonLines;
    else
        return usageError(tr("invalid value for --format: '%1' is not har or jsonl").arg(parser.value(formatOption)));

    options.filter = parser.value(filterOption);
    const FilterParseResult filter = ExchangeFilter::parse(options.filter);
    if (!filter)
        return usageError(tr("invalid value for --filter: %1").arg(filter.error().message));
    options.redact = parser.isSet(redactOption);
    return exportLog(options);
}

int ExportCommand::exportLog(const ExportOptions &options)
{
    ExchangeStoreReader reader;
    const auto opened = reader.open(options.logDatabase);
    if (!opened) {
        printError(tr("callbacklab: %1\n").arg(opened.error().toString()));
        return 2;
    }
    const FilterParseResult parsed = ExchangeFilter::parse(options.filter);
    if (!parsed) {
        printError(tr("callbacklab: invalid filter: %1\n").arg(parsed.error().message));
        return 2;
    }
    const ExchangeFilter &filter = parsed.filter();
    const QDateTime now = QDateTime::currentDateTimeUtc();

    // The first pass learns every value, so a user seen first in a later
    // exchange gets its placeholder in earlier bodies too.
    Redactor redactor;
    if (options.redact) {
        const auto collected = forEachExchange(reader, filter, now, [&redactor](StoredExchange &stored) {
            redactor.collect(stored);
            return true;
        });
        if (!collected) {
            printError(tr("callbacklab: %1\n").arg(collected.error().toString()));
            return 2;
        }
    }

    const bool toStandardOutput = options.output == QLatin1String("-");
    QFile standardOutput;
    QSaveFile file(options.output);
    QIODevice *device = &file;
    if (toStandardOutput) {
        standardOutput.open(stdout, QIODevice::WriteOnly);
        device = &standardOutput;
    } else if (!file.open(QIODevice::WriteOnly)) {
        printError(tr("callbacklab: cannot write %1: %2\n")
                       .arg(QDir::toNativeSeparators(options.output), file.errorString()));
        return 1;
    }

    HarFormat::Writer har(device);
    bool writeOk = options.format != ExportOptions::Format::Har || har.begin();
    qint64 written = 0;
    const auto exported = forEachExchange(reader, filter, now, [&](StoredExchange &stored) {
        if (options.redact)
            redactor.apply(stored);
        if (options.format == ExportOptions::Format::Har) {
            writeOk = har.write(stored);
        } else {
            const QByteArray line = JsonLinesFormat::toLine(stored);
            writeOk = device->write(line) == line.size();
        }
        written += writeOk ? 1 : 0;
        return writeOk;
    });
    if (!exported) {
        printError(tr("callbacklab: %1\n").arg(exported.error().toString()));
        return 2;
    }
    if (writeOk && options.format == ExportOptions::Format::Har)
        writeOk = har.finish();
    if (!toStandardOutput && writeOk)
        writeOk = file.commit();
    if (!writeOk) {
        printError(tr("callbacklab: cannot write %1: %2\n")
                       .arg(QDir::toNativeSeparators(options.output), device->errorString()));
        return 1;
    }

    const QString summary = tr("Wrote %n exchange(s) to %1\n", nullptr, int(written))
                                .arg(toStandardOutput ? tr("standard output") : QDir::toNativeSeparators(options.output));
    if (toStandardOutput)
        printError(summary);
    else
        printOut(summary);
    return 0;
}
