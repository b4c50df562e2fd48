#include "requestlogpanel.h"

#include "exchangefilter.h"

#include <QStyle>

#include "exchangefiltermodel.h"
#include "exchangelogmodel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

// Long enough to wait for the next keystroke before filtering 100,000 rows.
constexpr int FilterDelayMs = 150;

} // namespace

RequestLogPanel::RequestLogPanel(QWidget *parent)
    : QWidget(parent)
    , m_log(new ExchangeLogModel(this))
    , m_filter(new ExchangeFilterModel(m_log, this))
    , m_filterDelay(new QTimer(this))
{
    m_log->setObjectName(QStringLiteral("exchangeLogModel"));
    m_filter->setObjectName(QStringLiteral("exchangeFilterModel"));
    m_filterDelay->setSingleShot(true);
    m_filterDelay->setInterval(FilterDelayMs);

    buildActions();
    buildLayout();

    connect(m_filterEdit, &QLineEdit::textChanged, m_filterDelay, qOverload<>(&QTimer::start));
    connect(m_filterDelay, &QTimer::timeout, this, [this] {
        const std::optional<FilterError> error = m_filter->setFilterText(m_filterEdit->text());
        QPalette palette = m_filterEdit->style()->standardPalette();
        if (error)
            palette.setColor(QPalette::Text, QColor(0xc0, 0x20, 0x20));
        m_filterEdit->setPalette(palette);
        m_filterEdit->setToolTip(error ? error->message : m_filterHelp);
        updateCountLabel();
    });

    connect(m_filter, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_followAction->isChecked())
            m_view->scrollToBottom();
        updateCountLabel();
    });
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &RequestLogPanel::updateCountLabel);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &RequestLogPanel::updateCountLabel);
    connect(m_log, &ExchangeLogModel::droppedWhilePausedChanged, this, &RequestLogPanel::updateCountLabel);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RequestLogPanel::showCurrentRow);

    // When the log drops its oldest rows, the selection model moves the current
    // row. The detail pane keeps showing the exchange the user picked.
    connect(m_log, &ExchangeLogModel::trimStarted, this, [this] { m_trimming = true; });
    connect(m_log, &ExchangeLogModel::trimFinished, this, [this] { m_trimming = false; });
    updateCountLabel();
}

void RequestLogPanel::buildActions()
{
    m_followAction = new QAction(tr("&Follow Newest"), this);
    m_followAction->setObjectName(QStringLiteral("followNewestAction"));
    m_followAction->setCheckable(true);
    m_followAction->setChecked(true);
    m_followAction->setToolTip(tr("Keep the newest exchange in view"));
    connect(m_followAction, &QAction::toggled, this, [this](bool follow) {
        if (follow)
            m_view->scrollToBottom();
    });

    m_pauseAction = new QAction(tr("&Pause Capture"), this);
    m_pauseAction->setObjectName(QStringLiteral("pauseCaptureAction"));
    m_pauseAction->setCheckable(true);
    m_pauseAction->setToolTip(tr("Stop adding exchanges to the log; callbacks are still answered"));
    connect(m_pauseAction, &QAction::toggled, m_log, &ExchangeLogModel::setPaused);
    connect(m_pauseAction, &QAction::toggled, this, &RequestLogPanel::updateCountLabel);

    m_clearAction = new QAction(tr("&Clear Log"), this);
    m_clearAction->setObjectName(QStringLiteral("clearLogAction"));
    m_clearAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(m_clearAction, &QAction::triggered, m_log, &ExchangeLogModel::clear);

    m_findAction = new QAction(tr("F&ilter Log"), this);
    m_findAction->setObjectName(QStringLiteral("filterLogAction"));
    m_findAction->setShortcut(QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, this, [this] {
        m_filterEdit->setFocus(Qt::ShortcutFocusReason);
        m_filterEdit->selectAll();
    });
}

void RequestLogPanel::buildLayout()
{
    m_filterEdit = new QLineEdit(this);
    m_filterEdit->setObjectName(QStringLiteral("logFilterEdit"));
    m_filterEdit->setPlaceholderText(tr("Filter: words in asset, user or session, or terms such as user:bob status:4xx"));
    m_filterHelp = ExchangeFilter::syntaxHelp();
    m_filterEdit->setToolTip(m_filterHelp);
    m_filterEdit->setClearButtonEnabled(true);

    auto makeButton = [this](QAction *action, const QString &name) {
        auto *button = new QToolButton(this);
        button->setObjectName(name);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        return button;
    };

    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("logCountLabel"));

    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(m_filterEdit, 1);
    toolbar->addWidget(makeButton(m_followAction, QStringLiteral("followNewestButton")));
    toolbar->addWidget(makeButton(m_pauseAction, QStringLiteral("pauseCaptureButton")));
    toolbar->addWidget(makeButton(m_clearAction, QStringLiteral("clearLogButton")));
    toolbar->addWidget(m_countLabel);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("logView"));
    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->verticalHeader()->hide();
    // Fixed row heights and no resize-to-contents keep 100,000 rows cheap to lay out.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);

    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    const int digit = m_view->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    const struct {
        int column;
        int characters;
    } widths[] = {
        {ExchangeLogModel::TimeColumn, 12},     {ExchangeLogModel::MethodColumn, 6},
        {ExchangeLogModel::AssetColumn, 14},    {ExchangeLogModel::UserColumn, 10},
        {ExchangeLogModel::SessionColumn, 12},  {ExchangeLogModel::DrmSchemeColumn, 11},
        {ExchangeLogModel::ClientIpColumn, 12}, {ExchangeLogModel::DecisionColumn, 8},
        {ExchangeLogModel::StatusColumn, 6},
    };
    for (const auto &width : widths)
        header->resizeSection(width.column, digit * width.characters + 12);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(toolbar);
    layout->addWidget(m_view, 1);
}

void RequestLogPanel::showCurrentRow(const QModelIndex &current)
{
    if (m_trimming)
        return;
    const QModelIndex source = m_filter->mapToSource(current);
    if (!source.isValid()) {
        emit selectionCleared();
        return;
    }
    emit exchangeSelected(m_log->exchangeAt(source.row()));
}

void RequestLogPanel::updateCountLabel()
{
    const int total = m_log->rowCount();
    QString text = m_filter->filterText().isEmpty()
        ? tr("%n exchange(s)", nullptr, total)
        : tr("%1 of %n exchange(s)", nullptr, total).arg(m_filter->rowCount());
    if (m_log->isPaused()) {
        text += QLatin1Char(' ')
            + tr("(capture paused, %n not recorded)", nullptr, int(qMin<quint64>(m_log->droppedWhilePaused(), INT_MAX)));
    }
    m_countLabel->setText(text);
}
