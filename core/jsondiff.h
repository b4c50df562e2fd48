// Structural comparison of two JSON documents, as a list of added, removed
// and changed paths with a printable form. Used by replay to show where a
// reply body departs from the expected one.
#pragma once

#include <QCoreApplication>
#include <QJsonValue>
#include <QList>
#include <QString>

struct JsonChange
{
    enum class Kind { Added, Removed, Changed };

    Kind kind = Kind::Changed;
    // Path of the value from the document root: "payload.hdcpLevel",
    // "items[2]", or "" for the root. Keys that are not plain identifiers are
    // written in brackets, e.g. payload["a.b"].
    QString path;
    QJsonValue before;  // Undefined for Added
    QJsonValue after;   // Undefined for Removed

    bool operator==(const JsonChange &other) const
    {
        return kind == other.kind && path == other.path && before == other.before && after == other.after;
    }
};

class JsonDiff
{
    Q_DECLARE_TR_FUNCTIONS(JsonDiff)

public:
    // Compares two values. Objects are compared key by key (order ignored),
    // arrays index by index, numbers by value (1 equals 1.0).
    static JsonDiff compare(const QJsonValue &before, const QJsonValue &after);

    // Compares two HTTP bodies. Bodies that both parse as JSON are compared
    // structurally. Otherwise the whole body is one change at the root path,
    // with each side as a string and an empty body as Undefined.
    static JsonDiff compareBodies(const QByteArray &before, const QByteArray &after);

    bool isEmpty() const { return m_changes.isEmpty(); }
    const QList<JsonChange> &changes() const { return m_changes; }

    // One line per change, in path order:
    //   ~ payload.hdcpLevel: "HDCP v2.2" -> "HDCP v1.x"
    //   + payload.storeLicence: true
    //   - payload.storeLicense: true
    // Values longer than maxValueChars are cut and marked with an ellipsis.
    QString toText(int maxValueChars = 200) const;

    // Compact JSON text of a value, cut to maxChars; Undefined prints as "(none)".
    static QString valueText(const QJsonValue &value, int maxChars = 200);

    // Path element for an object key: ".key" or ["key"] when quoting is needed.
    static QString keyPath(const QString &parent, const QString &key);

private:
    void compareValues(const QString &path, const QJsonValue &before, const QJsonValue &after);

    QList<JsonChange> m_changes;
};
