#include "storedlogmodel.h"

#include "decisioncolors.h"
#include "exchangetext.h"
#include "logreaderthread.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

namespace {

// How many ids at each end a refresh reads to find the rows it knew. More new
// or removed rows than this between two refreshes reset the model.
constexpr int EdgeIds = 2000;

bool isProblem(const ExchangeRow &row)
{
    return row.decision == Decision::Rejected || row.outcome != DeliveryOutcome::Sent
        || row.maxSeverity == int(FindingSeverity::Error);
}

QJsonValue fieldValue(const QJsonObject &fields, const QString &name)
{
    QJsonValue value = fields.value(name);
    if (!value.isUndefined())
        return value;

    // Nested: requestMetadata.deviceId
    value = QJsonValue(fields);
    const QStringList parts = name.split(QLatin1Char('.'));
    for (const QString &part : parts) {
        if (!value.isObject())
            return QJsonValue::Undefined;
        value = value.toObject().value(part);
    }
    return value;
}

QString fieldText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String: return value.toString();
    case QJsonValue::Double: return QLocale::c().toString(value.toDouble(), 'g', 15);
    case QJsonValue::Bool: return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Array: return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object: return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Undefined: break;
    }
    return QString();
}

} // namespace

StoredLogModel::StoredLogModel(LogReaderThread *reader, QObject *parent)
    : QAbstractTableModel(parent)
    , m_reader(reader)
{
}

int StoredLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

int StoredLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : LogColumnCount + int(m_fieldColumns.size());
}

QVariant StoredLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();

    const int row = index.row();
    const auto cached = m_rows.constFind(row);
    if (cached == m_rows.cend()) {
        requestPage(row / PageRows);
        if (role == Qt::DisplayRole && index.column() == TimeColumn)
            return QStringLiteral("…");
        if (role == LogIdRole)
            return qint64(0);
        return QVariant();
    }

    const ExchangeRow &exchange = *cached;
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() >= LogColumnCount)
            return fieldData(row, index.column() - LogColumnCount);
        return displayData(exchange, index.column());
    case Qt::ToolTipRole:
        if (index.column() == TimeColumn)
            return QLocale().toString(exchange.receivedAt.toLocalTime(), QLocale::LongFormat);
        return QVariant();
    case Qt::TextAlignmentRole:
        if (index.column() == StatusColumn || index.column() == LatencyColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant();
    case Qt::BackgroundRole:
        return isProblem(exchange) ? DecisionColors::problemTint() : DecisionColors::tintFor(exchange.decision);
    case LogIdRole:
        return exchange.logId;
    case DecisionRole:
        return int(exchange.decision);
    }
    return QVariant();
}

QVariant StoredLogModel::displayData(const ExchangeRow &row, int column) const
{
    switch (column) {
    case TimeColumn:
        return row.receivedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
    case MethodColumn:
        return row.method;
    case AssetColumn:
        return row.asset;
    case UserColumn:
        return row.user;
    case SessionColumn:
        return row.session;
    case DrmSchemeColumn:
        return row.drmSchemeText;
    case ClientIpColumn:
        return row.remoteAddr.isEmpty() ? row.peerAddress : row.remoteAddr;
    case DecisionColumn:
        return ExchangeText::decision(row.decision);
    case StatusColumn:
        switch (row.outcome) {
        case DeliveryOutcome::Sent: return QString::number(row.status);
        case DeliveryOutcome::ClientGone: return tr("%1, client gone").arg(row.status);
        case DeliveryOutcome::ClosedByRule: return tr("closed");
        case DeliveryOutcome::NeverAnswered: return tr("no reply");
        }
        return QString::number(row.status);
    case LatencyColumn:
        return ExchangeText::latency(row.latencyMicros);
    }
    return QVariant();
}

QVariant StoredLogModel::fieldData(int row, int fieldColumn) const
{
    const auto fields = m_fields.constFind(row);
    if (fields == m_fields.cend())
        return QVariant();
    return fieldText(fieldValue(*fields, m_fieldColumns.value(fieldColumn)));
}

QVariant StoredLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);

    if (section < LogColumnCount)
        return ExchangeText::logColumnTitle(section);
    if (section >= LogColumnCount && section < columnCount())
        return m_fieldColumns.at(section - LogColumnCount);
    return QVariant();
}

void StoredLogModel::sort(int column, Qt::SortOrder order)
{
    ExchangeSort sort;
    sort.order = order;
    if (column == TimeColumn)
        sort.key = ExchangeSort::Key::Time;
    else if (column == LatencyColumn)
        sort.key = ExchangeSort::Key::Latency;
    else if (column == StatusColumn)
        sort.key = ExchangeSort::Key::Status;
    else
        return;

    if (sort.key == m_sort.key && sort.order == m_sort.order)
        return;
    m_sort = sort;
    reload();
}

