#include "decisioncolors.h"

#include "exchange.h"

namespace DecisionColors {

QColor allowTint()
{
    return QColor(40, 170, 70, 56);
}

QColor denyTint()
{
    return QColor(220, 40, 40, 64);
}

QColor problemTint()
{
    return QColor(240, 160, 0, 80);
}

QColor tintFor(Decision decision)
{
    switch (decision) {
    case Decision::Allow: return allowTint();
    case Decision::Deny: return denyTint();
    case Decision::Rejected: return problemTint();
    }
    return QColor();
}

QString badgeStyleSheet(const QColor &tint)
{
    return QStringLiteral("QLabel { background-color: rgba(%1, %2, %3, %4); border-radius: 3px; padding: 2px 8px; }")
        .arg(tint.red())
        .arg(tint.green())
        .arg(tint.blue())
        .arg(tint.alpha());
}

} // namespace DecisionColors
