// Form that builds a callback from its fields (asset, user, session, DRM
// scheme, requestMetadata, extraData, extra headers) and hands it over as a
// replay request in the chosen encoding.
#pragma once

#include "replayrequest.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

class ComposerWidget : public QWidget
{
    Q_OBJECT

public:
    explicit ComposerWidget(QWidget *parent = nullptr);

    // The draft the fields describe. Returns false with errorMessage set when
    // a field is invalid (a header line without a name, say).
    bool draft(CallbackDraft *draft, QString *errorMessage) const;
    CallbackEncoding encoding() const;

    // Composes the current fields and emits requestComposed(). When a field
    // is invalid, shows the error beside the button instead.
    void compose();

    // Parses "Name: value" lines. Returns false with errorMessage naming the line.
    static bool parseHeaderLines(const QString &text, HttpHeaders *headers, QString *errorMessage);

signals:
    void requestComposed(const ReplayRequest &request);

private:
    QLineEdit *addLine(const QString &objectName);

    QLineEdit *m_asset;
    QLineEdit *m_user;
    QLineEdit *m_session;
    QComboBox *m_drmScheme;
    QLineEdit *m_remoteAddr;
    QLineEdit *m_userAgent;
    QLineEdit *m_extraData;
    QPlainTextEdit *m_headers;
    QComboBox *m_encoding;
    QLabel *m_error;
    int m_composedCount = 0;
};
