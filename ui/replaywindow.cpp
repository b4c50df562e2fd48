#include "replaywindow.h"

#include "filedialogs.h"
#include "composerwidget.h"
#include "curlparser.h"
#include "decisioncolors.h"
#include "junitreport.h"
#include "replayresultmodel.h"
#include "replayrunner.h"
#include "uilogging.h"

#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextCursor>
#include <QThread>
#include <QVBoxLayout>

#include <memory>

namespace {

constexpr int MaxTimeoutMs = 24 * 3600 * 1000;

QJsonObject resultToJson(const ReplayResult &result)
{
    QJsonObject row{
        {QStringLiteral("id"), result.requestId},
        {QStringLiteral("index"), result.requestIndex},
        {QStringLiteral("iteration"), result.iteration},
        {QStringLiteral("method"), QString::fromLatin1(result.method)},
        {QStringLiteral("url"), result.url.toString()},
        {QStringLiteral("outcome"), replayOutcomeName(result.outcome)},
        {QStringLiteral("latencyMs"), double(result.latencyMicros) / 1000.0},
        {QStringLiteral("expected"),
         QJsonObject{{QStringLiteral("source"), expectationSourceName(result.expectationSource)},
                     {QStringLiteral("status"), result.expectedStatus},
                     {QStringLiteral("decision"), decisionName(result.expectedDecision)}}},
        {QStringLiteral("mismatches"), QJsonArray::fromStringList(result.mismatches)},
        {QStringLiteral("bodyDiff"), result.bodyDiff.toText()},
    };
    if (result.outcome == ReplayOutcome::Error) {
        row.insert(QStringLiteral("error"), replayErrorName(result.error));
        row.insert(QStringLiteral("message"), result.errorMessage);
        if (!result.location.isEmpty())
            row.insert(QStringLiteral("location"), QString::fromUtf8(result.location));
    }
    if (result.status != 0) {
        row.insert(QStringLiteral("actual"),
                   QJsonObject{{QStringLiteral("status"), result.status},
                               {QStringLiteral("decision"), decisionName(result.decision)},
                               {QStringLiteral("body"), QString::fromUtf8(result.responseBody)}});
    }

    QJsonArray findings;
    for (const Finding &finding : result.findings)
        findings.append(QJsonObject{{QStringLiteral("severity"), severityName(finding.severity)},
                                    {QStringLiteral("code"), finding.code},
                                    {QStringLiteral("field"), finding.field},
                                    {QStringLiteral("message"), finding.message}});
    row.insert(QStringLiteral("findings"), findings);
    return row;
}

bool writeAtomically(const QString &fileName, const QByteArray &content, QString *errorMessage)
{
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit()) {
        *errorMessage = ReplayWindow::tr("Failed to write %1: %2").arg(fileName, file.errorString());
        return false;
    }
    return true;
}

QString expectationText(const ReplayExpectation &expect)
{
    switch (expect.source) {
    case ExpectationSource::None:
        return ReplayWindow::tr("expects any response");
    case ExpectationSource::Recorded:
        return ReplayWindow::tr("expects recorded %1").arg(expect.status);
    case ExpectationSource::Manual:
        if (expect.status == 0)
            return ReplayWindow::tr("expects %1").arg(decisionName(expect.decision));
        return ReplayWindow::tr("expects %1 %2").arg(expect.status).arg(decisionName(expect.decision));
    }
    return {};
}

} // namespace

ReplayWindow::ReplayWindow(QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_runner(new ReplayRunner(this))
    , m_results(new ReplayResultModel(this))
{
    setObjectName(QStringLiteral("replayWindow"));
    setWindowTitle(tr("Replay - CallbackLab"));
    buildLayout();

    connect(m_runner, &ReplayRunner::resultReady, m_results, &ReplayResultModel::append);
    connect(m_runner, &ReplayRunner::progressChanged, this, &ReplayWindow::onProgress);
    connect(m_runner, &ReplayRunner::finished, this, &ReplayWindow::onFinished);
    setRunning(false);
    resize(1200, 800);
}

ReplayWindow::~ReplayWindow()
{
    m_runner->cancel();

    // A file still being read must finish before the window's members go away.
    for (QThread *thread : std::as_const(m_loadThreads))
        thread->wait();
}

void ReplayWindow::buildLayout()
{
    auto *top = new QSplitter(Qt::Horizontal);
    top->addWidget(buildSourcesPanel());
    top->addWidget(buildTargetPanel());
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 2);

    auto *main = new QSplitter(Qt::Vertical);
    main->addWidget(top);
    main->addWidget(buildResultsPanel());
    main->setStretchFactor(1, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("replayStatus"));
    m_status->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(main, 1);
    layout->addWidget(m_status);
}

