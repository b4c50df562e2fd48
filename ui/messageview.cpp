#include "messageview.h"

#include "exchangeinsight.h"
#include "jsontext.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

QTreeWidget *makeNameValueList(const QString &objectName)
{
    auto *list = new QTreeWidget;
    list->setObjectName(objectName);
    list->setColumnCount(2);
    list->setHeaderLabels({MessageView::tr("Name"), MessageView::tr("Value")});
    list->setRootIsDecorated(false);
    list->setUniformRowHeights(true);
    list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    list->setContextMenuPolicy(Qt::CustomContextMenu);
    list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    return list;
}

// Adds Copy Value, Copy Name and Copy Line for the row at position, and Copy
// All for every row. separator goes between name and value in a line.
void execCopyMenu(QTreeWidget *list, const QPoint &position, const QString &separator)
{
    const QTreeWidgetItem *item = list->itemAt(position);
    QMenu menu(list);
    if (item) {
        const QString name = item->text(0);
        const QString value = item->text(1);
        QAction *copyValue = menu.addAction(MessageView::tr("Copy &Value"), list, [value] {
            QApplication::clipboard()->setText(value);
        });
        copyValue->setObjectName(QStringLiteral("copyValueAction"));
        menu.addAction(MessageView::tr("Copy &Name"), list, [name] { QApplication::clipboard()->setText(name); });
        menu.addAction(MessageView::tr("Copy &Line"), list, [name, value, separator] {
            QApplication::clipboard()->setText(name + separator + value);
        });
        menu.addSeparator();
    }
    menu.addAction(MessageView::tr("Copy &All"), list, [list, separator] {
        QStringList lines;
        for (int row = 0; row < list->topLevelItemCount(); ++row) {
            const QTreeWidgetItem *rowItem = list->topLevelItem(row);
            lines.append(rowItem->text(0) + separator + rowItem->text(1));
        }
        QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')));
    });
    menu.exec(list->viewport()->mapToGlobal(position));
}

bool looksBinary(const QByteArray &body)
{
    const qsizetype checked = qMin<qsizetype>(body.size(), 4096);
    for (qsizetype i = 0; i < checked; ++i) {
        const uchar c = uchar(body.at(i));
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t')
            return true;
    }
    return QString::fromUtf8(body.left(checked)).contains(QChar::ReplacementCharacter);
}

QString cutNote(qsizetype shownBytes, qsizetype size)
{
    return MessageView::tr("[cut after %L1 of %L2 bytes; choose Show Whole Bodies to see the rest]")
        .arg(shownBytes)
        .arg(size);
}

} // namespace

MessageView::MessageView(QWidget *parent)
    : QWidget(parent)
    , m_startLine(new QLabel)
    , m_headers(makeNameValueList(QStringLiteral("headerList")))
    , m_modeBox(new QComboBox)
    , m_bodySize(new QLabel)
    , m_bodyStack(new QStackedWidget)
    , m_bodyText(new QPlainTextEdit)
    , m_formTable(makeNameValueList(QStringLiteral("formTable")))
{
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_startLine->setObjectName(QStringLiteral("startLine"));
    m_startLine->setFont(fixed);
    m_startLine->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_headers->setFont(fixed);
    m_formTable->setFont(fixed);

    m_bodyText->setObjectName(QStringLiteral("bodyText"));
    m_bodyText->setReadOnly(true);
    m_bodyText->setFont(fixed);
    m_bodyText->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_bodyStack->addWidget(m_bodyText);
    m_bodyStack->addWidget(m_formTable);

    m_modeBox->setObjectName(QStringLiteral("bodyModeBox"));
    m_modeBox->addItem(tr("Text"), QVariant::fromValue(BodyMode::Text));
    m_modeBox->addItem(tr("Formatted JSON"), QVariant::fromValue(BodyMode::Json));
    m_modeBox->addItem(tr("Form Fields"), QVariant::fromValue(BodyMode::Form));
    m_modeBox->addItem(tr("Hex"), QVariant::fromValue(BodyMode::Hex));
    connect(m_modeBox, &QComboBox::activated, this, [this] {
        m_modeChosen = true;
        showBody();
    });
    m_bodySize->setObjectName(QStringLiteral("bodySizeLabel"));

    connect(m_headers, &QWidget::customContextMenuRequested, this, &MessageView::showHeaderMenu);
    connect(m_formTable, &QWidget::customContextMenuRequested, this, &MessageView::showFormMenu);

    auto *bodyBar = new QHBoxLayout;
    auto *modeLabel = new QLabel(tr("&Body as:"));
    modeLabel->setBuddy(m_modeBox);
    bodyBar->addWidget(modeLabel);
    bodyBar->addWidget(m_modeBox);
    bodyBar->addWidget(m_bodySize, 1);

    auto *bodyPane = new QWidget;
    auto *bodyLayout = new QVBoxLayout(bodyPane);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->addLayout(bodyBar);
    bodyLayout->addWidget(m_bodyStack, 1);

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_headers);
    splitter->addWidget(bodyPane);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    // Room for about eight headers before the list scrolls.
    m_headers->setMinimumHeight(m_headers->fontMetrics().height() * 8);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_startLine);
    layout->addWidget(splitter, 1);
}

