#include "uilogging.h"

Q_LOGGING_CATEGORY(lcUi, "pasalista.ui", QtInfoMsg)
