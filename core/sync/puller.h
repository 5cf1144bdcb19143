#pragma once

#include "mapping.h"
#include "net/apiresponse.h"
#include "sync/syncreport.h"

#include <QDate>
#include <QHash>
#include <QJsonArray>
#include <QSet>

#include <functional>

namespace pasalista {

class LocalStore;
class RecordCodec;
class RemoteApplier;
class SalesforceClient;

// Pulls the teacher's scope from the org, object by object in dependency order: records
// changed since each object's watermark, page by page through nextRecordsUrl, each page
// applied in one transaction together with its watermark, so a killed pull resumes where
// it stopped. Deletions come from queryAll.
class Puller
{
public:
    Puller(LocalStore &store, SalesforceClient &client, SyncReport &report);

    // Fields the org has per object (from describe); an object missing here is queried
    // with every mapped field.
    void setAvailableFields(const QHash<QString, QSet<QString>> &fields) { m_available = fields; }
    void setToday(const QDate &today) { m_today = today; }
    // Returns false when the cycle must stop; the report then says why.
    bool run(const QString &teacherEmail);

    using PageHandler = std::function<bool(const QJsonArray &records)>;
    // Runs a SOQL query and hands every page to `handler`, retrying transient failures.
    bool fetchAll(const QString &soql, bool includeDeleted, const PageHandler &handler);

private:
    bool pullRole(Role role, const QString &scope, bool incremental);
    bool pullDeletions(Role role);
    bool applyPage(const RecordCodec &codec, RemoteApplier &applier, const QJsonArray &records,
                   bool moveWatermark);
    QString scopeFor(Role role, const QStringList &courseIds) const;
    QStringList coursesInScope(const QString &teacherSfid) const;
    QString teacherSfid(const QString &email) const;
    QStringList fieldsFor(Role role) const;
    QString watermark(const QString &objectName, const QString &column) const;
    bool setWatermark(const QString &objectName, const QString &column, const QString &value);
    bool pullNewCourses(const QStringList &courseIds);
    bool fixDanglingLookups();
    bool stopWith(const ApiResponse &response);

    LocalStore &m_store;
    SalesforceClient &m_client;
    SyncReport &m_report;
    QHash<QString, QSet<QString>> m_available;
    QDate m_today = QDate::currentDate();
};

} // namespace pasalista
