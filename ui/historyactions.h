// Undo and Redo actions bound to the settings store's history, with the
// label of the edit they revert or repeat in their text.
#pragma once

#include <QObject>

class QAction;
class SettingsStore;

class HistoryActions : public QObject
{
    Q_OBJECT

public:
    HistoryActions(SettingsStore *store, QObject *parent);

    QAction *undoAction() const { return m_undo; }
    QAction *redoAction() const { return m_redo; }

private:
    void update();

    SettingsStore *m_store;
    QAction *m_undo;
    QAction *m_redo;
};
