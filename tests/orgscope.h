#pragma once

// The teacher's scope as the org has it, and the record-by-record comparison of a laptop's
// store with it: no record missing, none stale, none doubled, every field as in the org.
#include "emulatorprocess.h"
#include "laptop.h"
#include "store/localstore.h"
#include "sync/recordcodec.h"

#include <QHash>
#include <QSet>
#include <QSqlRecord>

namespace pasalista::test {

inline const QString kOtherTeacher = QStringLiteral("jose.pena@dream.demo");

inline QString text(const QJsonObject &record, const QString &field)
{
    return record.value(field).toVariant().toString();
}

inline QString teacherId(const EmulatorProcess &org, const QString &email)
{
    for (const QJsonValue &value : liveRecords(org, QStringLiteral("Teacher__c"))) {
        if (text(value.toObject(), QStringLiteral("Email__c"))
                .compare(email, Qt::CaseInsensitive) == 0) {
            return text(value.toObject(), QStringLiteral("Id"));
        }
    }
    return {};
}

// The org's live records of one object, by Id.
inline QHash<QString, QJsonObject> byId(const EmulatorProcess &org, const QString &object)
{
    QHash<QString, QJsonObject> records;
    for (const QJsonValue &value : liveRecords(org, object)) {
        records.insert(text(value.toObject(), QStringLiteral("Id")), value.toObject());
    }
    return records;
}

// The teacher's scope as the org has it: courses led, their enrollments, those students,
// their marks since the mapping's cut-off.
struct OrgScope
{
    QHash<Role, QHash<QString, QJsonObject>> records;
};

inline OrgScope scopeOf(const EmulatorProcess &org, const Mapping &mapping)
{
    const QString teacher = teacherId(org, kTeacher);
    OrgScope scope;
    for (const QJsonObject &course : byId(org, QStringLiteral("Class__c"))) {
        if (text(course, QStringLiteral("Facilitator_1__c")) == teacher ||
            text(course, QStringLiteral("Facilitator_2__c")) == teacher) {
            scope.records[Role::Course].insert(text(course, QStringLiteral("Id")), course);
        }
    }
    const QHash<QString, QJsonObject> students = byId(org, QStringLiteral("Student__c"));
    for (const QJsonObject &enrollment : byId(org, QStringLiteral("ParticipantEnrollment__c"))) {
        if (scope.records[Role::Course].contains(text(enrollment, QStringLiteral("Class__c")))) {
            scope.records[Role::Enrollment].insert(text(enrollment, QStringLiteral("Id")),
                                                   enrollment);
            const QString student = text(enrollment, QStringLiteral("Student__c"));
            if (students.contains(student)) {
                scope.records[Role::Student].insert(student, students.value(student));
            }
        }
    }
    const QString cutoff =
        QDate::currentDate().addDays(-mapping.scope().attendanceSinceDays).toString(Qt::ISODate);
    for (const QJsonObject &mark : byId(org, QStringLiteral("Attendance__c"))) {
        if (scope.records[Role::Enrollment].contains(
                text(mark, QStringLiteral("Participant_Enrollment__c"))) &&
            text(mark, QStringLiteral("Start_Date__c")) >= cutoff) {
            scope.records[Role::Attendance].insert(text(mark, QStringLiteral("Id")), mark);
        }
    }
    return scope;
}

inline QHash<QString, QVariantMap> localRows(const LocalStore &store, Role role)
{
    QHash<QString, QVariantMap> rows;
    QSqlQuery query(store.database());
    EXPECT_TRUE(query.exec(
        QStringLiteral("SELECT * FROM %1 WHERE isdeleted = 0").arg(store.mapping().table(role))));
    while (query.next()) {
        QVariantMap row;
        for (int i = 0; i < query.record().count(); ++i) {
            row.insert(query.record().fieldName(i), query.value(i));
        }
        const QString sfid = row.value(QStringLiteral("sfid")).toString();
        EXPECT_FALSE(sfid.isEmpty())
            << "a row never sent: " << store.mapping().table(role).toStdString();
        EXPECT_FALSE(rows.contains(sfid)) << "twice on the laptop: " << sfid.toStdString();
        rows.insert(sfid, row);
    }
    return rows;
}

// No record missing, none stale, none doubled, every field as the org has it (but the
// `unreadable` columns, "table.column", whose fields the teacher's profile hides).
inline void expectStoreHoldsExactlyTheScope(const EmulatorProcess &org, const LocalStore &store,
                                            const QSet<QString> &unreadable = {})
{
    const Mapping &mapping = store.mapping();
    const OrgScope scope = scopeOf(org, mapping);
    for (Role role : {Role::Course, Role::Student, Role::Enrollment, Role::Attendance}) {
        const QString table = mapping.table(role);
        const QHash<QString, QVariantMap> rows = localRows(store, role);
        const QHash<QString, QJsonObject> expected = scope.records.value(role);
        for (auto it = expected.begin(); it != expected.end(); ++it) {
            EXPECT_TRUE(rows.contains(it.key()))
                << table.toStdString() << ": missing " << it.key().toStdString();
        }
        const RecordCodec codec(mapping, role);
        for (auto it = rows.begin(); it != rows.end(); ++it) {
            if (!expected.contains(it.key())) {
                ADD_FAILURE() << table.toStdString() << ": stale " << it.key().toStdString();
                continue;
            }
            const QVariantMap remote = codec.toColumns(expected.value(it.key()));
            for (auto field = remote.begin(); field != remote.end(); ++field) {
                if (field.key() == QLatin1String("systemmodstamp") ||
                    field.key() == QLatin1String("lastmodifieddate")) {
                    continue; // a laptop learns its own push's stamp on its next pull
                }
                if (unreadable.contains(table + u'.' + field.key())) {
                    continue; // the org never shows this teacher the field
                }
                EXPECT_EQ(it->value(field.key()).toString().toStdString(),
                          field.value().toString().toStdString())
                    << table.toStdString() << " " << it.key().toStdString() << "."
                    << field.key().toStdString();
            }
        }
    }
}

// Issue 22: at most one live mark per (enrollment, date), in the org's scope and on the laptop.
inline void expectOneMarkPerSlot(const EmulatorProcess &org, const LocalStore &store)
{
    QHash<QString, int> orgSlots;
    for (const QJsonObject &mark : scopeOf(org, store.mapping()).records.value(Role::Attendance)) {
        const QString slot = text(mark, QStringLiteral("Participant_Enrollment__c")) +
                             text(mark, QStringLiteral("Start_Date__c"));
        EXPECT_EQ(++orgSlots[slot], 1) << "two live marks in the org for " << slot.toStdString();
    }
    QSqlQuery query(store.database());
    ASSERT_TRUE(query.exec(QStringLiteral(
        "SELECT _ref_participant_enrollment__c, start_date__c, COUNT(*) FROM attendance__c"
        " WHERE isdeleted = 0 GROUP BY 1, 2 HAVING COUNT(*) > 1")));
    EXPECT_FALSE(query.next()) << "two live marks on the laptop for enrollment "
                               << query.value(0).toLongLong() << " on "
                               << query.value(1).toString().toStdString();
}

} // namespace pasalista::test
