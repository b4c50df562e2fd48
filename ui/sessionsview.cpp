#include "sessionsview.h"

#include "decisioncolors.h"
#include "logreaderthread.h"
#include "uilogging.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardItemModel>
#include <QTableView>
#include <QUuid>
#include <QVBoxLayout>

namespace {

struct GroupRow
{
    QString key;
    QString other;  // the user of a session, or the number of sessions of a user
    qint64 count = 0;
    qint64 firstMs = 0;
    qint64 lastMs = 0;
    qint64 allowed = 0;
    qint64 denied = 0;
    qint64 rejected = 0;
};

struct GroupResult
{
    QList<GroupRow> rows;
    QString error;
};

// NOTE: ExchangeStoreReader has no grouping query, so this reads the log's
// exchanges table on its own read-only connection, in the reader's thread.
GroupResult queryGroups(const QString &fileName, bool fullTextIndex, const ExchangeFilter &filter,
                        SessionsView::Grouping grouping)
{
    GroupResult result;
    const QString connection = QStringLiteral("sessions-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(fileName);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"));
        if (!db.open()) {
            result.error = db.lastError().text();
        } else {
            const ExchangeFilter::SqlWhere where = filter.toSql(QDateTime::currentDateTimeUtc(), fullTextIndex);
            const bool bySession = grouping == SessionsView::Grouping::Session;
            const QString key = bySession ? QStringLiteral("session") : QStringLiteral("user");
            const QString other = bySession ? QStringLiteral("max(user)") : QStringLiteral("count(DISTINCT session)");
            QSqlQuery query(db);
            query.prepare(QStringLiteral("SELECT %1, %2, count(*), min(received_at), max(received_at),"
                                         " sum(decision = 'allow'), sum(decision = 'deny'), sum(decision = 'rejected')"
                                         " FROM exchanges WHERE %3 GROUP BY %1 ORDER BY count(*) DESC, max(received_at) DESC"
                                         " LIMIT %4")
                              .arg(key, other, where.sql)
                              .arg(SessionsView::MaxGroups));
            for (const QVariant &binding : where.bindings)
                query.addBindValue(binding);
            if (!query.exec()) {
                result.error = query.lastError().text();
            } else {
                while (query.next()) {
                    GroupRow row;
                    row.key = query.value(0).toString();
                    row.other = query.value(1).toString();
                    row.count = query.value(2).toLongLong();
                    row.firstMs = query.value(3).toLongLong();
                    row.lastMs = query.value(4).toLongLong();
                    row.allowed = query.value(5).toLongLong();
                    row.denied = query.value(6).toLongLong();
                    row.rejected = query.value(7).toLongLong();
                    result.rows.append(row);
                }
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return result;
}

QString timeText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
}

} // namespace

SessionsView::SessionsView(LogReaderThread *reader, QWidget *parent)
    : QWidget(parent)
    , m_reader(reader)
    , m_groupingBox(new QComboBox(this))
    , m_statusLabel(new QLabel(this))
    , m_view(new QTableView(this))
    , m_model(new QStandardItemModel(this))
{
    m_groupingBox->setObjectName(QStringLiteral("sessionsGroupingBox"));
    m_groupingBox->addItem(tr("By session"));
    m_groupingBox->addItem(tr("By user"));
    m_statusLabel->setObjectName(QStringLiteral("sessionsStatusLabel"));
    m_view->setObjectName(QStringLiteral("sessionsTable"));
    m_model->setObjectName(QStringLiteral("sessionsModel"));
    m_view->setModel(m_model);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);

    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(m_groupingBox);
    toolbar->addWidget(m_statusLabel, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(toolbar);
    layout->addWidget(m_view, 1);

    connect(m_groupingBox, &QComboBox::currentIndexChanged, this, [this](int index) {
        setGrouping(index == 1 ? Grouping::User : Grouping::Session);
    });
    connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        const QString key = m_model->index(index.row(), 0).data().toString();
        const QString field = m_grouping == Grouping::Session ? QStringLiteral("session") : QStringLiteral("user");
        QString quoted = key;
        quoted.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
        emit groupActivated(QStringLiteral("%1:\"%2\"").arg(field, quoted));
    });
}

void SessionsView::setGrouping(Grouping grouping)
{
    m_grouping = grouping;
    {
        const QSignalBlocker blocker(m_groupingBox);
        m_groupingBox->setCurrentIndex(grouping == Grouping::User ? 1 : 0);
    }
    refresh(m_filter);
}

void SessionsView::refresh(const ExchangeFilter &filter)
{
    m_filter = filter;
    const int generation = ++m_generation;
    const Grouping grouping = m_grouping;
    m_statusLabel->setText(tr("Counting..."));

    m_reader->run(
        this,
        [filter, grouping](ExchangeStoreReader &reader) {
            if (!reader.isOpen())
                return GroupResult{{}, tr("the request log is not open")};
            return queryGroups(reader.fileName(), reader.hasFullTextIndex(), filter, grouping);
        },
        [this, generation, grouping](const GroupResult &result) {
            if (generation != m_generation)
                return;
            if (!result.error.isEmpty()) {
                qCWarning(lcUi).noquote() << "Grouping the request log failed:" << result.error;
                m_statusLabel->setText(tr("Grouping failed: %1").arg(result.error));
                return;
            }

            const bool bySession = grouping == Grouping::Session;
            m_model->clear();
            m_model->setHorizontalHeaderLabels({bySession ? tr("Session") : tr("User"),
                                                bySession ? tr("User") : tr("Sessions"), tr("Exchanges"),
                                                tr("First"), tr("Last"), tr("Allowed"), tr("Denied"),
                                                tr("Rejected")});
            for (const GroupRow &row : result.rows) {
                QList<QStandardItem *> items{
                    new QStandardItem(row.key),
                    new QStandardItem(row.other),
                    new QStandardItem(QString::number(row.count)),
                    new QStandardItem(timeText(row.firstMs)),
                    new QStandardItem(timeText(row.lastMs)),
                    new QStandardItem(QString::number(row.allowed)),
                    new QStandardItem(QString::number(row.denied)),
                    new QStandardItem(QString::number(row.rejected)),
                };
                // Repeated calls and mixed decisions stand out.
                if (row.rejected > 0 || (row.allowed > 0 && row.denied > 0)) {
                    for (QStandardItem *item : items)
                        item->setBackground(DecisionColors::problemTint());
                } else if (row.count > 1) {
                    QFont bold = items.constFirst()->font();
                    bold.setBold(true);
                    items.at(2)->setFont(bold);
                }
                m_model->appendRow(items);
            }
            m_statusLabel->setText(result.rows.size() >= MaxGroups
                                       ? tr("The %n largest groups", nullptr, MaxGroups)
                                       : tr("%n group(s)", nullptr, int(result.rows.size())));
            emit updated();
        });
}