QWidget *ReplayWindow::buildSourcesPanel()
{
    auto *box = new QGroupBox(tr("Requests"));

    m_requestList = new QListWidget(box);
    m_requestList->setObjectName(QStringLiteral("requestList"));
    m_requestList->setSelectionMode(QAbstractItemView::ExtendedSelection);
    connect(m_requestList, &QListWidget::currentRowChanged, this, &ReplayWindow::showExpectationOf);

    auto *addFileButton = new QPushButton(tr("Add &File..."), box);
    addFileButton->setObjectName(QStringLiteral("addFileButton"));
    addFileButton->setToolTip(tr("Add the requests of a HAR, JSON Lines or suite file"));
    connect(addFileButton, &QPushButton::clicked, this, &ReplayWindow::chooseFileToAdd);
    auto *removeButton = new QPushButton(tr("&Remove"), box);
    removeButton->setObjectName(QStringLiteral("removeRequestsButton"));
    connect(removeButton, &QPushButton::clicked, this, [this] {
        QList<int> rows;
        for (const QModelIndex &index : m_requestList->selectionModel()->selectedRows())
            rows.append(index.row());
        std::sort(rows.begin(), rows.end(), std::greater<int>());
        for (int row : std::as_const(rows))
            m_requests.removeAt(row);
        refreshRequestList();
    });
    auto *clearButton = new QPushButton(tr("C&lear"), box);
    clearButton->setObjectName(QStringLiteral("clearRequestsButton"));
    connect(clearButton, &QPushButton::clicked, this, &ReplayWindow::clearRequests);

    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(addFileButton);
    listButtons->addWidget(removeButton);
    listButtons->addWidget(clearButton);
    listButtons->addStretch();

    // Curl paste tab.
    auto *curlPage = new QWidget;
    m_curlEdit = new QPlainTextEdit(curlPage);
    m_curlEdit->setObjectName(QStringLiteral("curlEdit"));
    m_curlEdit->setPlaceholderText(tr("Paste a curl command, e.g. from a browser's Copy as cURL"));
    m_curlError = new QLabel(curlPage);
    m_curlError->setObjectName(QStringLiteral("curlError"));
    m_curlError->setWordWrap(true);
    m_curlError->setStyleSheet(DecisionColors::badgeStyleSheet(DecisionColors::problemTint()));
    m_curlError->hide();
    auto *curlButton = new QPushButton(tr("Add Curl Command"), curlPage);
    curlButton->setObjectName(QStringLiteral("addCurlButton"));
    connect(curlButton, &QPushButton::clicked, this, [this] { addCurlCommand(m_curlEdit->toPlainText()); });
    auto *curlLayout = new QVBoxLayout(curlPage);
    curlLayout->addWidget(m_curlEdit, 1);
    curlLayout->addWidget(m_curlError);
    curlLayout->addWidget(curlButton, 0, Qt::AlignRight);

    m_composer = new ComposerWidget;
    m_composer->setObjectName(QStringLiteral("composer"));
    connect(m_composer, &ComposerWidget::requestComposed, this,
            [this](const ReplayRequest &request) { addRequests({request}); });

    auto *tabs = new QTabWidget(box);
    tabs->setObjectName(QStringLiteral("sourceTabs"));
    tabs->addTab(m_composer, tr("Composer"));
    tabs->addTab(curlPage, tr("Curl"));
    tabs->addTab(buildExpectationPanel(), tr("Expectation"));

    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_requestList, 1);
    layout->addLayout(listButtons);
    layout->addWidget(tabs, 2);
    return box;
}

