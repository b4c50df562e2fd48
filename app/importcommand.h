// `callbacklab import`: adds the exchanges of HAR or JSON Lines files to a
// request log as captured callbacks.
#pragma once

#include <QCoreApplication>
#include <QStringList>

class ImportCommand
{
    Q_DECLARE_TR_FUNCTIONS(ImportCommand)

public:
    // Reads the arguments (argv[0], "import", options and files) and imports.
    // Returns 0 when every entry was added, 1 when some entries were left out
    // or could not be stored, 2 for bad usage, an unreadable file or a log
    // that cannot be opened.
    static int run(const QStringList &arguments);

    // Imports the files into the log; messages go to standard error, the
    // count of each file to standard output.
    static int importFiles(const QString &logDatabase, const QStringList &files);
};
