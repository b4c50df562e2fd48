#include "uilogging.h"

Q_LOGGING_CATEGORY(lcUi, "callbacklab.ui", QtInfoMsg)
