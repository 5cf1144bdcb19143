#pragma once

#include <QLoggingCategory>

// One logging category per area, as the ownCloud client does: enable them with
// QT_LOGGING_RULES="pasalista.sync.debug=true". The pull and the push have sub-categories
// of their own ("pasalista.sync.pull", "pasalista.sync.push"); "pasalista.sync*" is all of
// the sync.
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcMapping)
Q_DECLARE_LOGGING_CATEGORY(lcDomain)
Q_DECLARE_LOGGING_CATEGORY(lcAuth)
Q_DECLARE_LOGGING_CATEGORY(lcSync)
Q_DECLARE_LOGGING_CATEGORY(lcSyncPull)
Q_DECLARE_LOGGING_CATEGORY(lcSyncPush)
Q_DECLARE_LOGGING_CATEGORY(lcSyncMerge)
Q_DECLARE_LOGGING_CATEGORY(lcNet)
Q_DECLARE_LOGGING_CATEGORY(lcCli)
