// The Sync issues view and the student editor it opens, on a real store; the refused value
// corrected in place, against the emulated org.
#include "attendancemodel.h"
#include "attendancesheet.h"
#include "attendancetableview.h"
#include "laptop.h"
#include "mainwindow.h"
#include "mapping.h"
#include "markfixbox.h"
#include "repository.h"
#include "store/localstore.h"
#include "studentformdialog.h"
#include "studentlabels.h"
#include "syncissuesdialog.h"
#include "syncissuesmodel.h"
#include "syncissuetext.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDateEdit>
#include <QGroupBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <gtest/gtest.h>

using namespace pasalista;
using namespace pasalista::test;

namespace {

class SyncIssuesUi : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(store.open(dir.filePath(QStringLiteral("ui.sqlite"))));
        Student student;
        student.firstName = QStringLiteral("Luisa");
        student.lastName = QStringLiteral("Batista");
        student.dateOfBirth = QDate(2012, 1, 9);
        student.phone1 = QStringLiteral("809-555-7777");
        ASSERT_TRUE(repository.createStudent(student, &studentId).ok());
        // What the pusher writes when the org refuses the record.
        QSqlQuery query(store.database());
        ASSERT_TRUE(query.exec(
            QStringLiteral("UPDATE _trigger_log SET state = 'FAILED',"
                           " sf_message = 'REQUIRED_FIELD_MISSING: Falta el teléfono'")));
        ASSERT_TRUE(store.writeSynced(Role::Student, studentId,
                                      {{QStringLiteral("_hc_lastop"), QStringLiteral("FAILED")}}));
    }

    QTemporaryDir dir;
    LocalStore store{Mapping::dream()};
    Repository repository{store};
    qint64 studentId = 0;
};

} // namespace

TEST_F(SyncIssuesUi, ModelListsTheRefusedRecord)
{
    SyncIssuesModel model(store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.index(0, SyncIssuesModel::RecordColumn).data().toString(),
              QStringLiteral("Batista, Luisa"))
        << "the name as every list writes it";
    EXPECT_TRUE(model.index(0, SyncIssuesModel::DetailsColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("Falta el teléfono")));
    EXPECT_EQ(model.index(0, SyncIssuesModel::KindColumn).data().toString(),
              QStringLiteral("Refused by the org"));
}

TEST_F(SyncIssuesUi, SendAgainQueuesTheRecord)
{
    SyncIssuesDialog dialog(store);
    auto *view = dialog.findChild<QTableView *>();
    ASSERT_NE(view, nullptr);
    view->selectRow(0);
    QPushButton *retry = nullptr;
    QPushButton *edit = nullptr;
    for (QPushButton *button : dialog.findChildren<QPushButton *>()) {
        if (button->text() == QStringLiteral("Send &again")) {
            retry = button;
        } else if (button->text() == QStringLiteral("&Edit…")) {
            edit = button;
        }
    }
    ASSERT_TRUE(retry && edit);
    EXPECT_TRUE(retry->isEnabled());
    EXPECT_TRUE(edit->isEnabled()) << "a refused student can be edited";
    retry->click();
    EXPECT_EQ(store.pendingChangeCount(), 1);
    EXPECT_EQ(view->model()->rowCount(), 0);
}

TEST_F(SyncIssuesUi, EditorChangesTheStudentThroughTheOutbox)
{
    StudentFormDialog form(repository);
    form.editStudent(*repository.student(studentId));
    EXPECT_EQ(form.firstNameEdit()->text(), QStringLiteral("Luisa"));
    form.firstNameEdit()->setText(QStringLiteral("Luisa María"));
    form.accept();
    EXPECT_EQ(form.result(), QDialog::Accepted) << form.errorText().toStdString();
    EXPECT_EQ(repository.student(studentId)->firstName, QStringLiteral("Luisa María"));
    const QList<OutboxEntry> updates = store.outboxEntries({outbox::New});
    ASSERT_EQ(updates.size(), 1);
    EXPECT_EQ(updates[0].action, QStringLiteral("UPDATE"));
    EXPECT_EQ(updates[0].values.value(QStringLiteral("first_name__c")).toString(),
              QStringLiteral("Luisa María"));
}

