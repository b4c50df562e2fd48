#include "masterswitchbar.h"

#include "settingsstore.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>

MasterSwitchBar::MasterSwitchBar(SettingsStore *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
{
    m_combo = new QComboBox;
    m_combo->setObjectName(QStringLiteral("masterSwitchCombo"));
    m_combo->addItem(tr("Off: rules and assets decide"), int(MasterSwitch::Off));
    m_combo->addItem(tr("Allow all"), int(MasterSwitch::AllowAll));
    m_combo->addItem(tr("Deny all"), int(MasterSwitch::DenyAll));
    m_combo->setToolTip(tr("Answers every callback the same way, ignoring rules, assets and the default decision"));

    m_banner = new QLabel;
    m_banner->setObjectName(QStringLiteral("masterSwitchBanner"));
    m_banner->setMargin(4);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Master switch:")));
    layout->addWidget(m_combo);
    layout->addWidget(m_banner, 1);

    connect(m_combo, &QComboBox::activated, this, [this] {
        const auto mode = MasterSwitch(m_combo->currentData().toInt());
        if (m_store->snapshot()->masterSwitch == mode)
            return;
        m_store->update(tr("Master switch %1").arg(m_combo->currentText()),
                        [mode](ResponseSettings &settings) { settings.masterSwitch = mode; });
    });
    connect(m_store, &SettingsStore::changed, this, &MasterSwitchBar::showSettings);
    showSettings();
}

void MasterSwitchBar::showSettings()
{
    const MasterSwitch mode = m_store->snapshot()->masterSwitch;
    m_combo->setCurrentIndex(m_combo->findData(int(mode)));

    switch (mode) {
    case MasterSwitch::Off:
        m_banner->clear();
        m_banner->setStyleSheet(QString());
        break;
    case MasterSwitch::AllowAll:
        m_banner->setText(tr("Allow all is on: rules and assets are ignored"));
        m_banner->setStyleSheet(QStringLiteral("background: #2e7d32; color: white; font-weight: bold;"));
        break;
    case MasterSwitch::DenyAll:
        m_banner->setText(tr("Deny all is on: rules and assets are ignored"));
        m_banner->setStyleSheet(QStringLiteral("background: #c62828; color: white; font-weight: bold;"));
        break;
    }
    m_banner->setVisible(mode != MasterSwitch::Off);
}
