// The CRT editor: whether an Allow reply carries a CRT, the payload as a form
// or as raw JSON, the validation findings and a preview of the reply body.
// Every edit goes to the settings store, so the next callback uses it.
// Findings are advice only and never stop a payload from being sent.
#pragma once

#include <QJsonObject>
#include <QWidget>

class CrtForm;
class CrtRawEditor;
class QCheckBox;
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

private:
    void buildLayout();
    void applyPayload(const QJsonObject &payload);
    void showSettings();
    void showFindings(const QJsonObject &payload);
    void showPreview(bool crtEnabled, const QJsonObject &payload);

    SettingsStore *m_store;
    QJsonObject m_shownPayload;
    bool m_shownEnabled = true;

    QCheckBox *m_enabled = nullptr;
    QTabWidget *m_modes = nullptr;
    CrtForm *m_form = nullptr;
    CrtRawEditor *m_raw = nullptr;
    QLabel *m_findingsSummary = nullptr;
    QTextBrowser *m_findings = nullptr;
    QPlainTextEdit *m_preview = nullptr;
};
