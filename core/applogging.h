#pragma once

#include <QLoggingCategory>

// The application shell's area: log file, single instance, diagnostics, window state.
Q_DECLARE_LOGGING_CATEGORY(lcApp)
