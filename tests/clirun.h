// Runs the callbacklab binary and returns its exit code and both output
// streams.
#pragma once

#include <QProcess>
#include <QStringList>

struct CliRun
{
    int exitCode = -1;  // -1 when the program crashed or did not finish in time
    QByteArray out;
    QByteArray err;
};

inline CliRun runCallbackLab(const QStringList &arguments, int timeoutMs = 60000)
{
    QProcess process;
    process.start(QStringLiteral(CALLBACKLAB_BINARY), arguments);
    CliRun result;
    if (!process.waitForFinished(timeoutMs))
        return result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}
