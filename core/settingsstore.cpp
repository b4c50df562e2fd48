#include "settingsstore.h"

#include "logging.h"
#include "ruleengine.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMetaObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>

namespace {

// Writes the profile through a temporary file that replaces fileName only
// when complete, so a crash never leaves half a profile.
bool writeProfileFile(const QString &fileName, const ResponseSettings &settings, QString *errorMessage)
{
    const QByteArray json = ProfileFormat::toJson(settings);
    QDir().mkpath(QFileInfo(fileName).absolutePath());
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
        *errorMessage = file.errorString();
        return false;
    }
    return true;
}

} // namespace

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

    // Drops a save of fileName that has not started yet.
    void cancel(const QString &fileName)
    {
        QMutexLocker locker(&m_mutex);
        if (m_pendingFile == fileName) {
            m_pendingFile.clear();
            m_pendingSettings.reset();
        }
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

        QString error;
        if (!writeProfileFile(fileName, *settings, &error)) {
            qCWarning(lcSettings) << "Saving profile" << fileName << "failed:" << error;
            emit failed(fileName, error);
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
    , m_ruleEngine(std::make_unique<RuleEngine>())
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
    update(tr("Edit settings"), edit);
}

void SettingsStore::update(const QString &label, const std::function<void(ResponseSettings &)> &edit,
                           const QString &mergeKey)
{
    quint64 revision = 0;
    {
        QMutexLocker locker(&m_mutex);
        const std::shared_ptr<const ResponseSettings> before = m_current;
        auto next = std::make_shared<ResponseSettings>(*before);
        edit(*next);

        const bool merge = !mergeKey.isEmpty() && m_redo.isEmpty() && !m_undo.isEmpty()
            && m_undo.constLast().mergeKey == mergeKey;
        if (merge) {
            m_undo.last().label = label;
        } else {
            m_undo.append(HistoryStep{label, mergeKey, before});
            if (m_undo.size() > m_historyLimit)
                m_undo.remove(0, m_undo.size() - m_historyLimit);
        }
        m_redo.clear();

        if (!next->assets.isSharedWith(before->assets))
            forgetDeletedNotedAssetsLocked(*next);
        revision = installLocked(std::move(next));
    }
    scheduleSave();
    announce(revision, true);
}

void SettingsStore::replace(const ResponseSettings &settings)
{
    update(tr("Replace settings"), [&settings](ResponseSettings &current) {
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

    quint64 revision = 0;
    {
        QMutexLocker locker(&m_mutex);
        auto next = std::make_shared<ResponseSettings>(*m_current);
        bool added = false;
        for (const QString &asset : std::as_const(unknown)) {
            if (next->assetIndex(asset) < 0) {
                next->assets.append(AssetEntry{asset, AssetMode::FollowDefault});
                m_notedAssets.insert(asset);
                added = true;
            }
        }
        if (!added)
            return;
        revision = installLocked(std::move(next));
    }
    scheduleSave();
    announce(revision, false);
}

quint64 SettingsStore::installLocked(std::shared_ptr<ResponseSettings> next)
{
    next->prepare();
    next->revision = m_current->revision + 1;
    const quint64 revision = next->revision;
    m_current = std::move(next);
    return revision;
}

std::shared_ptr<ResponseSettings> SettingsStore::withNotedAssetsLocked(const ResponseSettings &target) const
{
    auto next = std::make_shared<ResponseSettings>(target);
    if (m_notedAssets.isEmpty())
        return next;

    QSet<QString> known;
    known.reserve(next->assets.size());
    for (const AssetEntry &entry : std::as_const(next->assets))
        known.insert(entry.asset);
    for (const AssetEntry &entry : m_current->assets) {
        if (m_notedAssets.contains(entry.asset) && !known.contains(entry.asset))
            next->assets.append(AssetEntry{entry.asset, AssetMode::FollowDefault});
    }
    return next;
}

void SettingsStore::forgetDeletedNotedAssetsLocked(const ResponseSettings &next)
{
    if (m_notedAssets.isEmpty())
        return;
    QSet<QString> kept;
    for (const AssetEntry &entry : next.assets) {
        if (m_notedAssets.contains(entry.asset))
            kept.insert(entry.asset);
    }
    m_notedAssets = std::move(kept);
}

bool SettingsStore::undo()
{
    quint64 revision = 0;
    {
        QMutexLocker locker(&m_mutex);
        if (m_undo.isEmpty())
            return false;
        HistoryStep step = m_undo.takeLast();
        m_redo.append(HistoryStep{step.label, QString(), m_current});
        revision = installLocked(withNotedAssetsLocked(*step.settings));
    }
    scheduleSave();
    announce(revision, true);
    return true;
}

bool SettingsStore::redo()
{
    quint64 revision = 0;
    {
        QMutexLocker locker(&m_mutex);
        if (m_redo.isEmpty())
            return false;
        HistoryStep step = m_redo.takeLast();
        m_undo.append(HistoryStep{step.label, QString(), m_current});
        revision = installLocked(withNotedAssetsLocked(*step.settings));
    }
    scheduleSave();
    announce(revision, true);
    return true;
}

bool SettingsStore::canUndo() const
{
    QMutexLocker locker(&m_mutex);
    return !m_undo.isEmpty();
}

bool SettingsStore::canRedo() const
{
    QMutexLocker locker(&m_mutex);
    return !m_redo.isEmpty();
}

QString SettingsStore::undoLabel() const
{
    QMutexLocker locker(&m_mutex);
    return m_undo.isEmpty() ? QString() : m_undo.constLast().label;
}

QString SettingsStore::redoLabel() const
{
    QMutexLocker locker(&m_mutex);
    return m_redo.isEmpty() ? QString() : m_redo.constLast().label;
}

QStringList SettingsStore::undoLabels() const
{
    QMutexLocker locker(&m_mutex);
    QStringList labels;
    for (auto it = m_undo.crbegin(); it != m_undo.crend(); ++it)
        labels.append(it->label);
    return labels;
}

QStringList SettingsStore::redoLabels() const
{
    QMutexLocker locker(&m_mutex);
    QStringList labels;
    for (auto it = m_redo.crbegin(); it != m_redo.crend(); ++it)
        labels.append(it->label);
    return labels;
}

void SettingsStore::clearHistory()
{
    {
        QMutexLocker locker(&m_mutex);
        m_undo.clear();
        m_redo.clear();
    }
    announce(0, true);
}

void SettingsStore::setHistoryLimit(int steps)
{
    {
        QMutexLocker locker(&m_mutex);
        m_historyLimit = qMax(0, steps);
        if (m_undo.size() > m_historyLimit)
            m_undo.remove(0, m_undo.size() - m_historyLimit);
    }
    announce(0, true);
}

int SettingsStore::historyLimit() const
{
    QMutexLocker locker(&m_mutex);
    return m_historyLimit;
}

bool SettingsStore::load(const QString &fileName, QString *errorMessage)
{
    ProfileError error;
    if (load(fileName, &error))
        return true;
    *errorMessage = error.toString();
    return false;
}

bool SettingsStore::load(const QString &fileName, ProfileError *error)
{
    error->fileName = fileName;
    auto block = [this, &fileName, error] {
        {
            QMutexLocker locker(&m_mutex);
            m_blockedFiles.insert(fileKey(fileName), error->toString());
        }
        m_writer->cancel(fileName);
        qCDebug(lcSettings) << "Not saving to" << fileName << "because it failed to load:" << error->problem;
    };

    // A missing file is a new profile: saving creates it. Anything else that
    // fails to load is kept as it is.
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        error->problem = tr("cannot be read: %1").arg(file.errorString());
        if (QFileInfo::exists(fileName))
            block();
        return false;
    }
    const QByteArray json = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        error->problem = tr("cannot be read: %1").arg(file.errorString());
        block();
        return false;
    }

    ResponseSettings settings;
    if (!ProfileFormat::fromJson(json, &settings, error)) {
        block();
        return false;
    }

    quint64 revision = 0;
    {
        QMutexLocker locker(&m_mutex);
        m_blockedFiles.remove(fileKey(fileName));
        auto next = std::make_shared<ResponseSettings>(std::move(settings));
        m_undo.clear();
        m_redo.clear();
        m_notedAssets.clear();
        revision = installLocked(std::move(next));
    }
    // Nothing is saved here because the file contains these settings already.
    qCInfo(lcSettings) << "Loaded profile" << fileName;
    announce(revision, true);
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

bool SettingsStore::isAutosaveBlocked() const
{
    QMutexLocker locker(&m_mutex);
    return !m_profileFile.isEmpty() && m_blockedFiles.contains(fileKey(m_profileFile));
}

QString SettingsStore::autosaveBlockedReason() const
{
    QMutexLocker locker(&m_mutex);
    return m_profileFile.isEmpty() ? QString() : m_blockedFiles.value(fileKey(m_profileFile));
}

bool SettingsStore::saveTo(const QString &fileName, QString *errorMessage)
{
    flush();
    const std::shared_ptr<const ResponseSettings> settings = snapshot();
    QString error;
    if (!writeProfileFile(fileName, *settings, &error)) {
        *errorMessage = tr("Cannot save profile %1: %2").arg(QDir::toNativeSeparators(fileName), error);
        qCWarning(lcSettings) << "Saving profile" << fileName << "failed:" << error;
        return false;
    }
    QMutexLocker locker(&m_mutex);
    m_blockedFiles.remove(fileKey(fileName));
    return true;
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

void SettingsStore::announce(quint64 revision, bool historyChanged)
{
    QMetaObject::invokeMethod(
        this,
        [this, revision, historyChanged] {
            if (revision != 0)
                emit changed(revision);
            if (historyChanged)
                emit this->historyChanged();
        },
        Qt::AutoConnection);
}

void SettingsStore::scheduleSave()
{
    QString fileName;
    std::shared_ptr<const ResponseSettings> current;
    {
        QMutexLocker locker(&m_mutex);
        fileName = m_profileFile;
        current = m_current;
        if (!fileName.isEmpty() && m_blockedFiles.contains(fileKey(fileName)))
            return;
    }
    if (!fileName.isEmpty())
        m_writer->write(fileName, std::move(current));
}

QString SettingsStore::fileKey(const QString &fileName)
{
    return QDir::cleanPath(QFileInfo(fileName).absoluteFilePath());
}

#include "settingsstore.moc"
