#pragma once

#include <QDate>
#include <QWidget>

class QCalendarWidget;
class QLineEdit;
class QToolButton;

namespace pasalista {

// A date of birth typed with the keyboard: digits land where they are typed ("25/03/2014",
// "25-3-2014" or "25032014" in the locale's day/month/year order), Tab leaves as from any
// line edit, empty means not given. The calendar button opens on a child's age, not on
// 1900, and dates run from 100 years ago to today.
class BirthDateEdit : public QWidget
{
    Q_OBJECT

public:
    explicit BirthDateEdit(QWidget *parent = nullptr);

    QDate date() const;              // invalid when empty or not a date in range
    void setDate(const QDate &date); // an invalid date empties the field
    bool isEmpty() const;
    bool isAcceptable() const; // empty, or a date in range
    QLineEdit *lineEdit() const { return m_edit; }
    QToolButton *calendarButton() const { return m_calendarButton; }
    QString problem() const; // what is wrong with the text typed, for the form's message

    static QDate earliest();
    QDate parse(const QString &text) const;

private:
    void openCalendar();
    QString format() const; // the locale's short format with two-digit day and month, 4-digit year

    QLineEdit *m_edit;
    QToolButton *m_calendarButton;
};

} // namespace pasalista
