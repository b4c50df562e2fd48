// Holds the live response settings. The GUI edits them; the responder thread
// takes an immutable snapshot per callback, so an edit applies to the next one.
// Changes are saved to the profile file on a background thread. Keeps an
// undo/redo history of edits and the rule engine's callback counters.
#pragma once

#include "responsesettings.h"

#include <QList>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <QThread>

#include <functional>
#include <memory>

class ProfileWriter;
class RuleEngine;

class SettingsStore : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultHistoryLimit = 100;

    explicit SettingsStore(QObject *parent = nullptr);
    ~SettingsStore() override;

    // Thread-safe.
    std::shared_ptr<const ResponseSettings> snapshot() const;

    // Applies an edit, bumps the revision, records an undo step named label and
    // schedules a save. Thread-safe; changed() and historyChanged() are
    // emitted in the store's thread. The edit runs with the store locked, so
    // it must not call back into the store.
    //
    // Consecutive edits with the same non-empty mergeKey, with nothing to
    // redo between them, become one undo step (typing in one field, say).
    void update(const QString &label, const std::function<void(ResponseSettings &)> &edit,
                const QString &mergeKey = QString());
    // An undoable edit labelled "Edit settings".
    void update(const std::function<void(ResponseSettings &)> &edit);
    void replace(const ResponseSettings &settings);

    // Adds assets seen in a callback as following the default. Thread-safe,
    // cheap when the asset is already known. Records no undo step, and undo
    // and redo keep the assets added this way.
    void noteAssets(const QStringList &assets);

    // Undo and redo restore the settings as they were before or after an
    // edit. Thread-safe. They return false when there is nothing to do.
    bool undo();
    bool redo();
    bool canUndo() const;
    bool canRedo() const;
    QString undoLabel() const;     // the step undo() reverts, empty when none
    QString redoLabel() const;
    QStringList undoLabels() const;  // most recent first
    QStringList redoLabels() const;  // next redo first
    void clearHistory();
    void setHistoryLimit(int steps);
    int historyLimit() const;

    // Reads a profile synchronously (used at startup, before the window shows)
    // and clears the undo history. On failure the current settings stay. A
    // file that exists but could not be read or parsed gets no autosave from
    // then on, and a save of it still waiting is dropped, so a newer or
    // damaged profile is not overwritten. NOTE: a save already being written
    // when the load fails still completes.
    bool load(const QString &fileName, ProfileError *error);
    bool load(const QString &fileName, QString *errorMessage);

    // Where changes are saved; empty turns autosave off.
    void setProfileFile(const QString &fileName);
    QString profileFile() const;

    // True when the profile file is one that failed to load, so changes are
    // not saved to it. The reason is the load error.
    bool isAutosaveBlocked() const;
    QString autosaveBlockedReason() const;

    // Writes the current settings to fileName now, atomically ("Save As").
    // Lifts an autosave block on that file, since a person chose to replace it.
    bool saveTo(const QString &fileName, QString *errorMessage);

    // Blocks until pending saves are on disk. Called on quit.
    void flush();

    // The counters of stateful rule conditions, shared by the responder and
    // the GUI. Thread-safe; lives as long as the store.
    RuleEngine *ruleEngine() const { return m_ruleEngine.get(); }

    static QString defaultProfileFile();

signals:
    void changed(quint64 revision);
    void historyChanged();
    void saveFailed(const QString &fileName, const QString &message);

private:
    struct HistoryStep
    {
        QString label;
        QString mergeKey;
        std::shared_ptr<const ResponseSettings> settings;  // the settings this step restores
    };

    // Installs next as the current settings; m_mutex must be held.
    quint64 installLocked(std::shared_ptr<ResponseSettings> next);
    // A copy of target with the assets callbacks added since; m_mutex must be held.
    std::shared_ptr<ResponseSettings> withNotedAssetsLocked(const ResponseSettings &target) const;
    void forgetDeletedNotedAssetsLocked(const ResponseSettings &next);
    void announce(quint64 revision, bool historyChanged);
    void scheduleSave();
    static QString fileKey(const QString &fileName);

    mutable QMutex m_mutex;
    std::shared_ptr<const ResponseSettings> m_current;
    QList<HistoryStep> m_undo;  // oldest first
    QList<HistoryStep> m_redo;  // next redo last
    int m_historyLimit = DefaultHistoryLimit;
    QSet<QString> m_notedAssets;  // assets added by noteAssets() and not deleted since
    QString m_profileFile;
    QHash<QString, QString> m_blockedFiles;  // file key to load error
    QThread m_ioThread;
    ProfileWriter *m_writer = nullptr;
    std::unique_ptr<RuleEngine> m_ruleEngine;
};
