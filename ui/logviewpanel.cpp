#include "logviewpanel.h"

#include "filedialogs.h"
#include "curlcommand.h"
#include "exchangedetailview.h"
#include "exchangefilter.h"
#include "exchangeimport.h"
#include "exchangestore.h"
#include "exchangestorereader.h"
#include "harformat.h"
#include "jsonlinesformat.h"
#include "logreaderthread.h"
#include "exportdialog.h"
#include "redactor.h"
#include "sessionsview.h"
#include "storedlogmodel.h"
#include "uilogging.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <memory>

namespace {

// New commits are shown at most this often, so a flood costs a few queries a second.
constexpr int RefreshIntervalMs = 250;
constexpr int FilterDelayMs = 150;
constexpr int ExportBatch = 500;

// Walks the exchanges to export: the listed ones, or all matching the filter.
template <typename Visit>
StoreResult<> forEachExchange(ExchangeStoreReader &reader, const ExchangeFilter &filter,
                              const QList<qint64> &logIds, Visit visit)
{
    if (!logIds.isEmpty()) {
        for (const qint64 logId : logIds) {
            const auto stored = reader.load(logId);
            if (!stored)
                return stored.error();
            visit(*stored);
        }
        return std::monostate();
    }
    qint64 after = 0;
    for (;;) {
        const auto batch = reader.loadAfter(filter, after, ExportBatch);
        if (!batch)
            return batch.error();
        if (batch->isEmpty())
            return std::monostate();
        for (const StoredExchange &stored : *batch)
            visit(stored);
        after = batch->constLast().logId;
    }
}

// The table of the stored log. QAbstractItemView's type-ahead search reads
// rows one after another until one matches, so on a large log it reads every
// page. Typed text goes to the filter box instead.
class StoredLogTableView : public QTableView
{
public:
    using QTableView::QTableView;
    std::function<void(const QString &)> onTyped;

    void keyboardSearch(const QString &search) override
    {
        if (onTyped)
            onTyped(search);
    }
};

} // namespace

LogViewPanel::LogViewPanel(QWidget *parent)
    : QWidget(parent)
    , m_store(new ExchangeStore(this))
    , m_reader(new LogReaderThread(this))
    , m_model(new StoredLogModel(m_reader, this))
    , m_refreshTimer(new QTimer(this))
    , m_filterDelay(new QTimer(this))
{
    m_model->setObjectName(QStringLiteral("storedLogModel"));
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(RefreshIntervalMs);
    m_filterDelay->setSingleShot(true);
    m_filterDelay->setInterval(FilterDelayMs);

    buildActions();
    buildLayout();

    connect(m_store, &ExchangeStore::committed, this, [this] {
        if (!m_refreshTimer->isActive())
            m_refreshTimer->start();
    });
    connect(m_store, &ExchangeStore::writeFailed, this, [this](const QString &message) {
        qCWarning(lcUi).noquote() << "Request log write failed:" << message;
        emit logFailed(message);
    });
    connect(m_refreshTimer, &QTimer::timeout, m_model, &StoredLogModel::refresh);
    connect(m_filterEdit, &QLineEdit::textChanged, m_filterDelay, qOverload<>(&QTimer::start));
    connect(m_filterDelay, &QTimer::timeout, this, [this] { applyFilterText(m_filterEdit->text()); });

    connect(m_model, &StoredLogModel::countChanged, this, &LogViewPanel::updateCountLabel);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_followAction->isChecked())
            return;
        if (m_model->sortOrder().order == Qt::DescendingOrder)
            m_view->scrollToTop();
        else
            m_view->scrollToBottom();
    });
    connect(m_model, &StoredLogModel::queryFailed, this, [this](const QString &message) {
        m_countLabel->setText(tr("Reading the log failed: %1").arg(message));
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &LogViewPanel::showCurrentRow);
    // Page data arriving for the current row fills in its log id. When a
    // live update under a latency or status sort moved the exchange shown in
    // the details, the selection follows it, or is dropped when it is not
    // among the rows read, so export never takes a different exchange.
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        const QModelIndex current = m_view->currentIndex();
        if (!current.isValid())
            return;
        if (m_selectedLogId == 0) {
            showCurrentRow(current);
            return;
        }
        const qint64 rowLogId = m_model->logIdAt(current.row());
        if (rowLogId == 0 || rowLogId == m_selectedLogId)
            return;
        const int row = m_model->rowOfLogId(m_selectedLogId);
        if (row >= 0) {
            m_view->selectionModel()->setCurrentIndex(m_model->index(row, current.column()),
                                                      QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        } else {
            m_view->selectionModel()->clear();
        }
    });
}

