// Writes a profile whose responder listens on 127.0.0.1, by default on a
// port the system picks, for tests that start the window or serve.
#pragma once

#include "responsesettings.h"

#include <QFile>

inline bool writeLoopbackProfile(const QString &fileName, quint16 port = 0)
{
    ResponseSettings settings;
    settings.server.address = QStringLiteral("127.0.0.1");
    settings.server.port = port;
    QFile file(fileName);
    return file.open(QIODevice::WriteOnly) && file.write(ProfileFormat::toJson(settings)) > 0;
}
