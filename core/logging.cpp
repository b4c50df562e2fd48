#include "logging.h"

Q_LOGGING_CATEGORY(lcServer, "callbacklab.server", QtInfoMsg)
Q_LOGGING_CATEGORY(lcParser, "callbacklab.parser", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSettings, "callbacklab.settings", QtInfoMsg)
