// Issue 25 (and issue 22 case 5): a mark the org refused, or one both sides changed, looks
// different on the attendance sheet (a warning icon by the name) and says why in the
// teacher's words, the words of Sync issues (tooltip and accessible description).
#include "attendancemodel.h"
#include "attendancesheet.h"
#include "laptop.h"
#include "mainwindow.h"
#include "orgrules.h"

#include <QIcon>
#include <QTest>
#include <gtest/gtest.h>

using namespace pasalista;

namespace {

class SheetSyncMarkers : public test::OrgTest
{
protected:
    // The student's row carries a warning icon by the name, the issue's kind, and on every
    // cell the same words for the pointer and a screen reader; returns them.
    static QString expectMarked(const AttendanceModel &model, qint64 studentId,
                                SyncIssue::Kind kind)
    {
        const int row = rowOf(model, studentId);
        EXPECT_GE(row, 0);
        const QModelIndex name = model.index(row, AttendanceModel::NameColumn);
        EXPECT_FALSE(name.data(Qt::DecorationRole).value<QIcon>().isNull())
            << "the row looks like any other";
        EXPECT_EQ(name.data(AttendanceModel::SyncIssueKindRole).toInt(), int(kind));
        const QString tip =
            model.index(row, AttendanceModel::StatusColumn).data(Qt::ToolTipRole).toString();
        EXPECT_EQ(name.data(Qt::ToolTipRole).toString(), tip);
        EXPECT_EQ(name.data(Qt::AccessibleDescriptionRole).toString(), tip);
        return tip;
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
    ASSERT_TRUE(test::refuseMarksWithNote(org, QStringLiteral("rechazar")));
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

    const QString refusedTip = expectMarked(model, refused, SyncIssue::Kind::Failed);
    EXPECT_TRUE(refusedTip.contains(QStringLiteral("Esta nota no se admite.")))
        << refusedTip.toStdString();
    EXPECT_TRUE(refusedTip.contains(QStringLiteral("has not taken"))) << refusedTip.toStdString();
    const QString conflictTip = expectMarked(model, conflicting, SyncIssue::Kind::Conflict);
    EXPECT_TRUE(conflictTip.contains(QStringLiteral("changed here and in the org")))
        << conflictTip.toStdString();

    const int plainRow = rowOf(model, untouched);
    ASSERT_GE(plainRow, 0);
    EXPECT_FALSE(
        model.index(plainRow, AttendanceModel::NameColumn).data(Qt::DecorationRole).isValid());
    EXPECT_FALSE(
        model.index(plainRow, AttendanceModel::NameColumn).data(Qt::ToolTipRole).isValid());
}