TEST(SyncIssueWording, ConflictsAndRefusalsAreInTheTeachersWords)
{
    const Mapping mapping = Mapping::dream();
    SyncIssue conflict;
    conflict.kind = SyncIssue::Kind::Conflict;
    conflict.role = Role::Attendance;
    conflict.field = QStringLiteral("attendance_type__c");
    conflict.localValue = QStringLiteral("2");
    conflict.remoteValue = QStringLiteral("3");
    conflict.kept = QStringLiteral("local");
    const QString said = SyncIssueText::details(mapping, conflict);
    EXPECT_EQ(said, QStringLiteral("Status: yours \"Excused absence\", the org's \"Unexcused "
                                   "late\" — kept yours."));
    EXPECT_FALSE(said.contains(QStringLiteral("__c")));

    SyncIssue refused;
    refused.kind = SyncIssue::Kind::Failed;
    refused.role = Role::Attendance;
    refused.message = QStringLiteral("STRING_TOO_LONG: Notes: data value too large: Llegó "
                                     "tarde… (max length=1000)");
    const QString told = SyncIssueText::details(mapping, refused);
    EXPECT_FALSE(told.contains(QStringLiteral("STRING_TOO_LONG"))) << told.toStdString();
    EXPECT_TRUE(told.startsWith(QStringLiteral("Notes is too long"))) << told.toStdString();
    EXPECT_TRUE(told.contains(QStringLiteral("1000 characters"))) << told.toStdString();
    EXPECT_EQ(SyncIssueText::apiText(refused), refused.message);
}

namespace {

// The Sync issues window on a laptop's store, shown, with the issue of one record selected.
class OpenIssues
{
public:
    OpenIssues(LocalStore &store, Role role, qint64 recordId) : dialog(store)
    {
        dialog.resize(900, 560);
        dialog.show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(&dialog));
        select(role, recordId);
    }

    void select(Role role, qint64 recordId)
    {
        row = model()->rowOf(role, recordId);
        if (row >= 0) {
            dialog.view()->selectRow(row);
        }
    }

    SyncIssuesModel *model() const
    {
        return qobject_cast<SyncIssuesModel *>(dialog.view()->model());
    }
    QString text(int column) const { return model()->index(row, column).data().toString(); }

    SyncIssuesDialog dialog;
    int row = -1;
};

// The org's record of a local one, field by field as the mapping binds them (and our key),
// and nothing waiting or refused on the laptop: the two agree.
void expectSameInOrgAndLaptop(Laptop &laptop, const EmulatorProcess &org, Role role, qint64 id)
{
    const ObjectMapping &object = laptop.store().mapping().objectFor(role);
    const QVariantMap row = laptop.store().row(role, id).value_or(QVariantMap());
    const QString sfid = row.value(QStringLiteral("sfid")).toString();
    ASSERT_FALSE(sfid.isEmpty()) << "the record reached the org";
    int found = 0;
    for (const QJsonValue &value : liveRecords(org, object.objectName)) {
        const QJsonObject record = value.toObject();
        if (record.value(QStringLiteral("Id")).toString() != sfid) {
            continue;
        }
        ++found;
        // The fields the teacher's data lives in (the org's own stamps move on each write).
        QStringList fields = laptop.store().mapping().binding(role).fields.values();
        fields.append(object.upsertField);
        for (const QString &field : std::as_const(fields)) {
            const QVariant local = row.value(ObjectMapping::columnFor(field));
            const QJsonValue remote = record.value(field);
            if (remote.isDouble()) {
                EXPECT_DOUBLE_EQ(local.toDouble(), remote.toDouble()) << field.toStdString();
            } else {
                EXPECT_EQ(local.toString(), remote.toVariant().toString()) << field.toStdString();
            }
        }
    }
    EXPECT_EQ(found, 1) << "one org record for the laptop's";
    EXPECT_TRUE(row.value(QStringLiteral("_hc_err")).toString().isEmpty());
    EXPECT_EQ(laptop.store().pendingChangeCount(), 0);
    EXPECT_EQ(laptop.count(QStringLiteral("SELECT COUNT(*) FROM _trigger_log WHERE state = "
                                          "'FAILED'")),
              0);
}

