// The Sync issues view and the student editor it opens, on a real store.
#include "localstore.h"
#include "mapping.h"
#include "repository.h"
#include "studentformdialog.h"
#include "syncissuesdialog.h"
#include "syncissuesmodel.h"
#include "syncissuetext.h"

#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QPushButton>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace pasalista;

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
              QStringLiteral("Luisa Batista"));
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
