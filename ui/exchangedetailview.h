// Detail pane for one exchange: a summary of the parsed callback, the
// findings and the decision, the request and the response sent (headers, and
// the body as text, JSON, form fields or hex), and a Decoded tab (reply
// check, custom-data, JWT session, timing). All text can be selected, and the
// context menus copy single values.
#pragma once

#include "storedexchange.h"

#include <QWidget>

class MessageView;
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
    // Summary values longer than this are shown cut.
    static constexpr qsizetype SummaryValueChars = 2000;

    explicit ExchangeDetailView(QWidget *parent = nullptr);

    void showExchange(const Exchange &exchange);
    // Shows an exchange from the request log, saying where the log cut a body.
    void showStoredExchange(const StoredExchange &stored);
    void clear();

    bool hasExchange() const { return m_hasExchange; }
    quint64 exchangeId() const { return m_exchange.id; }
    const Exchange &exchange() const { return m_exchange; }

    // logId: the exchange's id in the request log, 0 for one from this run's
    // live log. The heading shows it; the run's own number becomes a row.
    static QString summaryHtml(const Exchange &exchange, qint64 logId = 0);

    MessageView *requestView() const { return m_request; }
    MessageView *responseView() const { return m_response; }

    // The value cell of the summary table row at a point of the summary's
    // viewport, or an empty string when the point is not on such a row.
    QString summaryValueAt(const QPoint &viewportPosition) const;

private:
    void display(const Exchange &exchange, qint64 requestBodySize, qint64 responseBodySize);
    void render();
    void showSummaryMenu(const QPoint &position);

    Exchange m_exchange;
    bool m_hasExchange = false;
    bool m_wholeBodies = false;
    qint64 m_requestBodySize = -1;  // body sizes as sent, -1 when unknown
    qint64 m_logId = 0;
    qint64 m_responseBodySize = -1;

    QStackedWidget *m_stack;
    QTabWidget *m_tabs;
    QTextBrowser *m_summary;
    MessageView *m_request;
    MessageView *m_response;
    QPlainTextEdit *m_decoded;
    QPushButton *m_wholeBodyButton;
};