// A laptop signed in to the emulated org and synced once (which caches the org's describe),
// with the first student of its first active course at hand.
class SyncIssuesAgainstTheOrg : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(org.isRunning()) << org.startupOutput().toStdString();
        ASSERT_EQ(laptop.sync().result, SyncReport::Result::Clean);
        course = firstActiveCourse(laptop.repository());
        ASSERT_NE(course.id, 0);
        student = laptop.repository().roster(course.id).first();
    }

    EmulatorProcess org{{QStringLiteral("--demo")}};
    Laptop laptop{org, QStringLiteral("a")};
    Course course;
    Student student;
};

} // namespace

// Issue 14: a 1,200-character note the org's rules refuse (STRING_TOO_LONG) is shortened in
// the Sync issues window itself, saved once it fits, sent at the next sync with its record
// whole, and the issue leaves the list when the org has taken it.
TEST_F(SyncIssuesAgainstTheOrg, ARefusedNoteIsShortenedInPlaceAndReachesTheOrg)
{
    Repository &repository = laptop.repository();
    const QDate day = QDate::currentDate().addDays(-2);
    ASSERT_TRUE(
        repository
            .markAttendance(course.id, student.id, day, 2, QString(1200, QLatin1Char('n')), true)
            .ok());
    const qint64 markId = repository.attendanceOn(course.id, day).value(student.id).id;
    ASSERT_NE(markId, 0);
    const SyncReport refused = laptop.sync();
    ASSERT_EQ(refused.result, SyncReport::Result::Issues) << refused.message.toStdString();

    OpenIssues issues(laptop.store(), Role::Attendance, markId);
    ASSERT_GE(issues.row, 0) << "the refused mark is listed";
    EXPECT_TRUE(
        issues.model()->issue(issues.row).message.startsWith(QStringLiteral("STRING_TOO_LONG")));
    const QString record = issues.text(SyncIssuesModel::RecordColumn);
    EXPECT_TRUE(record.contains(course.title)) << record.toStdString();
    EXPECT_TRUE(record.contains(QLocale().toString(day, QLocale::ShortFormat)))
        << record.toStdString();
    EXPECT_TRUE(record.contains(StudentLabels::listName(student, false))) << record.toStdString();
    const QString details = issues.text(SyncIssuesModel::DetailsColumn);
    EXPECT_TRUE(details.startsWith(QStringLiteral("Notes is too long"))) << details.toStdString();
    EXPECT_FALSE(details.contains(QStringLiteral("STRING_TOO_LONG")));

    SyncIssuesDialog &dialog = issues.dialog;
    ASSERT_TRUE(dialog.correctionBox()->isVisible()) << "the editor is there, in place";
    QPlainTextEdit *editor = dialog.valueEdit();
    ASSERT_TRUE(editor->isVisible());
    EXPECT_EQ(editor->toPlainText(), QString(1200, QLatin1Char('n')));
    EXPECT_FALSE(dialog.saveCorrectionButton()->isEnabled()) << "too long to save";
    EXPECT_TRUE(dialog.counterText().endsWith(QStringLiteral(": 200 over the limit")))
        << dialog.counterText().toStdString();

    // The teacher replaces it with a short note, typed there.
    editor->setFocus();
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(editor, QStringLiteral("Llego con su madre"));
    EXPECT_EQ(editor->toPlainText(), QStringLiteral("Llego con su madre"));
    ASSERT_TRUE(dialog.saveCorrectionButton()->isEnabled()) << dialog.counterText().toStdString();
    QTest::mouseClick(dialog.saveCorrectionButton(), Qt::LeftButton);

    EXPECT_EQ(repository.attendanceOn(course.id, day).value(student.id).notes,
              QStringLiteral("Llego con su madre"));
    issues.select(Role::Attendance, markId);
    ASSERT_GE(issues.row, 0) << "listed until the org takes it";
    EXPECT_EQ(issues.text(SyncIssuesModel::DetailsColumn),
              QStringLiteral("Corrected here: the record goes out with the next sync."));
    EXPECT_FALSE(dialog.correctionBox()->isVisible()) << "nothing left to correct";

    const SyncReport settled = laptop.sync();
    EXPECT_EQ(settled.result, SyncReport::Result::Clean) << settled.message.toStdString();
    dialog.reload();
    EXPECT_EQ(issues.model()->rowCount(), 0) << "the issue is gone once the org took it";
    expectSameInOrgAndLaptop(laptop, org, Role::Attendance, markId);
}

