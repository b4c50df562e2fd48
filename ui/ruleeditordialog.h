// Dialog editing one rule: name, enabled, negate, the conditions table and
// the action. Validation problems show live in red but never block saving,
// because an invalid rule is only skipped until it is fixed.
#pragma once

#include "rule.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QTableWidget;

class RuleEditorDialog : public QDialog
{
    Q_OBJECT

public:
    enum ConditionColumn {
        SubjectColumn,
        NameColumn,
        OperatorColumn,
        ValueColumn,
        CountColumn,
        WindowColumn,
        IgnoreCaseColumn,
        NegateColumn,
        ConditionColumnCount
    };

    explicit RuleEditorDialog(const Rule &rule, QWidget *parent = nullptr);

    // The rule as the widgets show it, valid or not. Keeps the id it was opened with.
    Rule rule() const;

    void addCondition(const RuleCondition &condition);
    QTableWidget *conditionsTable() const { return m_conditions; }

private:
    void buildLayout();
    QWidget *buildActionBox();
    void showRule(const Rule &rule);
    RuleCondition conditionAt(int row) const;
    void updateConditionRow(int row);
    void updateActionFields();
    void updateProblems();

    QString m_id;
    QJsonObject m_ownCrt;

    QLineEdit *m_name = nullptr;
    QCheckBox *m_enabled = nullptr;
    QCheckBox *m_negate = nullptr;
    QTableWidget *m_conditions = nullptr;

    QComboBox *m_kind = nullptr;
    QComboBox *m_crtSource = nullptr;
    QPlainTextEdit *m_crt = nullptr;
    QLabel *m_crtError = nullptr;
    QSpinBox *m_status = nullptr;
    QCheckBox *m_customBody = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QComboBox *m_contentTypeMode = nullptr;
    QLineEdit *m_contentType = nullptr;
    QDoubleSpinBox *m_delay = nullptr;
    QCheckBox *m_trickle = nullptr;
    QLabel *m_problems = nullptr;
};
