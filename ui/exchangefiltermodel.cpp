#include "exchangefiltermodel.h"

#include "exchangelogmodel.h"

#include <QDateTime>

ExchangeFilterModel::ExchangeFilterModel(ExchangeLogModel *log, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_log(log)
{
    setSourceModel(log);
}

std::optional<FilterError> ExchangeFilterModel::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return std::nullopt;

    std::optional<ExchangeFilter> structured;
    const FilterParseResult parsed = ExchangeFilter::parse(trimmed);
    if (parsed.ok()) {
        for (const FilterTerm &term : parsed.filter().terms()) {
            if (term.field != FilterTerm::Field::Text || term.negated) {
                structured = parsed.filter();
                break;
            }
        }
    } else if (trimmed.contains(QLatin1Char(':')) || trimmed.contains(QLatin1Char('<'))
               || trimmed.contains(QLatin1Char('>'))) {
        // Text that was meant as quick terms but does not parse is reported,
        // not searched for as plain words.
        return parsed.error();
    }

    m_text = trimmed;
    m_structured = std::move(structured);
    invalidateFilter();
    return std::nullopt;
}

// Reads the exchange directly instead of through data(), because a filter
// change runs this for every row of a log of up to 100,000 rows.
bool ExchangeFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    if (m_text.isEmpty())
        return true;
    if (m_structured)
        return m_structured->matches(m_log->exchangeAt(sourceRow), QDateTime::currentDateTimeUtc());

    const CallbackFields &callback = m_log->exchangeAt(sourceRow).callback;
    if (callback.user.contains(m_text, Qt::CaseInsensitive) || callback.session.contains(m_text, Qt::CaseInsensitive))
        return true;
    for (const QString &asset : callback.assets) {
        if (asset.contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return callback.asset.contains(m_text, Qt::CaseInsensitive);
}