void StoredLogModel::setFilter(const ExchangeFilter &filter)
{
    m_filter = filter;
    reload();
}

void StoredLogModel::setFieldColumns(const QStringList &fieldNames)
{
    if (fieldNames == m_fieldColumns)
        return;
    beginResetModel();
    m_fieldColumns = fieldNames;
    ++m_generation;
    ++m_layout;
    m_rows.clear();
    m_fields.clear();
    m_pendingPages.clear();
    endResetModel();
}

qint64 StoredLogModel::logIdAt(int row) const
{
    const auto cached = m_rows.constFind(row);
    return cached == m_rows.cend() ? 0 : cached->logId;
}

int StoredLogModel::rowOfLogId(qint64 logId) const
{
    for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it) {
        if (it->logId == logId)
            return it.key();
    }
    return -1;
}

void StoredLogModel::refresh()
{
    if (m_refreshRunning) {
        m_refreshQueued = true;
        return;
    }
    startRefresh(false);
}

void StoredLogModel::reload()
{
    ++m_generation;
    ++m_layout;
    m_pendingPages.clear();
    if (m_refreshRunning) {
        // A scan of a large log for free text can take seconds; the new
        // filter or sort need not wait for it.
        m_reader->interrupt(m_refreshJob);
        m_refreshQueued = true;
        m_resetQueued = true;
        return;
    }
    startRefresh(true);
}

void StoredLogModel::startRefresh(bool reset)
{
    m_refreshRunning = true;
    const int generation = m_generation;
    const ExchangeFilter filter = m_filter;
    const bool timeSort = m_sort.key == ExchangeSort::Key::Time;

    m_refreshJob = m_reader->run(
        this,
        [filter, timeSort](ExchangeStoreReader &reader) {
            RefreshResult result;
            const QDateTime now = QDateTime::currentDateTimeUtc();
            result.count = reader.count(filter, now);
            if (!result.count || !timeSort)
                return result;

            ExchangeSort newest;
            newest.order = Qt::DescendingOrder;
            ExchangeSort oldest;
            oldest.order = Qt::AscendingOrder;
            const auto newestIds = reader.ids(filter, newest, 0, EdgeIds, now);
            const auto oldestIds = reader.ids(filter, oldest, 0, EdgeIds, now);
            if (newestIds && oldestIds) {
                result.newestIds = *newestIds;
                result.oldestIds = *oldestIds;
            }
            return result;
        },
        [this, reset, generation](const RefreshResult &result) { applyRefresh(result, reset, generation); });
}

void StoredLogModel::applyRefresh(const RefreshResult &result, bool reset, int generation)
{
    m_refreshRunning = false;

    if (generation == m_generation) {
        if (!result.count) {
            m_lastError = result.count.error().toString();
            emit queryFailed(m_lastError);
        } else {
            m_lastError.clear();
            // Row counts above INT_MAX cannot be shown by Qt's views.
            const int newCount = int(qMin<qint64>(*result.count, INT_MAX));
            const qint64 newestId = result.newestIds.value(0);
            const qint64 oldestId = result.oldestIds.value(0);
            const bool newestFirst = m_sort.order == Qt::DescendingOrder;

            const int inserted = m_rowCount == 0 ? newCount : int(result.newestIds.indexOf(m_newestId));
            const int removed = m_rowCount == 0 ? 0 : int(result.oldestIds.indexOf(m_oldestId));
            const bool incremental = !reset && m_sort.key == ExchangeSort::Key::Time && inserted >= 0
                && removed >= 0 && m_rowCount + inserted - removed == newCount
                && (newCount > 0 || m_rowCount == 0);

            if (incremental && (inserted > 0 || removed > 0)) {
                ++m_layout;
                m_pendingPages.clear();
                const int oldCount = m_rowCount;
                if (newestFirst) {
                    if (removed > 0) {
                        beginRemoveRows(QModelIndex(), oldCount - removed, oldCount - 1);
                        m_rowCount -= removed;
                        endRemoveRows();
                    }
                    if (inserted > 0) {
                        beginInsertRows(QModelIndex(), 0, inserted - 1);
                        shiftCache(inserted);
                        m_rowCount += inserted;
                        endInsertRows();
                    }
                } else {
                    if (removed > 0) {
                        beginRemoveRows(QModelIndex(), 0, removed - 1);
                        shiftCache(-removed);
                        m_rowCount -= removed;
                        endRemoveRows();
                    }
                    if (inserted > 0) {
                        beginInsertRows(QModelIndex(), m_rowCount, m_rowCount + inserted - 1);
                        m_rowCount += inserted;
                        endInsertRows();
                    }
                }
            } else if (!reset && m_sort.key != ExchangeSort::Key::Time && m_rowCount > 0 && newCount > 0) {
                // A latency or status sort places new exchanges anywhere, so
                // the rows keep their places, the count follows, and every
                // page is read again. The view keeps its scroll position.
                ++m_layout;
                m_rows.clear();
                m_fields.clear();
                m_pendingPages.clear();
                if (newCount > m_rowCount) {
                    beginInsertRows(QModelIndex(), m_rowCount, newCount - 1);
                    m_rowCount = newCount;
                    endInsertRows();
                } else if (newCount < m_rowCount) {
                    beginRemoveRows(QModelIndex(), newCount, m_rowCount - 1);
                    m_rowCount = newCount;
                    endRemoveRows();
                }
                emit dataChanged(index(0, 0), index(m_rowCount - 1, columnCount() - 1));
            } else if (!incremental && (reset || newCount != m_rowCount || newestId != m_newestId
                                        || oldestId != m_oldestId || m_sort.key != ExchangeSort::Key::Time)) {
                beginResetModel();
                ++m_layout;
                m_rows.clear();
                m_fields.clear();
                m_pendingPages.clear();
                m_rowCount = newCount;
                endResetModel();
            }
            m_newestId = newestId;
            m_oldestId = oldestId;
            emit countChanged(*result.count);
        }
    }

    if (m_refreshQueued) {
        const bool resetNext = m_resetQueued;
        m_refreshQueued = false;
        m_resetQueued = false;
        startRefresh(resetNext);
        return;
    }
    emit settled();
}