// Issue 14: a value the org's restricted picklist refuses is chosen again from the org's own
// values, in place; the record reaches the org with it.
TEST_F(SyncIssuesAgainstTheOrg, ARefusedPicklistValueIsChosenFromTheOrgsValues)
{
    const QString sex = laptop.store().mapping().column(Role::Student, QStringLiteral("sex"));
    // A value from elsewhere (an older mapping, an import) the org does not take.
    ASSERT_TRUE(
        laptop.store().updateLocal(Role::Student, student.id, {{sex, QStringLiteral("Otro")}}));
    ASSERT_EQ(laptop.sync().result, SyncReport::Result::Issues);

    OpenIssues issues(laptop.store(), Role::Student, student.id);
    ASSERT_GE(issues.row, 0);
    SyncIssuesDialog &dialog = issues.dialog;
    ASSERT_TRUE(dialog.correctionBox()->isVisible());
    QComboBox *choice = dialog.valueChoice();
    ASSERT_TRUE(choice->isVisible());
    EXPECT_FALSE(dialog.valueEdit()->isVisible());
    EXPECT_EQ(choice->findData(QStringLiteral("Otro")), -1) << "only the org's values";
    const int female = choice->findData(QStringLiteral("Female"));
    ASSERT_GE(female, 0);
    EXPECT_FALSE(dialog.saveCorrectionButton()->isEnabled()) << "nothing chosen yet";
    choice->setCurrentIndex(female);
    ASSERT_TRUE(dialog.saveCorrectionButton()->isEnabled());
    QTest::mouseClick(dialog.saveCorrectionButton(), Qt::LeftButton);

    EXPECT_EQ(laptop.sync().result, SyncReport::Result::Clean);
    dialog.reload();
    EXPECT_EQ(issues.model()->rowCount(), 0);
    expectSameInOrgAndLaptop(laptop, org, Role::Student, student.id);
    EXPECT_EQ(laptop.store().row(Role::Student, student.id)->value(sex).toString(),
              QStringLiteral("Female"));
}

