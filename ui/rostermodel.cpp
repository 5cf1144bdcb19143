#include "rostermodel.h"

#include "columnheaders.h"
#include "repository.h"

#include <QLocale>

namespace pasalista {

RosterModel::RosterModel(const Repository &repository, QObject *parent)
    : KeyedRowsModel<Student>(parent), m_repository(repository)
{
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

int RosterModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RosterModel::data(const QModelIndex &index, int role) const
{
    const Student *student = index.isValid() ? studentAt(index.row()) : nullptr;
    if (!student) {
        return {};
    }
    if (role == Qt::DisplayRole) {
        return displayData(*student, index.column());
    }
    if (role == StudentIdRole) {
        return student->id;
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

QVariant RosterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    return columnHeader(
        *this, section, orientation, role,
        {tr("Last name"), tr("First name"), tr("Nickname"), tr("Date of birth"), tr("Phone")});
}

} // namespace pasalista
