// Row tints for decisions, shared by the assets table and the request log.
#pragma once

#include <QColor>
#include <QString>

enum class Decision;

namespace DecisionColors {

// Translucent tints, so the palette's base colour shows through on light and
// dark themes alike and selected rows keep the selection colour.
QColor allowTint();
QColor denyTint();
QColor problemTint();  // rejected callbacks, errors, replies not delivered

QColor tintFor(Decision decision);

// Style sheet for a QLabel shown as a tinted badge, e.g. a state or an error.
QString badgeStyleSheet(const QColor &tint);

} // namespace DecisionColors
