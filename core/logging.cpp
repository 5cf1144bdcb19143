#include "logging.h"

Q_LOGGING_CATEGORY(lcStore, "pasalista.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcMapping, "pasalista.mapping", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDomain, "pasalista.domain", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "pasalista.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSync, "pasalista.sync", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSyncPull, "pasalista.sync.pull", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSyncPush, "pasalista.sync.push", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSyncMerge, "pasalista.sync.merge", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNet, "pasalista.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCli, "pasalista.cli", QtInfoMsg)
