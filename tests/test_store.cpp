#include "mapping.h"
#include "store/localstore.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <gtest/gtest.h>

using namespace pasalista;

namespace {

class StoreTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(dir.isValid());
        ASSERT_TRUE(store.open(path())) << store.errorString().toStdString();
    }

    QString path() const { return dir.filePath(QStringLiteral("store.sqlite")); }

    qint64 count(const QString &sql)
    {
        QSqlQuery query(store.database());
        EXPECT_TRUE(query.exec(sql)) << sql.toStdString();
        return query.next() ? query.value(0).toLongLong() : -1;
    }

    QVariantMap student(const QString &lastName)
    {
        return {{QStringLiteral("first_name__c"), QStringLiteral("Ana")},
                {QStringLiteral("last_name__c"), lastName},
                {QStringLiteral("date_of_birth__c"), QDate(2012, 3, 4)}};
    }

    QTemporaryDir dir;
    LocalStore store{Mapping::dream()};
};

// A new store at `path` whose schema version then reads `version`.
void writeStoreWithSchemaVersion(const QString &path, int version)
{
    LocalStore store(Mapping::dream());
    ASSERT_TRUE(store.open(path));
    QSqlQuery(store.database()).exec(QStringLiteral("PRAGMA user_version = %1").arg(version));
}

} // namespace

TEST_F(StoreTest, CreatesSchemaAndHerokuConnectTables)
{
    EXPECT_EQ(store.schemaVersion(), LocalStore::latestSchemaVersion());
    QSqlQuery query(store.database());
    ASSERT_TRUE(query.exec(QStringLiteral("PRAGMA journal_mode")) && query.next());
    EXPECT_EQ(query.value(0).toString(), QStringLiteral("wal"));
    for (const QString &column :
         {QStringLiteral("sfid"), QStringLiteral("pasalista_id__c"),
          QStringLiteral("systemmodstamp"), QStringLiteral("isdeleted"),
          QStringLiteral("_hc_lastop"), QStringLiteral("_hc_err"),
          QStringLiteral("participant_enrollment__c"),
          QStringLiteral("_ref_participant_enrollment__c"), QStringLiteral("attendance_type__c")}) {
        EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM pragma_table_info('attendance__c')"
                                       " WHERE name = '%1'")
                            .arg(column)),
                  1)
            << column.toStdString();
    }
}

TEST_F(StoreTest, ReopenKeepsDataAndSchema)
{
    ASSERT_TRUE(store.insertLocal(Role::Student, student(QStringLiteral("Pérez"))));
    store.close();
    LocalStore again(Mapping::dream());
    ASSERT_TRUE(again.open(path())) << again.errorString().toStdString();
    QSqlQuery query(again.database());
    ASSERT_TRUE(query.exec(QStringLiteral("SELECT last_name__c FROM student__c")) && query.next());
    EXPECT_EQ(query.value(0).toString(), QStringLiteral("Pérez"));
}

// The sheet reads one course's marks of one day enrollment by enrollment: each read is one
// lookup in an (enrollment, date) index, which a store made before it gets at its next open.
TEST_F(StoreTest, MarksOfADayAreFoundThroughTheEnrollmentDateIndex)
{
    const Mapping &mapping = store.mapping();
    const QString table = mapping.table(Role::Attendance);
    const QString index = table + QStringLiteral("_enrollment_date");
    const QString plan =
        QStringLiteral(
            "EXPLAIN QUERY PLAN SELECT * FROM %1 WHERE \"%2\" = 7 AND \"%3\" = '2026-03-02'")
            .arg(table,
                 LocalStore::refColumn(
                     mapping.column(Role::Attendance, QStringLiteral("enrollment"))),
                 mapping.column(Role::Attendance, QStringLiteral("date")));
    const auto usesIndex = [&](LocalStore &open) {
        QSqlQuery query(open.database());
        EXPECT_TRUE(query.exec(plan)) << plan.toStdString();
        QString steps;
        while (query.next()) {
            steps += query.value(3).toString() + QLatin1Char('\n');
        }
        return steps.contains(index);
    };
    EXPECT_TRUE(usesIndex(store));

    QSqlQuery drop(store.database());
    ASSERT_TRUE(drop.exec(QStringLiteral("DROP INDEX \"%1\"").arg(index)));
    store.close();
    LocalStore older(Mapping::dream());
    ASSERT_TRUE(older.open(path())) << older.errorString().toStdString();
    EXPECT_TRUE(usesIndex(older)) << "reopening a store without the index adds it";
}

