// Helpers for tests that drive the main window: finding widgets by object
// name and starting the responder on a free loopback port.
#pragma once

#include "mainwindow.h"
#include "responderservice.h"
#include "settingsstore.h"
#include "testhttpclient.h"

#include <QPushButton>
#include <QSpinBox>
#include <QtTest>

namespace GuiTest {

// Returns the descendant of parent with that object name, warning when none exists.
template<typename T>
T *child(QObject *parent, const char *name)
{
    T *found = parent->findChild<T *>(QLatin1String(name));
    if (!found)
        qWarning("No child named %s", name);
    return found;
}

// Sets the port to 0 in the server bar and starts the server, leaving it listening.
inline void startOnFreePort(MainWindow &window)
{
    using State = ResponderService::State;
    ResponderService *service = window.responderService();
    QTRY_VERIFY_WITH_TIMEOUT(service->state() != State::Starting, TestHttp::NetworkTimeoutMs);

    auto *startStop = child<QPushButton>(&window, "serverStartButton");
    QVERIFY(startStop);
    if (service->state() == State::Listening) {
        startStop->click();
        QTRY_COMPARE_WITH_TIMEOUT(service->state(), State::Stopped, TestHttp::NetworkTimeoutMs);
    }
    auto *port = child<QSpinBox>(&window, "serverPortSpin");
    QVERIFY(port);
    port->setValue(0);
    QCOMPARE(window.settingsStore()->snapshot()->server.port, quint16(0));

    startStop->click();
    QTRY_COMPARE_WITH_TIMEOUT(service->state(), State::Listening, TestHttp::NetworkTimeoutMs);
    QVERIFY(service->port() != 0);
}

} // namespace GuiTest