QWidget *ReplayWindow::buildExpectationPanel()
{
    auto *page = new QWidget;

    m_expectSource = new QComboBox(page);
    m_expectSource->setObjectName(QStringLiteral("expectSource"));
    m_expectSource->addItem(tr("Any response"), int(ExpectationSource::None));
    m_expectSource->addItem(tr("Recorded response"), int(ExpectationSource::Recorded));
    m_expectSource->addItem(tr("Set by hand"), int(ExpectationSource::Manual));

    m_expectDecision = new QComboBox(page);
    m_expectDecision->setObjectName(QStringLiteral("expectDecision"));
    m_expectDecision->addItem(tr("Allow"), int(Decision::Allow));
    m_expectDecision->addItem(tr("Deny"), int(Decision::Deny));

    m_expectStatus = new QSpinBox(page);
    m_expectStatus->setObjectName(QStringLiteral("expectStatus"));
    m_expectStatus->setRange(0, 599);
    m_expectStatus->setSpecialValueText(tr("any status"));

    m_expectCrt = new QLineEdit(page);
    m_expectCrt->setObjectName(QStringLiteral("expectCrt"));
    m_expectCrt->setPlaceholderText(tr("CRT fields as a JSON object, e.g. {\"hdcpLevel\": \"HDCP v2.2\"}"));

    auto *applyButton = new QPushButton(tr("&Apply to Selected"), page);
    applyButton->setObjectName(QStringLiteral("applyExpectationButton"));
    applyButton->setToolTip(tr("Set this expectation on the selected requests, or on all when none is selected"));
    connect(applyButton, &QPushButton::clicked, this, &ReplayWindow::applyExpectation);

    auto *recordButton = new QPushButton(tr("Expect &Last Responses"), page);
    recordButton->setObjectName(QStringLiteral("useLastResponsesButton"));
    recordButton->setToolTip(tr("Make each request expect the response it got in the last run"));
    connect(recordButton, &QPushButton::clicked, this, &ReplayWindow::useLastResponsesAsExpectations);

    auto *form = new QFormLayout(page);
    form->addRow(tr("Expect:"), m_expectSource);
    form->addRow(tr("Decision:"), m_expectDecision);
    form->addRow(tr("Status:"), m_expectStatus);
    form->addRow(tr("CRT fields:"), m_expectCrt);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(recordButton);
    buttons->addWidget(applyButton);
    form->addRow(buttons);
    return page;
}