TEST_F(StoreTest, InsertWritesRowAndLogInOneGo)
{
    QSignalSpy pending(&store, &LocalStore::pendingChangeCountChanged);
    const auto id = store.insertLocal(Role::Student, student(QStringLiteral("Gómez")));
    ASSERT_TRUE(id);
    const auto row = store.row(Role::Student, *id);
    ASSERT_TRUE(row);
    EXPECT_EQ(row->value(QStringLiteral("_hc_lastop")).toString(), QStringLiteral("PENDING"));
    EXPECT_EQ(row->value(QStringLiteral("date_of_birth__c")).toString(),
              QStringLiteral("2012-03-04"));
    const QString key = row->value(QStringLiteral("pasalista_id__c")).toString();
    EXPECT_EQ(key.size(), 36) << "a UUID";

    const auto log = store.outboxEntries({outbox::New});
    ASSERT_EQ(log.size(), 1);
    EXPECT_EQ(log[0].action, QStringLiteral("INSERT"));
    EXPECT_EQ(log[0].tableName, QStringLiteral("student__c"));
    EXPECT_EQ(log[0].recordId, *id);
    EXPECT_EQ(log[0].values.value(QStringLiteral("last_name__c")).toString(),
              QStringLiteral("Gómez"));
    EXPECT_EQ(log[0].values.value(QStringLiteral("pasalista_id__c")).toString(), key);
    EXPECT_EQ(store.pendingChangeCount(), 1);
    ASSERT_EQ(pending.size(), 1);
    EXPECT_EQ(pending[0][0].toInt(), 1);
}

TEST_F(StoreTest, UpdateLogsChangedValuesAndBase)
{
    const auto id = store.insertLocal(Role::Student, student(QStringLiteral("Gómez")));
    ASSERT_TRUE(id);
    ASSERT_TRUE(store.updateLocal(Role::Student, *id,
                                  {{QStringLiteral("last_name__c"), QStringLiteral("Gómez Díaz")},
                                   {QStringLiteral("first_name__c"), QStringLiteral("Ana")}}));
    const auto log = store.outboxEntries({});
    ASSERT_EQ(log.size(), 2);
    EXPECT_EQ(log[1].action, QStringLiteral("UPDATE"));
    EXPECT_EQ(log[1].values,
              (QVariantMap{{QStringLiteral("last_name__c"), QStringLiteral("Gómez Díaz")}}))
        << "only the changed field";
    EXPECT_EQ(log[1].old.value(QStringLiteral("last_name__c")).toString(), QStringLiteral("Gómez"));

    ASSERT_TRUE(store.updateLocal(Role::Student, *id,
                                  {{QStringLiteral("first_name__c"), QStringLiteral("Ana")}}));
    EXPECT_EQ(store.outboxEntries({}).size(), 2) << "a no-op edit logs nothing";
}

TEST_F(StoreTest, DeleteIsSoftAndLogged)
{
    const auto id = store.insertLocal(Role::Student, student(QStringLiteral("Gómez")));
    ASSERT_TRUE(id);
    ASSERT_TRUE(store.deleteLocal(Role::Student, *id));
    EXPECT_EQ(store.row(Role::Student, *id)->value(QStringLiteral("isdeleted")).toInt(), 1);
    const auto log = store.outboxEntries({});
    ASSERT_EQ(log.size(), 2);
    EXPECT_EQ(log[1].action, QStringLiteral("DELETE"));
    EXPECT_EQ(log[1].old.value(QStringLiteral("last_name__c")).toString(), QStringLiteral("Gómez"));
}

TEST_F(StoreTest, LookupByLocalIdFillsParentSfid)
{
    const auto course = store.insertSynced(
        Role::Course, {{QStringLiteral("sfid"), QStringLiteral("a01000000000001AAA")},
                       {QStringLiteral("title__c"), QStringLiteral("Inglés")}});
    const auto pupil = store.insertLocal(Role::Student, student(QStringLiteral("Gómez")));
    ASSERT_TRUE(course && pupil);
    const auto enrollment =
        store.insertLocal(Role::Enrollment, {{QStringLiteral("_ref_class__c"), *course},
                                             {QStringLiteral("_ref_student__c"), *pupil}});
    ASSERT_TRUE(enrollment) << store.errorString().toStdString();
    const auto row = store.row(Role::Enrollment, *enrollment);
    EXPECT_EQ(row->value(QStringLiteral("class__c")).toString(),
              QStringLiteral("a01000000000001AAA"));
    EXPECT_TRUE(row->value(QStringLiteral("student__c")).isNull()) << "parent not synced yet";
    EXPECT_EQ(store.outboxEntries({}).size(), 2) << "synced inserts are not logged";
}

