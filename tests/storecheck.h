#pragma once

// Record-by-record comparisons of a laptop's store with the org, for the tests of damaged
// replies (issue 15): no junk in the store, no twins in the org, every mark where it belongs.
#include "laptop.h"
#include "sync/salesforceid.h"

#include <QHash>
#include <QSet>

namespace pasalista::test {

inline QStringList syncedTables(Laptop &laptop)
{
    QStringList tables;
    for (Role role : Mapping::dependencyOrder()) {
        tables.append(laptop.store().mapping().table(role));
    }
    return tables;
}

// Rows whose sfid is not a well-formed 18-character Id (junk, or a 15-character form).
inline QStringList junkIds(Laptop &laptop)
{
    QStringList junk;
    for (const QString &table : syncedTables(laptop)) {
        QSqlQuery query(laptop.store().database());
        EXPECT_TRUE(
            query.exec(QStringLiteral("SELECT sfid FROM %1 WHERE sfid IS NOT NULL").arg(table)));
        while (query.next()) {
            const QString sfid = query.value(0).toString();
            if (SalesforceId::normalized(sfid).value_or(QString()) != sfid) {
                junk.append(table + QLatin1Char(':') + sfid);
            }
        }
    }
    return junk;
}

// Rows whose stamp is not a datetime before `limit` (ISO text, compared as text).
inline qint64 badStamps(Laptop &laptop, const QString &limit)
{
    qint64 bad = 0;
    for (const QString &table : syncedTables(laptop)) {
        bad += laptop.count(QStringLiteral("SELECT COUNT(*) FROM %1 WHERE systemmodstamp > '%2' OR"
                                           " (systemmodstamp IS NOT NULL AND"
                                           " datetime(substr(systemmodstamp, 1, 19), '+0 days') IS NULL)")
                                .arg(table, limit));
    }
    return bad;
}

// Org records sharing one natural key (enrollment + date): twins a retry or a junk Id made.
inline int orgMarkTwins(const EmulatorProcess &org)
{
    QHash<QString, int> perKey;
    int twins = 0;
    for (const QJsonValue &value : liveRecords(org, QStringLiteral("Attendance__c"))) {
        const QJsonObject record = value.toObject();
        const QString key = record.value(QStringLiteral("Participant_Enrollment__c")).toString() +
                            QLatin1Char('|') +
                            record.value(QStringLiteral("Start_Date__c")).toString();
        twins += perKey[key]++ > 0 ? 1 : 0;
    }
    return twins;
}

// Every synced mark of the laptop is the org's record with the same values, and every org
// mark of an enrollment the laptop holds is on the laptop.
inline void expectMarksMatchOrg(Laptop &laptop, const EmulatorProcess &org)
{
    QHash<QString, QJsonObject> inOrg;
    for (const QJsonValue &value : liveRecords(org, QStringLiteral("Attendance__c"))) {
        inOrg.insert(value.toObject().value(QStringLiteral("Id")).toString(), value.toObject());
    }
    QSqlQuery rows(laptop.store().database());
    ASSERT_TRUE(rows.exec(QStringLiteral(
        "SELECT sfid, attendance_type__c, participant_enrollment__c, start_date__c FROM"
        " attendance__c WHERE isdeleted = 0 AND sfid IS NOT NULL")));
    QSet<QString> enrollments;
    QSet<QString> onLaptop;
    QString cutoff = QStringLiteral("9999");
    while (rows.next()) {
        const QString sfid = rows.value(0).toString();
        onLaptop.insert(sfid);
        enrollments.insert(rows.value(2).toString());
        cutoff = std::min(cutoff, rows.value(3).toString());
        ASSERT_TRUE(inOrg.contains(sfid))
            << "laptop mark " << sfid.toStdString() << " is no org record";
        const QJsonObject record = inOrg.value(sfid);
        EXPECT_EQ(record.value(QStringLiteral("Attendance_Type__c")).toVariant().toInt(),
                  rows.value(1).toInt())
            << sfid.toStdString();
        EXPECT_EQ(record.value(QStringLiteral("Participant_Enrollment__c")).toString(),
                  rows.value(2).toString())
            << sfid.toStdString();
        EXPECT_EQ(record.value(QStringLiteral("Start_Date__c")).toString(),
                  rows.value(3).toString())
            << sfid.toStdString();
    }
    for (auto it = inOrg.cbegin(); it != inOrg.cend(); ++it) {
        const QJsonObject &record = it.value();
        if (enrollments.contains(
                record.value(QStringLiteral("Participant_Enrollment__c")).toString()) &&
            record.value(QStringLiteral("Start_Date__c")).toString() >= cutoff) {
            EXPECT_TRUE(onLaptop.contains(it.key()))
                << "org mark " << it.key().toStdString() << " missing on the laptop";
        }
    }
}

} // namespace pasalista::test
