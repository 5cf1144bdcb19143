#pragma once

#include <QDialog>

class QFormLayout;

namespace pasalista {

class Repository;
struct Student;

// A student's details, the courses they are enrolled in, their attendance per course and
// their attendance history.
class StudentProfileDialog : public QDialog
{
    Q_OBJECT

public:
    StudentProfileDialog(const Repository &repository, qint64 studentId, QWidget *parent = nullptr);

private:
    QWidget *createDetails(const Student &student);
    QWidget *createCourses(const Repository &repository, qint64 studentId);
    QWidget *createSummary(const Repository &repository, qint64 studentId);
    QWidget *createHistory(const Repository &repository, qint64 studentId);
    static void addDetail(QFormLayout *form, const QString &label, const QString &value);
};

} // namespace pasalista