QWidget *ReplayWindow::buildTargetPanel()
{
    auto *box = new QGroupBox(tr("Target and Options"));

    m_target = new QLineEdit(box);
    m_target->setObjectName(QStringLiteral("targetEdit"));
    m_target->setPlaceholderText(tr("http://127.0.0.1:8080/ or any http or https URL"));
    auto *responderButton = new QPushButton(tr("Built-in Responder"), box);
    responderButton->setObjectName(QStringLiteral("useResponderButton"));
    connect(responderButton, &QPushButton::clicked, this, [this] { m_target->setText(m_responderUrl.toString()); });
    auto *targetRow = new QHBoxLayout;
    targetRow->addWidget(m_target, 1);
    targetRow->addWidget(responderButton);

    m_method = new QComboBox(box);
    m_method->setObjectName(QStringLiteral("methodOverride"));
    m_method->addItem(tr("As recorded"), QString());
    for (const QString &method : {QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT")})
        m_method->addItem(method, method);

    m_encoding = new QComboBox(box);
    m_encoding->setObjectName(QStringLiteral("encodingOverride"));
    m_encoding->addItem(tr("As recorded"), QString());
    for (const QString &name : CallbackComposer::encodingNames())
        m_encoding->addItem(name, name);

    m_headers = new QPlainTextEdit(box);
    m_headers->setObjectName(QStringLiteral("headerOverrides"));
    m_headers->setPlaceholderText(tr("Headers to add or replace, one per line as Name: value"));
    m_headers->setMaximumHeight(60);

    m_insecure = new QCheckBox(tr("Ignore TLS errors"), box);
    m_insecure->setObjectName(QStringLiteral("insecureCheck"));
    m_insecure->setToolTip(tr("Warning: accepts any certificate, so the connection can be intercepted. "
                              "Use only for test servers with self-signed certificates."));

    m_concurrency = new QSpinBox(box);
    m_concurrency->setObjectName(QStringLiteral("concurrencySpin"));
    m_concurrency->setRange(1, ReplayOptions::MaxConcurrency);
    m_concurrency->setValue(ReplayOptions().concurrency);

    m_rate = new QDoubleSpinBox(box);
    m_rate->setObjectName(QStringLiteral("rateSpin"));
    m_rate->setRange(0, 1e6);
    m_rate->setDecimals(1);
    m_rate->setSpecialValueText(tr("no limit"));
    m_rate->setSuffix(tr(" /s"));

    m_timeout = new QSpinBox(box);
    m_timeout->setObjectName(QStringLiteral("timeoutSpin"));
    m_timeout->setRange(1, MaxTimeoutMs);
    m_timeout->setValue(ReplayOptions().timeoutMs);
    m_timeout->setSuffix(tr(" ms"));

    m_repeat = new QSpinBox(box);
    m_repeat->setObjectName(QStringLiteral("repeatSpin"));
    m_repeat->setRange(1, ReplayOptions::MaxRepeat);

    m_budget = new QSpinBox(box);
    m_budget->setObjectName(QStringLiteral("budgetSpin"));
    m_budget->setRange(0, MaxTimeoutMs);
    m_budget->setSpecialValueText(tr("none"));
    m_budget->setSuffix(tr(" ms"));
    m_strictBudget = new QCheckBox(tr("Over budget counts as differing"), box);
    m_strictBudget->setObjectName(QStringLiteral("strictBudgetCheck"));

    m_parity = new QCheckBox(tr("Parity: also send in the other encoding"), box);
    m_parity->setObjectName(QStringLiteral("parityCheck"));

    m_contract = new QComboBox(box);
    m_contract->setObjectName(QStringLiteral("contractCombo"));
    m_contract->addItem(tr("Warnings and errors differ"), int(ContractCheck::Warnings));
    m_contract->addItem(tr("Errors differ"), int(ContractCheck::Errors));
    m_contract->addItem(tr("Only listed"), int(ContractCheck::Off));

    m_runButton = new QPushButton(tr("&Run"), box);
    m_runButton->setObjectName(QStringLiteral("runButton"));
    connect(m_runButton, &QPushButton::clicked, this, &ReplayWindow::run);
    m_cancelButton = new QPushButton(tr("&Cancel"), box);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    connect(m_cancelButton, &QPushButton::clicked, this, &ReplayWindow::cancel);

    m_progress = new QProgressBar(box);
    m_progress->setObjectName(QStringLiteral("runProgress"));
    m_progressLabel = new QLabel(box);
    m_progressLabel->setObjectName(QStringLiteral("progressLabel"));

    auto *loadButton = new QPushButton(tr("L&oad Suite..."), box);
    loadButton->setObjectName(QStringLiteral("loadSuiteButton"));
    connect(loadButton, &QPushButton::clicked, this, &ReplayWindow::chooseSuiteToLoad);
    auto *saveButton = new QPushButton(tr("&Save Suite..."), box);
    saveButton->setObjectName(QStringLiteral("saveSuiteButton"));
    connect(saveButton, &QPushButton::clicked, this, &ReplayWindow::chooseSuiteToSave);
    auto *junitButton = new QPushButton(tr("Export &JUnit..."), box);
    junitButton->setObjectName(QStringLiteral("exportJUnitButton"));
    connect(junitButton, &QPushButton::clicked, this, &ReplayWindow::chooseJUnitFile);
    auto *jsonButton = new QPushButton(tr("Export JSO&N..."), box);
    jsonButton->setObjectName(QStringLiteral("exportJsonButton"));
    connect(jsonButton, &QPushButton::clicked, this, &ReplayWindow::chooseJsonFile);

    auto *form = new QFormLayout;
    form->addRow(tr("Target:"), targetRow);
    form->addRow(tr("Method:"), m_method);
    form->addRow(tr("Encoding:"), m_encoding);
    form->addRow(tr("Headers:"), m_headers);
    form->addRow(QString(), m_insecure);
    form->addRow(tr("Concurrency:"), m_concurrency);
    form->addRow(tr("Rate limit:"), m_rate);
    form->addRow(tr("Timeout:"), m_timeout);
    form->addRow(tr("Repeat:"), m_repeat);
    form->addRow(tr("Latency budget:"), m_budget);
    form->addRow(QString(), m_strictBudget);
    form->addRow(QString(), m_parity);
    form->addRow(tr("Contract findings:"), m_contract);

    auto *runRow = new QHBoxLayout;
    runRow->addWidget(m_runButton);
    runRow->addWidget(m_cancelButton);
    runRow->addWidget(m_progress, 1);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(loadButton);
    fileRow->addWidget(saveButton);
    fileRow->addWidget(junitButton);
    fileRow->addWidget(jsonButton);

    auto *layout = new QVBoxLayout(box);
    layout->addLayout(form);
    layout->addStretch();
    layout->addLayout(runRow);
    layout->addWidget(m_progressLabel);
    layout->addLayout(fileRow);
    return box;
}

QWidget *ReplayWindow::buildResultsPanel()
{
    m_resultView = new QTableView;
    m_resultView->setObjectName(QStringLiteral("resultView"));
    m_resultView->setModel(m_results);
    m_resultView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_resultView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_resultView->verticalHeader()->hide();
    m_resultView->horizontalHeader()->setStretchLastSection(true);
    connect(m_resultView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showResult(current); });

    m_detail = new QPlainTextEdit;
    m_detail->setObjectName(QStringLiteral("resultDetail"));
    m_detail->setReadOnly(true);
    m_detail->setLineWrapMode(QPlainTextEdit::NoWrap);

    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(m_resultView);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    return split;
}

void ReplayWindow::setResponderUrl(const QUrl &url)
{
    const QString currentTarget = m_target->text().trimmed();
    if (currentTarget.isEmpty() || currentTarget == m_responderUrl.toString())
        m_target->setText(url.toString());
    m_responderUrl = url;
}

void ReplayWindow::addRequests(const QList<ReplayRequest> &requests)
{
    m_requests.append(requests);
    refreshRequestList();
    m_requestList->setCurrentRow(int(m_requests.size()) - 1);
    showStatus(tr("%n request(s) to replay.", nullptr, int(m_requests.size())), false);
}

void ReplayWindow::addExchanges(const QList<Exchange> &exchanges)
{
    QList<ReplayRequest> requests;
    for (const Exchange &exchange : exchanges)
        requests.append(ReplayRequest::fromExchange(exchange));
    addRequests(requests);
}

void ReplayWindow::clearRequests()
{
    m_requests.clear();
    refreshRequestList();
}

bool ReplayWindow::addCurlCommand(const QString &command)
{
    const CurlParseResult parsed = CurlParser::parse(command);
    if (!parsed.ok) {
        if (parsed.errorPosition >= 0) {
            m_curlError->setText(tr("At character %1: %2").arg(parsed.errorPosition + 1).arg(parsed.errorMessage));
            if (m_curlEdit->toPlainText() == command) {
                QTextCursor cursor = m_curlEdit->textCursor();
                cursor.setPosition(int(qMin<qsizetype>(parsed.errorPosition, command.size())));
                m_curlEdit->setTextCursor(cursor);
            }
        } else {
            m_curlError->setText(parsed.errorMessage);
        }
        m_curlError->show();
        return false;
    }

    if (parsed.warnings.isEmpty()) {
        m_curlError->hide();
    } else {
        m_curlError->setText(parsed.warnings.join(QLatin1Char('\n')));
        m_curlError->show();
    }
    ReplayRequest request = parsed.request;
    if (request.id.isEmpty())
        request.id = tr("curl %1").arg(m_requests.size() + 1);
    addRequests({request});
    return true;
}

void ReplayWindow::refreshRequestList()
{
    const int current = m_requestList->currentRow();
    m_requestList->clear();
    for (const ReplayRequest &request : std::as_const(m_requests)) {
        m_requestList->addItem(tr("%1  %2  [%3]").arg(QString::fromLatin1(request.method), request.id,
                                                       expectationText(request.expect)));
    }
    if (current >= 0 && current < m_requestList->count())
        m_requestList->setCurrentRow(current);
}

void ReplayWindow::showExpectationOf(int row)
{
    if (row < 0 || row >= m_requests.size())
        return;
    const ReplayExpectation &expect = m_requests.at(row).expect;
    m_expectSource->setCurrentIndex(m_expectSource->findData(int(expect.source)));
    m_expectDecision->setCurrentIndex(m_expectDecision->findData(int(expect.decision)));
    m_expectStatus->setValue(expect.status);
    m_expectCrt->setText(expect.crt.isEmpty() ? QString()
                                              : QString::fromUtf8(QJsonDocument(expect.crt).toJson(QJsonDocument::Compact)));
}

void ReplayWindow::applyExpectation()
{
    QJsonObject crt;
    const QString crtText = m_expectCrt->text().trimmed();
    if (!crtText.isEmpty()) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(crtText.toUtf8(), &parseError);
        if (!document.isObject()) {
            showStatus(tr("CRT fields are not a JSON object: %1 at character %2. Write them as {\"name\": value}.")
                           .arg(parseError.error == QJsonParseError::NoError ? tr("not an object")
                                                                            : parseError.errorString())
                           .arg(parseError.offset + 1),
                       true);
            return;
        }
        crt = document.object();
    }

    QList<int> rows;
    for (const QModelIndex &index : m_requestList->selectionModel()->selectedRows())
        rows.append(index.row());
    if (rows.isEmpty()) {
        for (int row = 0; row < m_requests.size(); ++row)
            rows.append(row);
    }

    const auto source = ExpectationSource(m_expectSource->currentData().toInt());
    int skipped = 0;
    for (int row : std::as_const(rows)) {
        ReplayExpectation &expect = m_requests[row].expect;
        switch (source) {
        case ExpectationSource::None:
            expect = ReplayExpectation();
            break;
        case ExpectationSource::Recorded:
            // A recorded expectation comes from a capture or a run, never from the editor.
            if (expect.source != ExpectationSource::Recorded)
                ++skipped;
            break;
        case ExpectationSource::Manual:
            expect = ReplayExpectation::manual(Decision(m_expectDecision->currentData().toInt()),
                                               m_expectStatus->value(), crt);
            break;
        }
    }
    refreshRequestList();
    if (skipped > 0)
        showStatus(tr("%n request(s) have no recorded response; run them and use Expect Last Responses.", nullptr,
                      skipped),
                   true);
    else
        showStatus(tr("Expectation set on %n request(s).", nullptr, int(rows.size())), false);
}

