// Logging categories of the core library; info and above are shown by default.
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcServer)
Q_DECLARE_LOGGING_CATEGORY(lcParser)
Q_DECLARE_LOGGING_CATEGORY(lcSettings)
