// The request log view's table over the persistent log: only the row count
// and a small window of rows around what the view shows are kept in memory.
// Counts and rows are read by a LogReaderThread, never on the GUI thread;
// a row not read yet shows "…" until its page arrives.
//
// refresh() rereads the count. With a time sort, new exchanges become row
// insertions at the newest end and retention's removals become row removals
// at the oldest end, so selection and scrolling survive live updates. With a
// latency or status sort, rows keep their places and are read again, so the
// scroll position survives. Other changes (imports of older exchanges, a new
// filter or sort) reset the model.
#pragma once

#include "exchangefilter.h"
#include "exchangestorereader.h"

#include "exchangetext.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>

class LogReaderThread;

class StoredLogModel : public QAbstractTableModel, public RequestLogColumns
{
    Q_OBJECT

public:
    enum Role {
        LogIdRole = Qt::UserRole + 1,  // qint64, 0 while the row is not read yet
        DecisionRole,                  // int(Decision)
    };

    static constexpr int PageRows = 200;
    static constexpr int MaxCachedRows = 4000;

    explicit StoredLogModel(LogReaderThread *reader, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // Time, latency and status columns sort; the others keep the current order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    void setFilter(const ExchangeFilter &filter);
    ExchangeFilter filter() const { return m_filter; }
    ExchangeSort sortOrder() const { return m_sort; }

    // Extra columns with the value of a parsed callback field by name; a dot
    // separates the names of nested objects (requestMetadata.deviceId).
    void setFieldColumns(const QStringList &fieldNames);
    QStringList fieldColumns() const { return m_fieldColumns; }

    // Rereads the count and reports inserted or removed rows. Calls while a
    // refresh is running are merged into one more refresh after it.
    void refresh();
    // Drops everything and reads the count again, ending in modelReset.
    void reload();

    qint64 logIdAt(int row) const;
    // The row of a log id among the rows read so far, or -1.
    int rowOfLogId(qint64 logId) const;
    // True when the last count or page query failed; see lastError().
    QString lastError() const { return m_lastError; }
    bool isLoading() const { return m_refreshRunning; }

signals:
    // After each count: the rows matching the filter.
    void countChanged(qint64 rows);
    void queryFailed(const QString &message);
    // After a refresh or reload with no further refresh queued.
    void settled();

private:
    struct RefreshResult
    {
        StoreResult<qint64> count = StoreError();
        QList<qint64> newestIds;
        QList<qint64> oldestIds;
    };
    struct PageResult
    {
        StoreResult<QList<ExchangeRow>> rows = StoreError();
        QList<QJsonObject> fields;  // per row, only with field columns
    };

    void startRefresh(bool reset);
    void applyRefresh(const RefreshResult &result, bool reset, int generation);
    void requestPage(int page) const;
    void applyPage(int page, int generation, int layout, const PageResult &result);
    void shiftCache(int delta);
    void trimCache(int aroundRow) const;
    QVariant displayData(const ExchangeRow &row, int column) const;
    QVariant fieldData(int row, int fieldColumn) const;

    LogReaderThread *m_reader;
    ExchangeFilter m_filter;
    ExchangeSort m_sort;
    QStringList m_fieldColumns;
    int m_rowCount = 0;
    QString m_lastError;

    // generation changes with the filter, sort or columns; layout with every
    // change of row positions. Results from older ones are dropped.
    int m_generation = 0;
    int m_layout = 0;
    bool m_refreshRunning = false;
    bool m_refreshQueued = false;
    bool m_resetQueued = false;
    quint64 m_refreshJob = 0;
    qint64 m_newestId = 0;
    qint64 m_oldestId = 0;

    mutable QHash<int, ExchangeRow> m_rows;
    mutable QHash<int, QJsonObject> m_fields;
    mutable QSet<int> m_pendingPages;
};
