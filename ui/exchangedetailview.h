// Detail pane for one exchange: a summary of the parsed callback, the
// findings and the decision, the raw request, the response sent, and a
// Decoded tab (reply check, custom-data, JWT session, form fields, timing,
// hex). All text can be selected and copied.
#pragma once

#include "exchange.h"

#include <QWidget>

class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTextBrowser;

class ExchangeDetailView : public QWidget
{
    Q_OBJECT

public:
    // Bodies longer than this are shown cut until the user asks for all of it.
    static constexpr qsizetype BodyPreviewBytes = 256 * 1024;

    explicit ExchangeDetailView(QWidget *parent = nullptr);

    void showExchange(const Exchange &exchange);
    void clear();

    bool hasExchange() const { return m_hasExchange; }
    quint64 exchangeId() const { return m_exchange.id; }

    static QString summaryHtml(const Exchange &exchange);
    static QString requestText(const Exchange &exchange, bool wholeBody);
    static QString responseText(const Exchange &exchange, bool wholeBody);

private:
    void render();

    Exchange m_exchange;
    bool m_hasExchange = false;
    bool m_wholeBodies = false;

    QStackedWidget *m_stack;
    QTabWidget *m_tabs;
    QTextBrowser *m_summary;
    QPlainTextEdit *m_request;
    QPlainTextEdit *m_response;
    QPlainTextEdit *m_decoded;
    QPushButton *m_wholeBodyButton;
};