void ReplayWindow::useLastResponsesAsExpectations()
{
    m_results->flush();
    if (m_runRequests.size() != m_requests.size()) {
        showStatus(tr("The request list changed since the last run. Run it again first."), true);
        return;
    }

    int updated = 0;
    for (const ReplayResult &result : m_results->results()) {
        if (result.iteration != 0 || result.status == 0 || result.requestIndex < 0
            || result.requestIndex >= m_requests.size())
            continue;
        m_requests[result.requestIndex].expect = ReplayExpectation::recorded(result.status, result.responseBody);
        ++updated;
    }
    refreshRequestList();
    showStatus(tr("%n request(s) now expect their last response.", nullptr, updated), false);
}

bool ReplayWindow::options(ReplayOptions *options, QString *errorMessage) const
{
    const QString targetText = m_target->text().trimmed();
    if (!targetText.isEmpty()) {
        const QUrl target(targetText, QUrl::StrictMode);
        const QString scheme = target.scheme();
        if (!target.isValid() || target.host().isEmpty()
            || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
            *errorMessage = tr("The target '%1' is not an http or https URL.").arg(targetText);
            return false;
        }
        options->target = target;
    }

    options->method = m_method->currentData().toString().toLatin1();
    const QString encoding = m_encoding->currentData().toString();
    options->encoding = encoding.isEmpty() ? std::nullopt : CallbackComposer::encodingFromName(encoding);
    options->headers.clear();
    if (!ComposerWidget::parseHeaderLines(m_headers->toPlainText(), &options->headers, errorMessage))
        return false;

    options->insecure = m_insecure->isChecked();
    options->concurrency = m_concurrency->value();
    options->rate = m_rate->value();
    options->timeoutMs = m_timeout->value();
    options->repeat = m_repeat->value();
    options->budgetMs = m_budget->value();
    options->strictBudget = m_strictBudget->isChecked();
    options->parity = m_parity->isChecked();
    options->contractCheck = ContractCheck(m_contract->currentData().toInt());

    *errorMessage = options->validate();
    return errorMessage->isEmpty();
}