namespace {

// The org's admin adds a validation rule on marks (Salesforce refuses a save that breaks it
// with FIELD_CUSTOM_VALIDATION_EXCEPTION and the rule's message, on the rule's field).
void addMarkRule(const EmulatorProcess &org, const QString &name, const QString &condition,
                 const QString &message, const QString &field)
{
    const HttpReply reply = org.sendJson(
        "POST", QStringLiteral("/__emulator/validation-rules"),
        QJsonDocument(QJsonObject{{QStringLiteral("object"), QStringLiteral("Attendance__c")},
                                  {QStringLiteral("name"), name},
                                  {QStringLiteral("condition"), condition},
                                  {QStringLiteral("message"), message},
                                  {QStringLiteral("field"), field}}));
    ASSERT_EQ(reply.status, 204) << reply.body.toStdString();
}

// A mark of `student` on `day` the org refuses at the next sync; its id.
qint64 refusedMark(Laptop &laptop, const Course &course, const Student &student, const QDate &day,
                   int status)
{
    Repository &repository = laptop.repository();
    EXPECT_TRUE(repository.markAttendance(course.id, student.id, day, status, {}, true).ok());
    const qint64 markId = repository.attendanceOn(course.id, day).value(student.id).id;
    EXPECT_NE(markId, 0);
    const SyncReport refused = laptop.sync();
    EXPECT_EQ(refused.result, SyncReport::Result::Issues) << refused.message.toStdString();
    return markId;
}

// The two latest past days of the course without a mark of `student`, the later first: a
// mark made on either is new.
void twoUnmarkedDays(Repository &repository, const Course &course, const Student &student,
                     QDate *right, QDate *wrong)
{
    QList<QDate> unmarked;
    for (QDate day = QDate::currentDate().addDays(-1); unmarked.size() < 2; day = day.addDays(-1)) {
        ASSERT_TRUE(course.isActiveOn(day)) << "the demo course has unmarked days";
        if (!repository.attendanceOn(course.id, day).contains(student.id)) {
            unmarked.append(day);
        }
    }
    *right = unmarked.at(0);
    *wrong = unmarked.at(1);
}

// The refused mark moved to another date in the Sync issues window.
void moveRefusedMark(LocalStore &store, qint64 markId, const QDate &to)
{
    OpenIssues issues(store, Role::Attendance, markId);
    ASSERT_GE(issues.row, 0);
    MarkFixBox *fix = issues.dialog.markFixBox();
    ASSERT_TRUE(fix->isVisible()) << "the date is offered where the refusal is shown";
    fix->dateEdit()->setDate(to);
    ASSERT_TRUE(fix->saveButton()->isEnabled());
    QTest::mouseClick(fix->saveButton(), Qt::LeftButton);
}

// The office says there was no class on `day`: the org refuses marks on it.
void addNoClassRule(const EmulatorProcess &org, const QDate &day)
{
    addMarkRule(org, QStringLiteral("No_Class_That_Day"),
                QStringLiteral("Start_Date__c = %1").arg(day.toString(Qt::ISODate)),
                QStringLiteral("No hubo clase ese día."), QStringLiteral("Start_Date__c"));
}

} // namespace

// Issue 25: a mark the org's validation rule refuses for want of a note gets its note in the
// Sync issues window itself, saved as the sheet saves marks, and reaches the org.
TEST_F(SyncIssuesAgainstTheOrg, AMarkRefusedForWantOfANoteGetsItsNoteInPlace)
{
    ASSERT_NO_FATAL_FAILURE(addMarkRule(
        org, QStringLiteral("Absence_Needs_Note"),
        QStringLiteral("Attendance_Type__c = 1 AND Notes__c = null"),
        QStringLiteral("Una ausencia sin excusa necesita una nota."), QStringLiteral("Notes__c")));
    const QDate day = QDate::currentDate().addDays(-2);
    const qint64 markId = refusedMark(laptop, course, student, day, 1);

    OpenIssues issues(laptop.store(), Role::Attendance, markId);
    ASSERT_GE(issues.row, 0);
    SyncIssuesDialog &dialog = issues.dialog;
    MarkFixBox *fix = dialog.markFixBox();
    ASSERT_TRUE(fix->isVisible()) << "the fix is offered where the refusal is shown";
    EXPECT_TRUE(fix->noteEdit()->isVisible());
    EXPECT_EQ(fix->statusChoice()->currentData().toInt(), 1);
    EXPECT_EQ(fix->dateEdit()->date(), day);
    EXPECT_FALSE(fix->saveButton()->isEnabled()) << "the mark as it is would be refused again";

    fix->noteEdit()->setFocus();
    QTest::keyClicks(fix->noteEdit(), QStringLiteral("Enfermo, aviso la madre"));
    ASSERT_TRUE(fix->saveButton()->isEnabled());
    QTest::mouseClick(fix->saveButton(), Qt::LeftButton);
    const AttendanceMark mark = laptop.repository().attendanceOn(course.id, day).value(student.id);
    EXPECT_EQ(mark.id, markId) << "the same mark, edited";
    EXPECT_EQ(mark.notes, QStringLiteral("Enfermo, aviso la madre"));
    EXPECT_EQ(mark.status, 1);

    const SyncReport settled = laptop.sync();
    EXPECT_EQ(settled.result, SyncReport::Result::Clean) << settled.message.toStdString();
    dialog.reload();
    EXPECT_EQ(issues.model()->rowCount(), 0);
    expectSameInOrgAndLaptop(laptop, org, Role::Attendance, markId);
}

