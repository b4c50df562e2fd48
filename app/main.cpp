// callbacklab: the window, or a subcommand without one.
#include "commandline.h"
#include "application.h"
#include "servecommand.h"
#include "settingsstore.h"

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
    // Subcommands and --help/--version need no display.
    const bool headless = argc > 1
        && (CommandLine::isSubcommand(argv[1]) || qstrcmp(argv[1], "--help") == 0 || qstrcmp(argv[1], "-h") == 0
            || qstrcmp(argv[1], "--version") == 0 || qstrcmp(argv[1], "-v") == 0);

    std::unique_ptr<QCoreApplication> app;
    if (headless)
        app = std::make_unique<QCoreApplication>(argc, argv);
    else
        app = std::make_unique<QApplication>(argc, argv);
    setApplicationInfo();
    installTranslations(*app);

    CommandLine commandLine;
    commandLine.parse(QCoreApplication::arguments());
    switch (commandLine.action) {
    case CommandLine::Action::Exit:
        return commandLine.exitCode;
    case CommandLine::Action::RunServe:
        return ServeCommand::run(commandLine.serve);
    case CommandLine::Action::RunGui:
        break;
    }

    return runMainWindow(commandLine.gui.profileFile);
}