LogViewPanel::~LogViewPanel()
{
    if (m_openWorker)
        m_openWorker->wait();
    // The reader thread stops before the model it reports to.
    delete m_reader;
    m_reader = nullptr;
    m_store->close();
}

void LogViewPanel::buildActions()
{
    m_followAction = new QAction(tr("&Follow Newest"), this);
    m_followAction->setObjectName(QStringLiteral("logFollowNewestAction"));
    m_followAction->setCheckable(true);
    m_followAction->setChecked(true);
    m_followAction->setToolTip(tr("Keep the newest exchange in view"));

    m_pauseAction = new QAction(tr("&Pause Capture"), this);
    m_pauseAction->setObjectName(QStringLiteral("logPauseCaptureAction"));
    m_pauseAction->setCheckable(true);
    m_pauseAction->setToolTip(tr("Stop storing exchanges in the log; callbacks are still answered"));

    m_copyCurlAction = new QAction(tr("Copy as &curl"), this);
    m_copyCurlAction->setObjectName(QStringLiteral("copyCurlAction"));
    m_copyCurlAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_copyCurlAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_copyCurlAction, &QAction::triggered, this, &LogViewPanel::copyAsCurl);
    addAction(m_copyCurlAction);

    m_exportAction = new QAction(tr("&Export..."), this);
    m_exportAction->setObjectName(QStringLiteral("exportLogAction"));
    connect(m_exportAction, &QAction::triggered, this, &LogViewPanel::exportWithDialog);

    m_importAction = new QAction(tr("&Import..."), this);
    m_importAction->setObjectName(QStringLiteral("importLogAction"));
    connect(m_importAction, &QAction::triggered, this, &LogViewPanel::importWithDialog);

    m_columnsAction = new QAction(tr("Add Field &Column..."), this);
    m_columnsAction->setObjectName(QStringLiteral("fieldColumnsAction"));
    m_columnsAction->setToolTip(tr("Show a callback body field by name as a column"));
    connect(m_columnsAction, &QAction::triggered, this, &LogViewPanel::chooseFieldColumns);
}

