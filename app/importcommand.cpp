#include "importcommand.h"

#include "consoleoutput.h"
#include "exchangeimport.h"
#include "exchangestore.h"

#include <QCommandLineParser>
#include <QDir>

#include <cstdio>
#include <optional>

namespace {

int usageError(const QString &message)
{
    printError(ImportCommand::tr("callbacklab: %1\nTry 'callbacklab import --help' for more information.\n")
                   .arg(message));
    return 2;
}

} // namespace

int ImportCommand::run(const QStringList &arguments)
{
    const QStringList importArguments = commandArguments(arguments);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Adds the exchanges of HAR 1.2 or JSON Lines files to a request log as captured callbacks. "
           "Prints how many each file added. A malformed entry is reported with its position and left out; "
           "the other entries are added."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption logOption(
        QStringLiteral("log-db"),
        tr("Add to the request log FILE (default: %1). The log must not be open in the window or in "
           "'callbacklab serve'.")
            .arg(QDir::toNativeSeparators(ExchangeStore::defaultFileName())),
        tr("FILE"));
    parser.addOption(logOption);
    parser.addPositionalArgument(QStringLiteral("files"), tr("HAR or JSON Lines files to import."),
                                 QStringLiteral("FILE..."));

    if (!parser.parse(importArguments))
        return usageError(parser.errorText());
    if (parser.isSet(helpOption)) {
        printOut(parser.helpText().replace(QStringLiteral("callbacklab [options]"),
                                           QStringLiteral("callbacklab import [options]")));
        return 0;
    }
    if (parser.isSet(logOption) && parser.value(logOption).isEmpty())
        return usageError(tr("missing FILE after --log-db"));
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        return usageError(tr("missing FILE to import"));

    const QString logDatabase =
        parser.isSet(logOption) ? parser.value(logOption) : ExchangeStore::defaultFileName();
    return importFiles(logDatabase, files);
}

int ImportCommand::importFiles(const QString &logDatabase, const QStringList &files)
{
    ExchangeStore store;
    const auto opened = store.open(logDatabase);
    if (!opened) {
        printError(tr("callbacklab: %1\n").arg(opened.error().toString()));
        return 2;
    }

    int exitCode = 0;
    qint64 total = 0;
    for (const QString &fileName : files) {
        const QString shownName = QDir::toNativeSeparators(fileName);
        qint64 added = 0;
        qint64 dropped = 0;
        std::optional<StoreError> storeError;
        const ImportResult result =
            ExchangeImport::readFileInSlices(fileName, [&](const QList<StoredExchange> &slice) {
                const auto stored = ExchangeImport::appendAndWait(store, slice);
                if (!stored) {
                    storeError = stored.error();
                    return false;
                }
                dropped += stored.value();
                added += slice.size() - stored.value();
                return true;
            });

        // A binary file can have thousands of bad lines, so only the first are shown.
        constexpr qsizetype MaxIssuesShown = 20;
        for (qsizetype i = 0; i < qMin(MaxIssuesShown, result.issues.size()); ++i)
            printError(tr("callbacklab: %1: %2\n").arg(shownName, result.issues.at(i).toString()));
        if (result.issues.size() > MaxIssuesShown) {
            printError(tr("callbacklab: %1: %n more entries left out", nullptr,
                          int(result.issues.size() - MaxIssuesShown))
                           .arg(shownName)
                       + QLatin1Char('\n'));
        }
        if (!result.issues.isEmpty())
            exitCode = qMax(exitCode, 1);
        if (!result.fatalError.isEmpty()) {
            const QString message = result.fatalError.contains(shownName)
                ? result.fatalError
                : QStringLiteral("%1: %2").arg(shownName, result.fatalError);
            printError(tr("callbacklab: %1\n").arg(message));
            exitCode = 2;
        } else if (result.issues.isEmpty() && added == 0 && dropped == 0 && !storeError) {
            printError(tr("callbacklab: %1: no exchanges found; is it a HAR or JSON Lines file?\n").arg(shownName));
            exitCode = qMax(exitCode, 1);
        }
        if (storeError) {
            printError(tr("callbacklab: %1\n").arg(storeError->toString()));
            exitCode = qMax(exitCode, 1);
        }
        if (dropped > 0) {
            printError(tr("callbacklab: %1: %n exchange(s) could not be stored", nullptr, int(dropped)).arg(shownName)
                       + QLatin1Char('\n'));
            exitCode = qMax(exitCode, 1);
        }
        if (result.fatalError.isEmpty() || added > 0)
            printOut(tr("Added %n exchange(s) from %1", nullptr, int(added)).arg(shownName) + QLatin1Char('\n'));
        total += added;
        if (storeError)
            break;
    }
    store.close();

    if (files.size() > 1) {
        printOut(tr("Added %n exchange(s) to %1", nullptr, int(total)).arg(QDir::toNativeSeparators(logDatabase))
                 + QLatin1Char('\n'));
    }
    return exitCode;
}
