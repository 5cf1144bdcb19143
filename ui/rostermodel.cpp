#include "rostermodel.h"

#include "repository.h"

#include <QLocale>

namespace pasalista {

RosterModel::RosterModel(const Repository &repository, QObject *parent)
    : KeyedRowsModel<Student>(ColumnCount, parent), m_repository(repository)
{
}

QStringList RosterModel::columnTitles() const
{
    return {tr("Last name"), tr("First name"), tr("Nickname"), tr("Date of birth"), tr("Phone")};
}

void RosterModel::setCourse(qint64 courseId)
{
    m_courseId = courseId;
    reload();
}

void RosterModel::reload()
{
    replaceRows(m_courseId ? m_repository.roster(m_courseId) : QList<Student>());
}

void RosterModel::showLoaded(qint64 courseId, const QList<Student> &roster)
{
    m_courseId = courseId;
    replaceRows(roster);
}

bool RosterModel::sameRow(const Student &before, const Student &after) const
{
    return before.lastName == after.lastName && before.firstName == after.firstName &&
           before.nickname == after.nickname && before.dateOfBirth == after.dateOfBirth &&
           before.phone1 == after.phone1;
}

const Student *RosterModel::studentAt(int row) const
{
    return rowAt(row);
}

QVariant RosterModel::rowData(const Student &student, int column, int role) const
{
    if (role == Qt::DisplayRole) {
        return displayData(student, column);
    }
    if (role == StudentIdRole) {
        return student.id;
    }
    return {};
}

QVariant RosterModel::displayData(const Student &student, int column) const
{
    switch (column) {
    case LastNameColumn:
        return student.lastName;
    case FirstNameColumn:
        return student.firstName;
    case NicknameColumn:
        return student.nickname;
    case BirthDateColumn:
        return QLocale().toString(student.dateOfBirth, QLocale::ShortFormat);
    case PhoneColumn:
        return student.phone1;
    default:
        return {};
    }
}

} // namespace pasalista
