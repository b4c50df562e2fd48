// The list of recently opened profile files, most recent first, kept in the
// application's QSettings so the GUI can offer it in a menu.
#pragma once

#include <QString>
#include <QStringList>

class QSettings;

class RecentProfiles
{
public:
    static constexpr int DefaultMaxCount = 10;

    // Uses settings, or the application's default QSettings when null. The
    // object does not own settings.
    explicit RecentProfiles(QSettings *settings = nullptr);

    // Absolute paths, most recent first.
    QStringList files() const;
    // Only the files that still exist.
    QStringList existingFiles() const;

    // Moves fileName to the front, dropping the oldest past maxCount().
    void add(const QString &fileName);
    void remove(const QString &fileName);
    void clear();

    int maxCount() const { return m_maxCount; }
    void setMaxCount(int count);

private:
    void store(const QStringList &files);
    static QString normalized(const QString &fileName);

    QSettings *m_settings;
    int m_maxCount = DefaultMaxCount;
};
