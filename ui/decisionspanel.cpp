#include "decisionspanel.h"

#include "assetmodedelegate.h"
#include "assettablemodel.h"
#include "settingsstore.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

DecisionsPanel::DecisionsPanel(SettingsStore *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_assets(new AssetTableModel(store, this))
    , m_filter(new QSortFilterProxyModel(this))
{
    m_assets->setObjectName(QStringLiteral("assetTableModel"));
    m_filter->setSourceModel(m_assets);
    m_filter->setFilterKeyColumn(AssetTableModel::AssetColumn);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);

    buildLayout();
    connectControls();
    showSettings();
    updateCountLabel();
}

void DecisionsPanel::buildLayout()
{
    m_defaultDecision = new QComboBox(this);
    m_defaultDecision->setObjectName(QStringLiteral("defaultDecisionCombo"));
    m_defaultDecision->addItem(tr("Allow"), int(Decision::Allow));
    m_defaultDecision->addItem(tr("Deny"), int(Decision::Deny));
    m_defaultDecision->setToolTip(tr("Decision for assets that follow the default, including assets not yet seen"));

    m_denyStatus = new QSpinBox(this);
    m_denyStatus->setObjectName(QStringLiteral("denyStatusSpin"));
    m_denyStatus->setRange(100, 599);
    m_denyStatus->setValue(403);
    m_denyStatus->setToolTip(tr("HTTP status sent when a callback is denied; "
                                "the license server treats every status other than 200 as a refusal"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Default decision:"), m_defaultDecision);
    form->addRow(tr("Deny &status:"), m_denyStatus);

    m_filterEdit = new QLineEdit(this);
    m_filterEdit->setObjectName(QStringLiteral("assetFilterEdit"));
    m_filterEdit->setPlaceholderText(tr("Filter assets"));
    m_filterEdit->setClearButtonEnabled(true);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("assetsView"));
    m_view->setModel(m_filter);
    m_view->setItemDelegateForColumn(AssetTableModel::DecisionColumn, new AssetModeDelegate(m_assets, m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    // Fixed row heights and no resize-to-contents keep 10,000 rows cheap to lay out.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setSectionResizeMode(AssetTableModel::AssetColumn, QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(AssetTableModel::DecisionColumn, QHeaderView::Interactive);
    m_view->horizontalHeader()->resizeSection(AssetTableModel::DecisionColumn,
                                              m_view->fontMetrics().horizontalAdvance(
                                                  AssetTableModel::modeText(AssetMode::FollowDefault, Decision::Allow))
                                                  + 48);
    m_view->installEventFilter(this);

    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("assetCountLabel"));

    m_newAssetEdit = new QLineEdit(this);
    m_newAssetEdit->setObjectName(QStringLiteral("newAssetEdit"));
    m_newAssetEdit->setPlaceholderText(tr("Asset id to add"));
    m_addButton = new QPushButton(tr("&Add"), this);
    m_addButton->setObjectName(QStringLiteral("addAssetButton"));
    m_removeButton = new QPushButton(tr("&Remove"), this);
    m_removeButton->setObjectName(QStringLiteral("removeAssetButton"));
    m_removeButton->setToolTip(tr("Remove the selected assets (Delete); they follow the default again"));

    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_newAssetEdit, 1);
    addRow->addWidget(m_addButton);
    addRow->addWidget(m_removeButton);

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filterEdit, 1);
    filterRow->addWidget(m_countLabel);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(filterRow);
    layout->addWidget(m_view, 1);
    layout->addLayout(addRow);
}

void DecisionsPanel::connectControls()
{
    connect(m_defaultDecision, &QComboBox::currentIndexChanged, this, [this] {
        const auto decision = Decision(m_defaultDecision->currentData().toInt());
        if (m_store->snapshot()->defaultDecision != decision)
            m_store->update([decision](ResponseSettings &settings) { settings.defaultDecision = decision; });
    });
    connect(m_denyStatus, &QSpinBox::valueChanged, this, [this](int status) {
        if (m_store->snapshot()->denyStatus != status)
            m_store->update([status](ResponseSettings &settings) { settings.denyStatus = status; });
    });
    connect(m_store, &SettingsStore::changed, this, &DecisionsPanel::showSettings);

    connect(m_filterEdit, &QLineEdit::textChanged, m_filter, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_filterEdit, &QLineEdit::textChanged, this, &DecisionsPanel::updateCountLabel);
    connect(m_view, &QTableView::doubleClicked, this, &DecisionsPanel::toggleSelectedAssets);
    connect(m_newAssetEdit, &QLineEdit::returnPressed, this, &DecisionsPanel::addAssetFromField);
    connect(m_addButton, &QPushButton::clicked, this, &DecisionsPanel::addAssetFromField);
    connect(m_removeButton, &QPushButton::clicked, this, &DecisionsPanel::removeSelectedAssets);

    connect(m_assets, &QAbstractItemModel::modelAboutToBeReset, this, &DecisionsPanel::rememberSelection);
    connect(m_assets, &QAbstractItemModel::modelReset, this, &DecisionsPanel::restoreSelection);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &DecisionsPanel::updateCountLabel);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &DecisionsPanel::updateCountLabel);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &DecisionsPanel::updateCountLabel);
}

