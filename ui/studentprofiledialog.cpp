#include "studentprofiledialog.h"

#include "attendancehistorymodel.h"
#include "courselistmodel.h"
#include "repository.h"
#include "studentlabels.h"
#include "summarymodel.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace pasalista {

namespace {

QTableView *makeTable(QAbstractItemModel *model, QWidget *parent, const QString &name)
{
    auto *table = new QTableView(parent);
    table->setModel(model);
    table->setAccessibleName(name);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->resizeColumnsToContents();
    return table;
}

} // namespace

StudentProfileDialog::StudentProfileDialog(const Repository &repository, qint64 studentId,
                                           QWidget *parent)
    : QDialog(parent)
{
    const Student student = repository.student(studentId).value_or(Student());
    setWindowTitle(tr("Student: %1").arg(student.fullName()));

    auto *tabs = new QTabWidget(this);
    tabs->setAccessibleName(tr("Student's record")); // a screen reader names what Tab reaches
    tabs->addTab(createDetails(student), tr("&Details"));
    tabs->addTab(createCourses(repository, studentId), tr("&Courses"));
    tabs->addTab(createSummary(repository, studentId), tr("&Summary"));
    tabs->addTab(createHistory(repository, studentId), tr("&History"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &StudentProfileDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs, 1);
    layout->addWidget(buttons);
    resize(640, 480);
}

void StudentProfileDialog::addDetail(QFormLayout *form, const QString &label, const QString &value)
{
    auto *field = new QLabel(value.isEmpty() ? tr("—", "no value") : value);
    field->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    field->setWordWrap(true);
    form->addRow(label, field);
}

QWidget *StudentProfileDialog::createDetails(const Student &student)
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    const QLocale locale;
    addDetail(form, tr("Name"), student.fullName());
    addDetail(form, tr("Nickname"), student.nickname);
    addDetail(form, tr("Date of birth"), locale.toString(student.dateOfBirth, QLocale::LongFormat));
    addDetail(form, tr("Sex"), StudentLabels::sexLabel(student.sex));
    addDetail(form, tr("Phone"), student.phone1);
    addDetail(form, tr("Second phone"), student.phone2);
    addDetail(form, tr("Email"), student.email);
    addDetail(form, tr("Address"), student.address);
    addDetail(form, tr("Primary contact"),
              student.contactPhone.isEmpty()
                  ? student.contactName
                  : tr("%1 (%2)").arg(student.contactName, student.contactPhone));
    addDetail(form, tr("Document type"), student.documentType);
    addDetail(form, tr("First language"), StudentLabels::languageLabel(student.language));
    addDetail(form, tr("Nationality"), student.nationality);
    addDetail(form, tr("Notes"), student.notes);
    addDetail(form, tr("Synced"),
              student.sfid.isEmpty() ? tr("Not yet in Salesforce")
                                     : tr("Yes (%1)").arg(student.sfid));
    return page;
}

QWidget *StudentProfileDialog::createCourses(const Repository &repository, qint64 studentId)
{
    auto *model = new CourseListModel(this);
    model->setCourses(repository.coursesOfStudent(studentId));
    return makeTable(model, this, tr("Courses of the student"));
}

QWidget *StudentProfileDialog::createSummary(const Repository &repository, qint64 studentId)
{
    auto *model = new SummaryModel(repository, this);
    model->showStudent(studentId);
    return makeTable(model, this, tr("Attendance per course"));
}

QWidget *StudentProfileDialog::createHistory(const Repository &repository, qint64 studentId)
{
    auto *model = new AttendanceHistoryModel(repository, this);
    model->setStudent(studentId);
    return makeTable(model, this, tr("Attendance history"));
}

} // namespace pasalista