// Moves cached rows by delta positions and drops those that fall outside.
void StoredLogModel::shiftCache(int delta)
{
    QHash<int, ExchangeRow> rows;
    QHash<int, QJsonObject> fields;
    for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it) {
        if (it.key() + delta >= 0)
            rows.insert(it.key() + delta, it.value());
    }
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        if (it.key() + delta >= 0)
            fields.insert(it.key() + delta, it.value());
    }
    m_rows = std::move(rows);
    m_fields = std::move(fields);
}

void StoredLogModel::requestPage(int page) const
{
    if (m_pendingPages.contains(page))
        return;
    m_pendingPages.insert(page);

    auto *self = const_cast<StoredLogModel *>(this);
    const int generation = m_generation;
    const int layout = m_layout;
    const ExchangeFilter filter = m_filter;
    const ExchangeSort sort = m_sort;
    const bool withFields = !m_fieldColumns.isEmpty();

    m_reader->run(
        self,
        [filter, sort, page, withFields](ExchangeStoreReader &reader) {
            PageResult result;
            result.rows = reader.rows(filter, sort, qint64(page) * PageRows, PageRows);
            if (result.rows && withFields) {
                // NOTE: the reader has no query for the fields alone, so each
                // row of the page is loaded whole.
                for (const ExchangeRow &row : *result.rows) {
                    const auto stored = reader.load(row.logId);
                    result.fields.append(stored ? stored->exchange.callback.fields : QJsonObject());
                }
            }
            return result;
        },
        [self, page, generation, layout](const PageResult &result) {
            self->applyPage(page, generation, layout, result);
        });
}

void StoredLogModel::applyPage(int page, int generation, int layout, const PageResult &result)
{
    if (generation != m_generation || layout != m_layout)
        return;
    m_pendingPages.remove(page);

    if (!result.rows) {
        m_lastError = result.rows.error().toString();
        emit queryFailed(m_lastError);
        return;
    }

    const int first = page * PageRows;
    const QList<ExchangeRow> &rows = *result.rows;
    int last = first - 1;
    for (int i = 0; i < rows.size() && first + i < m_rowCount; ++i) {
        m_rows.insert(first + i, rows.at(i));
        if (i < result.fields.size())
            m_fields.insert(first + i, result.fields.at(i));
        last = first + i;
    }
    trimCache(first);
    if (last >= first)
        emit dataChanged(index(first, 0), index(last, columnCount() - 1));
}

// Keeps the cache near the rows last read, so memory does not grow with the log.
void StoredLogModel::trimCache(int aroundRow) const
{
    if (m_rows.size() <= MaxCachedRows)
        return;
    const int keep = MaxCachedRows / 2;
    for (auto it = m_rows.begin(); it != m_rows.end();) {
        if (qAbs(it.key() - aroundRow) > keep) {
            m_fields.remove(it.key());
            it = m_rows.erase(it);
        } else {
            ++it;
        }
    }
}