TEST_F(StoreTest, ReadOnlyObjectsRefuseLocalEdits)
{
    EXPECT_FALSE(
        store.insertLocal(Role::Teacher, {{QStringLiteral("email__c"), QStringLiteral("x@y.do")}}));
    EXPECT_TRUE(store.errorString().contains(QStringLiteral("Teacher__c")));
    EXPECT_EQ(store.pendingChangeCount(), 0);
}

TEST_F(StoreTest, UnknownColumnsAreRefusedNotInterpolated)
{
    EXPECT_FALSE(store.insertLocal(
        Role::Student, {{QStringLiteral("x) VALUES (1); DROP TABLE student__c; --"), 1}}));
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM student__c")), 0);
    const QString tricky = QStringLiteral("O'Brien\"; DROP TABLE student__c; --");
    ASSERT_TRUE(store.insertLocal(Role::Student, student(tricky)));
    QSqlQuery query(store.database());
    ASSERT_TRUE(query.exec(QStringLiteral("SELECT last_name__c FROM student__c")) && query.next());
    EXPECT_EQ(query.value(0).toString(), tricky);
}

TEST_F(StoreTest, NestedTransactionsRollBackTogether)
{
    ASSERT_TRUE(store.begin());
    ASSERT_TRUE(store.insertLocal(Role::Student, student(QStringLiteral("Uno"))));
    ASSERT_TRUE(store.insertLocal(Role::Student, student(QStringLiteral("Dos"))));
    store.rollback();
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM student__c")), 0);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM _trigger_log")), 0);
}

TEST_F(StoreTest, FullDiskLosesNothingAlreadySavedAndSaysWhy)
{
    // Cap the file so SQLite reports SQLITE_FULL, as on a full disk.
    QSqlQuery cap(store.database());
    ASSERT_TRUE(cap.exec(QStringLiteral("PRAGMA max_page_count = %1")
                             .arg(count(QStringLiteral("PRAGMA page_count")) + 3)));
    const QString big(2000, QLatin1Char('x'));
    int saved = 0;
    for (int i = 0; i < 200; ++i) {
        QVariantMap values = student(QString::number(i));
        values.insert(QStringLiteral("notes__c"), big);
        if (!store.insertLocal(Role::Student, values)) {
            break;
        }
        ++saved;
    }
    EXPECT_LT(saved, 200);
    EXPECT_TRUE(store.errorString().contains(QStringLiteral("full"), Qt::CaseInsensitive))
        << store.errorString().toStdString();
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM student__c")), saved);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM _trigger_log")), saved);
}

TEST(StoreOpen, RefusesDamagedFileWithoutWriting)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.sqlite"));
    {
        LocalStore store(Mapping::dream());
        ASSERT_TRUE(store.open(path));
        for (int i = 0; i < 300; ++i) {
            store.insertLocal(Role::Student,
                              {{QStringLiteral("first_name__c"), QString(200, QLatin1Char('a'))},
                               {QStringLiteral("last_name__c"), QString::number(i)}});
        }
        QSqlQuery(store.database()).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadWrite));
    QByteArray bytes = file.readAll();
    // Scribble over the middle pages, keeping the header readable.
    for (qsizetype i = 8192; i < bytes.size() - 4096; i += 7) {
        bytes[i] = char(0xA5);
    }
    file.seek(0);
    file.write(bytes);
    file.close();

    LocalStore store(Mapping::dream());
    EXPECT_FALSE(store.open(path));
    EXPECT_FALSE(store.errorString().isEmpty());
    QFile after(path);
    ASSERT_TRUE(after.open(QIODevice::ReadOnly));
    EXPECT_EQ(after.readAll(), bytes) << "a damaged file is left as it was";
}

TEST(StoreOpen, RefusesNotADatabase)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("text.sqlite"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'z'));
    file.close();
    LocalStore store(Mapping::dream());
    EXPECT_FALSE(store.open(path));
    EXPECT_TRUE(store.errorString().contains(path)) << store.errorString().toStdString();
}

TEST(StoreOpen, RefusesNewerSchema)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("new.sqlite"));
    ASSERT_NO_FATAL_FAILURE(writeStoreWithSchemaVersion(path, 99));
    LocalStore store(Mapping::dream());
    EXPECT_FALSE(store.open(path));
    EXPECT_TRUE(store.errorString().contains(QStringLiteral("newer")));
}