// Issue 25: a status the org's rule refuses (a code outside its 0..4) is chosen again from
// the statuses, in place.
TEST_F(SyncIssuesAgainstTheOrg, AMarkRefusedForItsStatusGetsAStatusInPlace)
{
    const QDate day = QDate::currentDate().addDays(-2);
    Repository &repository = laptop.repository();
    ASSERT_TRUE(repository.markAttendance(course.id, student.id, day, 0, {}, true).ok());
    const qint64 markId = repository.attendanceOn(course.id, day).value(student.id).id;
    // A code from an older mapping, say, that the org's rule no longer takes.
    ASSERT_TRUE(laptop.store().updateLocal(Role::Attendance, markId,
                                           {{QStringLiteral("attendance_type__c"), 9}}));
    ASSERT_EQ(laptop.sync().result, SyncReport::Result::Issues);

    OpenIssues issues(laptop.store(), Role::Attendance, markId);
    ASSERT_GE(issues.row, 0);
    MarkFixBox *fix = issues.dialog.markFixBox();
    ASSERT_TRUE(fix->isVisible());
    EXPECT_EQ(fix->statusChoice()->currentIndex(), -1) << "9 is not offered again";
    EXPECT_FALSE(fix->saveButton()->isEnabled());
    fix->statusChoice()->setCurrentIndex(fix->statusChoice()->findData(2));
    ASSERT_TRUE(fix->saveButton()->isEnabled());
    QTest::mouseClick(fix->saveButton(), Qt::LeftButton);

    EXPECT_EQ(laptop.sync().result, SyncReport::Result::Clean);
    issues.dialog.reload();
    EXPECT_EQ(issues.model()->rowCount(), 0);
    expectSameInOrgAndLaptop(laptop, org, Role::Attendance, markId);
    EXPECT_EQ(repository.attendanceOn(course.id, day).value(student.id).status, 2);
}

// Issue 25: a mark the org refuses for its date (no class that day) is moved to the right
// date in place: the org ends with the mark on that date only, as the laptop.
TEST_F(SyncIssuesAgainstTheOrg, AMarkRefusedForItsDateIsMovedInPlace)
{
    Repository &repository = laptop.repository();
    QDate right;
    QDate wrong;
    ASSERT_NO_FATAL_FAILURE(twoUnmarkedDays(repository, course, student, &right, &wrong));
    ASSERT_NO_FATAL_FAILURE(addNoClassRule(org, wrong));
    const qint64 markId = refusedMark(laptop, course, student, wrong, 2);

    ASSERT_NO_FATAL_FAILURE(moveRefusedMark(laptop.store(), markId, right));

    EXPECT_FALSE(repository.attendanceOn(course.id, wrong).contains(student.id));
    const AttendanceMark moved = repository.attendanceOn(course.id, right).value(student.id);
    ASSERT_NE(moved.id, 0);
    EXPECT_EQ(moved.status, 2);

    EXPECT_EQ(laptop.sync().result, SyncReport::Result::Clean);
    EXPECT_EQ(SyncIssuesModel(laptop.store()).rowCount(), 0);
    expectSameInOrgAndLaptop(laptop, org, Role::Attendance, moved.id);
    // Record by record, her marks in the org are her live marks here: none on the wrong day.
    const QString enrollment = repository.enrollment(course.id, student.id)->sfid;
    QSet<QString> inOrg;
    for (const QJsonValue &value : liveRecords(org, QStringLiteral("Attendance__c"))) {
        const QJsonObject record = value.toObject();
        if (record.value(QStringLiteral("Participant_Enrollment__c")).toString() == enrollment) {
            inOrg.insert(record.value(QStringLiteral("Id")).toString());
            EXPECT_NE(record.value(QStringLiteral("Start_Date__c")).toString(),
                      wrong.toString(Qt::ISODate));
        }
    }
    QSet<QString> onLaptop;
    for (const AttendanceMark &mark : repository.attendanceOfStudent(student.id)) {
        if (mark.courseId == course.id) {
            onLaptop.insert(mark.sfid);
        }
    }
    EXPECT_EQ(inOrg, onLaptop);
}

