#include "settingsstore.h"

#include "logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMetaObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>

// Writes profile files atomically on the store's I/O thread. Saves that pile up
// while one is being written collapse into one write of the newest text.
class ProfileWriter : public QObject
{
    Q_OBJECT

public:
    void write(const QString &fileName, std::shared_ptr<const ResponseSettings> settings)
    {
        QMutexLocker locker(&m_mutex);
        const bool scheduled = !m_pendingFile.isEmpty();
        m_pendingFile = fileName;
        m_pendingSettings = std::move(settings);
        if (!scheduled)
            QMetaObject::invokeMethod(this, &ProfileWriter::writePending, Qt::QueuedConnection);
    }

    void writePending()
    {
        QString fileName;
        std::shared_ptr<const ResponseSettings> settings;
        {
            QMutexLocker locker(&m_mutex);
            fileName = std::exchange(m_pendingFile, QString());
            settings = std::exchange(m_pendingSettings, nullptr);
        }
        if (fileName.isEmpty() || !settings)
            return;

        const QByteArray json = ProfileFormat::toJson(*settings);
        QDir().mkpath(QFileInfo(fileName).absolutePath());
        QSaveFile file(fileName);
        if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
            qCWarning(lcSettings) << "Saving profile" << fileName << "failed:" << file.errorString();
            emit failed(fileName, file.errorString());
        }
    }

signals:
    void failed(const QString &fileName, const QString &message);

private:
    QMutex m_mutex;
    QString m_pendingFile;
    std::shared_ptr<const ResponseSettings> m_pendingSettings;
};

SettingsStore::SettingsStore(QObject *parent)
    : QObject(parent)
    , m_current(std::make_shared<const ResponseSettings>())
{
    m_ioThread.setObjectName(QStringLiteral("profile-io"));
    m_writer = new ProfileWriter;
    m_writer->moveToThread(&m_ioThread);
    connect(&m_ioThread, &QThread::finished, m_writer, &QObject::deleteLater);
    connect(m_writer, &ProfileWriter::failed, this, &SettingsStore::saveFailed);
    m_ioThread.start();
}

SettingsStore::~SettingsStore()
{
    flush();
    m_ioThread.quit();
    m_ioThread.wait();
}

std::shared_ptr<const ResponseSettings> SettingsStore::snapshot() const
{
    QMutexLocker locker(&m_mutex);
    return m_current;
}

void SettingsStore::update(const std::function<void(ResponseSettings &)> &edit)
{
    quint64 revision = 0;
    {
        QMutexLocker locker(&m_mutex);
        auto next = std::make_shared<ResponseSettings>(*m_current);
        edit(*next);
        next->reindexAssets();
        next->revision = m_current->revision + 1;
        revision = next->revision;
        m_current = std::move(next);
    }
    scheduleSave();
    QMetaObject::invokeMethod(this, [this, revision] { emit changed(revision); }, Qt::AutoConnection);
}

void SettingsStore::replace(const ResponseSettings &settings)
{
    update([&settings](ResponseSettings &current) {
        const quint64 revision = current.revision;
        current = settings;
        current.revision = revision;
    });
}

void SettingsStore::noteAssets(const QStringList &assets)
{
    QStringList unknown;
    {
        QMutexLocker locker(&m_mutex);
        for (const QString &asset : assets) {
            if (!asset.isEmpty() && m_current->assetIndex(asset) < 0 && !unknown.contains(asset))
                unknown.append(asset);
        }
    }
    if (unknown.isEmpty())
        return;

    update([&unknown](ResponseSettings &settings) {
        for (const QString &asset : unknown) {
            if (settings.assetIndex(asset) < 0)
                settings.assets.append(AssetEntry{asset, AssetMode::FollowDefault});
        }
    });
}

bool SettingsStore::load(const QString &fileName, QString *errorMessage)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        *errorMessage = tr("Cannot read profile %1: %2").arg(QDir::toNativeSeparators(fileName), file.errorString());
        return false;
    }
    ResponseSettings settings;
    QString problem;
    if (!ProfileFormat::fromJson(file.readAll(), &settings, &problem)) {
        *errorMessage = tr("Cannot load profile %1: %2").arg(QDir::toNativeSeparators(fileName), problem);
        return false;
    }
    replace(settings);
    return true;
}

void SettingsStore::setProfileFile(const QString &fileName)
{
    QMutexLocker locker(&m_mutex);
    m_profileFile = fileName;
}

QString SettingsStore::profileFile() const
{
    QMutexLocker locker(&m_mutex);
    return m_profileFile;
}

void SettingsStore::flush()
{
    if (m_ioThread.isRunning())
        QMetaObject::invokeMethod(m_writer, &ProfileWriter::writePending, Qt::BlockingQueuedConnection);
}

QString SettingsStore::defaultProfileFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/profile.json");
}

void SettingsStore::scheduleSave()
{
    QString fileName;
    std::shared_ptr<const ResponseSettings> current;
    {
        QMutexLocker locker(&m_mutex);
        fileName = m_profileFile;
        current = m_current;
    }
    if (!fileName.isEmpty())
        m_writer->write(fileName, std::move(current));
}

#include "settingsstore.moc"
