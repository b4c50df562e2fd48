// The rule list of the settings store as a table: enabled, name, conditions,
// action and validation problems. Toggling the enabled box edits the store.
#pragma once

#include "rule.h"

#include <QAbstractTableModel>
#include <QList>

class SettingsStore;

class RuleTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { EnabledColumn, NameColumn, ConditionsColumn, ActionColumn, ProblemsColumn, ColumnCount };

    explicit RuleTableModel(SettingsStore *store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const Rule &ruleAt(int row) const { return m_rules.at(row); }

    // The conditions of a rule as one line, "every callback" when it has none.
    static QString conditionsSummary(const Rule &rule);

private:
    void showSettings();

    SettingsStore *m_store;
    QList<Rule> m_rules;
    QList<QList<RuleProblem>> m_problems;
};
