// One side of an exchange in the detail pane: the start line, the headers as
// received in a Name/Value list, and the body shown as text, formatted JSON,
// a form table or hex. Right-clicking a header or form row copies its name,
// value or whole line.
#pragma once

#include "exchange.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QStackedWidget;
class QTreeWidget;

class MessageView : public QWidget
{
    Q_OBJECT

public:
    enum class BodyMode { Text, Json, Form, Hex };
    Q_ENUM(BodyMode)

    explicit MessageView(QWidget *parent = nullptr);

    // Shows a message. Bodies longer than previewBytes (hex: a sixteenth of
    // it) are cut, with a note saying so. Until the user picks a body mode,
    // the mode follows the body: JSON, form, hex for binary bytes, else text.
    // A fullSize above the body's length is the size sent, and the size label
    // then shows that the request log kept only the start.
    void setMessage(const QString &startLine, const HttpHeaders &headers, const QByteArray &body,
                    qsizetype previewBytes, qint64 fullSize = -1);
    void clear();

    BodyMode bodyMode() const;
    void setBodyMode(BodyMode mode);

    // Returns the body mode a body gets before the user picks one. A body
    // longer than previewBytes is never suggested as JSON.
    static BodyMode suggestedMode(const HttpHeaders &headers, const QByteArray &body, qsizetype previewBytes);
    // The body in a text mode (not Form), cut after previewBytes.
    static QString bodyText(const QByteArray &body, BodyMode mode, qsizetype previewBytes);

private:
    void showBody();
    void showHeaderMenu(const QPoint &position);
    void showFormMenu(const QPoint &position);

    QByteArray m_body;
    qsizetype m_previewBytes = 0;
    bool m_modeChosen = false;

    QLabel *m_startLine;
    QTreeWidget *m_headers;
    QComboBox *m_modeBox;
    QLabel *m_bodySize;
    QStackedWidget *m_bodyStack;
    QPlainTextEdit *m_bodyText;
    QTreeWidget *m_formTable;
};