void MessageView::setMessage(const QString &startLine, const HttpHeaders &headers, const QByteArray &body,
                             qsizetype previewBytes, qint64 fullSize)
{
    m_startLine->setText(startLine);
    m_headers->clear();
    QList<QTreeWidgetItem *> items;
    for (const auto &header : headers)
        items.append(new QTreeWidgetItem({QString::fromLatin1(header.first), QString::fromLatin1(header.second)}));
    m_headers->addTopLevelItems(items);

    m_body = body;
    m_previewBytes = previewBytes;
    if (fullSize > body.size()) {
        m_bodySize->setText(tr("%L1 of %L2 bytes: the request log kept only the start").arg(body.size()).arg(fullSize));
    } else {
        m_bodySize->setText(tr("%n byte(s)", nullptr, int(qMin<qsizetype>(body.size(), INT_MAX))));
    }
    if (!m_modeChosen)
        m_modeBox->setCurrentIndex(m_modeBox->findData(QVariant::fromValue(suggestedMode(headers, body, previewBytes))));
    showBody();
}

void MessageView::clear()
{
    m_startLine->clear();
    m_headers->clear();
    m_body.clear();
    m_bodySize->clear();
    m_bodyText->clear();
    m_formTable->clear();
}

MessageView::BodyMode MessageView::bodyMode() const
{
    return m_modeBox->currentData().value<BodyMode>();
}

void MessageView::setBodyMode(BodyMode mode)
{
    m_modeChosen = true;
    m_modeBox->setCurrentIndex(m_modeBox->findData(QVariant::fromValue(mode)));
    showBody();
}

MessageView::BodyMode MessageView::suggestedMode(const HttpHeaders &headers, const QByteArray &body,
                                                qsizetype previewBytes)
{
    QByteArray contentType;
    for (const auto &header : headers) {
        if (header.first.compare("content-type", Qt::CaseInsensitive) == 0)
            contentType = header.second.toLower();
    }
    if (body.isEmpty())
        return BodyMode::Text;
    // A body too long to format is not parsed here, on the GUI thread.
    if (body.size() <= previewBytes && !QJsonDocument::fromJson(body).isNull())
        return BodyMode::Json;
    if (contentType.contains("x-www-form-urlencoded") && !ExchangeInsight::formPairs(body).isEmpty())
        return BodyMode::Form;
    if (looksBinary(body))
        return BodyMode::Hex;
    return BodyMode::Text;
}

QString MessageView::bodyText(const QByteArray &body, BodyMode mode, qsizetype previewBytes)
{
    if (body.isEmpty())
        return tr("(empty body)");

    switch (mode) {
    case BodyMode::Json: {
        if (body.size() <= previewBytes) {
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(body, &error);
            if (error.error == QJsonParseError::NoError)
                return QString::fromUtf8(JsonText::indented(body));
            return tr("The body is not JSON: %1 at offset %2.").arg(error.errorString()).arg(error.offset);
        }
        return tr("The body is too long to format (%L1 bytes); choose Show Whole Bodies.").arg(body.size());
    }
    case BodyMode::Hex:
        return ExchangeInsight::hexDump(body, qMax<qsizetype>(previewBytes / 16, 16));
    case BodyMode::Text:
    case BodyMode::Form:
        break;
    }
    if (body.size() <= previewBytes)
        return QString::fromUtf8(body);
    return QString::fromUtf8(body.left(previewBytes)) + QLatin1Char('\n') + cutNote(previewBytes, body.size());
}

void MessageView::showBody()
{
    const BodyMode mode = bodyMode();
    if (mode != BodyMode::Form) {
        m_bodyText->setPlainText(bodyText(m_body, mode, m_previewBytes));
        m_bodyStack->setCurrentWidget(m_bodyText);
        return;
    }

    const QList<QPair<QString, QString>> pairs = ExchangeInsight::formPairs(m_body);
    if (pairs.isEmpty()) {
        m_bodyText->setPlainText(m_body.isEmpty() ? tr("(empty body)") : tr("The body has no form fields."));
        m_bodyStack->setCurrentWidget(m_bodyText);
        return;
    }
    m_formTable->clear();
    QList<QTreeWidgetItem *> items;
    for (const auto &pair : pairs)
        items.append(new QTreeWidgetItem({pair.first, pair.second}));
    m_formTable->addTopLevelItems(items);
    m_bodyStack->setCurrentWidget(m_formTable);
}

void MessageView::showHeaderMenu(const QPoint &position)
{
    execCopyMenu(m_headers, position, QStringLiteral(": "));
}

void MessageView::showFormMenu(const QPoint &position)
{
    execCopyMenu(m_formTable, position, QStringLiteral(" = "));
}