void LogViewPanel::buildLayout()
{
    m_filterEdit = new QLineEdit(this);
    m_filterEdit->setObjectName(QStringLiteral("storedLogFilterEdit"));
    m_filterEdit->setPlaceholderText(tr("Filter: user:bob status:4xx -decision:allow text (Ctrl+F)"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setToolTip(ExchangeFilter::syntaxHelp());

    m_filterError = new QLabel(this);
    m_filterError->setObjectName(QStringLiteral("storedLogFilterError"));
    m_filterError->setStyleSheet(QStringLiteral("QLabel { color: #c62828; }"));
    m_filterError->setWordWrap(true);
    m_filterError->hide();

    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("storedLogCountLabel"));

    auto makeButton = [this](QAction *action, const QString &name) {
        auto *button = new QToolButton(this);
        button->setObjectName(name);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        return button;
    };

    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(m_filterEdit, 1);
    toolbar->addWidget(makeButton(m_followAction, QStringLiteral("logFollowNewestButton")));
    toolbar->addWidget(makeButton(m_pauseAction, QStringLiteral("logPauseCaptureButton")));
    toolbar->addWidget(makeButton(m_columnsAction, QStringLiteral("fieldColumnsButton")));
    toolbar->addWidget(makeButton(m_exportAction, QStringLiteral("exportLogButton")));
    toolbar->addWidget(makeButton(m_importAction, QStringLiteral("importLogButton")));
    toolbar->addWidget(m_countLabel);

    auto *view = new StoredLogTableView(this);
    view->onTyped = [this](const QString &text) {
        m_filterEdit->setFocus(Qt::ShortcutFocusReason);
        m_filterEdit->insert(text);
    };
    m_view = view;
    m_view->setObjectName(QStringLiteral("storedLogView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->setSortingEnabled(true);
    m_view->horizontalHeader()->setSortIndicator(StoredLogModel::TimeColumn, Qt::DescendingOrder);
    m_view->verticalHeader()->hide();
    // Fixed row heights keep a million rows cheap to lay out.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addAction(m_copyCurlAction);

    m_detail = new ExchangeDetailView(this);
    m_detail->setObjectName(QStringLiteral("storedLogDetailView"));
    // The window has another detail pane; tests find widgets by name, so
    // these names must differ from its names.
    const QList<QWidget *> detailWidgets = m_detail->findChildren<QWidget *>();
    for (QWidget *widget : detailWidgets) {
        if (!widget->objectName().isEmpty())
            widget->setObjectName(QStringLiteral("storedLog_") + widget->objectName());
    }

    m_sessions = new SessionsView(m_reader, this);
    m_sessions->setObjectName(QStringLiteral("sessionsView"));
    connect(m_sessions, &SessionsView::groupActivated, this, [this](const QString &filterText) {
        applyFilterText(filterText);
    });

    m_lowerTabs = new QTabWidget(this);
    m_lowerTabs->setObjectName(QStringLiteral("storedLogLowerTabs"));
    m_lowerTabs->addTab(m_detail, tr("Exchange"));
    m_lowerTabs->addTab(m_sessions, tr("Sessions"));

    // The grouping reads the whole filtered log, so it reruns at most every
    // few seconds and only while its tab is shown.
    m_sessionsTimer = new QTimer(this);
    m_sessionsTimer->setSingleShot(true);
    m_sessionsTimer->setInterval(2000);
    connect(m_sessionsTimer, &QTimer::timeout, this, [this] {
        if (m_lowerTabs->currentWidget() == m_sessions)
            m_sessions->refresh(m_model->filter());
    });
    connect(m_lowerTabs, &QTabWidget::currentChanged, this, [this] {
        if (m_lowerTabs->currentWidget() == m_sessions)
            m_sessions->refresh(m_model->filter());
    });
    connect(m_model, &StoredLogModel::settled, this, [this] {
        if (m_lowerTabs->currentWidget() == m_sessions && !m_sessionsTimer->isActive())
            m_sessionsTimer->start();
    });

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("storedLogSplitter"));
    splitter->addWidget(m_view);
    splitter->addWidget(m_lowerTabs);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(toolbar);
    layout->addWidget(m_filterError);
    layout->addWidget(splitter, 1);
}

void LogViewPanel::openLog(const QString &fileName)
{
    if (m_openWorker) {
        m_queuedOpen = fileName;
        return;
    }

    // The store is not touched on this thread until the worker has finished.
    auto opened = std::make_shared<StoreResult<>>(StoreError{});
    ExchangeStore *store = m_store;
    m_openWorker = QThread::create([store, fileName, opened] { *opened = store->open(fileName); });
    m_openWorker->setParent(this);
    connect(m_openWorker, &QThread::finished, this, [this, fileName, opened] {
        m_openWorker->deleteLater();
        m_openWorker = nullptr;
        finishOpen(fileName, *opened);
    });
    m_openWorker->start();
}

void LogViewPanel::finishOpen(const QString &fileName, const StoreResult<> &opened)
{
    const QList<Exchange> heldExchanges = std::exchange(m_held, {});
    if (!m_queuedOpen.isEmpty()) {
        m_held = heldExchanges;
        openLog(std::exchange(m_queuedOpen, QString()));
        return;
    }

    if (!opened) {
        qCWarning(lcUi).noquote() << opened.error().toString();
        if (!heldExchanges.isEmpty())
            qCWarning(lcUi) << "Request log: not storing" << heldExchanges.size() << "exchanges received while opening";
        showLogProblem(fileName, opened.error());
        emit logFailed(opened.error().toString());
        return;
    }

    qCInfo(lcUi) << "Request log" << m_store->fileName() << "opened";
    if (!heldExchanges.isEmpty())
        m_store->append(heldExchanges);
    m_reader->setFileName(m_store->fileName());
    m_model->reload();
    emit logOpened(m_store->fileName());
}

// The box does not block the event loop, so callbacks are still answered
// while it is open. The old file is never deleted.
void LogViewPanel::showLogProblem(const QString &fileName, const StoreError &error)
{
    const QString newFile = ExchangeStore::proposeNewFileName(fileName);
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Request log not opened"),
                                tr("The request log %1 could not be opened: %2")
                                    .arg(QDir::toNativeSeparators(fileName), error.message),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("logErrorBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("Exchanges are answered but not stored until a log is open. The file is left "
                               "as it is. Use a new file %1?")
                                .arg(QDir::toNativeSeparators(newFile)));
    QPushButton *useNew = box->addButton(tr("Use New File"), QMessageBox::AcceptRole);
    useNew->setObjectName(QStringLiteral("useNewLogButton"));
    box->addButton(tr("Continue Without Log"), QMessageBox::RejectRole);
    connect(box, &QMessageBox::buttonClicked, this, [this, useNew, newFile](QAbstractButton *button) {
        if (button == useNew)
            openLog(newFile);
    });
    box->open();
}

void LogViewPanel::append(const QList<Exchange> &exchanges)
{
    if (m_pauseAction->isChecked()) {
        m_droppedWhilePaused += quint64(exchanges.size());
        return;
    }
    if (m_openWorker) {
        const qsizetype room = qMax<qsizetype>(0, MaxHeldExchanges - m_held.size());
        if (exchanges.size() > room)
            qCWarning(lcUi) << "Request log: still opening; dropping" << exchanges.size() - room << "exchanges";
        m_held.append(exchanges.mid(0, room));
        return;
    }
    m_store->append(exchanges);
}

std::shared_ptr<const ExchangeStoreBacklog> LogViewPanel::storeBacklog() const
{
    return m_store->backlog();
}

void LogViewPanel::showSessions()
{
    m_lowerTabs->setCurrentWidget(m_sessions);
    m_sessions->refresh(m_model->filter());
}

bool LogViewPanel::applyFilterText(const QString &text)
{
    if (m_filterEdit->text() != text) {
        const QSignalBlocker blocker(m_filterEdit);
        m_filterEdit->setText(text);
    }

    const FilterParseResult parsed = ExchangeFilter::parse(text);
    if (!parsed) {
        // The previous filter stays applied, and the error names the column at fault.
        m_filterError->setText(parsed.error().message);
        m_filterError->show();
        m_filterEdit->setStyleSheet(QStringLiteral("QLineEdit { border: 1px solid #c62828; }"));
        m_filterInvalid = true;
        updateCountLabel(m_model->rowCount());
        return false;
    }
    m_filterInvalid = false;
    m_filterError->clear();
    m_filterError->hide();
    m_filterEdit->setStyleSheet(QString());
    // Free text on a large log scans every row; the count replaces this.
    m_countLabel->setText(tr("Searching…"));
    m_model->setFilter(parsed.filter());
    if (m_lowerTabs->currentWidget() == m_sessions)
        m_sessions->refresh(parsed.filter());
    return true;
}

QString LogViewPanel::filterError() const
{
    return m_filterError->isVisible() || !m_filterError->text().isEmpty() ? m_filterError->text() : QString();
}

void LogViewPanel::updateCountLabel(qint64 rows)
{
    QString text = m_model->filter().isEmpty() ? tr("%n exchange(s)", nullptr, int(qMin<qint64>(rows, INT_MAX)))
                                               : tr("%n matching", nullptr, int(qMin<qint64>(rows, INT_MAX)));
    if (m_pauseAction->isChecked())
        text += QLatin1Char(' ') + tr("(capture paused, %n not stored)", nullptr,
                                      int(qMin<quint64>(m_droppedWhilePaused, INT_MAX)));
    if (m_filterInvalid)
        text += QLatin1Char(' ') + tr("(previous filter still applies)");
    // The responder waits for a log that falls behind, so only failed writes
    // and exchanges left over at the queue's limit end up here.
    const qint64 dropped = m_store->statistics().droppedExchanges;
    if (dropped > 0) {
        text += QLatin1Char(' ') + tr("(%n exchange(s) could not be stored since the log was opened)", nullptr,
                                      int(qMin<qint64>(dropped, INT_MAX)));
    }
    m_countLabel->setText(text);
}

void LogViewPanel::showCurrentRow(const QModelIndex &current)
{
    const qint64 logId = current.isValid() ? current.data(StoredLogModel::LogIdRole).toLongLong() : 0;
    m_selectedLogId = logId;
    if (logId == 0)
        return;
    m_reader->run(
        this, [logId](ExchangeStoreReader &reader) { return reader.load(logId); },
        [this, logId](const StoreResult<StoredExchange> &stored) {
            if (logId != m_selectedLogId)
                return;
            if (stored)
                m_detail->showStoredExchange(*stored);
            else
                m_countLabel->setText(stored.error().toString());
        });
}

void LogViewPanel::copyAsCurl()
{
    const qint64 logId = m_selectedLogId;
    if (logId == 0)
        return;
    m_reader->run(
        this, [logId](ExchangeStoreReader &reader) { return reader.load(logId); },
        [this](const StoreResult<StoredExchange> &stored) {
            if (!stored) {
                m_countLabel->setText(stored.error().toString());
                return;
            }
            CurlOptions options;
            options.noProxy = true;
            const QString command = CurlCommand::build(stored->exchange.request, options);
            QApplication::clipboard()->setText(command);
            emit curlCopied(command);
        });
}

void LogViewPanel::chooseFieldColumns()
{
    bool ok = false;
    const QString text = QInputDialog::getText(
        this, tr("Field Columns"),
        tr("Callback body fields to show as columns, separated by commas (a dot for nested fields):"),
        QLineEdit::Normal, m_model->fieldColumns().join(QStringLiteral(", ")), &ok);
    if (!ok)
        return;
    QStringList names;
    for (const QString &name : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!name.trimmed().isEmpty())
            names.append(name.trimmed());
    }
    m_model->setFieldColumns(names);
}

