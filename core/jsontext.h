// Indents JSON text for display without parsing it into QJsonObject, which
// would sort the keys. Keys, numbers and string escapes stay as they were sent.
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace JsonText {

// Returns the text with one member or element per line, four spaces per level.
// Check the text with QJsonDocument::fromJson first, because this does not validate it.
QByteArray indented(QByteArrayView json);

} // namespace JsonText
