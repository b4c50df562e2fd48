#include "ruleeditordialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

// One-of values are typed as one line, separated by commas.
const QLatin1Char ValueSeparator(',');

QStringList splitValues(const QString &text)
{
    QStringList values;
    for (const QString &part : text.split(ValueSeparator, Qt::SkipEmptyParts))
        values.append(part.trimmed());
    return values;
}

} // namespace

RuleEditorDialog::RuleEditorDialog(const Rule &rule, QWidget *parent)
    : QDialog(parent)
    , m_id(rule.id.isEmpty() ? Rule::newId() : rule.id)
{
    setObjectName(QStringLiteral("ruleEditorDialog"));
    setWindowTitle(rule.name.isEmpty() ? tr("New Rule") : tr("Edit Rule %1").arg(rule.name));
    buildLayout();
    showRule(rule);
    updateProblems();
    resize(980, 720);
}

void RuleEditorDialog::buildLayout()
{
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("ruleNameEdit"));
    m_enabled = new QCheckBox(tr("&Enabled"));
    m_enabled->setObjectName(QStringLiteral("ruleEnabledCheck"));
    m_negate = new QCheckBox(tr("&Negate: match when the conditions do not all hold"));
    m_negate->setObjectName(QStringLiteral("ruleNegateCheck"));

    auto *header = new QFormLayout;
    header->addRow(tr("&Name:"), m_name);
    auto *flags = new QHBoxLayout;
    flags->addWidget(m_enabled);
    flags->addWidget(m_negate);
    flags->addStretch();
    header->addRow(flags);

    m_conditions = new QTableWidget(0, ConditionColumnCount);
    m_conditions->setObjectName(QStringLiteral("ruleConditionsTable"));
    m_conditions->setHorizontalHeaderLabels({tr("Field"), tr("Name"), tr("Operator"), tr("Value"), tr("N"),
                                             tr("Window (s)"), tr("Ignore case"), tr("Not")});
    m_conditions->horizontalHeader()->setSectionResizeMode(ValueColumn, QHeaderView::Stretch);
    m_conditions->setColumnWidth(SubjectColumn, 190);
    m_conditions->setColumnWidth(OperatorColumn, 170);
    m_conditions->setColumnWidth(CountColumn, 80);
    m_conditions->setColumnWidth(WindowColumn, 90);
    m_conditions->setColumnWidth(IgnoreCaseColumn, 90);
    m_conditions->setColumnWidth(NegateColumn, 40);
    m_conditions->setMinimumHeight(150);
    m_conditions->verticalHeader()->hide();
    m_conditions->setSelectionBehavior(QAbstractItemView::SelectRows);

    auto *addCondition = new QPushButton(tr("Add Condition"));
    addCondition->setObjectName(QStringLiteral("addConditionButton"));
    connect(addCondition, &QPushButton::clicked, this, [this] { this->addCondition(RuleCondition()); });
    auto *removeCondition = new QPushButton(tr("Remove Condition"));
    removeCondition->setObjectName(QStringLiteral("removeConditionButton"));
    connect(removeCondition, &QPushButton::clicked, this, [this] {
        const int row = m_conditions->currentRow();
        if (row >= 0) {
            m_conditions->removeRow(row);
            updateProblems();
        }
    });
    auto *conditionButtons = new QHBoxLayout;
    conditionButtons->addWidget(addCondition);
    conditionButtons->addWidget(removeCondition);
    conditionButtons->addStretch();

    auto *conditionsBox = new QGroupBox(tr("Conditions (all must hold; none matches every callback)"));
    auto *conditionsLayout = new QVBoxLayout(conditionsBox);
    conditionsLayout->addWidget(m_conditions, 1);
    conditionsLayout->addLayout(conditionButtons);

    m_problems = new QLabel;
    m_problems->setObjectName(QStringLiteral("ruleProblemsLabel"));
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("color: #c01c28;"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->setObjectName(QStringLiteral("ruleEditorButtons"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(conditionsBox, 2);
    layout->addWidget(buildActionBox(), 1);
    layout->addWidget(m_problems);
    layout->addWidget(buttons);

    connect(m_name, &QLineEdit::textChanged, this, &RuleEditorDialog::updateProblems);
}

QWidget *RuleEditorDialog::buildActionBox()
{
    m_kind = new QComboBox;
    m_kind->setObjectName(QStringLiteral("ruleActionKindCombo"));
    for (ActionKind kind : Rules::allActionKinds())
        m_kind->addItem(RuleText::actionKindLabel(kind), int(kind));

    m_crtSource = new QComboBox;
    m_crtSource->setObjectName(QStringLiteral("ruleCrtSourceCombo"));
    for (CrtSource source : {CrtSource::Default, CrtSource::Scheme, CrtSource::Rule, CrtSource::None})
        m_crtSource->addItem(RuleText::crtSourceLabel(source), int(source));

    m_crt = new QPlainTextEdit;
    m_crt->setObjectName(QStringLiteral("ruleCrtEdit"));
    m_crt->setPlaceholderText(tr("The rule's own CRT payload as a JSON object"));
    m_crt->setMaximumHeight(60);
    m_crtError = new QLabel;
    m_crtError->setObjectName(QStringLiteral("ruleCrtError"));
    m_crtError->setStyleSheet(QStringLiteral("color: #c01c28;"));

    m_status = new QSpinBox;
    m_status->setObjectName(QStringLiteral("ruleStatusSpin"));
    m_status->setRange(100, 599);

    m_customBody = new QCheckBox(tr("Send this body instead of the generated JSON"));
    m_customBody->setObjectName(QStringLiteral("ruleCustomBodyCheck"));
    m_body = new QPlainTextEdit;
    m_body->setObjectName(QStringLiteral("ruleBodyEdit"));
    m_body->setMaximumHeight(60);

    m_contentTypeMode = new QComboBox;
    m_contentTypeMode->setObjectName(QStringLiteral("ruleContentTypeModeCombo"));
    m_contentTypeMode->addItem(tr("Usual for the reply"), int(ContentTypeMode::Default));
    m_contentTypeMode->addItem(tr("Custom"), int(ContentTypeMode::Custom));
    m_contentTypeMode->addItem(tr("No Content-Type header"), int(ContentTypeMode::Omit));
    m_contentType = new QLineEdit;
    m_contentType->setObjectName(QStringLiteral("ruleContentTypeEdit"));
    m_contentType->setPlaceholderText(QStringLiteral("text/html"));
    auto *contentTypeRow = new QHBoxLayout;
    contentTypeRow->addWidget(m_contentTypeMode);
    contentTypeRow->addWidget(m_contentType, 1);

    m_delay = new QDoubleSpinBox;
    m_delay->setObjectName(QStringLiteral("ruleDelaySpin"));
    m_delay->setRange(0, RuleAction::MaxDelayMs / 1000.0);
    m_delay->setDecimals(3);
    m_delay->setSuffix(tr(" s"));
    m_trickle = new QCheckBox(tr("Trickle: write the reply a few bytes at a time"));
    m_trickle->setObjectName(QStringLiteral("ruleTrickleCheck"));

    auto *box = new QGroupBox(tr("Action"));
    auto *form = new QFormLayout(box);
    form->addRow(tr("&Reply:"), m_kind);
    form->addRow(tr("&CRT:"), m_crtSource);
    form->addRow(tr("Own CRT:"), m_crt);
    form->addRow(QString(), m_crtError);
    form->addRow(tr("&Status:"), m_status);
    form->addRow(QString(), m_customBody);
    form->addRow(tr("&Body:"), m_body);
    form->addRow(tr("Content-Type:"), contentTypeRow);
    form->addRow(tr("&Delay:"), m_delay);
    form->addRow(QString(), m_trickle);

    auto changed = [this] {
        updateActionFields();
        updateProblems();
    };
    connect(m_kind, &QComboBox::currentIndexChanged, this, changed);
    connect(m_crtSource, &QComboBox::currentIndexChanged, this, changed);
    connect(m_contentTypeMode, &QComboBox::currentIndexChanged, this, changed);
    connect(m_customBody, &QCheckBox::toggled, this, changed);
    connect(m_status, &QSpinBox::valueChanged, this, changed);
    connect(m_delay, &QDoubleSpinBox::valueChanged, this, changed);
    connect(m_crt, &QPlainTextEdit::textChanged, this, changed);
    connect(m_body, &QPlainTextEdit::textChanged, this, changed);
    connect(m_contentType, &QLineEdit::textChanged, this, changed);
    return box;
}

void RuleEditorDialog::showRule(const Rule &rule)
{
    m_name->setText(rule.name);
    m_enabled->setChecked(rule.enabled);
    m_negate->setChecked(rule.negate);
    for (const RuleCondition &condition : rule.conditions)
        addCondition(condition);

    const RuleAction &action = rule.action;
    m_kind->setCurrentIndex(m_kind->findData(int(action.kind)));
    m_crtSource->setCurrentIndex(m_crtSource->findData(int(action.crtSource)));
    m_ownCrt = action.crt;
    m_crt->setPlainText(action.crt.isEmpty() ? QString()
                                             : QString::fromUtf8(QJsonDocument(action.crt).toJson(QJsonDocument::Indented)));
    m_status->setValue(action.status);
    m_customBody->setChecked(action.customBody);
    m_body->setPlainText(action.body);
    m_contentTypeMode->setCurrentIndex(m_contentTypeMode->findData(int(action.contentTypeMode)));
    m_contentType->setText(action.contentType);
    m_delay->setValue(action.delayMs / 1000.0);
    m_trickle->setChecked(action.trickle);
    updateActionFields();
}

void RuleEditorDialog::addCondition(const RuleCondition &condition)
{
    const int row = m_conditions->rowCount();
    m_conditions->insertRow(row);

    auto *subject = new QComboBox;
    subject->setObjectName(QStringLiteral("conditionSubjectCombo"));
    for (ConditionSubject each : Rules::allSubjects())
        subject->addItem(RuleText::subjectLabel(each), int(each));
    subject->setCurrentIndex(subject->findData(int(condition.subject)));

    auto *name = new QLineEdit(condition.name);
    name->setObjectName(QStringLiteral("conditionNameEdit"));

    auto *op = new QComboBox;
    op->setObjectName(QStringLiteral("conditionOperatorCombo"));
    for (ConditionOperator each : Rules::allOperators())
        op->addItem(RuleText::operatorLabel(each), int(each));
    op->setCurrentIndex(op->findData(int(condition.op)));

    auto *value = new QLineEdit(condition.op == ConditionOperator::OneOf ? condition.values.join(QStringLiteral(", "))
                                                                          : condition.value);
    value->setObjectName(QStringLiteral("conditionValueEdit"));

    auto *count = new QSpinBox;
    count->setObjectName(QStringLiteral("conditionCountSpin"));
    count->setRange(0, Rules::MaxCount);
    count->setValue(condition.count);

    auto *window = new QSpinBox;
    window->setObjectName(QStringLiteral("conditionWindowSpin"));
    window->setRange(1, Rules::MaxWindowSeconds);
    window->setValue(condition.windowSeconds);

    auto *ignoreCase = new QCheckBox;
    ignoreCase->setObjectName(QStringLiteral("conditionIgnoreCaseCheck"));
    ignoreCase->setChecked(condition.ignoreCase);
    auto *negate = new QCheckBox;
    negate->setObjectName(QStringLiteral("conditionNegateCheck"));
    negate->setChecked(condition.negate);

    m_conditions->setCellWidget(row, SubjectColumn, subject);
    m_conditions->setCellWidget(row, NameColumn, name);
    m_conditions->setCellWidget(row, OperatorColumn, op);
    m_conditions->setCellWidget(row, ValueColumn, value);
    m_conditions->setCellWidget(row, CountColumn, count);
    m_conditions->setCellWidget(row, WindowColumn, window);
    m_conditions->setCellWidget(row, IgnoreCaseColumn, ignoreCase);
    m_conditions->setCellWidget(row, NegateColumn, negate);

    // Rows move when one above is removed, so the handlers look their row up.
    auto changed = [this, subject] {
        for (int each = 0; each < m_conditions->rowCount(); ++each) {
            if (m_conditions->cellWidget(each, SubjectColumn) == subject)
                updateConditionRow(each);
        }
        updateProblems();
    };
    connect(subject, &QComboBox::currentIndexChanged, this, changed);
    connect(op, &QComboBox::currentIndexChanged, this, changed);
    connect(name, &QLineEdit::textChanged, this, changed);
    connect(value, &QLineEdit::textChanged, this, changed);
    connect(count, &QSpinBox::valueChanged, this, changed);
    connect(window, &QSpinBox::valueChanged, this, changed);
    connect(ignoreCase, &QCheckBox::toggled, this, changed);
    connect(negate, &QCheckBox::toggled, this, changed);

    updateConditionRow(row);
    updateProblems();
}

RuleCondition RuleEditorDialog::conditionAt(int row) const
{
    RuleCondition condition;
    condition.subject = ConditionSubject(qobject_cast<QComboBox *>(m_conditions->cellWidget(row, SubjectColumn))->currentData().toInt());
    condition.name = qobject_cast<QLineEdit *>(m_conditions->cellWidget(row, NameColumn))->text();
    condition.op = ConditionOperator(qobject_cast<QComboBox *>(m_conditions->cellWidget(row, OperatorColumn))->currentData().toInt());
    const QString value = qobject_cast<QLineEdit *>(m_conditions->cellWidget(row, ValueColumn))->text();
    if (condition.op == ConditionOperator::OneOf)
        condition.values = splitValues(value);
    else
        condition.value = value;
    condition.count = qobject_cast<QSpinBox *>(m_conditions->cellWidget(row, CountColumn))->value();
    condition.windowSeconds = qobject_cast<QSpinBox *>(m_conditions->cellWidget(row, WindowColumn))->value();
    condition.ignoreCase = qobject_cast<QCheckBox *>(m_conditions->cellWidget(row, IgnoreCaseColumn))->isChecked();
    condition.negate = qobject_cast<QCheckBox *>(m_conditions->cellWidget(row, NegateColumn))->isChecked();
    return condition;
}

// Enables the cells that the row's field and operator use.
void RuleEditorDialog::updateConditionRow(int row)
{
    const RuleCondition condition = conditionAt(row);
    const bool stateful = condition.isStateful();
    const bool named = condition.subject == ConditionSubject::Field || condition.subject == ConditionSubject::Header;
    const bool valued = !stateful && condition.op != ConditionOperator::Present && condition.op != ConditionOperator::Absent;

    m_conditions->cellWidget(row, NameColumn)->setEnabled(named);
    m_conditions->cellWidget(row, OperatorColumn)->setEnabled(!stateful);
    m_conditions->cellWidget(row, ValueColumn)->setEnabled(valued);
    m_conditions->cellWidget(row, CountColumn)->setEnabled(stateful);
    m_conditions->cellWidget(row, WindowColumn)->setEnabled(condition.subject == ConditionSubject::UserSessions);
    m_conditions->cellWidget(row, IgnoreCaseColumn)->setEnabled(valued);

    auto *name = qobject_cast<QLineEdit *>(m_conditions->cellWidget(row, NameColumn));
    name->setPlaceholderText(condition.subject == ConditionSubject::Header ? tr("header name")
                             : condition.subject == ConditionSubject::Field ? tr("e.g. requestMetadata.remoteAddr")
                                                                            : QString());
    auto *value = qobject_cast<QLineEdit *>(m_conditions->cellWidget(row, ValueColumn));
    value->setPlaceholderText(condition.op == ConditionOperator::OneOf ? tr("values separated by commas") : QString());
}

void RuleEditorDialog::updateActionFields()
{
    const auto kind = ActionKind(m_kind->currentData().toInt());
    const bool allow = kind == ActionKind::Allow;
    const bool deny = kind == ActionKind::Deny;
    const bool ownCrt = (allow && CrtSource(m_crtSource->currentData().toInt()) == CrtSource::Rule)
                        || kind == ActionKind::BrokenCrt;
    const bool sends = kind != ActionKind::CloseConnection && kind != ActionKind::NeverReply;

    m_crtSource->setEnabled(allow);
    m_crt->setEnabled(ownCrt);
    m_status->setEnabled(deny);
    m_customBody->setEnabled(deny);
    m_body->setEnabled((deny && m_customBody->isChecked()) || kind == ActionKind::NotJson);
    m_contentTypeMode->setEnabled(sends);
    m_contentType->setEnabled(sends && ContentTypeMode(m_contentTypeMode->currentData().toInt()) == ContentTypeMode::Custom);
    m_trickle->setEnabled(sends);
}

Rule RuleEditorDialog::rule() const
{
    Rule rule;
    rule.id = m_id;
    rule.name = m_name->text().trimmed();
    rule.enabled = m_enabled->isChecked();
    rule.negate = m_negate->isChecked();
    for (int row = 0; row < m_conditions->rowCount(); ++row)
        rule.conditions.append(conditionAt(row));

    RuleAction &action = rule.action;
    action.kind = ActionKind(m_kind->currentData().toInt());
    action.crtSource = CrtSource(m_crtSource->currentData().toInt());
    const QJsonDocument crt = QJsonDocument::fromJson(m_crt->toPlainText().toUtf8());
    action.crt = m_crt->toPlainText().trimmed().isEmpty() ? QJsonObject() : crt.isObject() ? crt.object() : m_ownCrt;
    action.status = m_status->value();
    action.customBody = m_customBody->isChecked();
    action.body = m_body->toPlainText();
    action.contentTypeMode = ContentTypeMode(m_contentTypeMode->currentData().toInt());
    action.contentType = m_contentType->text().trimmed();
    action.delayMs = qRound(m_delay->value() * 1000);
    action.trickle = m_trickle->isChecked();
    return rule;
}

void RuleEditorDialog::updateProblems()
{
    // Text that is not a JSON object keeps the last valid CRT and says so.
    QJsonParseError parseError;
    const QString crtText = m_crt->toPlainText();
    const QJsonDocument crt = QJsonDocument::fromJson(crtText.toUtf8(), &parseError);
    if (crtText.trimmed().isEmpty() || crt.isObject())
        m_crtError->clear();
    else if (parseError.error != QJsonParseError::NoError)
        m_crtError->setText(tr("Not applied: invalid JSON at byte %1: %2").arg(parseError.offset).arg(parseError.errorString()));
    else
        m_crtError->setText(tr("Not applied: the CRT must be a JSON object"));
    m_crtError->setVisible(!m_crtError->text().isEmpty());

    const QList<RuleProblem> problems = Rules::validate(rule());
    QStringList lines;
    for (const RuleProblem &problem : problems)
        lines.append(problem.field.isEmpty() ? problem.message : tr("%1: %2").arg(problem.field, problem.message));
    m_problems->setText(problems.isEmpty()
                            ? QString()
                            : tr("The rule is skipped until these are fixed; you can save it anyway:\n%1")
                                  .arg(lines.join(QLatin1Char('\n'))));
    m_problems->setVisible(!problems.isEmpty());
}
