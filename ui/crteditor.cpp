#include "crteditor.h"

#include "crt.h"
#include "crtform.h"
#include "crtraweditor.h"
#include "exchangetext.h"
#include "settingsstore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

CrtEditor::CrtEditor(SettingsStore *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
{
    buildLayout();
    showPayload(true);

    connect(m_enabled, &QCheckBox::toggled, this, [this](bool enabled) {
        if (m_store->snapshot()->crtEnabled != enabled)
            m_store->update(enabled ? tr("Send a CRT") : tr("Send no CRT"),
                            [enabled](ResponseSettings &settings) { settings.crtEnabled = enabled; });
    });
    connect(m_schemeCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_scheme = DrmScheme(m_schemeCombo->currentData().toInt());
        showPayload(true);
    });
    connect(m_useDefault, &QCheckBox::toggled, this, &CrtEditor::applyUseDefault);
    connect(m_form, &CrtForm::payloadEdited, this, &CrtEditor::applyPayload);
    connect(m_raw, &CrtRawEditor::payloadEdited, this, &CrtEditor::applyPayload);
    connect(m_store, &SettingsStore::changed, this, &CrtEditor::showSettings);
}

void CrtEditor::setCurrentScheme(DrmScheme scheme)
{
    m_schemeCombo->setCurrentIndex(m_schemeCombo->findData(int(scheme)));
}