void ReplayWindow::setOptions(const ReplayOptions &options)
{
    m_target->setText(options.target.toString());
    m_method->setCurrentIndex(qMax(0, m_method->findData(QString::fromLatin1(options.method))));
    m_encoding->setCurrentIndex(
        options.encoding ? qMax(0, m_encoding->findData(CallbackComposer::encodingName(*options.encoding))) : 0);

    QStringList headerLines;
    for (const auto &header : options.headers)
        headerLines.append(QString::fromLatin1(header.first) + QStringLiteral(": ") + QString::fromUtf8(header.second));
    m_headers->setPlainText(headerLines.join(QLatin1Char('\n')));

    m_insecure->setChecked(options.insecure);
    m_concurrency->setValue(options.concurrency);
    m_rate->setValue(options.rate);
    m_timeout->setValue(options.timeoutMs);
    m_repeat->setValue(options.repeat);
    m_budget->setValue(options.budgetMs);
    m_strictBudget->setChecked(options.strictBudget);
    m_parity->setChecked(options.parity);
    m_contract->setCurrentIndex(qMax(0, m_contract->findData(int(options.contractCheck))));
}

void ReplayWindow::run()
{
    if (m_runner->isRunning())
        return;
    if (m_requests.isEmpty()) {
        showStatus(tr("Nothing to replay. Add requests first."), true);
        return;
    }

    ReplayOptions runOptions;
    QString error;
    if (!options(&runOptions, &error)) {
        showStatus(error, true);
        return;
    }

    m_results->clear();
    m_results->setBudgetMs(runOptions.budgetMs);
    m_detail->clear();
    m_runRequests = m_requests;
    m_runner->setOptions(runOptions);
    if (!m_runner->start(m_runRequests, &error)) {
        showStatus(error, true);
        return;
    }

    m_runStartedAt = QDateTime::currentDateTimeUtc();
    qCInfo(lcUi) << "replay started:" << m_runRequests.size() << "requests to" << runOptions.target.toString();
    setRunning(true);
    onProgress(m_runner->progress());
    showStatus(tr("Running..."), false);
}

