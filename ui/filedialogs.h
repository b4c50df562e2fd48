// File dialogs that never open the files they list.
//
// SQLite holds its locks on the request log with POSIX record locks, which a
// process loses on a file as soon as it closes any descriptor of that file.
// Qt's file dialog opens files to guess their type (strace shows it opening a
// listed .sqlite file), and a native dialog may too. Listing the folder of an
// open log thus dropped the log's locks: another program reading the log then
// deleted its write-ahead file, and later exchanges were lost. These dialogs
// are Qt's own, with an icon provider that uses names only.
#pragma once

#include <QString>

class QWidget;

namespace FileDialogs {

QString openFileName(QWidget *parent, const QString &caption, const QString &folder, const QString &filter);
QString saveFileName(QWidget *parent, const QString &caption, const QString &folder, const QString &filter);

} // namespace FileDialogs
