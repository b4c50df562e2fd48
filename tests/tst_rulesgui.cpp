// The rules, master switch, per-scheme CRT, undo/redo, make-rule and profile
// commands of the main window, driven through its widgets with a real
// responder on loopback and profiles in a temporary folder.
#include "crteditor.h"
#include "exchangelogmodel.h"
#include "historyactions.h"
#include "mainwindow.h"
#include "masterswitchbar.h"
#include "profilecontroller.h"
#include "responderservice.h"
#include "responsesettings.h"
#include "ruleeditordialog.h"
#include "rulespanel.h"
#include "ruletablemodel.h"
#include "settingsstore.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include "guitesthelpers.h"
#include "testhttpclient.h"

using State = ResponderService::State;

class TestRulesGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void ruleDeniesUserThroughEditor();
    void schemeCrtUndoRedo();
    void masterSwitchOverridesAll();
    void makeRuleFromLoggedExchange();
    void corruptProfileOpenKeepsSettings_data();
    void corruptProfileOpenKeepsSettings();
    void openAndNewProfile();
};

namespace {

using TestHttp::HttpReply;
using TestHttp::NetworkTimeoutMs;
using TestHttp::postCallback;

QJsonObject callbackFor(const QString &user, const QString &scheme = QStringLiteral("WIDEVINE"),
                        const QString &asset = QStringLiteral("movie-1"))
{
    return QJsonObject{
        {"asset", asset},
        {"user", user},
        {"session", "session-" + user},
        {"drmScheme", scheme},
    };
}

int keyExpireTimeOf(const HttpReply &reply)
{
    return QJsonDocument::fromJson(reply.body).object().value("payload").toObject().value("keyExpireTime").toInt(-1);
}

void writeFile(const QString &fileName, const QByteArray &content)
{
    QFile file(fileName);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(content), content.size());
}

QByteArray readFile(const QString &fileName)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray("<unreadable>");
    return file.readAll();
}

// A profile whose port is taken, so the window's own start fails and the
// test picks a free port itself.
QString writeProfile(const QTemporaryDir &dir, QTcpServer &busy)
{
    ResponseSettings settings;
    settings.server.address = QStringLiteral("127.0.0.1");
    settings.server.port = busy.serverPort();
    const QString fileName = dir.filePath(QStringLiteral("profile.json"));
    writeFile(fileName, ProfileFormat::toJson(settings));
    return fileName;
}

using GuiTest::child;
using GuiTest::startOnFreePort;

void selectInCombo(QComboBox *combo, int data)
{
    const int index = combo->findData(data);
    QVERIFY(index >= 0);
    combo->setCurrentIndex(index);
    emit combo->activated(index);
}

} // namespace

void TestRulesGui::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("CallbackLabTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_rulesgui"));
}

