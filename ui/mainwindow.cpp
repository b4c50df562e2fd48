#include "mainwindow.h"

#include "responderservice.h"
#include "settingsstore.h"

// TODO(first version): the full window comes next.
MainWindow::MainWindow(const QString &profileFile, QWidget *parent)
    : QMainWindow(parent)
    , m_store(new SettingsStore(this))
    , m_service(new ResponderService(m_store, this))
{
    QString error;
    const QString file = profileFile.isEmpty() ? SettingsStore::defaultProfileFile() : profileFile;
    m_store->load(file, &error);
    m_store->setProfileFile(file);
    m_service->start(m_store->snapshot()->server);
}

MainWindow::~MainWindow() = default;
