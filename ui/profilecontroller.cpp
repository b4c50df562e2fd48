#include "profilecontroller.h"

#include "filedialogs.h"
#include "settingsstore.h"
#include "uilogging.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>

ProfileController::ProfileController(SettingsStore *store, QWidget *window)
    : QObject(window)
    , m_store(store)
    , m_window(window)
{
}

void ProfileController::addActions(QMenu *menu)
{
    QAction *newAction = menu->addAction(tr("&New Profile"), this, &ProfileController::newProfile);
    newAction->setObjectName(QStringLiteral("newProfileAction"));
    newAction->setShortcut(QKeySequence::New);

    QAction *openAction = menu->addAction(tr("&Open Profile..."), this, &ProfileController::chooseAndOpen);
    openAction->setObjectName(QStringLiteral("openProfileAction"));
    openAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_O));

    m_recentMenu = menu->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentProfilesMenu"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &ProfileController::fillRecentMenu);

    QAction *saveAsAction = menu->addAction(tr("Save Profile &As..."), this, &ProfileController::chooseAndSaveAs);
    saveAsAction->setObjectName(QStringLiteral("saveProfileAsAction"));
    saveAsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
}

void ProfileController::newProfile()
{
    // Stop autosaving first, so the defaults do not replace the previous profile.
    m_store->setProfileFile(QString());
    m_store->update(tr("New profile"), [](ResponseSettings &settings) {
        const ServerSettings server = settings.server;
        settings = ResponseSettings();
        settings.server = server;
    });
    emit profileFileChanged(QString());
}

bool ProfileController::openFile(const QString &fileName)
{
    const QString absolute = QFileInfo(fileName).absoluteFilePath();
    ProfileError error;
    if (!m_store->load(absolute, &error)) {
        qCWarning(lcUi).noquote() << error.toString();
        showLoadProblem(absolute, error.toString(), QStringLiteral("profileOpenErrorBox"));
        return false;
    }

    m_store->setProfileFile(absolute);
    m_recent.add(absolute);
    emit profileFileChanged(absolute);
    return true;
}

bool ProfileController::saveAs(const QString &fileName)
{
    const QString absolute = QFileInfo(fileName).absoluteFilePath();
    QString message;
    if (!m_store->saveTo(absolute, &message)) {
        QMessageBox::warning(m_window, tr("Profile not saved"),
                             tr("The profile could not be saved to %1: %2").arg(QDir::toNativeSeparators(absolute), message));
        return false;
    }

    m_store->setProfileFile(absolute);
    m_recent.add(absolute);
    emit profileFileChanged(absolute);
    return true;
}

void ProfileController::showLoadProblem(const QString &fileName, const QString &problem, const QString &objectName)
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Profile not loaded"),
                                tr("The profile %1 could not be loaded.").arg(QDir::toNativeSeparators(fileName)),
                                QMessageBox::Close, m_window);
    box->setObjectName(objectName);
    box->setAttribute(Qt::WA_DeleteOnClose);
    const QString target = m_store->profileFile().isEmpty()
                               ? tr("Changes are not saved until you choose a file with Save As.")
                               : tr("Changes are still saved to %1.").arg(QDir::toNativeSeparators(m_store->profileFile()));
    box->setInformativeText(tr("%1\n\nThe current settings stay in use and the file is left unchanged. %2")
                                .arg(problem, target));
    QPushButton *saveAsButton = box->addButton(tr("Save As..."), QMessageBox::AcceptRole);
    saveAsButton->setObjectName(QStringLiteral("profileSaveAsButton"));
    connect(saveAsButton, &QPushButton::clicked, this, &ProfileController::chooseAndSaveAs, Qt::QueuedConnection);
    box->open();
}

QString ProfileController::windowTitle() const
{
    const QString profile = m_store->profileFile();
    if (profile.isEmpty())
        return tr("Untitled, not saved - CallbackLab");
    return tr("%1 - CallbackLab").arg(QFileInfo(profile).completeBaseName());
}

void ProfileController::chooseAndOpen()
{
    const QString fileName = FileDialogs::openFileName(m_window, tr("Open Profile"),
                                                          QFileInfo(m_store->profileFile()).absolutePath(),
                                                          tr("Profiles (*.json);;All files (*)"));
    if (!fileName.isEmpty())
        openFile(fileName);
}

void ProfileController::chooseAndSaveAs()
{
    QString fileName = FileDialogs::saveFileName(m_window, tr("Save Profile As"),
                                                    QFileInfo(m_store->profileFile()).absolutePath(),
                                                    tr("Profiles (*.json);;All files (*)"));
    if (fileName.isEmpty())
        return;
    if (QFileInfo(fileName).suffix().isEmpty())
        fileName += QStringLiteral(".json");
    saveAs(fileName);
}

void ProfileController::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = m_recent.existingFiles();
    for (const QString &file : files) {
        QAction *action = m_recentMenu->addAction(QDir::toNativeSeparators(file));
        connect(action, &QAction::triggered, this, [this, file] { openFile(file); });
    }
    if (files.isEmpty())
        m_recentMenu->addAction(tr("No recent profiles"))->setEnabled(false);
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("&Clear List"), this, [this] { m_recent.clear(); });
}
