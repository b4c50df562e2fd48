#include "assettablemodel.h"

#include "decisioncolors.h"
#include "settingsstore.h"

#include <QSet>

namespace {

// Long enough to merge a burst of settings changes, short enough to feel immediate.
constexpr int RefreshDelayMs = 50;

Decision effectiveDecision(AssetMode mode, Decision defaultDecision)
{
    switch (mode) {
    case AssetMode::FollowDefault: return defaultDecision;
    case AssetMode::Allow: return Decision::Allow;
    case AssetMode::Deny: return Decision::Deny;
    }
    return defaultDecision;
}

} // namespace

AssetTableModel::AssetTableModel(SettingsStore *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
    , m_settings(store->snapshot())
{
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(RefreshDelayMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &AssetTableModel::refresh);
    connect(m_store, &SettingsStore::changed, this, [this] {
        if (!m_refreshTimer.isActive())
            m_refreshTimer.start();
    });
}

int AssetTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_settings->assets.size());
}

int AssetTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AssetTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();

    const AssetEntry &entry = m_settings->assets.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == AssetColumn)
            return entry.asset;
        return modeText(entry.mode, m_settings->defaultDecision);
    case Qt::EditRole:
        if (index.column() == AssetColumn)
            return entry.asset;
        return int(entry.mode);
    case AssetModeRole:
        return int(entry.mode);
    case EffectiveDecisionRole:
        return int(effectiveDecision(entry.mode, m_settings->defaultDecision));
    case Qt::BackgroundRole:
        // Only explicit rows are tinted, so they stand out among the many that follow the default.
        if (entry.mode == AssetMode::FollowDefault)
            return QVariant();
        return DecisionColors::tintFor(effectiveDecision(entry.mode, m_settings->defaultDecision));
    case Qt::ToolTipRole:
        if (index.column() == DecisionColumn)
            return tr("Double-click or press Space to switch between allow and deny; "
                      "press F2 to choose Follow default.");
        return entry.asset;
    default:
        return QVariant();
    }
}

QVariant AssetTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case AssetColumn: return tr("Asset");
    case DecisionColumn: return tr("Decision");
    default: return QVariant();
    }
}

Qt::ItemFlags AssetTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags result = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == DecisionColumn)
        result |= Qt::ItemIsEditable;
    return result;
}

bool AssetTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    if (index.column() != DecisionColumn || (role != Qt::EditRole && role != AssetModeRole))
        return false;

    bool ok = false;
    const int mode = value.toInt(&ok);
    if (!ok || mode < int(AssetMode::FollowDefault) || mode > int(AssetMode::Deny))
        return false;
    setModes({assetAt(index.row())}, AssetMode(mode));
    return true;
}

QString AssetTableModel::assetAt(int row) const
{
    return row >= 0 && row < m_settings->assets.size() ? m_settings->assets.at(row).asset : QString();
}

int AssetTableModel::rowOfAsset(const QString &asset) const
{
    return m_settings->assetIndex(asset);
}

Decision AssetTableModel::defaultDecision() const
{
    return m_settings->defaultDecision;
}

void AssetTableModel::setModes(const QStringList &assets, AssetMode mode)
{
    if (assets.isEmpty())
        return;
    m_store->update([&assets, mode](ResponseSettings &settings) {
        for (const QString &asset : assets) {
            const int row = settings.assetIndex(asset);
            if (row >= 0)
                settings.assets[row].mode = mode;
        }
    });
    refresh();
}

void AssetTableModel::toggleDecisions(const QStringList &assets)
{
    if (assets.isEmpty())
        return;
    m_store->update([&assets](ResponseSettings &settings) {
        for (const QString &asset : assets) {
            const int row = settings.assetIndex(asset);
            if (row < 0)
                continue;
            AssetEntry &entry = settings.assets[row];
            const Decision current = effectiveDecision(entry.mode, settings.defaultDecision);
            entry.mode = current == Decision::Allow ? AssetMode::Deny : AssetMode::Allow;
        }
    });
    refresh();
}

