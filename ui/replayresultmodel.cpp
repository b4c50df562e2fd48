#include "replayresultmodel.h"

#include "decisioncolors.h"

#include <QColor>

ReplayResultModel::ReplayResultModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(DefaultFlushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &ReplayResultModel::flush);
}

int ReplayResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ReplayResultModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReplayResultModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const ReplayResult &result = m_rows.at(index.row());

    switch (role) {
    case Qt::DisplayRole:
        return displayData(result, index.column());
    case Qt::ToolTipRole:
        return result.summaryLine();
    case OutcomeRole:
        return int(result.outcome);
    case Qt::BackgroundRole:
        if (result.outcome == ReplayOutcome::Matched)
            return {};
        return DecisionColors::problemTint();
    case Qt::ForegroundRole:
        if (index.column() == OutcomeColumn && result.outcome != ReplayOutcome::Matched)
            return QColor(Qt::red);
        return {};
    default:
        return {};
    }
}

QVariant ReplayResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);

    switch (section) {
    case RequestColumn:
        return tr("Request");
    case MethodColumn:
        return tr("Method");
    case ExpectedColumn:
        return tr("Expected");
    case ActualColumn:
        return tr("Actual");
    case OutcomeColumn:
        return tr("Result");
    case LatencyColumn:
        return tr("Latency");
    case FindingsColumn:
        return tr("Findings");
    default:
        return {};
    }
}

void ReplayResultModel::append(const ReplayResult &result)
{
    m_pending.append(result);
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void ReplayResultModel::flush()
{
    m_flushTimer.stop();
    if (m_pending.isEmpty())
        return;

    const int first = int(m_rows.size());
    beginInsertRows(QModelIndex(), first, first + int(m_pending.size()) - 1);
    m_rows.append(m_pending);
    m_pending.clear();
    endInsertRows();
}

void ReplayResultModel::clear()
{
    m_flushTimer.stop();
    m_pending.clear();
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

QVariant ReplayResultModel::displayData(const ReplayResult &result, int column) const
{
    switch (column) {
    case RequestColumn:
        if (result.iteration > 0)
            return tr("%1 (repeat %2)").arg(result.requestId).arg(result.iteration + 1);
        return result.requestId;
    case MethodColumn:
        return QString::fromLatin1(result.method);
    case ExpectedColumn:
        return expectedText(result);
    case ActualColumn:
        return actualText(result);
    case OutcomeColumn:
        switch (result.outcome) {
        case ReplayOutcome::Matched:
            return tr("matched");
        case ReplayOutcome::Differed:
            return tr("differed: %1").arg(result.mismatches.join(QStringLiteral(", ")));
        case ReplayOutcome::Error:
            return tr("error: %1").arg(replayErrorName(result.error));
        }
        return {};
    case LatencyColumn: {
        const QString latency = tr("%1 ms").arg(double(result.latencyMicros) / 1000.0, 0, 'f', 1);
        if (m_budgetMs <= 0)
            return latency;
        if (result.overBudget)
            return tr("%1 (over %2 ms)").arg(latency).arg(m_budgetMs);
        return tr("%1 (budget %2 ms)").arg(latency).arg(m_budgetMs);
    }
    case FindingsColumn: {
        QStringList codes;
        for (const Finding &finding : result.findings)
            codes.append(finding.code);
        return codes.join(QStringLiteral(", "));
    }
    default:
        return {};
    }
}

QString ReplayResultModel::expectedText(const ReplayResult &result) const
{
    if (result.expectationSource == ExpectationSource::None)
        return tr("any");
    const QString decision = decisionName(result.expectedDecision);
    if (result.expectedStatus == 0)
        return decision;
    return tr("%1 %2").arg(result.expectedStatus).arg(decision);
}

QString ReplayResultModel::actualText(const ReplayResult &result) const
{
    if (result.status == 0)
        return tr("no response");
    return tr("%1 %2").arg(result.status).arg(decisionName(result.decision));
}
