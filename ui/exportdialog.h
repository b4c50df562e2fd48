// Asks how to export the request log: format, which exchanges (the selected
// rows or every exchange matching the filter) and whether to redact.
#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QRadioButton;

class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    ExportDialog(int selectedCount, qint64 matchingCount, QWidget *parent = nullptr);

    bool har() const;
    bool selectedOnly() const;
    bool redact() const;

private:
    QComboBox *m_format;
    QRadioButton *m_selected;
    QRadioButton *m_matching;
    QCheckBox *m_redact;
};
