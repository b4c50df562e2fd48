// Raw JSON editor for the CRT payload. Any JSON object is applied, including
// values the license server would reject; text that is not a JSON object is
// reported with its line and column and not applied.
#pragma once

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QPlainTextEdit;

class CrtRawEditor : public QWidget
{
    Q_OBJECT

public:
    explicit CrtRawEditor(QWidget *parent = nullptr);

    // Replaces the text unless it already parses to this payload, so the
    // user's own formatting survives when their edit comes back from the store.
    void setPayload(const QJsonObject &payload);

    // The problem with the current text, empty when it is a JSON object.
    QString errorText() const;

signals:
    void payloadEdited(const QJsonObject &payload);

private:
    void parseText();

    QPlainTextEdit *m_edit;
    QLabel *m_error;
    QJsonObject m_payload;
    bool m_showing = false;
};