void TestRulesGui::ruleDeniesUserThroughEditor()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QTcpServer busy;
    QVERIFY(busy.listen(QHostAddress::LocalHost, 0));
    MainWindow window(writeProfile(dir, busy));
    window.show();
    startOnFreePort(window);
    const QUrl url = window.responderService()->callbackUrl();

    // Add a rule through the panel and its editor.
    child<QPushButton>(&window, "addRuleButton")->click();
    RuleEditorDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<RuleEditorDialog *>()) && dialog->isVisible());
    child<QLineEdit>(dialog, "ruleNameEdit")->setText(QStringLiteral("block bob"));
    child<QPushButton>(dialog, "addConditionButton")->click();
    QTableWidget *conditions = dialog->conditionsTable();
    QCOMPARE(conditions->rowCount(), 1);
    auto *subject = qobject_cast<QComboBox *>(conditions->cellWidget(0, RuleEditorDialog::SubjectColumn));
    auto *op = qobject_cast<QComboBox *>(conditions->cellWidget(0, RuleEditorDialog::OperatorColumn));
    auto *value = qobject_cast<QLineEdit *>(conditions->cellWidget(0, RuleEditorDialog::ValueColumn));
    QVERIFY(subject && op && value);
    subject->setCurrentIndex(subject->findData(int(ConditionSubject::User)));

    // An invalid regular expression is reported live; saving stays possible.
    op->setCurrentIndex(op->findData(int(ConditionOperator::Regex)));
    value->setText(QStringLiteral("(bob"));
    auto *problems = child<QLabel>(dialog, "ruleProblemsLabel");
    QVERIFY(!problems->isHidden());
    QVERIFY2(problems->text().contains(QStringLiteral("conditions[0]")), qPrintable(problems->text()));
    auto *buttons = child<QDialogButtonBox>(dialog, "ruleEditorButtons");
    QVERIFY(buttons->button(QDialogButtonBox::Ok)->isEnabled());

    op->setCurrentIndex(op->findData(int(ConditionOperator::Equals)));
    value->setText(QStringLiteral("bob"));
    QVERIFY(problems->isHidden());
    auto *kind = child<QComboBox>(dialog, "ruleActionKindCombo");
    kind->setCurrentIndex(kind->findData(int(ActionKind::Deny)));
    child<QSpinBox>(dialog, "ruleStatusSpin")->setValue(401);
    buttons->button(QDialogButtonBox::Ok)->click();

    // The panel lists it.
    auto *model = child<RuleTableModel>(&window, "ruleTableModel");
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, RuleTableModel::NameColumn).data().toString(), QStringLiteral("block bob"));
    QCOMPARE(model->index(0, RuleTableModel::ProblemsColumn).data().toString(), QString());

    // bob is denied with 401, alice still allowed.
    const HttpReply bob = postCallback(url, callbackFor(QStringLiteral("bob")));
    QCOMPARE(bob.error, QString());
    QCOMPARE(bob.status, 401);
    const HttpReply alice = postCallback(url, callbackFor(QStringLiteral("alice")));
    QCOMPARE(alice.status, 200);

    auto *log = child<ExchangeLogModel>(&window, "exchangeLogModel");
    QTRY_COMPARE_WITH_TIMEOUT(log->rowCount(), 2, NetworkTimeoutMs);
    QCOMPARE(log->exchangeAt(0).decidedBy, QStringLiteral("rule:block bob"));
    QCOMPARE(log->exchangeAt(1).decidedBy, QStringLiteral("default"));

    // Disabling it through the checkbox lets bob through.
    QVERIFY(model->setData(model->index(0, RuleTableModel::EnabledColumn), Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(postCallback(url, callbackFor(QStringLiteral("bob"))).status, 200);
}

void TestRulesGui::schemeCrtUndoRedo()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QTcpServer busy;
    QVERIFY(busy.listen(QHostAddress::LocalHost, 0));
    MainWindow window(writeProfile(dir, busy));
    window.show();
    startOnFreePort(window);
    const QUrl url = window.responderService()->callbackUrl();

    const int defaultExpire = keyExpireTimeOf(postCallback(url, callbackFor(QStringLiteral("u"))));
    QVERIFY(defaultExpire != 4321);

    // Give Widevine its own CRT and change one field of it.
    CrtEditor *editor = window.crtEditor();
    auto *scheme = child<QComboBox>(editor, "crtSchemeCombo");
    scheme->setCurrentIndex(scheme->findData(int(DrmScheme::Widevine)));
    auto *useDefault = child<QCheckBox>(editor, "crtUseDefaultCheck");
    QVERIFY(useDefault->isChecked());
    useDefault->click();
    QVERIFY(window.settingsStore()->snapshot()->schemeCrts.contains(DrmScheme::Widevine));
    child<QSpinBox>(editor, "keyExpireTimeSpin")->setValue(4321);

    QCOMPARE(keyExpireTimeOf(postCallback(url, callbackFor(QStringLiteral("u"), QStringLiteral("WIDEVINE")))), 4321);
    QCOMPARE(keyExpireTimeOf(postCallback(url, callbackFor(QStringLiteral("u"), QStringLiteral("PLAYREADY")))),
             defaultExpire);

    // Undo names the edit and restores the previous reply; redo repeats it.
    QAction *undo = child<QAction>(&window, "undoAction");
    QAction *redo = child<QAction>(&window, "redoAction");
    QVERIFY2(undo->text().contains(QStringLiteral("WIDEVINE")), qPrintable(undo->text()));
    undo->trigger();
    QCOMPARE(keyExpireTimeOf(postCallback(url, callbackFor(QStringLiteral("u"), QStringLiteral("WIDEVINE")))),
             defaultExpire);
    QCOMPARE(child<QSpinBox>(editor, "keyExpireTimeSpin")->value(), defaultExpire);
    QVERIFY(redo->isEnabled());
    redo->trigger();
    QCOMPARE(keyExpireTimeOf(postCallback(url, callbackFor(QStringLiteral("u"), QStringLiteral("WIDEVINE")))), 4321);

    // Back to the default CRT for Widevine.
    useDefault->click();
    QVERIFY(!window.settingsStore()->snapshot()->schemeCrts.contains(DrmScheme::Widevine));
    QCOMPARE(keyExpireTimeOf(postCallback(url, callbackFor(QStringLiteral("u"), QStringLiteral("WIDEVINE")))),
             defaultExpire);
}

