#include "pullbackfill.h"

#include "logging.h"
#include "store/localstore.h"
#include "sync/idlistsplitter.h"
#include "sync/pullqueries.h"
#include "sync/pullreporter.h"
#include "sync/pullstate.h"
#include "sync/recordvalidator.h"
#include "sync/soql.h"
#include "sync/syncreport.h"

#include <QJsonObject>

namespace pasalista {

namespace {

// The Id list of a back-fill query (about 40 Ids): the longest back-fill query, a
// course's students or marks through a semi-join, then stays under the 2,000-character URI
// Salesforce recommends (Help article 000386264).
constexpr qsizetype kBackfillIdListBytes = 1100;

} // namespace

PullRecordHook PullBackfill::courseHook(const QStringList &before, const QString &teacher)
{
    const Mapping &mapping = m_store.mapping();
    const bool incremental =
        m_state.coveredUntil(mapping.objectFor(Role::Enrollment).objectName).isValid();
    return [this, &mapping, before, teacher, incremental](const QJsonObject &record,
                                                          RemoteApplier::Outcome outcome) {
        const QString sfid = record.value(QLatin1String("Id")).toString();
        if (!incremental || outcome == RemoteApplier::Outcome::Unchanged || before.contains(sfid) ||
            !mapping.scope().onlyTeacherCourses) {
            return true;
        }
        for (const QString &logical :
             {QStringLiteral("facilitator_1"), QStringLiteral("facilitator_2")}) {
            const QString field = mapping.field(Role::Course, logical);
            if (!field.isEmpty() && record.value(field).toString() == teacher) {
                // A course newly led: its enrollments, students and marks are older than
                // the windows, so they are fetched in full, even after a kill.
                return m_state.addBackfill(mapping.objectFor(Role::Course).objectName, sfid);
            }
        }
        return true;
    };
}

PullRecordHook PullBackfill::enrollmentHook(bool backfillMarks)
{
    const Mapping &mapping = m_store.mapping();
    const QString studentField = mapping.field(Role::Enrollment, QStringLiteral("student"));
    const QDateTime marksFrom =
        m_queries.windowFrom(mapping.objectFor(Role::Attendance).objectName);
    return [this, &mapping, studentField, backfillMarks,
            marksFrom](const QJsonObject &record, RemoteApplier::Outcome outcome) {
        if (outcome == RemoteApplier::Outcome::Unchanged) {
            return true;
        }
        // An enrollment of a student not on this laptop: the student may be years old,
        // far below the window, so it is fetched by Id.
        const QString student = record.value(studentField).toString();
        if (!student.isEmpty() &&
            !m_store.idByColumn(Role::Student, QStringLiteral("sfid"), student) &&
            !m_state.addBackfill(mapping.objectFor(Role::Student).objectName, student)) {
            return false;
        }
        // An enrollment new here (say, moved into one of the teacher's courses) brings its
        // older marks along.
        // One made since the marks' window began has none older than it: the window reads
        // them (an office import is not read twice).
        const QDateTime created =
            RecordValidator::parseDateTime(record.value(QLatin1String("CreatedDate")).toString());
        if (backfillMarks && marksFrom.isValid() && outcome == RemoteApplier::Outcome::Inserted &&
            !(created.isValid() && created >= marksFrom)) {
            return m_state.addBackfill(mapping.objectFor(Role::Enrollment).objectName,
                                       record.value(QLatin1String("Id")).toString());
        }
        return true;
    };
}

bool PullBackfill::inChunks(const QString &objectName,
                            const std::function<bool(const QStringList &chunk)> &fetch)
{
    const QStringList pending = m_state.backfills(objectName);
    for (const QStringList &chunk : IdListSplitter::split(pending, kBackfillIdListBytes)) {
        const int refusedBefore = m_report.refused;
        if (!fetch(chunk)) {
            return false;
        }
        if (m_report.refused > refusedBefore) {
            continue; // something hanging from the chunk was refused: fetched again next cycle
        }
        // Removed only once everything hanging from the chunk is applied.
        if (!m_store.begin() || !m_state.removeBackfills(objectName, chunk) || !m_store.commit()) {
            return m_reporter.storeFailed();
        }
    }
    return true;
}

bool PullBackfill::run(const PullQuery &pullQuery)
{
    const Mapping &mapping = m_store.mapping();
    const bool courses = inChunks(
        mapping.objectFor(Role::Course).objectName, [this, &pullQuery](const QStringList &chunk) {
            qCInfo(lcSyncPull) << "back-filling courses that entered the scope" << chunk;
            return pullQuery(Role::Student, {m_queries.scopeFor(Role::Student, chunk)}, {}) &&
                   pullQuery(Role::Enrollment, {m_queries.scopeFor(Role::Enrollment, chunk)},
                             enrollmentHook(false)) &&
                   pullQuery(Role::Attendance, {m_queries.scopeFor(Role::Attendance, chunk)}, {});
        });
    const bool enrollments =
        courses &&
        inChunks(mapping.objectFor(Role::Enrollment).objectName, [&pullQuery, &mapping,
                                                                  this](const QStringList &chunk) {
            return pullQuery(Role::Attendance,
                             {mapping.field(Role::Attendance, QStringLiteral("enrollment")) +
                                  QStringLiteral(" IN ") + Soql::idList(chunk),
                              m_queries.attendanceCutoff()},
                             {});
        });
    return enrollments &&
           inChunks(mapping.objectFor(Role::Student).objectName,
                    [this, &pullQuery](const QStringList &chunk) {
                        return pullQuery(Role::Student,
                                         {QStringLiteral("Id IN ") + Soql::idList(chunk)}, {});
                    });
}

} // namespace pasalista
