#include "exchangefiltermodel.h"

#include "exchangelogmodel.h"

ExchangeFilterModel::ExchangeFilterModel(ExchangeLogModel *log, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_log(log)
{
    setSourceModel(log);
}

void ExchangeFilterModel::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateFilter();
}

// Reads the exchange directly instead of through data(), because a filter
// change runs this for every row of a log of up to 100,000 rows.
bool ExchangeFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    if (m_text.isEmpty())
        return true;
    const CallbackFields &callback = m_log->exchangeAt(sourceRow).callback;
    if (callback.user.contains(m_text, Qt::CaseInsensitive) || callback.session.contains(m_text, Qt::CaseInsensitive))
        return true;
    for (const QString &asset : callback.assets) {
        if (asset.contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return callback.asset.contains(m_text, Qt::CaseInsensitive);
}
