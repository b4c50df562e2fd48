#include "exchangelogmodel.h"

#include "decisioncolors.h"
#include "exchangetext.h"

#include <QLocale>

ExchangeLogModel::ExchangeLogModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(DefaultFlushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &ExchangeLogModel::flush);
}

int ExchangeLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ExchangeLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : LogColumnCount;
}

QVariant ExchangeLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();

    const Exchange &exchange = exchangeAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(exchange, index.column());
    case Qt::ToolTipRole:
        if (index.column() == TimeColumn)
            return QLocale().toString(exchange.request.receivedAt.toLocalTime(), QLocale::LongFormat);
        if (index.column() == ClientIpColumn)
            return tr("Viewer's IP address from requestMetadata; the request came from %1")
                .arg(exchange.request.peerAddress);
        return displayData(exchange, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == StatusColumn || index.column() == LatencyColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant();
    case Qt::BackgroundRole:
        return isProblem(exchange) ? DecisionColors::problemTint() : DecisionColors::tintFor(exchange.decision);
    case DecisionRole:
        return int(exchange.decision);
    case ExchangeIdRole:
        return exchange.id;
    default:
        return QVariant();
    }
}

QVariant ExchangeLogModel::displayData(const Exchange &exchange, int column) const
{
    switch (column) {
    case TimeColumn:
        return exchange.request.receivedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
    case MethodColumn:
        return QString::fromLatin1(exchange.request.method);
    case AssetColumn:
        return exchange.callback.assets.size() > 1 ? exchange.callback.assets.join(QStringLiteral(", "))
                                                    : exchange.callback.asset;
    case UserColumn:
        return exchange.callback.user;
    case SessionColumn:
        return exchange.callback.session;
    case DrmSchemeColumn:
        return exchange.callback.drmSchemeText;
    case ClientIpColumn:
        return exchange.callback.remoteAddr;
    case DecisionColumn:
        return ExchangeText::decision(exchange.decision);
    case StatusColumn:
        switch (exchange.outcome) {
        case DeliveryOutcome::Sent: return QString::number(exchange.response.status);
        case DeliveryOutcome::ClientGone: return tr("%1, client gone").arg(exchange.response.status);
        case DeliveryOutcome::ClosedByRule: return tr("closed");
        case DeliveryOutcome::NeverAnswered: return tr("no reply");
        }
        return QVariant();
    case LatencyColumn:
        return ExchangeText::latency(exchange.latencyMicros);
    default:
        return QVariant();
    }
}

QVariant ExchangeLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    const QString title = ExchangeText::logColumnTitle(section);
    return title.isEmpty() ? QVariant() : QVariant(title);
}

void ExchangeLogModel::setCapacity(int rows)
{
    m_capacity = qMax(1, rows);
    if (int(m_rows.size()) > m_capacity)
        removeOldest(int(m_rows.size()) - m_capacity);
}

void ExchangeLogModel::setFlushInterval(int milliseconds)
{
    m_flushTimer.setInterval(milliseconds);
}

void ExchangeLogModel::append(const QList<Exchange> &exchanges)
{
    if (exchanges.isEmpty())
        return;
    if (m_paused) {
        m_dropped += quint64(exchanges.size());
        emit droppedWhilePausedChanged(m_dropped);
        return;
    }
    m_pending += exchanges;
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void ExchangeLogModel::flush()
{
    m_flushTimer.stop();
    if (m_pending.isEmpty())
        return;

    // Of a batch larger than the whole log only the newest part can stay.
    QList<Exchange> batch = std::exchange(m_pending, {});
    const int skipped = qMax(0, int(batch.size()) - m_capacity);
    const int incoming = int(batch.size()) - skipped;

    const int overflow = int(m_rows.size()) + incoming - m_capacity;
    if (overflow > 0)
        removeOldest(overflow);

    const int first = int(m_rows.size());
    beginInsertRows(QModelIndex(), first, first + incoming - 1);
    for (int i = skipped; i < batch.size(); ++i)
        m_rows.push_back(std::move(batch[i]));
    endInsertRows();
}

void ExchangeLogModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_pending.clear();
    endResetModel();
    m_flushTimer.stop();
}

void ExchangeLogModel::setPaused(bool paused)
{
    if (m_paused == paused)
        return;
    m_paused = paused;
    if (paused) {
        // What arrived before the pause is still shown.
        flush();
    } else {
        m_dropped = 0;
        emit droppedWhilePausedChanged(m_dropped);
    }
}

bool ExchangeLogModel::isProblem(const Exchange &exchange)
{
    if (exchange.decision == Decision::Rejected || exchange.outcome != DeliveryOutcome::Sent)
        return true;
    return std::any_of(exchange.findings.cbegin(), exchange.findings.cend(),
                       [](const Finding &finding) { return finding.severity == FindingSeverity::Error; });
}

void ExchangeLogModel::removeOldest(int count)
{
    count = qMin(count, int(m_rows.size()));
    if (count <= 0)
        return;
    emit trimStarted();
    beginRemoveRows(QModelIndex(), 0, count - 1);
    m_rows.erase(m_rows.begin(), m_rows.begin() + count);
    endRemoveRows();
    emit trimFinished();
}
