// Filters the request log by text found in an exchange's asset, user or
// session, ignoring case.
#pragma once

#include <QSortFilterProxyModel>

class ExchangeLogModel;

class ExchangeFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit ExchangeFilterModel(ExchangeLogModel *log, QObject *parent = nullptr);

    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    ExchangeLogModel *m_log;
    QString m_text;
};