void TestRulesGui::masterSwitchOverridesAll()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QTcpServer busy;
    QVERIFY(busy.listen(QHostAddress::LocalHost, 0));
    MainWindow window(writeProfile(dir, busy));
    window.show();
    startOnFreePort(window);
    const QUrl url = window.responderService()->callbackUrl();

    auto *combo = child<QComboBox>(&window, "masterSwitchCombo");
    auto *banner = child<QLabel>(&window, "masterSwitchBanner");
    QVERIFY(combo && banner);
    QVERIFY(banner->isHidden());
    QCOMPARE(postCallback(url, callbackFor(QStringLiteral("u"))).status, 200);

    selectInCombo(combo, int(MasterSwitch::DenyAll));
    QVERIFY(!banner->isHidden());
    QVERIFY2(banner->text().contains(QStringLiteral("Deny all")), qPrintable(banner->text()));
    QCOMPARE(postCallback(url, callbackFor(QStringLiteral("u"))).status, 403);

    selectInCombo(combo, int(MasterSwitch::Off));
    QVERIFY(banner->isHidden());
    QCOMPARE(postCallback(url, callbackFor(QStringLiteral("u"))).status, 200);

    auto *log = child<ExchangeLogModel>(&window, "exchangeLogModel");
    QTRY_COMPARE_WITH_TIMEOUT(log->rowCount(), 3, NetworkTimeoutMs);
    QCOMPARE(log->exchangeAt(1).decidedBy, QStringLiteral("master:deny-all"));

    // Undo brings Deny all back, and the combo box follows the store.
    child<QAction>(&window, "undoAction")->trigger();
    QCOMPARE(combo->currentData().toInt(), int(MasterSwitch::DenyAll));
    QVERIFY(!banner->isHidden());
}

void TestRulesGui::makeRuleFromLoggedExchange()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QTcpServer busy;
    QVERIFY(busy.listen(QHostAddress::LocalHost, 0));
    MainWindow window(writeProfile(dir, busy));
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    startOnFreePort(window);
    const QUrl url = window.responderService()->callbackUrl();

    QCOMPARE(postCallback(url, callbackFor(QStringLiteral("carol"), QStringLiteral("FAIRPLAY"), QStringLiteral("film-9"))).status,
             200);
    auto *log = child<ExchangeLogModel>(&window, "exchangeLogModel");
    QTRY_COMPARE_WITH_TIMEOUT(log->rowCount(), 1, NetworkTimeoutMs);

    // Ctrl+M on the selected row opens the editor on a matching rule.
    auto *logView = child<QTableView>(&window, "logView");
    logView->setFocus();
    logView->setCurrentIndex(logView->model()->index(0, 0));
    QTest::keyClick(logView, Qt::Key_M, Qt::ControlModifier);
    RuleEditorDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<RuleEditorDialog *>(QStringLiteral("ruleEditorDialog"))) && dialog->isVisible());
    const Rule rule = dialog->rule();
    QVERIFY(rule.conditions.size() >= 3);
    QVERIFY(std::any_of(rule.conditions.cbegin(), rule.conditions.cend(), [](const RuleCondition &condition) {
        return condition.subject == ConditionSubject::User && condition.value == QStringLiteral("carol");
    }));
    QCOMPARE(rule.action.kind, ActionKind::Deny);
    child<QDialogButtonBox>(dialog, "ruleEditorButtons")->button(QDialogButtonBox::Ok)->click();
    QCOMPARE(window.settingsStore()->snapshot()->rules.size(), 1);

    const HttpReply again = postCallback(url, callbackFor(QStringLiteral("carol"), QStringLiteral("FAIRPLAY"),
                                                          QStringLiteral("film-9")));
    QCOMPARE(again.status, 403);
    QCOMPARE(postCallback(url, callbackFor(QStringLiteral("dave"), QStringLiteral("FAIRPLAY"), QStringLiteral("film-9"))).status,
             200);

    // The context menu offers both actions; Make Asset Row denies the asset.
    QAction *makeRule = child<QAction>(&window, "makeRuleAction");
    QAction *makeAssetRow = child<QAction>(&window, "makeAssetRowAction");
    QVERIFY(logView->actions().contains(makeRule));
    QVERIFY(logView->actions().contains(makeAssetRow));
    makeAssetRow->trigger();
    QCOMPARE(window.settingsStore()->snapshot()->assetMode(QStringLiteral("film-9")), AssetMode::Deny);
}

