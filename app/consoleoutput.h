// Console helpers shared by the commands. Output is flushed at once, so that
// stdout and stderr keep their order when both go to one terminal or file.
#pragma once

#include <QString>
#include <QStringList>

#include <cstdio>

inline void printOut(const QString &text)
{
    std::fputs(qPrintable(text), stdout);
    std::fflush(stdout);
}

inline void printError(const QString &text)
{
    std::fputs(qPrintable(text), stderr);
    std::fflush(stderr);
}

// The arguments without the command name: argv[0] and the options after it.
inline QStringList commandArguments(const QStringList &arguments)
{
    QStringList result = arguments;
    if (result.size() > 1)
        result.removeAt(1);
    return result;
}
