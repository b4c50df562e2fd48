// callbacklab: the window, or a subcommand without one.
#include "application.h"
#include "commandline.h"
#include "exportcommand.h"
#include "importcommand.h"
#include "replaycommand.h"
#include "servecommand.h"
#include "unixsignals.h"

#include <QApplication>
#include <QCoreApplication>

#include <memory>

namespace {

void setApplicationInfo()
{
    QCoreApplication::setOrganizationName(QStringLiteral("CallbackLab"));
    QCoreApplication::setApplicationName(QStringLiteral("callbacklab"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CALLBACKLAB_VERSION));
}

} // namespace

int main(int argc, char *argv[])
{
    setApplicationInfo();

    // The command line is read under a QCoreApplication, so that --help,
    // subcommands and usage errors work without a display.
    CommandLine commandLine;
    {
        auto app = std::make_unique<QCoreApplication>(argc, argv);
        installTranslations(*app);
        commandLine.parse(QCoreApplication::arguments());
        switch (commandLine.action) {
        case CommandLine::Action::Exit:
            return commandLine.exitCode;
        case CommandLine::Action::RunServe:
            return ServeCommand::run(commandLine.serve);
        case CommandLine::Action::RunReplay:
            return ReplayCommand::run(QCoreApplication::arguments());
        case CommandLine::Action::RunExport:
            return ExportCommand::run(QCoreApplication::arguments());
        case CommandLine::Action::RunImport:
            return ImportCommand::run(QCoreApplication::arguments());
        case CommandLine::Action::RunGui:
            break;
        }
    }

    QApplication app(argc, argv);
    installTranslations(app);
    // SIGINT and SIGTERM close the window as the user would, so the request
    // log stores what is queued and the window state is saved.
    UnixSignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &UnixSignalWatcher::terminationRequested, &app, [] {
        QApplication::closeAllWindows();
        QApplication::quit();
    });
    return runMainWindow(commandLine.gui.profileFile, commandLine.gui.logDatabase);
}
