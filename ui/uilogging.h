#pragma once

#include <QLoggingCategory>

// The widgets' logging category: QT_LOGGING_RULES="pasalista.ui.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcUi)
