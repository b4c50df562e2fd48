#include "commandline.h"

#include "consoleoutput.h"

#include <QCommandLineParser>
#include <QHostAddress>

#include <cstdio>

namespace {

QString versionText()
{
    return QStringLiteral("callbacklab %1\n").arg(QStringLiteral(CALLBACKLAB_VERSION));
}

} // namespace

bool CommandLine::isSubcommand(const char *argument)
{
    return qstrcmp(argument, "serve") == 0 || qstrcmp(argument, "replay") == 0 || qstrcmp(argument, "export") == 0
        || qstrcmp(argument, "import") == 0;
}

void CommandLine::parse(const QStringList &arguments)
{
    if (arguments.size() > 1 && arguments.at(1) == QLatin1String("serve"))
        parseServe(arguments);
    else if (arguments.size() > 1 && arguments.at(1) == QLatin1String("replay"))
        action = Action::RunReplay;  // ReplayCommand reads its own options
    else if (arguments.size() > 1 && arguments.at(1) == QLatin1String("export"))
        action = Action::RunExport;  // ExportCommand reads its own options
    else if (arguments.size() > 1 && arguments.at(1) == QLatin1String("import"))
        action = Action::RunImport;  // ImportCommand reads its own options
    else
        parseGui(arguments);
}

void CommandLine::fail(const QString &message, const QString &helpHint)
{
    printError(tr("callbacklab: %1\nTry '%2' for more information.\n").arg(message, helpHint));
    action = Action::Exit;
    exitCode = 2;
}

void CommandLine::parseGui(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Stands in for a content provider's DRM license-authorization callback endpoint.\n\n"
           "Commands:\n"
           "  (none)   open the window\n"
           "  serve    run the responder without a window; see 'callbacklab serve --help'\n"
           "  replay   replay saved callbacks against a target; see 'callbacklab replay --help'\n"
           "  export   write logged exchanges to a HAR or JSON Lines file; see 'callbacklab export --help'\n"
           "  import   add HAR or JSON Lines files to a request log; see 'callbacklab import --help'"));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption profileOption(QStringLiteral("profile"),
                                           tr("Open the profile FILE and save changes to it."), tr("FILE"));
    parser.addOption(profileOption);
    const QCommandLineOption logDatabaseOption(
        QStringLiteral("log-db"),
        tr("Store the request log in the SQLite file FILE (default: exchanges.sqlite in the app's data folder)."),
        tr("FILE"));
    parser.addOption(logDatabaseOption);

    if (!parser.parse(arguments)) {
        fail(parser.errorText(), QStringLiteral("callbacklab --help"));
        return;
    }
    // An unknown command is an error even with --help, which would otherwise
    // print the window's help as if the command existed.
    if (!parser.positionalArguments().isEmpty()) {
        fail(tr("unknown command '%1'").arg(parser.positionalArguments().constFirst()),
             QStringLiteral("callbacklab --help"));
        return;
    }
    if (parser.isSet(helpOption)) {
        printOut(parser.helpText());
        action = Action::Exit;
        return;
    }
    if (parser.isSet(versionOption)) {
        printOut(versionText());
        action = Action::Exit;
        return;
    }
    gui.profileFile = parser.value(profileOption);
    gui.logDatabase = parser.value(logDatabaseOption);
    if (parser.isSet(logDatabaseOption) && gui.logDatabase.isEmpty()) {
        fail(tr("invalid value for --log-db: the file name is empty"), QStringLiteral("callbacklab --help"));
        return;
    }
    action = Action::RunGui;
}

void CommandLine::parseServe(const QStringList &arguments)
{
    QStringList serveArguments = arguments;
    serveArguments.removeAt(1);
    const QString hint = QStringLiteral("callbacklab serve --help");

    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Runs the callback responder without a window. Prints the callback URL, then one line per "
           "exchange. Stops on SIGINT or SIGTERM."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption addressOption(QStringLiteral("address"),
                                           tr("IP address to listen on (default 127.0.0.1)."), tr("A"));
    const QCommandLineOption portOption(QStringLiteral("port"),
                                        tr("TCP port to listen on, 0 for any free port (default 8080)."), tr("N"));
    const QCommandLineOption pathOption(QStringLiteral("path"),
                                        tr("Callback path, such as /authorize (default: every path)."), tr("P"));
    const QCommandLineOption profileOption(QStringLiteral("profile"),
                                           tr("Read decisions and CRT from the profile FILE; it is not written."),
                                           tr("FILE"));
    const QCommandLineOption logDatabaseOption(
        QStringLiteral("log-db"),
        tr("Keep every exchange in the request log FILE (default: exchanges.sqlite in the app's data folder)."),
        tr("FILE"));
    const QCommandLineOption noLogDatabaseOption(QStringLiteral("no-log-db"), tr("Keep no request log."));
    parser.addOptions({addressOption, portOption, pathOption, profileOption, logDatabaseOption, noLogDatabaseOption});

    if (!parser.parse(serveArguments)) {
        fail(parser.errorText(), hint);
        return;
    }
    if (parser.isSet(helpOption)) {
        printOut(parser.helpText().replace(QStringLiteral("callbacklab [options]"),
                                           QStringLiteral("callbacklab serve [options]")));
        action = Action::Exit;
        return;
    }
    if (parser.isSet(versionOption)) {
        printOut(versionText());
        action = Action::Exit;
        return;
    }
    if (!parser.positionalArguments().isEmpty()) {
        fail(tr("unexpected argument '%1'").arg(parser.positionalArguments().constFirst()), hint);
        return;
    }

    if (parser.isSet(addressOption)) {
        const QString address = parser.value(addressOption);
        if (QHostAddress(address).isNull()) {
            fail(tr("invalid value for --address: '%1' is not an IP address").arg(address), hint);
            return;
        }
        serve.address = address;
    }
    if (parser.isSet(portOption)) {
        bool ok = false;
        const uint port = parser.value(portOption).toUInt(&ok);
        if (!ok || port > 65535) {
            fail(tr("invalid value for --port: '%1' is not a number from 0 to 65535").arg(parser.value(portOption)),
                 hint);
            return;
        }
        serve.port = quint16(port);
    }
    if (parser.isSet(pathOption)) {
        QString path = parser.value(pathOption);
        if (path.contains(QLatin1Char('?')) || path.contains(QLatin1Char(' '))) {
            fail(tr("invalid value for --path: '%1' must be a path without spaces or a query").arg(path), hint);
            return;
        }
        serve.path = path;
    }
    if (parser.isSet(logDatabaseOption) && parser.isSet(noLogDatabaseOption)) {
        fail(tr("--log-db and --no-log-db cannot be used together"), hint);
        return;
    }
    if (parser.isSet(logDatabaseOption)) {
        if (parser.value(logDatabaseOption).isEmpty()) {
            fail(tr("invalid value for --log-db: the file name is empty"), hint);
            return;
        }
        serve.logDatabase = parser.value(logDatabaseOption);
    }
    serve.noLogDatabase = parser.isSet(noLogDatabaseOption);
    serve.profileFile = parser.value(profileOption);
    action = Action::RunServe;
}
