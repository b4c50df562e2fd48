// Results of a replay run as table rows: expected against actual status and
// decision, the outcome, latency against the budget and contract findings.
// Results arriving from the runner are queued and inserted in one batch per
// flush interval, so a fast run costs the view a few updates a second.
#pragma once

#include "replayrequest.h"

#include <QAbstractTableModel>
#include <QTimer>

class ReplayResultModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        RequestColumn,
        MethodColumn,
        ExpectedColumn,
        ActualColumn,
        OutcomeColumn,
        LatencyColumn,
        FindingsColumn,
        ColumnCount
    };
    enum Role {
        OutcomeRole = Qt::UserRole + 1,  // int(ReplayOutcome)
    };

    static constexpr int DefaultFlushIntervalMs = 100;

    explicit ReplayResultModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Latency budget shown beside each latency, 0 for none.
    void setBudgetMs(int budgetMs) { m_budgetMs = budgetMs; }

    // Queues a result for the next flush.
    void append(const ReplayResult &result);
    // Turns the queued results into rows now.
    void flush();
    void clear();

    const ReplayResult &resultAt(int row) const { return m_rows.at(row); }
    const QList<ReplayResult> &results() const { return m_rows; }

private:
    QVariant displayData(const ReplayResult &result, int column) const;
    QString expectedText(const ReplayResult &result) const;
    QString actualText(const ReplayResult &result) const;

    QList<ReplayResult> m_rows;
    QList<ReplayResult> m_pending;
    QTimer m_flushTimer;
    int m_budgetMs = 0;
};
