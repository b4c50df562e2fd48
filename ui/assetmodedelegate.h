// Combo box editor for an asset's decision: Follow default, Allow or Deny.
// The choice is committed as soon as it is picked.
#pragma once

#include <QStyledItemDelegate>

class AssetTableModel;

class AssetModeDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    // assets supplies the default decision named in the "Follow default" entry.
    explicit AssetModeDelegate(const AssetTableModel *assets, QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;

private:
    void commitAndCloseEditor();

    const AssetTableModel *m_assets;
};
