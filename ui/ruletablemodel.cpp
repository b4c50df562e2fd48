#include "ruletablemodel.h"

#include "settingsstore.h"

#include <QBrush>
#include <QColor>

RuleTableModel::RuleTableModel(SettingsStore *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    showSettings();
    connect(m_store, &SettingsStore::changed, this, &RuleTableModel::showSettings);
}

int RuleTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rules.size());
}

int RuleTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RuleTableModel::conditionsSummary(const Rule &rule)
{
    if (rule.conditions.isEmpty())
        return rule.negate ? tr("no callback") : tr("every callback");

    QStringList parts;
    for (const RuleCondition &condition : rule.conditions)
        parts.append(RuleText::describe(condition));
    const QString all = parts.join(tr(" and "));
    return rule.negate ? tr("not (%1)").arg(all) : all;
}

QVariant RuleTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rules.size())
        return QVariant();
    const Rule &rule = m_rules.at(index.row());
    const QList<RuleProblem> &problems = m_problems.at(index.row());

    if (role == Qt::CheckStateRole && index.column() == EnabledColumn)
        return rule.enabled ? Qt::Checked : Qt::Unchecked;
    if (role == Qt::ForegroundRole) {
        if (index.column() == ProblemsColumn && !problems.isEmpty())
            return QBrush(QColor(0xc0, 0x1c, 0x28));
        if (!rule.enabled)
            return QBrush(QColor(Qt::gray));
        return QVariant();
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return QVariant();

    switch (index.column()) {
    case NameColumn:
        return rule.name;
    case ConditionsColumn:
        return conditionsSummary(rule);
    case ActionColumn:
        return RuleText::describe(rule.action);
    case ProblemsColumn: {
        QStringList messages;
        for (const RuleProblem &problem : problems)
            messages.append(problem.message);
        return messages.join(role == Qt::ToolTipRole ? QStringLiteral("\n") : QStringLiteral("; "));
    }
    default:
        return QVariant();
    }
}

bool RuleTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.column() != EnabledColumn || role != Qt::CheckStateRole)
        return false;

    const QString id = m_rules.at(index.row()).id;
    const bool enabled = value.toInt() == Qt::Checked;
    const QString label = enabled ? tr("Enable rule %1").arg(m_rules.at(index.row()).name)
                                  : tr("Disable rule %1").arg(m_rules.at(index.row()).name);
    m_store->update(label, [id, enabled](ResponseSettings &settings) {
        const int row = settings.ruleIndex(id);
        if (row >= 0)
            settings.rules[row].enabled = enabled;
    });
    return true;
}

Qt::ItemFlags RuleTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == EnabledColumn)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

QVariant RuleTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case EnabledColumn: return tr("On");
    case NameColumn: return tr("Name");
    case ConditionsColumn: return tr("Conditions");
    case ActionColumn: return tr("Action");
    case ProblemsColumn: return tr("Problems");
    default: return QVariant();
    }
}

// Rule lists are short, so any change of them resets the model.
void RuleTableModel::showSettings()
{
    const std::shared_ptr<const ResponseSettings> settings = m_store->snapshot();
    if (settings->rules == m_rules && m_problems.size() == m_rules.size())
        return;

    beginResetModel();
    m_rules = settings->rules;
    m_problems.clear();
    for (int row = 0; row < m_rules.size(); ++row)
        m_problems.append(Rules::validate(m_rules.at(row)));
    endResetModel();
}
