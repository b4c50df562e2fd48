#include "counterspanel.h"

#include "ruleengine.h"
#include "settingsstore.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace {

// Rows shown per table; the engine keeps up to RuleEngine::DefaultMaxEntries.
constexpr int MaxShownRows = 1000;
constexpr int PollIntervalMs = 1000;

QTableWidget *makeTable(const QStringList &headers, const QString &name)
{
    auto *table = new QTableWidget(0, int(headers.size()));
    table->setObjectName(name);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

QString timeText(qint64 milliseconds)
{
    return QDateTime::fromMSecsSinceEpoch(milliseconds).toLocalTime().toString(QStringLiteral("HH:mm:ss"));
}

void setRow(QTableWidget *table, int row, const QStringList &cells)
{
    for (int column = 0; column < cells.size(); ++column)
        table->setItem(row, column, new QTableWidgetItem(cells.at(column)));
}

} // namespace

CountersPanel::CountersPanel(SettingsStore *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_poll(new QTimer(this))
{
    m_sessions = makeTable({tr("Session"), tr("User"), tr("Callbacks"), tr("First seen"), tr("Last seen")},
                           QStringLiteral("sessionCountersTable"));
    m_users = makeTable({tr("User"), tr("Callbacks"), tr("Recent sessions"), tr("First seen"), tr("Last seen")},
                        QStringLiteral("userCountersTable"));

    auto *tabs = new QTabWidget;
    tabs->addTab(m_sessions, tr("Sessions"));
    tabs->addTab(m_users, tr("Users"));

    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("countersSummary"));
    auto *reset = new QPushButton(tr("&Reset Counters"));
    reset->setObjectName(QStringLiteral("resetCountersButton"));
    reset->setToolTip(tr("Forget every session and user, so stateful rule conditions count from zero"));
    connect(reset, &QPushButton::clicked, this, [this] {
        m_store->ruleEngine()->resetCounters();
        refresh();
    });

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_summary, 1);
    bottom->addWidget(reset);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs, 1);
    layout->addLayout(bottom);

    // The engine counts on the responder thread; polling its change count is cheap.
    m_poll->setInterval(PollIntervalMs);
    connect(m_poll, &QTimer::timeout, this, &CountersPanel::refresh);
    m_poll->start();
    refresh();
}

void CountersPanel::refresh()
{
    RuleEngine *engine = m_store->ruleEngine();
    if (engine->changeCount() == m_shownChange)
        return;
    m_shownChange = engine->changeCount();

    const CounterSnapshot snapshot = engine->counters();
    const QLocale locale;

    const int sessionRows = int(qMin<qsizetype>(snapshot.sessions.size(), MaxShownRows));
    m_sessions->setRowCount(sessionRows);
    for (int row = 0; row < sessionRows; ++row) {
        const SessionCounter &counter = snapshot.sessions.at(row);
        setRow(m_sessions, row, {counter.session, counter.user, locale.toString(counter.callbacks),
                                 timeText(counter.firstSeenMs), timeText(counter.lastSeenMs)});
    }

    const int userRows = int(qMin<qsizetype>(snapshot.users.size(), MaxShownRows));
    m_users->setRowCount(userRows);
    for (int row = 0; row < userRows; ++row) {
        const UserCounter &counter = snapshot.users.at(row);
        setRow(m_users, row, {counter.user, locale.toString(counter.callbacks), locale.toString(counter.recentSessions),
                              timeText(counter.firstSeenMs), timeText(counter.lastSeenMs)});
    }

    m_summary->setText(tr("%1 sessions, %2 users").arg(snapshot.sessions.size()).arg(snapshot.users.size()));
}