bool AssetTableModel::addAsset(const QString &asset)
{
    if (asset.isEmpty() || m_store->snapshot()->assetIndex(asset) >= 0)
        return false;
    m_store->update([&asset](ResponseSettings &settings) {
        if (settings.assetIndex(asset) < 0)
            settings.assets.append(AssetEntry{asset, AssetMode::FollowDefault});
    });
    refresh();
    return true;
}

void AssetTableModel::removeAssets(const QStringList &assets)
{
    if (assets.isEmpty())
        return;
    const QSet<QString> doomed(assets.cbegin(), assets.cend());
    m_store->update([&doomed](ResponseSettings &settings) {
        settings.assets.removeIf([&doomed](const AssetEntry &entry) { return doomed.contains(entry.asset); });
    });
    refresh();
}

QString AssetTableModel::modeText(AssetMode mode, Decision defaultDecision)
{
    switch (mode) {
    case AssetMode::FollowDefault:
        return defaultDecision == Decision::Deny ? tr("Follow default (deny)") : tr("Follow default (allow)");
    case AssetMode::Allow:
        return tr("Allow");
    case AssetMode::Deny:
        return tr("Deny");
    }
    return QString();
}

void AssetTableModel::refresh()
{
    m_refreshTimer.stop();
    const std::shared_ptr<const ResponseSettings> next = m_store->snapshot();
    if (next == m_settings)
        return;

    const std::shared_ptr<const ResponseSettings> previous = m_settings;
    const QList<AssetEntry> &before = previous->assets;
    const QList<AssetEntry> &after = next->assets;
    const bool defaultChanged = previous->defaultDecision != next->defaultDecision;

    // Most changes leave the asset list alone or share its data outright.
    if (before.constData() == after.constData() && before.size() == after.size()) {
        m_settings = next;
        if (defaultChanged && !after.isEmpty())
            emit dataChanged(index(0, DecisionColumn), index(int(after.size()) - 1, DecisionColumn));
        return;
    }

    // Find the rows both lists share at the front.
    const int beforeSize = int(before.size());
    const int afterSize = int(after.size());
    int prefix = 0;
    const int shorter = qMin(beforeSize, afterSize);
    while (prefix < shorter && before.at(prefix).asset == after.at(prefix).asset)
        ++prefix;

    if (prefix == beforeSize && prefix == afterSize) {
        // Same rows: only decisions changed.
        m_settings = next;
        emitModeChanges(*previous, 0, 0, afterSize);
    } else if (prefix == beforeSize) {
        // Rows appended at the end, e.g. assets seen in callbacks.
        beginInsertRows(QModelIndex(), beforeSize, afterSize - 1);
        m_settings = next;
        endInsertRows();
        emitModeChanges(*previous, 0, 0, beforeSize);
    } else {
        // One contiguous block removed keeps the rest in order.
        const int removed = beforeSize - afterSize;
        bool blockRemoved = removed > 0;
        for (int row = prefix; blockRemoved && row < afterSize; ++row)
            blockRemoved = before.at(row + removed).asset == after.at(row).asset;
        if (!blockRemoved) {
            beginResetModel();
            m_settings = next;
            endResetModel();
            return;
        }
        beginRemoveRows(QModelIndex(), prefix, prefix + removed - 1);
        m_settings = next;
        endRemoveRows();
        emitModeChanges(*previous, 0, 0, prefix);
        emitModeChanges(*previous, prefix + removed, prefix, afterSize - prefix);
    }

    if (defaultChanged && afterSize > 0)
        emit dataChanged(index(0, DecisionColumn), index(afterSize - 1, DecisionColumn));
}

// Emits one dataChanged() spanning the rows whose decision differs, comparing
// count rows of the previous list from previousFirst with the current list from first.
void AssetTableModel::emitModeChanges(const ResponseSettings &previous, int previousFirst, int first, int count)
{
    int firstChanged = -1;
    int lastChanged = -1;
    for (int offset = 0; offset < count; ++offset) {
        if (previous.assets.at(previousFirst + offset).mode != m_settings->assets.at(first + offset).mode) {
            if (firstChanged < 0)
                firstChanged = first + offset;
            lastChanged = first + offset;
        }
    }
    if (firstChanged >= 0)
        emit dataChanged(index(firstChanged, AssetColumn), index(lastChanged, DecisionColumn));
}