namespace {

// Issue 25: "Go to the mark" shows the refused mark's row on the sheet: its course (whatever
// the list showed), its date, its student; with the rows read at once or in the background.
void goToTheMark(Laptop &laptop, const EmulatorProcess &org, const Course &course,
                 MainWindow::Loading loading)
{
    const QList<Student> roster = laptop.repository().roster(course.id);
    ASSERT_GE(roster.size(), 2);
    const Student last = roster.last();
    const QDate day = QDate::currentDate().addDays(-3);
    ASSERT_NO_FATAL_FAILURE(addMarkRule(
        org, QStringLiteral("Absence_Needs_Note"),
        QStringLiteral("Attendance_Type__c = 1 AND Notes__c = null"),
        QStringLiteral("Una ausencia sin excusa necesita una nota."), QStringLiteral("Notes__c")));
    const qint64 markId = refusedMark(laptop, course, last, day, 1);

    MainWindow window(laptop.repository(), loading);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !window.isLoading(); }, 10000));
    window.showTab(MainWindow::RosterTab);
    for (const Course &other : laptop.repository().courses()) {
        if (other.id != course.id && window.selectCourse(other.id)) {
            break;
        }
    }
    ASSERT_TRUE(QTest::qWaitFor([&] { return !window.isLoading(); }, 10000));
    OpenIssues issues(laptop.store(), Role::Attendance, markId);
    ASSERT_GE(issues.row, 0);
    QObject::connect(&issues.dialog, &SyncIssuesDialog::markRequested, &window,
                     &MainWindow::showMark);
    ASSERT_TRUE(issues.dialog.goToMarkButton()->isEnabled());
    QTest::mouseClick(issues.dialog.goToMarkButton(), Qt::LeftButton);
    EXPECT_FALSE(issues.dialog.isVisible()) << "the window gives way to the sheet";

    AttendanceSheet *sheet = window.attendanceSheet();
    const auto onTheRow = [&] {
        const int row = sheet->model()->rowOfKey(last.id);
        return !window.isLoading() && !sheet->isLoading() && row > 0 &&
               sheet->view()->currentIndex().row() == row;
    };
    EXPECT_TRUE(QTest::qWaitFor(onTheRow, 10000))
        << sheet->view()->currentIndex().row() << " " << sheet->model()->rowOfKey(last.id);
    EXPECT_EQ(window.currentCourseId(), course.id);
    EXPECT_TRUE(sheet->isVisible());
    EXPECT_EQ(sheet->date(), day);
    EXPECT_EQ(sheet->model()->courseId(), course.id);
    EXPECT_EQ(sheet->model()->date(), day);
}

} // namespace

TEST_F(SyncIssuesAgainstTheOrg, GoToTheMarkOpensItsRowOnTheSheet)
{
    goToTheMark(laptop, org, course, MainWindow::Loading::OnGuiThread);
}

TEST_F(SyncIssuesAgainstTheOrg, GoToTheMarkOpensItsRowOnASheetReadInTheBackground)
{
    goToTheMark(laptop, org, course, MainWindow::Loading::InBackground);
}

