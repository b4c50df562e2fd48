// A small status bar chart of callbacks per second over the last minutes:
// one bar per second, newest on the right, scaled to the highest second shown.
#pragma once

#include "exchange.h"

#include <QTimer>
#include <QWidget>

#include <deque>

class RateSparkline : public QWidget
{
    Q_OBJECT

public:
    static constexpr int SecondsShown = 300;

    explicit RateSparkline(QWidget *parent = nullptr);

    void count(const QList<Exchange> &exchanges);

    // Completed seconds, oldest first; at most SecondsShown.
    const std::deque<quint32> &seconds() const { return m_seconds; }

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void closeSecond();

    std::deque<quint32> m_seconds;
    quint32 m_thisSecond = 0;
    QTimer m_secondTimer;
};
