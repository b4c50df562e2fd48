// Exchanges of the request log grouped by session or by user, with counts,
// first and last time and decisions, so renewals, retries and duplicate
// calls stand out. The grouping query runs on the LogReaderThread.
#pragma once

#include "exchangefilter.h"

#include <QWidget>

class LogReaderThread;
class QComboBox;
class QLabel;
class QStandardItemModel;
class QTableView;

class SessionsView : public QWidget
{
    Q_OBJECT

public:
    enum class Grouping { Session, User };

    static constexpr int MaxGroups = 1000;

    explicit SessionsView(LogReaderThread *reader, QWidget *parent = nullptr);

    // Groups the exchanges matching filter; the result arrives later, ending in updated().
    void refresh(const ExchangeFilter &filter);
    void setGrouping(Grouping grouping);

    QStandardItemModel *model() const { return m_model; }

signals:
    void updated();
    // The filter text that shows the exchanges of a group in the log view.
    void groupActivated(const QString &filterText);

private:
    LogReaderThread *m_reader;
    ExchangeFilter m_filter;
    Grouping m_grouping = Grouping::Session;
    int m_generation = 0;

    QComboBox *m_groupingBox;
    QLabel *m_statusLabel;
    QTableView *m_view;
    QStandardItemModel *m_model;
};
