// The CRT editor: whether an Allow reply carries a CRT, the default payload
// and the optional per-scheme payloads (Widevine, PlayReady, FairPlay), each
// as a form or as raw JSON, the validation findings and a preview of the reply.
// Every edit goes to the settings store, so the next callback uses it.
// Findings are advice only and never stop a payload from being sent.
#pragma once

#include "exchange.h"

#include <QJsonObject>
#include <QWidget>

class CrtForm;
class CrtRawEditor;
class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QTabWidget;
class QTextBrowser;
class SettingsStore;

class CrtEditor : public QWidget
{
    Q_OBJECT

public:
    explicit CrtEditor(SettingsStore *store, QWidget *parent = nullptr);

    // The scheme being edited; DrmScheme::None is the default CRT.
    DrmScheme currentScheme() const { return m_scheme; }
    void setCurrentScheme(DrmScheme scheme);

private:
    void buildLayout();
    void applyPayload(const QJsonObject &payload);
    void applyUseDefault(bool useDefault);
    void showSettings();
    void showPayload(bool force);
    void showFindings(const QJsonObject &payload);
    void showPreview(bool crtEnabled, const QJsonObject &payload);

    SettingsStore *m_store;
    DrmScheme m_scheme = DrmScheme::None;
    QJsonObject m_shownPayload;
    bool m_shownEnabled = true;
    bool m_shownUseDefault = true;

    QCheckBox *m_enabled = nullptr;
    QComboBox *m_schemeCombo = nullptr;
    QCheckBox *m_useDefault = nullptr;
    QTabWidget *m_modes = nullptr;
    CrtForm *m_form = nullptr;
    CrtRawEditor *m_raw = nullptr;
    QLabel *m_findingsSummary = nullptr;
    QTextBrowser *m_findings = nullptr;
    QPlainTextEdit *m_preview = nullptr;
};
