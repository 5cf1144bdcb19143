// Issue 25 (and issue 22 case 5): a mark the org refused, or one both sides changed, looks
// different on the attendance sheet (a warning icon by the name) and says why in the
// teacher's words, the words of Sync issues (tooltip and accessible description).
#include "attendancemodel.h"
#include "attendancesheet.h"
#include "laptop.h"
#include "mainwindow.h"

#include <QIcon>
#include <QJsonDocument>
#include <QTest>
#include <gtest/gtest.h>

using namespace pasalista;

namespace {

class SheetSyncMarkers : public test::OrgTest
{
protected:
    // The org's admin refuses every mark whose note is `note`.
    void refuseNotesSaying(const QString &note)
    {
        const auto rule = org.sendJson(
            "POST", QStringLiteral("/__emulator/validation-rules"),
            QJsonDocument(QJsonObject{
                {QStringLiteral("object"), QStringLiteral("Attendance__c")},
                {QStringLiteral("name"), QStringLiteral("No_Rechazar")},
                {QStringLiteral("condition"), QStringLiteral("Notes__c = '%1'").arg(note)},
                {QStringLiteral("message"), QStringLiteral("Esta nota no se admite.")},
                {QStringLiteral("field"), QStringLiteral("Notes__c")},
                {QStringLiteral("active"), true}}));
        ASSERT_LT(rule.status, 300) << rule.body.toStdString();
    }

    static int rowOf(const AttendanceModel &model, qint64 studentId)
    {
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.index(row, 0).data(AttendanceModel::StudentIdRole).toLongLong() ==
                studentId) {
                return row;
            }
        }
        return -1;
    }
};

} // namespace

TEST_F(SheetSyncMarkers, RefusedAndConflictingMarksAreMarkedWithTheirReason)
{
    ASSERT_NO_FATAL_FAILURE(refuseNotesSaying(QStringLiteral("rechazar")));
    test::Laptop laptop(org, QStringLiteral("teacher"));
    ASSERT_EQ(laptop.sync().result, SyncReport::Result::Clean);
    Repository &repository = laptop.repository();
    const Course course = test::firstActiveCourse(repository);
    ASSERT_NE(course.id, 0);
    const QList<Student> roster = repository.roster(course.id);
    ASSERT_GE(roster.size(), 3);
    const QDate day = QDate::currentDate();
    const qint64 refused = roster.at(0).id;
    const qint64 conflicting = roster.at(1).id;
    const qint64 untouched = roster.at(2).id;

    // A mark both sides change: the teacher here, the office in the org.
    ASSERT_TRUE(repository.markAttendance(course.id, conflicting, day, 0, {}, true).ok());
    ASSERT_EQ(laptop.sync().result, SyncReport::Result::Clean);
    const QString markId = repository.attendanceOn(course.id, day).value(conflicting).sfid;
    ASSERT_FALSE(markId.isEmpty());
    ASSERT_TRUE(repository.markAttendance(course.id, conflicting, day, 1, {}, true).ok());
    ASSERT_TRUE(org.adminUpdate(QStringLiteral("Attendance__c"), markId,
                                {{QStringLiteral("Attendance_Type__c"), 2},
                                 {QStringLiteral("Notes__c"), QStringLiteral("cita médica")}}));
    // A mark the org refuses.
    ASSERT_TRUE(
        repository.markAttendance(course.id, refused, day, 1, QStringLiteral("rechazar"), true)
            .ok());
    const SyncReport report = laptop.sync();
    ASSERT_EQ(report.failed, 1) << report.message.toStdString();
    ASSERT_GE(report.conflicts, 1) << report.message.toStdString();

    MainWindow window(repository);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    ASSERT_TRUE(window.selectCourse(course.id));
    window.showTab(MainWindow::AttendanceTab);
    window.attendanceSheet()->setDate(day);
    const AttendanceModel &model = *window.attendanceSheet()->model();

    const int refusedRow = rowOf(model, refused);
    ASSERT_GE(refusedRow, 0);
    const QModelIndex refusedName = model.index(refusedRow, AttendanceModel::NameColumn);
    EXPECT_FALSE(refusedName.data(Qt::DecorationRole).value<QIcon>().isNull())
        << "the refused row looks like any other";
    EXPECT_EQ(refusedName.data(AttendanceModel::SyncIssueKindRole).toInt(),
              int(SyncIssue::Kind::Failed));
    const QString refusedTip =
        model.index(refusedRow, AttendanceModel::StatusColumn).data(Qt::ToolTipRole).toString();
    EXPECT_TRUE(refusedTip.contains(QStringLiteral("Esta nota no se admite.")))
        << refusedTip.toStdString();
    EXPECT_TRUE(refusedTip.contains(QStringLiteral("has not taken"))) << refusedTip.toStdString();
    EXPECT_EQ(refusedName.data(Qt::AccessibleDescriptionRole).toString(), refusedTip);

    const int conflictRow = rowOf(model, conflicting);
    ASSERT_GE(conflictRow, 0);
    const QModelIndex conflictName = model.index(conflictRow, AttendanceModel::NameColumn);
    EXPECT_FALSE(conflictName.data(Qt::DecorationRole).value<QIcon>().isNull())
        << "no marker on a conflicting mark (issue 22 case 5)";
    EXPECT_EQ(conflictName.data(AttendanceModel::SyncIssueKindRole).toInt(),
              int(SyncIssue::Kind::Conflict));
    EXPECT_TRUE(conflictName.data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("changed here and in the org")))
        << conflictName.data(Qt::ToolTipRole).toString().toStdString();

    const int plainRow = rowOf(model, untouched);
    ASSERT_GE(plainRow, 0);
    EXPECT_FALSE(
        model.index(plainRow, AttendanceModel::NameColumn).data(Qt::DecorationRole).isValid());
    EXPECT_FALSE(
        model.index(plainRow, AttendanceModel::NameColumn).data(Qt::ToolTipRole).isValid());
}
