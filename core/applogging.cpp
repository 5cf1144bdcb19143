#include "applogging.h"

Q_LOGGING_CATEGORY(lcApp, "pasalista.app", QtInfoMsg)