void ReplayWindow::cancel()
{
    m_runner->cancel();
}

bool ReplayWindow::isRunning() const
{
    return m_runner->isRunning();
}

void ReplayWindow::onProgress(const ReplayProgress &progress)
{
    m_progress->setMaximum(qMax(1, progress.total));
    m_progress->setValue(progress.done);
    m_progressLabel->setText(tr("Queued %1, in flight %2, done %3 (matched %4, differed %5, errors %6)")
                                 .arg(progress.queued)
                                 .arg(progress.inFlight)
                                 .arg(progress.done)
                                 .arg(progress.matched)
                                 .arg(progress.differed)
                                 .arg(progress.errors));
}

void ReplayWindow::onFinished(const ReplaySummary &summary)
{
    m_results->flush();
    m_runElapsedMs = summary.elapsedMs;
    setRunning(false);
    onProgress(m_runner->progress());

    const QString totals = tr("%1 matched, %2 differed, %3 errors in %4 ms.")
                               .arg(summary.matched)
                               .arg(summary.differed)
                               .arg(summary.errors)
                               .arg(summary.elapsedMs);
    if (summary.canceled)
        showStatus(tr("Canceled: %1").arg(totals), true);
    else
        showStatus(totals, summary.differed + summary.errors > 0);
    emit runFinished(summary);
}

void ReplayWindow::setRunning(bool running)
{
    m_runButton->setEnabled(!running);
    m_cancelButton->setEnabled(running);
}

void ReplayWindow::showStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    m_status->setStyleSheet(problem ? DecisionColors::badgeStyleSheet(DecisionColors::problemTint()) : QString());
}

void ReplayWindow::showResult(const QModelIndex &index)
{
    if (!index.isValid()) {
        m_detail->clear();
        return;
    }
    const ReplayResult &result = m_results->resultAt(index.row());

    QStringList lines;
    lines.append(result.summaryLine());
    lines.append(tr("URL: %1 %2").arg(QString::fromLatin1(result.method), result.url.toString()));
    if (result.error != ReplayError::None) {
        lines.append(tr("Error (%1): %2").arg(replayErrorName(result.error), result.errorMessage));
        if (!result.location.isEmpty())
            lines.append(tr("Location: %1").arg(QString::fromUtf8(result.location)));
    }
    if (!result.bodyDiff.isEmpty()) {
        lines.append(QString());
        lines.append(tr("Body differences (expected -> actual):"));
        lines.append(result.bodyDiff.toText());
    }
    if (!result.findings.isEmpty()) {
        lines.append(QString());
        lines.append(tr("Findings:"));
        for (const Finding &finding : result.findings)
            lines.append(tr("%1 %2: %3").arg(severityName(finding.severity), finding.code, finding.message));
    }
    if (result.status != 0) {
        lines.append(QString());
        lines.append(tr("Response body:"));
        lines.append(QString::fromUtf8(result.responseBody));
    }
    m_detail->setPlainText(lines.join(QLatin1Char('\n')));
}

void ReplayWindow::loadFile(const QString &fileName, bool asSuite)
{
    // The read and parse run on a worker thread; the result comes back when it finishes.
    auto suite = std::make_shared<ReplaySuite>();
    auto error = std::make_shared<ReplayLoadError>();
    auto ok = std::make_shared<bool>(false);
    QThread *thread = QThread::create([=] { *ok = ReplayInput::loadFile(fileName, suite.get(), error.get()); });
    m_loadThreads.append(thread);
    connect(thread, &QThread::finished, this, [=] {
        m_loadThreads.removeOne(thread);
        thread->deleteLater();
        onFileRead(fileName, asSuite, *ok, *suite, *error);
    });
    showStatus(tr("Reading %1...").arg(fileName), false);
    thread->start();
}

