// Command-line parsing for the GUI and for the subcommands.
#pragma once

#include "responsesettings.h"

#include <QCoreApplication>
#include <QStringList>

#include <optional>

struct GuiOptions
{
    QString profileFile;  // empty: the profile in the app's config folder
    QString logDatabase;  // empty: ExchangeStore::defaultFileName()
};

struct ServeOptions
{
    QString profileFile;  // empty: built-in defaults
    // Options given on the command line override the profile's server settings.
    std::optional<QString> address;
    std::optional<quint16> port;
    std::optional<QString> path;
    // Request log: unset means ExchangeStore::defaultFileName(); noLogDatabase turns it off.
    std::optional<QString> logDatabase;
    bool noLogDatabase = false;
};

class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    enum class Action { RunGui, RunServe, RunReplay, RunExport, RunImport, Exit };

    // Reads the arguments (argv[0] first). For --help, --version and errors it
    // prints the text and sets Exit with the code to return: 0 or 2.
    void parse(const QStringList &arguments);

    static bool isSubcommand(const char *argument);

    Action action = Action::RunGui;
    int exitCode = 0;
    GuiOptions gui;
    ServeOptions serve;

private:
    void parseGui(const QStringList &arguments);
    void parseServe(const QStringList &arguments);
    void fail(const QString &message, const QString &helpHint);
};
