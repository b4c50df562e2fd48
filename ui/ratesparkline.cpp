#include "ratesparkline.h"

#include <QPainter>

#include <algorithm>

RateSparkline::RateSparkline(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("rateSparkline"));
    setToolTip(tr("Callbacks per second over the last %n minute(s)", nullptr, SecondsShown / 60));
    m_secondTimer.setInterval(1000);
    connect(&m_secondTimer, &QTimer::timeout, this, &RateSparkline::closeSecond);
    m_secondTimer.start();
}

void RateSparkline::count(const QList<Exchange> &exchanges)
{
    m_thisSecond += quint32(exchanges.size());
}

void RateSparkline::closeSecond()
{
    m_seconds.push_back(m_thisSecond);
    m_thisSecond = 0;
    while (m_seconds.size() > size_t(SecondsShown))
        m_seconds.pop_front();
    update();
}

QSize RateSparkline::sizeHint() const
{
    return QSize(SecondsShown / 2, fontMetrics().height());
}

void RateSparkline::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QRect area = rect().adjusted(0, 1, 0, -1);
    painter.fillRect(area, palette().base());
    if (m_seconds.empty())
        return;

    const quint32 highest = std::max<quint32>(1, *std::max_element(m_seconds.cbegin(), m_seconds.cend()));
    const double barWidth = double(area.width()) / SecondsShown;
    const double left = area.right() + 1 - barWidth * double(m_seconds.size());
    painter.setPen(Qt::NoPen);
    painter.setBrush(palette().highlight());
    for (size_t i = 0; i < m_seconds.size(); ++i) {
        const double height = double(area.height()) * m_seconds[i] / highest;
        painter.drawRect(QRectF(left + barWidth * double(i), area.bottom() + 1 - height, std::max(barWidth, 1.0), height));
    }
}
