// `callbacklab export`: writes exchanges from a request log to a HAR or JSON
// Lines file, optionally filtered and redacted.
#pragma once

#include <QCoreApplication>
#include <QStringList>

struct ExportOptions
{
    enum class Format { Har, JsonLines };

    QString logDatabase;
    Format format = Format::Har;
    QString filter;      // filter language text, empty for every exchange
    bool redact = false;
    QString output;      // "-" for standard output
};

class ExportCommand
{
    Q_DECLARE_TR_FUNCTIONS(ExportCommand)

public:
    // Reads the arguments (argv[0], "export", options...) and exports.
    // Returns 0 on success, 1 when writing fails, 2 for bad usage or a log
    // that cannot be read.
    static int run(const QStringList &arguments);

    // Exports with parsed options; messages go to standard error.
    static int exportLog(const ExportOptions &options);
};
