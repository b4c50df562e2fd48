// The per-asset decisions of the live settings as a table. It follows the
// settings store: rows are inserted or removed only when the asset list changes
// shape, and only repainted when a decision changed, so selection and scroll
// position survive the frequent updates caused by newly seen assets.
#pragma once

#include "responsesettings.h"

#include <QAbstractTableModel>
#include <QTimer>

#include <memory>

class SettingsStore;

class AssetTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { AssetColumn, DecisionColumn, ColumnCount };
    enum Role {
        AssetModeRole = Qt::UserRole + 1,  // int(AssetMode); also what Qt::EditRole reads and writes
        EffectiveDecisionRole,             // int(Decision) after applying the default
    };

    explicit AssetTableModel(SettingsStore *store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    QString assetAt(int row) const;
    int rowOfAsset(const QString &asset) const;  // -1 when the asset has no row
    Decision defaultDecision() const;

    // Edits go to the settings store, so the next callback uses them; the
    // model then follows the store at once.
    void setModes(const QStringList &assets, AssetMode mode);
    // Switches each asset to the opposite of its effective decision.
    void toggleDecisions(const QStringList &assets);
    // Returns false when the name is empty or already has a row.
    bool addAsset(const QString &asset);
    void removeAssets(const QStringList &assets);

    static QString modeText(AssetMode mode, Decision defaultDecision);

    // Brings the rows up to date with the store. The store's changed() signal
    // calls it after a short delay, so a burst of new assets costs one pass.
    void refresh();

private:
    void emitModeChanges(const ResponseSettings &previous, int previousFirst, int first, int count);

    SettingsStore *m_store;
    std::shared_ptr<const ResponseSettings> m_settings;
    QTimer m_refreshTimer;
};