void CrtEditor::buildLayout()
{
    m_enabled = new QCheckBox(tr("Send a CRT with Allow"), this);
    m_enabled->setObjectName(QStringLiteral("crtEnabledCheck"));
    m_enabled->setToolTip(tr("When off, an allowed callback gets 200 with an empty body, "
                             "and the license server applies the asset's settings from its dashboard"));

    m_schemeCombo = new QComboBox(this);
    m_schemeCombo->setObjectName(QStringLiteral("crtSchemeCombo"));
    m_schemeCombo->addItem(tr("Default"), int(DrmScheme::None));
    m_schemeCombo->addItem(tr("Widevine"), int(DrmScheme::Widevine));
    m_schemeCombo->addItem(tr("PlayReady"), int(DrmScheme::PlayReady));
    m_schemeCombo->addItem(tr("FairPlay"), int(DrmScheme::FairPlay));
    m_schemeCombo->setToolTip(tr("Callbacks of a scheme with its own CRT get that CRT; "
                                 "other callbacks get the default CRT"));
    m_useDefault = new QCheckBox(tr("Use the default CRT"), this);
    m_useDefault->setObjectName(QStringLiteral("crtUseDefaultCheck"));
    auto *schemeRow = new QHBoxLayout;
    schemeRow->addWidget(new QLabel(tr("CRT for:")));
    schemeRow->addWidget(m_schemeCombo);
    schemeRow->addWidget(m_useDefault);
    schemeRow->addStretch(1);

    m_form = new CrtForm;
    m_form->setObjectName(QStringLiteral("crtForm"));
    auto *formScroll = new QScrollArea;
    formScroll->setWidget(m_form);
    formScroll->setWidgetResizable(true);
    formScroll->setFrameShape(QFrame::NoFrame);

    m_raw = new CrtRawEditor;
    m_raw->setObjectName(QStringLiteral("crtRawEditor"));

    m_modes = new QTabWidget(this);
    m_modes->setObjectName(QStringLiteral("crtModeTabs"));
    m_modes->addTab(formScroll, tr("&Form"));
    m_modes->addTab(m_raw, tr("Raw &JSON"));

    m_findingsSummary = new QLabel(this);
    m_findingsSummary->setObjectName(QStringLiteral("crtFindingsSummary"));
    m_findingsSummary->setWordWrap(true);

    // Rich text wraps long messages to the dock's width, which item views do not.
    m_findings = new QTextBrowser(this);
    m_findings->setObjectName(QStringLiteral("crtFindingsView"));
    m_findings->setOpenLinks(false);

    m_preview = new QPlainTextEdit(this);
    m_preview->setObjectName(QStringLiteral("crtPreview"));
    m_preview->setReadOnly(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    auto *findingsBox = new QWidget;
    auto *findingsLayout = new QVBoxLayout(findingsBox);
    findingsLayout->setContentsMargins(0, 0, 0, 0);
    findingsLayout->addWidget(m_findingsSummary);
    findingsLayout->addWidget(m_findings, 1);

    auto *previewBox = new QWidget;
    auto *previewLayout = new QVBoxLayout(previewBox);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    previewLayout->addWidget(new QLabel(tr("Reply to an allowed callback:")));
    previewLayout->addWidget(m_preview, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("crtSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_modes);
    splitter->addWidget(findingsBox);
    splitter->addWidget(previewBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setStretchFactor(2, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_enabled);
    layout->addLayout(schemeRow);
    layout->addWidget(splitter, 1);
}

void CrtEditor::applyPayload(const QJsonObject &payload)
{
    const DrmScheme scheme = m_scheme;
    const std::shared_ptr<const ResponseSettings> current = m_store->snapshot();
    if (scheme == DrmScheme::None) {
        if (current->crt == payload)
            return;
        m_store->update(tr("Edit CRT"), [payload](ResponseSettings &settings) { settings.crt = payload; },
                        QStringLiteral("crt"));
        return;
    }

    // Editing a scheme that uses the default gives it its own CRT.
    if (current->schemeCrts.value(scheme) == payload && current->schemeCrts.contains(scheme))
        return;
    m_store->update(tr("Edit %1 CRT").arg(drmSchemeName(scheme)),
                    [scheme, payload](ResponseSettings &settings) { settings.schemeCrts.insert(scheme, payload); },
                    QStringLiteral("crt:%1").arg(int(scheme)));
}

void CrtEditor::applyUseDefault(bool useDefault)
{
    const DrmScheme scheme = m_scheme;
    const std::shared_ptr<const ResponseSettings> current = m_store->snapshot();
    if (scheme == DrmScheme::None || current->schemeCrts.contains(scheme) != useDefault)
        return;

    if (useDefault) {
        m_store->update(tr("Use the default CRT for %1").arg(drmSchemeName(scheme)),
                        [scheme](ResponseSettings &settings) { settings.schemeCrts.remove(scheme); });
    } else {
        m_store->update(tr("Own CRT for %1").arg(drmSchemeName(scheme)), [scheme](ResponseSettings &settings) {
            settings.schemeCrts.insert(scheme, settings.crt);
        });
    }
}

// Brings every view up to date with the store. The editor's own edits come back through here too.
void CrtEditor::showSettings()
{
    showPayload(false);
}

// Shows the CRT of the current scheme; force repaints even when nothing changed.
void CrtEditor::showPayload(bool force)
{
    const std::shared_ptr<const ResponseSettings> settings = m_store->snapshot();
    const bool isDefault = m_scheme == DrmScheme::None;
    const bool useDefault = isDefault || !settings->schemeCrts.contains(m_scheme);
    const QJsonObject payload = settings->crtFor(m_scheme);
    if (!force && payload == m_shownPayload && settings->crtEnabled == m_shownEnabled
        && useDefault == m_shownUseDefault)
        return;

    m_shownPayload = payload;
    m_shownEnabled = settings->crtEnabled;
    m_shownUseDefault = useDefault;
    if (m_enabled->isChecked() != settings->crtEnabled) {
        const QSignalBlocker blocker(m_enabled);
        m_enabled->setChecked(settings->crtEnabled);
    }
    {
        const QSignalBlocker blocker(m_useDefault);
        m_useDefault->setChecked(useDefault);
    }
    m_useDefault->setVisible(!isDefault);
    m_modes->setEnabled(isDefault || !useDefault);

    if (force || m_form->payload() != payload)
        m_form->setPayload(payload);
    m_raw->setPayload(payload);
    showFindings(payload);
    showPreview(settings->crtEnabled, payload);
}

void CrtEditor::showFindings(const QJsonObject &payload)
{
    const Findings findings = Crt::validatePayload(payload);
    QString html = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"2\">");
    for (const Finding &finding : findings) {
        html += QStringLiteral("<tr><td valign=\"top\"><b>%1</b></td><td>%2 <small>(%3)</small></td></tr>")
                    .arg(ExchangeText::severity(finding.severity).toHtmlEscaped(), finding.message.toHtmlEscaped(),
                         finding.code.toHtmlEscaped());
    }
    html += QStringLiteral("</table>");
    m_findings->setHtml(findings.isEmpty() ? QString() : html);
    m_findings->setVisible(!findings.isEmpty());
    m_findingsSummary->setText(findings.isEmpty()
                                   ? tr("No findings: the license server should accept this CRT.")
                                   : tr("%n finding(s); the CRT is sent anyway, so you can test how "
                                        "the license server handles it.",
                                        nullptr, int(findings.size())));
}

void CrtEditor::showPreview(bool crtEnabled, const QJsonObject &payload)
{
    if (!crtEnabled) {
        m_preview->setPlainText(tr("HTTP 200 with an empty body; the license server applies "
                                   "the asset's settings from its dashboard."));
        return;
    }
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("payload"), payload}}).toJson(QJsonDocument::Indented);
    m_preview->setPlainText(QStringLiteral("HTTP 200\nContent-Type: application/json\n\n") + QString::fromUtf8(body));
}
