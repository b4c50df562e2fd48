// The rules panel: the ordered rule list with add, edit, duplicate, delete and
// move, and the editor dialog for one rule. Rules are checked top to bottom
// before the asset table, and the first that matches decides.
#pragma once

#include "rule.h"

#include <QWidget>

struct Exchange;
class QPushButton;
class QTableView;
class RuleEditorDialog;
class RuleTableModel;
class SettingsStore;

class RulesPanel : public QWidget
{
    Q_OBJECT

public:
    explicit RulesPanel(SettingsStore *store, QWidget *parent = nullptr);

    RuleTableModel *ruleModel() const { return m_model; }
    QTableView *ruleView() const { return m_view; }

    // Opens the editor on a new rule; the rule is added when the dialog is accepted.
    RuleEditorDialog *addRule(const Rule &rule = Rule());
    RuleEditorDialog *editRule(int row);
    // Opens the editor on a rule denying callbacks like the exchange.
    RuleEditorDialog *makeRuleFrom(const Exchange &exchange);

private:
    void buildLayout();
    RuleEditorDialog *openEditor(const Rule &rule, bool isNew);
    void duplicateSelected();
    void deleteSelected();
    void moveSelected(int step);
    int selectedRow() const;
    void selectRuleId(const QString &ruleId);
    void updateButtons();

    SettingsStore *m_store;
    RuleTableModel *m_model;
    QTableView *m_view = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_duplicate = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_up = nullptr;
    QPushButton *m_down = nullptr;
    QString m_selectedId;  // kept across the model reset after each edit
};