TEST(StoreOpen, RefusesNegativeSchemaVersionWithAClearError)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("negative.sqlite"));
    ASSERT_NO_FATAL_FAILURE(writeStoreWithSchemaVersion(path, -1));
    LocalStore store(Mapping::dream());
    EXPECT_FALSE(store.open(path)) << "no assert, no guessed migration";
    EXPECT_TRUE(store.errorString().contains(QStringLiteral("unknown schema version")))
        << store.errorString().toStdString();
}

TEST(StoreOpen, NewlyMappedFieldAddsItsColumn)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("grow.sqlite"));
    {
        LocalStore store(Mapping::dream());
        ASSERT_TRUE(store.open(path));
    }
    QFile source(QStringLiteral(":/mappings/dream.json"));
    ASSERT_TRUE(source.open(QIODevice::ReadOnly));
    QByteArray json = source.readAll();
    json.replace("\"Nickname__c\": {}", "\"Nickname__c\": {},\n\"Grade__c\": {}");
    QString error;
    const auto grown = Mapping::fromJson(json, &error);
    ASSERT_TRUE(grown) << error.toStdString();
    LocalStore store(*grown);
    ASSERT_TRUE(store.open(path)) << store.errorString().toStdString();
    QSqlQuery query(store.database());
    ASSERT_TRUE(query.exec(QStringLiteral(
        "SELECT COUNT(*) FROM pragma_table_info('student__c') WHERE name = 'grade__c'")));
    ASSERT_TRUE(query.next());
    EXPECT_EQ(query.value(0).toInt(), 1);
}

// Kills a child process in the middle of a burst of edits, many times, and checks that
// every committed edit has its log row and no log row lacks its edit.
TEST(StoreCrash, KillDuringEditBurstKeepsRowsAndLogInStep)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("burst.sqlite"));
    const QString tool = QStringLiteral(PASALISTA_TEST_TOOLS_DIR "/store-burst");
    QRandomGenerator random(20261125);
    QHash<qint64, int> reported; // record id -> highest counter the child said it committed
    constexpr int kRuns = 25;
    for (int run = 0; run < kRuns; ++run) {
        QProcess child;
        child.start(tool, {path});
        ASSERT_TRUE(child.waitForStarted(10000));
        ASSERT_TRUE(child.waitForReadyRead(20000)) << "the child never got ready";
        QThread::msleep(5 + random.bounded(120));
        child.kill(); // SIGKILL: no chance to finish a transaction
        ASSERT_TRUE(child.waitForFinished(10000));
        const QList<QByteArray> lines = child.readAllStandardOutput().split('\n');
        for (const QByteArray &line : lines) {
            const QList<QByteArray> parts = line.split(' ');
            if (parts.size() == 3 && parts[0] == "committed") {
                const qint64 id = parts[1].toLongLong();
                reported[id] = std::max(reported.value(id), parts[2].toInt());
            }
        }
    }
    ASSERT_FALSE(reported.isEmpty());

    LocalStore store(Mapping::dream());
    ASSERT_TRUE(store.open(path)) << store.errorString().toStdString();
    QSqlQuery query(store.database());
    ASSERT_TRUE(
        query.exec(QStringLiteral("SELECT COUNT(*) FROM _trigger_log l WHERE NOT EXISTS"
                                  " (SELECT 1 FROM student__c s WHERE s.id = l.record_id)")));
    ASSERT_TRUE(query.next());
    EXPECT_EQ(query.value(0).toInt(), 0) << "a log row whose edit is missing";

    ASSERT_TRUE(query.exec(QStringLiteral(
        "SELECT COUNT(*) FROM student__c s WHERE (SELECT COUNT(*) FROM _trigger_log l"
        " WHERE l.record_id = s.id AND l.action = 'INSERT') != 1")));
    ASSERT_TRUE(query.next());
    EXPECT_EQ(query.value(0).toInt(), 0) << "a record without exactly one INSERT log row";

    // The newest logged value of each record is the value the record holds.
    QHash<qint64, QString> lastLogged;
    for (const OutboxEntry &entry : store.outboxEntries({})) {
        if (entry.values.contains(QStringLiteral("nickname__c"))) {
            lastLogged[entry.recordId] =
                entry.values.value(QStringLiteral("nickname__c")).toString();
        }
    }
    ASSERT_TRUE(query.exec(QStringLiteral("SELECT id, nickname__c FROM student__c")));
    int records = 0;
    while (query.next()) {
        ++records;
        const qint64 id = query.value(0).toLongLong();
        const int held = query.value(1).toInt();
        EXPECT_EQ(lastLogged.value(id), query.value(1).toString()) << "record " << id;
        EXPECT_GE(held, reported.value(id)) << "a committed edit was lost on record " << id;
    }
    EXPECT_GE(records, reported.size());
}
