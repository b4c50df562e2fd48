// Starts wrk from a benchmark: a Lua script that POSTs one JSON body, then
// `wrk -t2 -cCONNECTIONS -dSECONDSs` against a URL on loopback.
#pragma once

#include <QDir>
#include <QFile>
#include <QProcess>

// Writes the script into folder and starts wrk. Returns an error message, or
// an empty string once wrk has started.
inline QString startWrk(QProcess &wrk, const QDir &folder, const QByteArray &body, int connections, int seconds,
                        const QString &url)
{
    const QString script = folder.filePath(QStringLiteral("callback.lua"));
    QFile lua(script);
    if (!lua.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write %1").arg(script);
    lua.write("wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\nwrk.body = '" + body + "'\n");
    lua.close();
    wrk.start(QStringLiteral("wrk"), {QStringLiteral("-t2"), QStringLiteral("-c%1").arg(connections),
                                      QStringLiteral("-d%1s").arg(seconds), QStringLiteral("-s"), script, url});
    if (!wrk.waitForStarted(10000))
        return QStringLiteral("wrk did not start; is it installed?");
    return QString();
}
