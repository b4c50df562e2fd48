#include "rulespanel.h"

#include "ruleeditordialog.h"
#include "ruletablemodel.h"
#include "settingsstore.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

RulesPanel::RulesPanel(SettingsStore *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_model(new RuleTableModel(store, this))
{
    m_model->setObjectName(QStringLiteral("ruleTableModel"));
    buildLayout();

    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        const int row = selectedRow();
        m_selectedId = row >= 0 ? m_model->ruleAt(row).id : QString();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        selectRuleId(m_selectedId);
        updateButtons();
    });
    updateButtons();
}

void RulesPanel::buildLayout()
{
    auto *hint = new QLabel(tr("Checked top to bottom before the assets; the first matching rule decides."));
    hint->setWordWrap(true);

    m_view = new QTableView;
    m_view->setObjectName(QStringLiteral("rulesView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(RuleTableModel::EnabledColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(RuleTableModel::NameColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(RuleTableModel::ConditionsColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(RuleTableModel::ActionColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(RuleTableModel::ProblemsColumn, QHeaderView::Interactive);
    header->resizeSection(RuleTableModel::ProblemsColumn, 140);
    m_view->setWordWrap(false);
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.column() != RuleTableModel::EnabledColumn)
            editRule(index.row());
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RulesPanel::updateButtons);

    auto makeButton = [this](const QString &text, const char *name) {
        auto *button = new QPushButton(text, this);
        button->setObjectName(QLatin1String(name));
        return button;
    };
    QPushButton *add = makeButton(tr("&Add"), "addRuleButton");
    m_edit = makeButton(tr("&Edit"), "editRuleButton");
    m_duplicate = makeButton(tr("D&uplicate"), "duplicateRuleButton");
    m_delete = makeButton(tr("De&lete"), "deleteRuleButton");
    m_up = makeButton(tr("Move &Up"), "moveRuleUpButton");
    m_down = makeButton(tr("Move Do&wn"), "moveRuleDownButton");
    connect(add, &QPushButton::clicked, this, [this] { addRule(); });
    connect(m_edit, &QPushButton::clicked, this, [this] { editRule(selectedRow()); });
    connect(m_duplicate, &QPushButton::clicked, this, &RulesPanel::duplicateSelected);
    connect(m_delete, &QPushButton::clicked, this, &RulesPanel::deleteSelected);
    connect(m_up, &QPushButton::clicked, this, [this] { moveSelected(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveSelected(1); });

    auto *buttons = new QHBoxLayout;
    for (QPushButton *button : {add, m_edit, m_duplicate, m_delete, m_up, m_down})
        buttons->addWidget(button);
    buttons->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
}

RuleEditorDialog *RulesPanel::addRule(const Rule &rule)
{
    Rule fresh = rule;
    if (fresh.id.isEmpty())
        fresh.id = Rule::newId();
    if (fresh.name.isEmpty())
        fresh.name = tr("Rule %1").arg(m_store->snapshot()->rules.size() + 1);
    return openEditor(fresh, true);
}

RuleEditorDialog *RulesPanel::editRule(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return nullptr;
    return openEditor(m_model->ruleAt(row), false);
}

RuleEditorDialog *RulesPanel::makeRuleFrom(const Exchange &exchange)
{
    return addRule(Rules::fromExchange(exchange, m_store->snapshot()->denyStatus));
}

// The dialog is window-modal but does not block, so callbacks keep being
// served and logged while a rule is being edited.
RuleEditorDialog *RulesPanel::openEditor(const Rule &rule, bool isNew)
{
    auto *dialog = new RuleEditorDialog(rule, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, isNew] {
        const Rule edited = dialog->rule();
        const QString label = isNew ? tr("Add rule %1").arg(edited.name) : tr("Edit rule %1").arg(edited.name);
        m_selectedId = edited.id;
        m_store->update(label, [edited](ResponseSettings &settings) {
            const int row = settings.ruleIndex(edited.id);
            if (row >= 0)
                settings.rules[row] = edited;
            else
                settings.rules.append(edited);
        });
        selectRuleId(edited.id);
    });
    dialog->open();
    return dialog;
}

void RulesPanel::duplicateSelected()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    Rule copy = m_model->ruleAt(row);
    copy.id = Rule::newId();
    copy.name = tr("%1 (copy)").arg(copy.name);
    m_selectedId = copy.id;
    m_store->update(tr("Duplicate rule %1").arg(m_model->ruleAt(row).name), [row, copy](ResponseSettings &settings) {
        settings.rules.insert(qMin(row + 1, int(settings.rules.size())), copy);
    });
    selectRuleId(copy.id);
}

void RulesPanel::deleteSelected()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    const QString id = m_model->ruleAt(row).id;
    m_store->update(tr("Delete rule %1").arg(m_model->ruleAt(row).name), [id](ResponseSettings &settings) {
        const int index = settings.ruleIndex(id);
        if (index >= 0)
            settings.rules.removeAt(index);
    });
}

void RulesPanel::moveSelected(int step)
{
    const int row = selectedRow();
    const int target = row + step;
    if (row < 0 || target < 0 || target >= m_model->rowCount())
        return;
    const QString id = m_model->ruleAt(row).id;
    m_store->update(tr("Move rule %1").arg(m_model->ruleAt(row).name), [id, step](ResponseSettings &settings) {
        const int index = settings.ruleIndex(id);
        if (index >= 0 && index + step >= 0 && index + step < settings.rules.size())
            settings.rules.move(index, index + step);
    });
    selectRuleId(id);
}

int RulesPanel::selectedRow() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

void RulesPanel::selectRuleId(const QString &ruleId)
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->ruleAt(row).id == ruleId) {
            m_view->selectRow(row);
            return;
        }
    }
}

void RulesPanel::updateButtons()
{
    const int row = selectedRow();
    m_edit->setEnabled(row >= 0);
    m_duplicate->setEnabled(row >= 0);
    m_delete->setEnabled(row >= 0);
    m_up->setEnabled(row > 0);
    m_down->setEnabled(row >= 0 && row + 1 < m_model->rowCount());
}
