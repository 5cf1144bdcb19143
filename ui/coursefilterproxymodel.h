#pragma once

#include <QDate>
#include <QSortFilterProxyModel>

namespace pasalista {

// Filters a CourseListModel by a search text (title, program), a program and the courses
// that meet on a date (within their dates, on their class days).
class CourseFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit CourseFilterProxyModel(QObject *parent = nullptr);

    void setSearchText(const QString &text);
    void setProgramId(qint64 programId); // 0: every program
    void setActiveOn(const QDate &date); // the courses meeting that day; invalid: any date
    qint64 programId() const { return m_programId; }
    QDate activeOn() const { return m_activeOn; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool matchesSearch(int sourceRow) const;
    bool matchesProgram(int sourceRow) const;
    bool matchesDate(int sourceRow) const;

    QString m_searchText;
    qint64 m_programId = 0;
    QDate m_activeOn;
};

} // namespace pasalista