// Shows the default decision and deny status of the live settings. The asset
// rows follow the store through their own model.
void DecisionsPanel::showSettings()
{
    const std::shared_ptr<const ResponseSettings> settings = m_store->snapshot();
    const int decisionIndex = m_defaultDecision->findData(int(settings->defaultDecision));
    if (decisionIndex >= 0 && decisionIndex != m_defaultDecision->currentIndex()) {
        const QSignalBlocker blocker(m_defaultDecision);
        m_defaultDecision->setCurrentIndex(decisionIndex);
    }
    if (m_denyStatus->value() != settings->denyStatus && !m_denyStatus->hasFocus()) {
        const QSignalBlocker blocker(m_denyStatus);
        m_denyStatus->setValue(settings->denyStatus);
    }
}

bool DecisionsPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Space && key->modifiers() == Qt::NoModifier) {
            toggleSelectedAssets();
            return true;
        }
        if (key->matches(QKeySequence::Delete)) {
            removeSelectedAssets();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void DecisionsPanel::addAssetFromField()
{
    const QString asset = m_newAssetEdit->text().trimmed();
    if (asset.isEmpty())
        return;
    m_assets->addAsset(asset);
    m_newAssetEdit->clear();

    // Show the row, whether it was just added or already there.
    const int sourceRow = m_assets->rowOfAsset(asset);
    const QModelIndex proxyIndex = m_filter->mapFromSource(m_assets->index(sourceRow, AssetTableModel::AssetColumn));
    if (proxyIndex.isValid()) {
        m_view->setCurrentIndex(proxyIndex);
        m_view->scrollTo(proxyIndex);
    }
}

void DecisionsPanel::removeSelectedAssets()
{
    m_assets->removeAssets(selectedAssets());
}

void DecisionsPanel::toggleSelectedAssets()
{
    m_assets->toggleDecisions(selectedAssets());
}

QStringList DecisionsPanel::selectedAssets() const
{
    QStringList assets;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows(AssetTableModel::AssetColumn);
    assets.reserve(rows.size());
    for (const QModelIndex &row : rows)
        assets.append(m_assets->assetAt(m_filter->mapToSource(row).row()));
    if (assets.isEmpty() && m_view->currentIndex().isValid())
        assets.append(m_assets->assetAt(m_filter->mapToSource(m_view->currentIndex()).row()));
    return assets;
}

void DecisionsPanel::rememberSelection()
{
    m_savedSelection = selectedAssets();
    const QModelIndex current = m_view->currentIndex();
    m_savedCurrent = current.isValid() ? m_assets->assetAt(m_filter->mapToSource(current).row()) : QString();
    m_savedScroll = m_view->verticalScrollBar()->value();
}

void DecisionsPanel::restoreSelection()
{
    QItemSelection selection;
    for (const QString &asset : std::as_const(m_savedSelection)) {
        const QModelIndex proxyIndex =
            m_filter->mapFromSource(m_assets->index(m_assets->rowOfAsset(asset), AssetTableModel::AssetColumn));
        if (proxyIndex.isValid())
            selection.select(proxyIndex, proxyIndex);
    }
    const QModelIndex current =
        m_filter->mapFromSource(m_assets->index(m_assets->rowOfAsset(m_savedCurrent), AssetTableModel::AssetColumn));
    if (current.isValid())
        m_view->selectionModel()->setCurrentIndex(current, QItemSelectionModel::NoUpdate);
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->verticalScrollBar()->setValue(m_savedScroll);
    m_savedSelection.clear();
    m_savedCurrent.clear();
}

void DecisionsPanel::updateCountLabel()
{
    const int total = m_assets->rowCount();
    const int shown = m_filter->rowCount();
    if (shown == total)
        m_countLabel->setText(tr("%n asset(s)", nullptr, total));
    else
        m_countLabel->setText(tr("%1 of %n asset(s)", nullptr, total).arg(shown));
}
