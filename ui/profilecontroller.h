// The profile commands of the File menu: New, Open, Open Recent and Save As.
// Changes autosave to the current profile file through the settings store.
// A profile that cannot be read keeps the current settings, is never written
// to, and the message about it offers Save As.
#pragma once

#include "recentprofiles.h"

#include <QObject>

class QAction;
class QMenu;
class QWidget;
class SettingsStore;
struct ProfileError;

class ProfileController : public QObject
{
    Q_OBJECT

public:
    ProfileController(SettingsStore *store, QWidget *window);

    // Adds New, Open, Open Recent and Save As to menu.
    void addActions(QMenu *menu);

    // Replaces the settings with the built-in defaults, keeping the server
    // settings so the running server stays where it is. Unsaved until Save As.
    void newProfile();
    // Loads fileName; on failure shows why and keeps the current settings.
    bool openFile(const QString &fileName);
    // Saves the settings to fileName and autosaves there from then on.
    bool saveAs(const QString &fileName);

    // Shows a non-blocking message naming the file and the problem, with a Save As button.
    void showLoadProblem(const QString &fileName, const QString &problem, const QString &objectName);

    // "name - CallbackLab", or a note that nothing is saved.
    QString windowTitle() const;

    RecentProfiles &recentProfiles() { return m_recent; }

signals:
    // The profile file changed: another file, or none.
    void profileFileChanged(const QString &fileName);

private:
    void chooseAndOpen();
    void chooseAndSaveAs();
    void fillRecentMenu();

    SettingsStore *m_store;
    QWidget *m_window;
    RecentProfiles m_recent;
    QMenu *m_recentMenu = nullptr;
};
