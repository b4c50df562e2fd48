// Form over the seven CRT fields the contract names, each with an include
// box. Values the form cannot show (another JSON type, a number out of range,
// an unlisted spelling) and fields it does not know stay in the payload as
// they are until the user replaces them.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QSpinBox;

class CrtForm : public QWidget
{
    Q_OBJECT

public:
    explicit CrtForm(QWidget *parent = nullptr);

    // Shows a payload without emitting payloadEdited().
    void setPayload(const QJsonObject &payload);
    QJsonObject payload() const { return m_payload; }

signals:
    // The whole payload after one user edit, unknown fields included.
    void payloadEdited(const QJsonObject &payload);

private:
    enum class Kind { AllowRoot, HdcpLevel, Minutes, SecurityLevel, StoreLicense };

    struct FieldRow
    {
        QString name;
        Kind kind;
        QCheckBox *include = nullptr;
        QWidget *editor = nullptr;
        QLabel *note = nullptr;
    };

    void addField(const QString &name, Kind kind, const QString &description);
    QWidget *createEditor(const FieldRow &row);
    QJsonValue editorValue(const FieldRow &row) const;
    // Puts value into the row's editor and returns false when the editor cannot show it.
    bool showValue(const FieldRow &row, const QJsonValue &value);
    void onIncludeToggled(int rowIndex, bool included);
    void onEditorChanged(int rowIndex);

    QList<FieldRow> m_rows;
    QJsonObject m_payload;
    bool m_showing = false;
};
