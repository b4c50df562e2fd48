#include "serverbar.h"

#include "decisioncolors.h"
#include "settingsstore.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

bool isIpAddress(const QString &text)
{
    return !QHostAddress(text).isNull();
}

} // namespace

ServerBar::ServerBar(SettingsStore *store, ResponderService *service, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_service(service)
{
    buildLayout();
    showSettings();
    connectControls();
    showState(m_service->state());
}

void ServerBar::buildLayout()
{
    m_address = new QLineEdit(this);
    m_address->setObjectName(QStringLiteral("serverAddressEdit"));
    m_address->setToolTip(tr("IP address to listen on: 127.0.0.1 for this machine only, "
                             "0.0.0.0 for every IPv4 interface"));
    m_address->setMaximumWidth(m_address->fontMetrics().horizontalAdvance(QLatin1Char('0')) * 18);

    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("serverPortSpin"));
    m_port->setRange(0, 65535);
    m_port->setToolTip(tr("TCP port; 0 picks a free port at each start"));

    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("serverPathEdit"));
    m_path->setPlaceholderText(tr("any path"));
    m_path->setToolTip(tr("Callback path, e.g. /callback; requests to other paths get 404. "
                          "Leave empty to treat every path as the callback."));
    m_path->setMaximumWidth(m_path->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 24);

    m_startStop = new QPushButton(tr("Start"), this);
    m_startStop->setObjectName(QStringLiteral("serverStartButton"));

    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("serverStateLabel"));

    m_url = new QLabel(this);
    m_url->setObjectName(QStringLiteral("callbackUrlLabel"));
    m_url->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_url->setToolTip(tr("The callback URL to enter on the DRM vendor's dashboard"));

    m_copy = new QToolButton(this);
    m_copy->setObjectName(QStringLiteral("copyUrlButton"));
    m_copy->setText(tr("Copy"));
    m_copy->setToolTip(tr("Copy the callback URL"));

    m_pendingHint = new QLabel(tr("Address and port changes apply on the next Start"), this);
    m_pendingHint->setObjectName(QStringLiteral("serverPendingHint"));
    m_pendingHint->setEnabled(false);
    m_pendingHint->hide();

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("serverErrorLabel"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(DecisionColors::badgeStyleSheet(DecisionColors::denyTint()));
    m_error->hide();

    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Address:"), this));
    row->addWidget(m_address);
    row->addWidget(new QLabel(tr("Port:"), this));
    row->addWidget(m_port);
    row->addWidget(new QLabel(tr("Path:"), this));
    row->addWidget(m_path);
    row->addWidget(m_startStop);
    row->addSpacing(8);
    row->addWidget(m_state);
    row->addSpacing(8);
    row->addWidget(m_url, 1);
    row->addWidget(m_copy);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 2);
    layout->addLayout(row);
    layout->addWidget(m_pendingHint);
    layout->addWidget(m_error);
}

void ServerBar::connectControls()
{
    connect(m_address, &QLineEdit::textEdited, this, &ServerBar::saveFields);
    connect(m_port, &QSpinBox::valueChanged, this, &ServerBar::saveFields);
    connect(m_path, &QLineEdit::textEdited, this, &ServerBar::saveFields);
    connect(m_store, &SettingsStore::changed, this, &ServerBar::showSettings);

    connect(m_startStop, &QPushButton::clicked, this, [this] {
        const ResponderService::State state = m_service->state();
        if (state == ResponderService::State::Listening || state == ResponderService::State::Starting)
            stopServer();
        else
            startServer();
    });
    connect(m_copy, &QToolButton::clicked, this, [this] {
        if (m_service->state() == ResponderService::State::Listening)
            QGuiApplication::clipboard()->setText(m_url->text());
    });

    connect(m_service, &ResponderService::stateChanged, this, &ServerBar::showState);
    connect(m_service, &ResponderService::started, this, &ServerBar::showStarted);
    connect(m_service, &ResponderService::failed, this, &ServerBar::showFailure);
}