// Issue 25: the buttons of a mark changed on both sides say which value each keeps, the
// status and the note together; keeping the teacher's sends it to the org.
TEST_F(SyncIssuesAgainstTheOrg, ConflictButtonsShowBothValues)
{
    Repository &repository = laptop.repository();
    const QDate day = QDate::currentDate().addDays(-2);
    ASSERT_TRUE(repository.markAttendance(course.id, student.id, day, 1, {}, true).ok());
    ASSERT_EQ(laptop.sync().result, SyncReport::Result::Clean);
    const AttendanceMark mark = repository.attendanceOn(course.id, day).value(student.id);
    ASSERT_FALSE(mark.sfid.isEmpty());
    // The office marks her present while the teacher excuses her with a note.
    ASSERT_TRUE(org.adminUpdate(QStringLiteral("Attendance__c"), mark.sfid,
                                {{QStringLiteral("Attendance_Type__c"), 0}}));
    ASSERT_TRUE(repository
                    .markAttendance(course.id, student.id, day, 2,
                                    QStringLiteral("Cita médica & vacuna"), true)
                    .ok());
    laptop.sync();

    OpenIssues issues(laptop.store(), Role::Attendance, mark.id);
    ASSERT_GE(issues.row, 0) << "the conflict is listed";
    ASSERT_EQ(issues.model()->issue(issues.row).kind, SyncIssue::Kind::Conflict);
    SyncIssuesDialog &dialog = issues.dialog;
    const QString mine = dialog.keepMineButton()->text();
    const QString office = dialog.keepOfficeButton()->text();
    EXPECT_TRUE(mine.contains(QStringLiteral("Excused absence"))) << mine.toStdString();
    EXPECT_TRUE(mine.contains(QStringLiteral("Cita médica && vacuna"))) << mine.toStdString();
    EXPECT_TRUE(office.contains(QStringLiteral("Present"))) << office.toStdString();
    EXPECT_FALSE(office.contains(QStringLiteral("Excused"))) << office.toStdString();
    EXPECT_TRUE(dialog.keepMineButton()->isEnabled());

    QTest::mouseClick(dialog.keepMineButton(), Qt::LeftButton);
    EXPECT_EQ(laptop.sync().result, SyncReport::Result::Clean);
    const AttendanceMark kept = repository.attendanceOn(course.id, day).value(student.id);
    EXPECT_EQ(kept.status, 2);
    EXPECT_EQ(kept.notes, QStringLiteral("Cita médica & vacuna"));
    expectSameInOrgAndLaptop(laptop, org, Role::Attendance, mark.id);
}

// Issue 25: the mark refused on a day without class was already in the org (the rule came
// after it): moving it deletes the org's record on that day, and the deletion is not taken
// for one that met an office edit.
TEST_F(SyncIssuesAgainstTheOrg, AMarkAlreadyInTheOrgIsMovedToAnotherDate)
{
    Repository &repository = laptop.repository();
    QDate right;
    QDate wrong;
    ASSERT_NO_FATAL_FAILURE(twoUnmarkedDays(repository, course, student, &right, &wrong));
    ASSERT_TRUE(repository.markAttendance(course.id, student.id, wrong, 0, {}, true).ok());
    ASSERT_EQ(laptop.sync().result, SyncReport::Result::Clean);
    const QString wrongSfid = repository.attendanceOn(course.id, wrong).value(student.id).sfid;
    ASSERT_FALSE(wrongSfid.isEmpty());
    ASSERT_NO_FATAL_FAILURE(addNoClassRule(org, wrong));
    const qint64 markId = refusedMark(laptop, course, student, wrong, 2);

    ASSERT_NO_FATAL_FAILURE(moveRefusedMark(laptop.store(), markId, right));

    const SyncReport report = laptop.sync();
    EXPECT_EQ(report.result, SyncReport::Result::Clean) << report.message.toStdString();
    const SyncIssuesModel left(laptop.store());
    EXPECT_EQ(left.rowCount(), 0) << left.details(0).toStdString();
    const AttendanceMark moved = repository.attendanceOn(course.id, right).value(student.id);
    EXPECT_EQ(moved.status, 2);
    expectSameInOrgAndLaptop(laptop, org, Role::Attendance, moved.id);
    for (const QJsonValue &value : liveRecords(org, QStringLiteral("Attendance__c"))) {
        EXPECT_NE(value.toObject().value(QStringLiteral("Id")).toString(), wrongSfid)
            << "the mark on the day without class is gone from the org";
    }
    EXPECT_FALSE(repository.attendanceOn(course.id, wrong).contains(student.id));
}