void ReplayWindow::onFileRead(const QString &fileName, bool asSuite, bool ok, const ReplaySuite &suite,
                              const ReplayLoadError &error)
{
    if (!ok) {
        const QString message = tr("Failed to load %1: %2").arg(fileName, error.toString());
        showStatus(message, true);
        emit loadFailed(message);
        return;
    }

    if (asSuite) {
        m_requests = suite.requests;
        m_suiteName = suite.name;
        setOptions(suite.options);
        refreshRequestList();
    } else {
        addRequests(suite.requests);
    }
    showStatus(tr("Loaded %n request(s) from %1.", nullptr, int(suite.requests.size())).arg(fileName), false);
    emit fileLoaded(fileName);
}

bool ReplayWindow::saveSuite(const QString &fileName, QString *errorMessage)
{
    ReplaySuite suite;
    suite.name = m_suiteName.isEmpty() ? QFileInfo(fileName).completeBaseName() : m_suiteName;
    suite.requests = m_requests;
    if (!options(&suite.options, errorMessage))
        return false;
    // NOTE: saved on the GUI thread, which assumes suites of a few thousand requests at most.
    return ReplaySuiteFormat::save(fileName, suite, errorMessage);
}

bool ReplayWindow::exportJUnit(const QString &fileName, QString *errorMessage)
{
    m_results->flush();
    ReplayFileReport report;
    report.fileName = m_suiteName.isEmpty() ? tr("replay") : m_suiteName;
    report.results = m_results->results();
    report.elapsedMs = m_runElapsedMs;
    report.startedAt = m_runStartedAt;
    return JUnitReport::write(fileName, {report}, errorMessage);
}

bool ReplayWindow::exportJson(const QString &fileName, QString *errorMessage)
{
    m_results->flush();
    QJsonArray results;
    for (const ReplayResult &result : m_results->results())
        results.append(resultToJson(result));
    const QJsonObject file{{QStringLiteral("file"), m_suiteName.isEmpty() ? tr("replay") : m_suiteName},
                           {QStringLiteral("elapsedMs"), m_runElapsedMs},
                           {QStringLiteral("results"), results}};
    const QJsonObject root{{QStringLiteral("format"), QStringLiteral("callbacklab-replay-results")},
                           {QStringLiteral("version"), 1},
                           {QStringLiteral("files"), QJsonArray{file}}};
    return writeAtomically(fileName, QJsonDocument(root).toJson(QJsonDocument::Indented), errorMessage);
}

void ReplayWindow::chooseFileToAdd()
{
    const QString fileName = FileDialogs::openFileName(
        this, tr("Add Requests from File"), QString(),
        tr("Captures and suites (*.har *.jsonl *.ndjson *.json);;All files (*)"));
    if (!fileName.isEmpty())
        loadFile(fileName, false);
}

void ReplayWindow::chooseSuiteToLoad()
{
    const QString fileName = FileDialogs::openFileName(this, tr("Load Replay Suite"), QString(),
                                                          tr("Replay suites (*.json);;All files (*)"));
    if (!fileName.isEmpty())
        loadFile(fileName, true);
}

void ReplayWindow::chooseSuiteToSave()
{
    const QString fileName = FileDialogs::saveFileName(this, tr("Save Replay Suite"), QString(),
                                                          tr("Replay suites (*.json)"));
    QString error;
    if (!fileName.isEmpty() && !saveSuite(fileName, &error))
        showStatus(error, true);
}

void ReplayWindow::chooseJUnitFile()
{
    const QString fileName = FileDialogs::saveFileName(this, tr("Export JUnit Report"), QString(),
                                                          tr("JUnit XML (*.xml)"));
    QString error;
    if (!fileName.isEmpty() && !exportJUnit(fileName, &error))
        showStatus(error, true);
}

void ReplayWindow::chooseJsonFile()
{
    const QString fileName = FileDialogs::saveFileName(this, tr("Export JSON Report"), QString(),
                                                          tr("JSON (*.json)"));
    QString error;
    if (!fileName.isEmpty() && !exportJson(fileName, &error))
        showStatus(error, true);
}

void ReplayWindow::closeEvent(QCloseEvent *event)
{
    m_runner->cancel();
    QWidget::closeEvent(event);
}