ServerSettings ServerBar::fieldSettings() const
{
    ServerSettings server;
    server.address = m_address->text().trimmed();
    server.port = quint16(m_port->value());
    server.path = m_path->text().trimmed();
    return server;
}

void ServerBar::startServer()
{
    saveFields();
    m_error->clear();
    m_error->hide();
    m_running = fieldSettings();
    m_service->start(m_running);
}

void ServerBar::stopServer()
{
    m_service->stop();
}

QString ServerBar::stateText(ResponderService::State state)
{
    switch (state) {
    case ResponderService::State::Stopped: return tr("Stopped");
    case ResponderService::State::Starting: return tr("Starting");
    case ResponderService::State::Listening: return tr("Listening");
    case ResponderService::State::Failed: return tr("Failed");
    }
    return QString();
}

// Shows the stored server settings unless the user is editing that field.
void ServerBar::showSettings()
{
    const ServerSettings stored = m_store->snapshot()->server;
    if (m_address->text().trimmed() != stored.address && !m_address->hasFocus())
        m_address->setText(stored.address);
    if (m_port->value() != stored.port && !m_port->hasFocus()) {
        const QSignalBlocker blocker(m_port);
        m_port->setValue(stored.port);
    }
    if (m_path->text().trimmed() != stored.path && !m_path->hasFocus())
        m_path->setText(stored.path);

    // The responder matches the callback path of the live settings, so the URL follows it.
    if (m_service->state() == ResponderService::State::Listening)
        m_url->setText(ResponderService::callbackUrl(m_running.address, m_service->port(), stored.path).toString());
    updatePendingHint();
}

// Saves the fields into the settings. An address that is not an IP address is
// not saved, because a profile containing it could not be loaded again.
void ServerBar::saveFields()
{
    ServerSettings wanted = fieldSettings();
    const ServerSettings stored = m_store->snapshot()->server;
    if (!isIpAddress(wanted.address)) {
        m_address->setToolTip(tr("\"%1\" is not an IP address and is not saved; use e.g. 127.0.0.1 or 0.0.0.0")
                                  .arg(wanted.address));
        wanted.address = stored.address;
    } else {
        m_address->setToolTip(tr("IP address to listen on: 127.0.0.1 for this machine only, "
                                 "0.0.0.0 for every IPv4 interface"));
    }
    if (wanted != stored)
        m_store->update([wanted](ResponseSettings &settings) { settings.server = wanted; });
    updatePendingHint();
}

void ServerBar::showState(ResponderService::State state)
{
    m_state->setText(stateText(state));
    switch (state) {
    case ResponderService::State::Listening:
        m_state->setStyleSheet(DecisionColors::badgeStyleSheet(DecisionColors::allowTint()));
        break;
    case ResponderService::State::Failed:
        m_state->setStyleSheet(DecisionColors::badgeStyleSheet(DecisionColors::denyTint()));
        break;
    case ResponderService::State::Starting:
        m_state->setStyleSheet(DecisionColors::badgeStyleSheet(DecisionColors::problemTint()));
        break;
    case ResponderService::State::Stopped:
        m_state->setStyleSheet(DecisionColors::badgeStyleSheet(QColor(128, 128, 128, 48)));
        break;
    }

    const bool running = state == ResponderService::State::Listening || state == ResponderService::State::Starting;
    m_startStop->setText(running ? tr("Stop") : tr("Start"));
    m_copy->setEnabled(state == ResponderService::State::Listening);
    if (state != ResponderService::State::Listening)
        m_url->setText(tr("not listening"));
    m_url->setEnabled(state == ResponderService::State::Listening);
    updatePendingHint();
}

void ServerBar::showStarted(const QUrl &url)
{
    m_url->setText(url.toString());
    m_error->clear();
    m_error->hide();
}

void ServerBar::showFailure(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

void ServerBar::updatePendingHint()
{
    const ServerSettings wanted = fieldSettings();
    const bool pending = m_service->state() == ResponderService::State::Listening
        && (wanted.address != m_running.address || wanted.port != m_running.port);
    m_pendingHint->setVisible(pending);
}