void LogViewPanel::exportWithDialog()
{
    const QList<qint64> selected = selectedLogIds();
    ExportDialog dialog(int(selected.size()), m_model->rowCount(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QList<qint64> selectedIds = dialog.selectedOnly() ? selected : QList<qint64>();
    const QString nameFilter = dialog.har() ? tr("HAR (*.har)") : tr("JSON Lines (*.jsonl)");
    QString fileName = FileDialogs::saveFileName(this, tr("Export Exchanges"), QString(), nameFilter);
    if (fileName.isEmpty())
        return;
    // A name typed with the other format's extension selects that format;
    // a name without either gets the chosen format's extension.
    bool har = dialog.har();
    if (fileName.endsWith(QLatin1String(".har"), Qt::CaseInsensitive))
        har = true;
    else if (fileName.endsWith(QLatin1String(".jsonl"), Qt::CaseInsensitive))
        har = false;
    else
        fileName += har ? QStringLiteral(".har") : QStringLiteral(".jsonl");
    exportTo(fileName, har, dialog.redact(), selectedIds);
}

QList<qint64> LogViewPanel::selectedLogIds() const
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QList<qint64> logIds;
    for (const QModelIndex &row : rows) {
        const qint64 logId = row.data(StoredLogModel::LogIdRole).toLongLong();
        if (logId > 0)
            logIds.append(logId);
    }
    return logIds;
}

void LogViewPanel::exportTo(const QString &fileName, bool har, bool redact, const QList<qint64> &logIds)
{
    if (m_openWorker || !m_store->isOpen()) {
        emit exportFinished(false, tr("The request log is not open"));
        return;
    }
    const QString logFile = m_store->fileName();
    const ExchangeFilter filter = m_model->filter();

    struct Outcome
    {
        bool ok = false;
        QString message;
    };
    // NOTE: exchanges appended in the last few hundred milliseconds may not
    // be committed yet and are then left out of the export.
    auto outcome = std::make_shared<Outcome>();

    QThread *worker = QThread::create([=] {
        ExchangeStoreReader reader;
        if (const auto opened = reader.open(logFile); !opened) {
            outcome->message = opened.error().toString();
            return;
        }

        Redactor redactor;
        if (redact) {
            const auto collected = forEachExchange(reader, filter, logIds,
                                                   [&redactor](const StoredExchange &stored) { redactor.collect(stored); });
            if (!collected) {
                outcome->message = collected.error().toString();
                return;
            }
        }

        QSaveFile file(fileName);
        if (!file.open(QIODevice::WriteOnly)) {
            outcome->message = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(fileName), file.errorString());
            return;
        }
        HarFormat::Writer writer(&file);
        if (har)
            writer.begin();
        int written = 0;
        const auto walked = forEachExchange(reader, filter, logIds, [&](const StoredExchange &stored) {
            StoredExchange copy = stored;
            if (redact)
                redactor.apply(copy);
            if (har)
                writer.write(copy);
            else
                file.write(JsonLinesFormat::toLine(copy));
            ++written;
        });
        if (har)
            writer.finish();
        if (!walked) {
            file.cancelWriting();
            outcome->message = walked.error().toString();
            return;
        }
        if (!file.commit()) {
            outcome->message = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(fileName), file.errorString());
            return;
        }
        outcome->ok = true;
        outcome->message = tr("Exported %n exchange(s) to %1", nullptr, written).arg(QDir::toNativeSeparators(fileName));
    });
    connect(worker, &QThread::finished, this, [this, worker, outcome] {
        worker->deleteLater();
        emit exportFinished(outcome->ok, outcome->message);
    });
    worker->start();
}

