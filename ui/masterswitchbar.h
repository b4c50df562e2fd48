// The master switch: Off, Allow all or Deny all, with a coloured banner while
// it overrides the rules, the assets and the default decision.
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class SettingsStore;

class MasterSwitchBar : public QWidget
{
    Q_OBJECT

public:
    explicit MasterSwitchBar(SettingsStore *store, QWidget *parent = nullptr);

    QComboBox *switchCombo() const { return m_combo; }

private:
    void showSettings();

    SettingsStore *m_store;
    QComboBox *m_combo = nullptr;
    QLabel *m_banner = nullptr;
};
