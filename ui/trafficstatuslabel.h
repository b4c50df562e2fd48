// Status bar label with the number of allowed, denied and rejected callbacks
// since start-up, and the number of callbacks in the last full second.
#pragma once

#include "exchange.h"

#include <QLabel>
#include <QTimer>

class TrafficStatusLabel : public QLabel
{
    Q_OBJECT

public:
    explicit TrafficStatusLabel(QWidget *parent = nullptr);

    void count(const QList<Exchange> &exchanges);

    quint64 allowed() const { return m_allowed; }
    quint64 denied() const { return m_denied; }
    quint64 rejected() const { return m_rejected; }

private:
    void updateText();

    quint64 m_allowed = 0;
    quint64 m_denied = 0;
    quint64 m_rejected = 0;
    quint64 m_thisSecond = 0;
    quint64 m_perSecond = 0;
    QTimer m_secondTimer;
};
