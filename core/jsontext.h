// Reads and lays out JSON text as it was sent. QJsonObject would sort the keys
// and round long numbers, so these work on the text itself.
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace JsonText {

// Returns the text with one member or element per line, four spaces per level.
// Check the text with QJsonDocument::fromJson first, because this does not validate it.
QByteArray indented(QByteArrayView json);

// Returns the text of a top-level member's value as sent, or a null view when
// the object has no such member. Like indented(), it expects valid JSON.
QByteArrayView memberText(QByteArrayView json, QByteArrayView key);

} // namespace JsonText
