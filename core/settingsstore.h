// Holds the live response settings. The GUI edits them; the responder thread
// takes an immutable snapshot per callback, so an edit applies to the next one.
// Changes are saved to the profile file on a background thread.
#pragma once

#include "responsesettings.h"

#include <QMutex>
#include <QObject>
#include <QThread>

#include <functional>
#include <memory>

class ProfileWriter;

class SettingsStore : public QObject
{
    Q_OBJECT

public:
    explicit SettingsStore(QObject *parent = nullptr);
    ~SettingsStore() override;

    // Thread-safe.
    std::shared_ptr<const ResponseSettings> snapshot() const;

    // Applies an edit, bumps the revision and schedules a save. Thread-safe;
    // changed() is emitted in the store's thread.
    void update(const std::function<void(ResponseSettings &)> &edit);
    void replace(const ResponseSettings &settings);

    // Adds assets seen in a callback as following the default. Thread-safe,
    // cheap when the asset is already known.
    void noteAssets(const QStringList &assets);

    // Reads a profile synchronously (used at startup, before the window shows).
    bool load(const QString &fileName, QString *errorMessage);

    // Where changes are saved; empty turns autosave off.
    void setProfileFile(const QString &fileName);
    QString profileFile() const;

    // Blocks until pending saves are on disk. Called on quit.
    void flush();

    static QString defaultProfileFile();

signals:
    void changed(quint64 revision);
    void saveFailed(const QString &fileName, const QString &message);

private:
    void scheduleSave();

    mutable QMutex m_mutex;
    std::shared_ptr<const ResponseSettings> m_current;
    QString m_profileFile;
    QThread m_ioThread;
    ProfileWriter *m_writer = nullptr;
};
