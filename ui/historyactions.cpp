#include "historyactions.h"

#include "settingsstore.h"

#include <QAction>

HistoryActions::HistoryActions(SettingsStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_undo(new QAction(this))
    , m_redo(new QAction(this))
{
    m_undo->setObjectName(QStringLiteral("undoAction"));
    m_undo->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Z));
    m_redo->setObjectName(QStringLiteral("redoAction"));
    m_redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});

    connect(m_undo, &QAction::triggered, this, [this] { m_store->undo(); });
    connect(m_redo, &QAction::triggered, this, [this] { m_store->redo(); });
    connect(m_store, &SettingsStore::historyChanged, this, &HistoryActions::update);
    update();
}

void HistoryActions::update()
{
    const QString undoLabel = m_store->undoLabel();
    const QString redoLabel = m_store->redoLabel();
    m_undo->setText(undoLabel.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(undoLabel));
    m_redo->setText(redoLabel.isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(redoLabel));
    m_undo->setEnabled(m_store->canUndo());
    m_redo->setEnabled(m_store->canRedo());
}
