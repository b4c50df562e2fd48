#include "jsondiff.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace {

bool isPlainKey(const QString &key)
{
    static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_$][A-Za-z0-9_$-]*$"));
    return identifier.match(key).hasMatch();
}

QString quoted(const QString &text)
{
    // A JSON string literal, so keys with quotes or control characters stay readable.
    const QByteArray json = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

bool parseJsonBody(const QByteArray &body, QJsonValue *value)
{
    // QJsonDocument reads only objects and arrays; wrapping the body in an
    // array also accepts a bare string, number or literal.
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson('[' + body + ']', &error);
    if (error.error != QJsonParseError::NoError || !document.isArray() || document.array().size() != 1)
        return false;
    *value = document.array().first();
    return true;
}

} // namespace

JsonDiff JsonDiff::compare(const QJsonValue &before, const QJsonValue &after)
{
    JsonDiff diff;
    diff.compareValues(QString(), before, after);
    return diff;
}

JsonDiff JsonDiff::compareBodies(const QByteArray &before, const QByteArray &after)
{
    QJsonValue beforeValue;
    QJsonValue afterValue;
    const bool beforeIsJson = !before.trimmed().isEmpty() && parseJsonBody(before, &beforeValue);
    const bool afterIsJson = !after.trimmed().isEmpty() && parseJsonBody(after, &afterValue);
    if (beforeIsJson && afterIsJson)
        return compare(beforeValue, afterValue);

    JsonDiff diff;
    if (before == after)
        return diff;
    JsonChange change;
    change.path = QString();
    change.before = before.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(QString::fromUtf8(before));
    change.after = after.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(QString::fromUtf8(after));
    if (before.isEmpty())
        change.kind = JsonChange::Kind::Added;
    else if (after.isEmpty())
        change.kind = JsonChange::Kind::Removed;
    diff.m_changes.append(change);
    return diff;
}

void JsonDiff::compareValues(const QString &path, const QJsonValue &before, const QJsonValue &after)
{
    if (before.isObject() && after.isObject()) {
        const QJsonObject beforeObject = before.toObject();
        const QJsonObject afterObject = after.toObject();

        // QJsonObject keys are sorted, so walking both key lists in step
        // yields the changes in path order.
        QStringList keys = beforeObject.keys();
        for (const QString &key : afterObject.keys()) {
            if (!beforeObject.contains(key))
                keys.append(key);
        }
        std::sort(keys.begin(), keys.end());

        for (const QString &key : std::as_const(keys)) {
            const QString childPath = keyPath(path, key);
            const auto beforeIt = beforeObject.constFind(key);
            const auto afterIt = afterObject.constFind(key);
            if (beforeIt == beforeObject.constEnd())
                m_changes.append({JsonChange::Kind::Added, childPath, QJsonValue::Undefined, afterIt.value()});
            else if (afterIt == afterObject.constEnd())
                m_changes.append({JsonChange::Kind::Removed, childPath, beforeIt.value(), QJsonValue::Undefined});
            else
                compareValues(childPath, beforeIt.value(), afterIt.value());
        }
        return;
    }

    if (before.isArray() && after.isArray()) {
        const QJsonArray beforeArray = before.toArray();
        const QJsonArray afterArray = after.toArray();
        const qsizetype common = std::min(beforeArray.size(), afterArray.size());
        for (qsizetype i = 0; i < common; ++i)
            compareValues(path + QStringLiteral("[%1]").arg(i), beforeArray.at(i), afterArray.at(i));
        for (qsizetype i = common; i < beforeArray.size(); ++i)
            m_changes.append({JsonChange::Kind::Removed, path + QStringLiteral("[%1]").arg(i), beforeArray.at(i),
                              QJsonValue::Undefined});
        for (qsizetype i = common; i < afterArray.size(); ++i)
            m_changes.append({JsonChange::Kind::Added, path + QStringLiteral("[%1]").arg(i), QJsonValue::Undefined,
                              afterArray.at(i)});
        return;
    }

    if (before == after)
        return;
    if (before.isUndefined())
        m_changes.append({JsonChange::Kind::Added, path, before, after});
    else if (after.isUndefined())
        m_changes.append({JsonChange::Kind::Removed, path, before, after});
    else
        m_changes.append({JsonChange::Kind::Changed, path, before, after});
}

QString JsonDiff::keyPath(const QString &parent, const QString &key)
{
    if (!isPlainKey(key))
        return parent + QLatin1Char('[') + quoted(key) + QLatin1Char(']');
    if (parent.isEmpty())
        return key;
    return parent + QLatin1Char('.') + key;
}

QString JsonDiff::valueText(const QJsonValue &value, int maxChars)
{
    QString text;
    switch (value.type()) {
    case QJsonValue::Undefined:
        return tr("(none)");
    case QJsonValue::Null:
        text = QStringLiteral("null");
        break;
    case QJsonValue::Bool:
        text = value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        break;
    case QJsonValue::Double:
        text = QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
        break;
    case QJsonValue::String:
        text = quoted(value.toString());
        break;
    case QJsonValue::Array:
        text = QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
        break;
    case QJsonValue::Object:
        text = QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
        break;
    }
    if (maxChars > 0 && text.size() > maxChars)
        text = text.left(maxChars) + QChar(0x2026);
    return text;
}

QString JsonDiff::toText(int maxValueChars) const
{
    QStringList lines;
    for (const JsonChange &change : m_changes) {
        const QString path = change.path.isEmpty() ? tr("(body)") : change.path;
        switch (change.kind) {
        case JsonChange::Kind::Added:
            lines.append(QStringLiteral("+ %1: %2").arg(path, valueText(change.after, maxValueChars)));
            break;
        case JsonChange::Kind::Removed:
            lines.append(QStringLiteral("- %1: %2").arg(path, valueText(change.before, maxValueChars)));
            break;
        case JsonChange::Kind::Changed:
            lines.append(QStringLiteral("~ %1: %2 -> %3")
                             .arg(path, valueText(change.before, maxValueChars), valueText(change.after, maxValueChars)));
            break;
        }
    }
    return lines.join(QLatin1Char('\n'));
}
