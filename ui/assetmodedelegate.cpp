#include "assetmodedelegate.h"

#include "assettablemodel.h"

#include <QComboBox>

AssetModeDelegate::AssetModeDelegate(const AssetTableModel *assets, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_assets(assets)
{
}

QWidget *AssetModeDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(QStringLiteral("assetModeEditor"));
    const Decision defaultDecision = m_assets->defaultDecision();
    for (AssetMode mode : {AssetMode::FollowDefault, AssetMode::Allow, AssetMode::Deny})
        combo->addItem(AssetTableModel::modeText(mode, defaultDecision), int(mode));
    connect(combo, &QComboBox::activated, this, &AssetModeDelegate::commitAndCloseEditor);
    return combo;
}

void AssetModeDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = static_cast<QComboBox *>(editor);
    const int found = combo->findData(index.data(AssetTableModel::AssetModeRole));
    combo->setCurrentIndex(found < 0 ? 0 : found);
}

void AssetModeDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    auto *combo = static_cast<QComboBox *>(editor);
    model->setData(index, combo->currentData(), Qt::EditRole);
}

void AssetModeDelegate::commitAndCloseEditor()
{
    auto *combo = qobject_cast<QComboBox *>(sender());
    if (!combo)
        return;
    emit commitData(combo);
    emit closeEditor(combo);
}
