// Start-up of the windowed application, shared by main() and the GUI tests.
#pragma once

#include <QString>

class QCoreApplication;

// Loads the Vietnamese or English translation matching the system locale.
void installTranslations(QCoreApplication &app);

// Opens the main window with the given profile (empty: the default profile)
// and runs the event loop; returns the exit code.
// logDatabaseFile empty: the request log in the app's data folder.
int runMainWindow(const QString &profileFile, const QString &logDatabaseFile = QString());
