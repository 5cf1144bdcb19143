#include "pullreporter.h"

#include "logging.h"
#include "net/querypager.h"
#include "store/localstore.h"
#include "sync/syncreport.h"

#include <QCoreApplication>

namespace pasalista {

bool PullReporter::storeFailed()
{
    m_store.rollback();
    m_report.result = SyncReport::Result::Error;
    if (m_report.message.isEmpty()) {
        m_report.message = m_store.errorString();
    }
    return false;
}

bool PullReporter::stopWith(const ApiResponse &response)
{
    switch (response.outcome) {
    case ApiResponse::Outcome::SignInRequired:
        m_report.result = SyncReport::Result::SignInRequired;
        break;
    case ApiResponse::Outcome::Transient:
        m_report.result = response.errorCode == QLatin1String("CANCELLED")
                              ? SyncReport::Result::Cancelled
                              : SyncReport::Result::Unreachable;
        break;
    default:
        m_report.result = SyncReport::Result::Error;
    }
    m_report.message = response.errorMessage;
    if (response.errorCode == QLatin1String("INVALID_FIELD")) {
        // The org's fields changed since the describes were read (SyncEngine reads them
        // again next cycle): say so, not just the org's words.
        m_report.message =
            QCoreApplication::translate(
                "pasalista::Puller", "The org no longer has a field Pasalista reads (%1). The next "
                                     "sync reads the org's fields again.")
                .arg(response.errorMessage.left(300));
    }
    return false;
}

bool PullReporter::stopPaging(const QueryPager &pager)
{
    switch (pager.stop()) {
    case QueryPager::Stop::Loop:
        m_report.result = SyncReport::Result::Error;
        m_report.message =
            QCoreApplication::translate("pasalista::Puller",
                                        "The org's query pages go round in a loop (%1); stopped.")
                .arg(pager.link().left(120));
        return false;
    case QueryPager::Stop::Failed:
        qCWarning(lcSyncPull) << "query failed" << pager.reply().errorCode
                              << pager.reply().errorMessage;
        return stopWith(pager.reply());
    case QueryPager::Stop::NotAPage: {
        ApiResponse malformed = pager.reply();
        malformed.outcome = ApiResponse::Outcome::Transient;
        malformed.errorMessage = QCoreApplication::translate(
            "pasalista::Puller", "The org sent a query reply without records.");
        return stopWith(malformed);
    }
    default:
        return false;
    }
}

void PullReporter::refuse(const QString &objectName, const QString &reason)
{
    ++m_report.refused;
    qCWarning(lcSyncPull).noquote() << "refused a record of" << objectName << ":" << reason;
    // The first few reasons are enough to tell what the org (or what stands between) sends.
    constexpr int kReasonsShown = 5;
    if (m_report.refused <= kReasonsShown) {
        m_report.warnings.append(
            QCoreApplication::translate("pasalista::Puller",
                                        "A %1 record from the org was refused: %2.")
                .arg(objectName, reason));
    }
}

} // namespace pasalista