void TestRulesGui::corruptProfileOpenKeepsSettings_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("problem");

    QTest::addRow("not JSON") << QByteArray("{ \"format\": ") << QStringLiteral("byte");
    QTest::addRow("newer version") << QByteArray("{\"format\": \"callbacklab-profile\", \"version\": 99}")
                                   << QStringLiteral("99");
    QTest::addRow("bad rule status")
        << QByteArray("{\"format\": \"callbacklab-profile\", \"version\": 2, \"rules\": [{\"id\": \"r\", \"name\": \"x\", "
                      "\"action\": {\"kind\": \"deny\", \"status\": 99}}]}")
        << QStringLiteral("rules[0]");
}

void TestRulesGui::corruptProfileOpenKeepsSettings()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, problem);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QTcpServer busy;
    QVERIFY(busy.listen(QHostAddress::LocalHost, 0));
    const QString good = writeProfile(dir, busy);
    MainWindow window(good);
    window.show();
    child<QSpinBox>(&window, "denyStatusSpin")->setValue(451);

    const QString bad = dir.filePath(QStringLiteral("bad.json"));
    writeFile(bad, content);
    QVERIFY(!window.profileController()->openFile(bad));

    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = window.findChild<QMessageBox *>(QStringLiteral("profileOpenErrorBox"))) && box->isVisible());
    QVERIFY2(box->text().contains(QDir::toNativeSeparators(bad)), qPrintable(box->text()));
    QVERIFY2(box->informativeText().contains(problem), qPrintable(box->informativeText()));
    QVERIFY(box->findChild<QPushButton *>(QStringLiteral("profileSaveAsButton")));

    // The settings and the profile file stay; the bad file is never written.
    QCOMPARE(window.settingsStore()->snapshot()->denyStatus, 451);
    QCOMPARE(window.settingsStore()->profileFile(), good);
    child<QSpinBox>(&window, "denyStatusSpin")->setValue(452);
    window.settingsStore()->flush();
    box->close();
    QCOMPARE(readFile(bad), content);
    QVERIFY(readFile(good).contains("452"));
}

void TestRulesGui::openAndNewProfile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QTcpServer busy;
    QVERIFY(busy.listen(QHostAddress::LocalHost, 0));
    MainWindow window(writeProfile(dir, busy));
    window.show();

    ResponseSettings other;
    other.denyStatus = 418;
    const QString otherFile = dir.filePath(QStringLiteral("team-profile.json"));
    writeFile(otherFile, ProfileFormat::toJson(other));

    QVERIFY(window.profileController()->openFile(otherFile));
    QCOMPARE(window.settingsStore()->snapshot()->denyStatus, 418);
    QVERIFY2(window.windowTitle().contains(QStringLiteral("team-profile")), qPrintable(window.windowTitle()));
    QCOMPARE(window.profileController()->recentProfiles().files().value(0), QFileInfo(otherFile).absoluteFilePath());

    // Edits autosave to the opened file.
    child<QSpinBox>(&window, "denyStatusSpin")->setValue(419);
    window.settingsStore()->flush();
    QVERIFY(readFile(otherFile).contains("419"));

    // New leaves the previous file alone and saves nothing until Save As.
    window.profileController()->newProfile();
    QCOMPARE(window.settingsStore()->profileFile(), QString());
    QCOMPARE(window.settingsStore()->snapshot()->denyStatus, 403);
    window.settingsStore()->flush();
    QVERIFY(readFile(otherFile).contains("419"));
    QVERIFY(!child<QLabel>(&window, "unsavedLabel")->isHidden());

    const QString saved = dir.filePath(QStringLiteral("saved.json"));
    QVERIFY(window.profileController()->saveAs(saved));
    QCOMPARE(window.settingsStore()->profileFile(), saved);
    QVERIFY(readFile(saved).contains("callbacklab-profile"));
    QVERIFY2(window.windowTitle().startsWith(QStringLiteral("saved")), qPrintable(window.windowTitle()));
}

QTEST_MAIN(TestRulesGui)
#include "tst_rulesgui.moc"
