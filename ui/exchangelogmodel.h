// The request log: exchanges in arrival order. Incoming batches are queued and
// become rows in one insertion per flush interval, so a flood of callbacks
// costs the view a few updates a second. The row count is capped, and when the
// log is full the oldest rows are removed before new ones go in.
#pragma once

#include "exchange.h"

#include "exchangetext.h"

#include <QAbstractTableModel>
#include <QTimer>

#include <deque>

class ExchangeLogModel : public QAbstractTableModel, public RequestLogColumns
{
    Q_OBJECT

public:
    enum Role {
        DecisionRole = Qt::UserRole + 1,  // int(Decision)
        ExchangeIdRole,                   // quint64
    };

    // NOTE: rows keep whole requests and responses. With small JSON callbacks the
    // app's resident memory was about 540 MB at 100,000 rows (wrk on loopback).
    static constexpr int DefaultCapacity = 100000;
    static constexpr int DefaultFlushIntervalMs = 100;

    explicit ExchangeLogModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Rows beyond a smaller capacity are removed, oldest first.
    void setCapacity(int rows);
    int capacity() const { return m_capacity; }
    void setFlushInterval(int milliseconds);

    // Queues exchanges for the next flush. While paused, they are counted and dropped.
    void append(const QList<Exchange> &exchanges);
    // Turns the queued exchanges into rows now.
    void flush();
    void clear();

    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    quint64 droppedWhilePaused() const { return m_dropped; }

    const Exchange &exchangeAt(int row) const { return m_rows.at(size_t(row)); }

    // Whether the row deserves the warning tint: rejected, error findings, or not delivered.
    static bool isProblem(const Exchange &exchange);

signals:
    void droppedWhilePausedChanged(quint64 count);
    // Around the removal of the oldest rows at the cap, outside the usual row
    // signals, so views can tell trimming from a user's action.
    void trimStarted();
    void trimFinished();

private:
    QVariant displayData(const Exchange &exchange, int column) const;
    void removeOldest(int count);

    std::deque<Exchange> m_rows;
    QList<Exchange> m_pending;
    QTimer m_flushTimer;
    int m_capacity = DefaultCapacity;
    bool m_paused = false;
    quint64 m_dropped = 0;
};
