#include "application.h"

#include "mainwindow.h"
#include "settingsstore.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

void installTranslations(QCoreApplication &app)
{
    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);

    auto *appTranslator = new QTranslator(&app);
    if (appTranslator->load(QLocale(), QStringLiteral("callbacklab"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(appTranslator);
}

int runMainWindow(const QString &profileFile, const QString &logDatabaseFile)
{
    MainWindow window(profileFile, logDatabaseFile);
    window.show();
    return QApplication::exec();
}
