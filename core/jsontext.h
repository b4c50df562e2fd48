// Reads and lays out JSON text as it was sent. QJsonObject would sort the keys
// and round long numbers, so these work on the text itself.
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <functional>

namespace JsonText {

// Returns the text with one member or element per line, four spaces per level.
// Check the text with QJsonDocument::fromJson first, because this does not validate it.
QByteArray indented(QByteArrayView json);

// Returns the text of a top-level member's value as sent, or a null view when
// the object has no such member. Like indented(), it expects valid JSON.
QByteArrayView memberText(QByteArrayView json, QByteArrayView key);

// Receives a member's key (empty for an array element) and a value's raw text
// (a string's content without quotes), and returns the text to write instead.
using ValueRewriter = std::function<QByteArray(const QByteArray &key, const QByteArray &raw)>;

// Returns the text with each string value and each number or boolean member value passed through
// rewrite. A changed number or boolean becomes a string, and cut JSON works as far as its quotes pair up.
QByteArray rewriteValues(const QByteArray &json, const ValueRewriter &rewrite);

} // namespace JsonText
