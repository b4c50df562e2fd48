// Filters the live request log. Plain words match an exchange's asset, user
// or session, ignoring case. Text with quick terms (user:, status:4xx, ...) is
// read with the request log's filter language and matched in memory.
#pragma once

#include "exchangefilter.h"

#include <QSortFilterProxyModel>

#include <optional>

class ExchangeLogModel;

class ExchangeFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit ExchangeFilterModel(ExchangeLogModel *log, QObject *parent = nullptr);

    // Applies the filter text. Returns the syntax error, if any, in which case
    // the previous filter stays applied.
    std::optional<FilterError> setFilterText(const QString &text);
    QString filterText() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    ExchangeLogModel *m_log;
    QString m_text;
    std::optional<ExchangeFilter> m_structured;  // set when the text has quick terms
};
