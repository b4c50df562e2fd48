// The decisions panel: the default decision, the status sent with a denial,
// and the per-asset decisions with filter, add, remove and allow/deny toggle.
#pragma once

#include <QStringList>
#include <QWidget>

class AssetTableModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QTableView;
class SettingsStore;

class DecisionsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit DecisionsPanel(SettingsStore *store, QWidget *parent = nullptr);

    AssetTableModel *assetModel() const { return m_assets; }
    QTableView *assetView() const { return m_view; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildLayout();
    void connectControls();
    void showSettings();
    void addAssetFromField();
    void removeSelectedAssets();
    void toggleSelectedAssets();
    QStringList selectedAssets() const;
    void rememberSelection();
    void restoreSelection();
    void updateCountLabel();

    SettingsStore *m_store;
    AssetTableModel *m_assets;
    QSortFilterProxyModel *m_filter;

    QComboBox *m_defaultDecision = nullptr;
    QSpinBox *m_denyStatus = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_countLabel = nullptr;
    QLineEdit *m_newAssetEdit = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_removeButton = nullptr;

    // Kept across a model reset, which clears the view's selection.
    QStringList m_savedSelection;
    QString m_savedCurrent;
    int m_savedScroll = 0;
};
