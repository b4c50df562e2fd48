#include "filedialogs.h"

#include <QAbstractFileIconProvider>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>

namespace {

// Icons and type names from the file name alone, so no file is opened.
class NameOnlyIconProvider : public QAbstractFileIconProvider
{
    Q_DECLARE_TR_FUNCTIONS(FileDialogs)

public:
    QIcon icon(IconType type) const override { return QAbstractFileIconProvider::icon(type); }

    QIcon icon(const QFileInfo &info) const override
    {
        return QAbstractFileIconProvider::icon(info.isDir() ? Folder : File);
    }

    QString type(const QFileInfo &info) const override
    {
        if (info.isDir())
            return tr("Folder");
        const QString suffix = info.suffix();
        return suffix.isEmpty() ? tr("File") : tr("%1 file").arg(suffix.toUpper());
    }
};

QString run(QWidget *parent, const QString &caption, const QString &folder, const QString &filter,
            QFileDialog::AcceptMode mode)
{
    static NameOnlyIconProvider iconProvider;
    // A folder that does not exist would otherwise end up in the name field.
    const QString start = folder.isEmpty() || QFileInfo(folder).isDir() ? folder : QDir::homePath();
    QFileDialog dialog(parent, caption, start, filter);
    dialog.setOption(QFileDialog::DontUseNativeDialog);
    dialog.setIconProvider(&iconProvider);
    dialog.setAcceptMode(mode);
    dialog.setFileMode(mode == QFileDialog::AcceptOpen ? QFileDialog::ExistingFile : QFileDialog::AnyFile);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return QString();
    return dialog.selectedFiles().constFirst();
}

} // namespace

namespace FileDialogs {

QString openFileName(QWidget *parent, const QString &caption, const QString &folder, const QString &filter)
{
    return run(parent, caption, folder, filter, QFileDialog::AcceptOpen);
}

QString saveFileName(QWidget *parent, const QString &caption, const QString &folder, const QString &filter)
{
    return run(parent, caption, folder, filter, QFileDialog::AcceptSave);
}

} // namespace FileDialogs
