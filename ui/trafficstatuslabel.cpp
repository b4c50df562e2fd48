#include "trafficstatuslabel.h"

#include <QLocale>

TrafficStatusLabel::TrafficStatusLabel(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("trafficStatusLabel"));
    m_secondTimer.setInterval(1000);
    connect(&m_secondTimer, &QTimer::timeout, this, [this] {
        m_perSecond = std::exchange(m_thisSecond, 0);
        updateText();
    });
    m_secondTimer.start();
    updateText();
}

void TrafficStatusLabel::count(const QList<Exchange> &exchanges)
{
    for (const Exchange &exchange : exchanges) {
        switch (exchange.decision) {
        case Decision::Allow: ++m_allowed; break;
        case Decision::Deny: ++m_denied; break;
        case Decision::Rejected: ++m_rejected; break;
        }
    }
    m_thisSecond += quint64(exchanges.size());
    updateText();
}

void TrafficStatusLabel::updateText()
{
    const QLocale locale;
    setText(tr("Allowed %1 · Denied %2 · Rejected %3 · %4 callbacks/s")
                .arg(locale.toString(m_allowed), locale.toString(m_denied), locale.toString(m_rejected),
                     locale.toString(m_perSecond)));
}
