#include "recentprofiles.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

#include <memory>

namespace {

const auto RecentKey = QStringLiteral("profiles/recent");

} // namespace

RecentProfiles::RecentProfiles(QSettings *settings)
    : m_settings(settings)
{
}

QStringList RecentProfiles::files() const
{
    std::unique_ptr<QSettings> own;
    QSettings *settings = m_settings;
    if (!settings) {
        own = std::make_unique<QSettings>();
        settings = own.get();
    }
    QStringList files = settings->value(RecentKey).toStringList();
    files.removeAll(QString());
    files.removeDuplicates();
    return files.mid(0, m_maxCount);
}

QStringList RecentProfiles::existingFiles() const
{
    QStringList files = this->files();
    files.removeIf([](const QString &file) { return !QFileInfo(file).isFile(); });
    return files;
}

void RecentProfiles::add(const QString &fileName)
{
    if (fileName.isEmpty())
        return;
    const QString file = normalized(fileName);
    QStringList files = this->files();
    files.removeAll(file);
    files.prepend(file);
    store(files.mid(0, m_maxCount));
}

void RecentProfiles::remove(const QString &fileName)
{
    QStringList files = this->files();
    if (files.removeAll(normalized(fileName)) > 0)
        store(files);
}

void RecentProfiles::clear()
{
    store({});
}

void RecentProfiles::setMaxCount(int count)
{
    m_maxCount = qMax(1, count);
}

void RecentProfiles::store(const QStringList &files)
{
    std::unique_ptr<QSettings> own;
    QSettings *settings = m_settings;
    if (!settings) {
        own = std::make_unique<QSettings>();
        settings = own.get();
    }
    if (files.isEmpty())
        settings->remove(RecentKey);
    else
        settings->setValue(RecentKey, files);
    settings->sync();
}

QString RecentProfiles::normalized(const QString &fileName)
{
    return QDir::cleanPath(QFileInfo(fileName).absoluteFilePath());
}