void LogViewPanel::importWithDialog()
{
    // Starts where the last import came from, else in the documents folder.
    QSettings settings;
    const QString folder = settings.value(QStringLiteral("import/folder"),
                                          QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                               .toString();
    const QString fileName = FileDialogs::openFileName(this, tr("Import Exchanges"), folder,
                                                          tr("HAR or JSON Lines (*.har *.jsonl *.json);;All files (*)"));
    if (fileName.isEmpty())
        return;
    settings.setValue(QStringLiteral("import/folder"), QFileInfo(fileName).absolutePath());
    importFrom(fileName);
}

void LogViewPanel::importFrom(const QString &fileName)
{
    auto result = std::make_shared<ImportResult>();
    QThread *worker = QThread::create([fileName, result] { *result = ExchangeImport::readFile(fileName); });
    connect(worker, &QThread::finished, this, [this, worker, result] {
        worker->deleteLater();
        if (result->fatalError.isEmpty() && !result->exchanges.isEmpty() && (m_openWorker || !m_store->isOpen()))
            result->fatalError = tr("The request log is not open; import the file again once it is");
        if (!result->fatalError.isEmpty() || result->exchanges.isEmpty()) {
            finishImport(*result, 0);
            return;
        }
        feedImport(result, 0);
    });
    worker->start();
}

// Appends the import a slice at a time while the writer's backlog is short,
// so that a file larger than the queue is stored whole, and the window and
// the responder keep responding.
void LogViewPanel::feedImport(const std::shared_ptr<ImportResult> &result, qsizetype next)
{
    const qsizetype total = result->exchanges.size();
    if (m_openWorker || !m_store->isOpen()) {
        result->fatalError = tr("The request log was closed during the import; %n exchange(s) were added", nullptr,
                                int(next));
        finishImport(*result, next);
        return;
    }
    // The backlog stays below the point where the responder holds back live
    // callbacks (a pressure of 0.5), so an import never stalls them.
    constexpr qsizetype Slice = 1000;
    const std::shared_ptr<const ExchangeStoreBacklog> backlog = m_store->backlog();
    while (next < total && backlog->pressure(Slice) < 0.3) {
        m_store->appendStored(result->exchanges.mid(next, Slice));
        next = qMin(total, next + Slice);
    }
    if (next >= total) {
        finishImport(*result, total);
        return;
    }
    QTimer::singleShot(20, this, [this, result, next] { feedImport(result, next); });
}

void LogViewPanel::finishImport(const ImportResult &result, qsizetype added)
{
    QStringList issues;
    for (const ImportIssue &issue : result.issues)
        issues.append(issue.toString());
    emit importFinished(int(added), issues, result.fatalError);
    if (result.fatalError.isEmpty() && issues.isEmpty())
        return;

    auto *box = new QMessageBox(QMessageBox::Warning, tr("Import"),
                                result.fatalError.isEmpty()
                                    ? tr("Imported %n exchange(s); %1 entries were left out.", nullptr, int(added))
                                          .arg(issues.size())
                                    : result.fatalError,
                                QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("importReportBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDetailedText(issues.join(QLatin1Char('\n')));
    box->open();
}
