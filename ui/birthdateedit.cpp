#include "birthdateedit.h"

#include <QCalendarWidget>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QLocale>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QToolButton>

namespace pasalista {

namespace {
constexpr int kTypicalAgeYears = 10; // where the calendar opens on an empty field
} // namespace

BirthDateEdit::BirthDateEdit(QWidget *parent)
    : QWidget(parent), m_edit(new QLineEdit(this)), m_calendarButton(new QToolButton(this))
{
    const QLocale locale;
    m_edit->setPlaceholderText(tr("e.g. %1").arg(
        locale.toString(QDate(QDate::currentDate().year() - kTypicalAgeYears, 3, 25), format())));
    m_edit->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[0-9./ -]{0,10}")), m_edit));
    m_edit->setClearButtonEnabled(true);
    m_calendarButton->setText(tr("Calendar…"));
    m_calendarButton->setAccessibleName(tr("Choose the date of birth on a calendar"));
    m_calendarButton->setFocusPolicy(Qt::ClickFocus); // Tab goes on to the next field
    setFocusProxy(m_edit);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_calendarButton);
    connect(m_calendarButton, &QToolButton::clicked, this, &BirthDateEdit::openCalendar);
}

QDate BirthDateEdit::earliest()
{
    return QDate::currentDate().addYears(-100);
}

QString BirthDateEdit::format() const
{
    QString result = QLocale().dateFormat(QLocale::ShortFormat);
    result.replace(QRegularExpression(QStringLiteral("y+")), QStringLiteral("yyyy"));
    result.replace(QRegularExpression(QStringLiteral("M+")), QStringLiteral("MM"));
    result.replace(QRegularExpression(QStringLiteral("d+")), QStringLiteral("dd"));
    return result;
}

// Day, month and year in the order of the locale's format, separated by anything but digits,
// or eight digits in a row.
QDate BirthDateEdit::parse(const QString &text) const
{
    // "ddMMyyyy" -> "dMy": each field once, in the locale's order.
    const QString fields = format()
                               .remove(QRegularExpression(QStringLiteral("[^dMy]")))
                               .remove(QRegularExpression(QStringLiteral("(.)(?=\\1)")));
    QStringList parts =
        text.split(QRegularExpression(QStringLiteral("[^0-9]+")), Qt::SkipEmptyParts);
    if (parts.size() == 1 && parts.first().size() == 8) {
        const QString digits = parts.takeFirst();
        int at = 0;
        for (const QChar field : fields) {
            const int width = field == QLatin1Char('y') ? 4 : 2;
            parts.append(digits.mid(at, width));
            at += width;
        }
    }
    if (parts.size() != 3 || fields.size() != 3) {
        return {};
    }
    int day = 0, month = 0, year = 0;
    for (int i = 0; i < 3; ++i) {
        const int value = parts.at(i).toInt();
        if (fields.at(i) == QLatin1Char('d')) {
            day = value;
        } else if (fields.at(i) == QLatin1Char('M')) {
            month = value;
        } else {
            year = parts.at(i).size() <= 2 ? 2000 + value : value;
            if (parts.at(i).size() <= 2 && year > QDate::currentDate().year()) {
                year -= 100;
            }
        }
    }
    const QDate date(year, month, day);
    return date.isValid() && date >= earliest() && date <= QDate::currentDate() ? date : QDate();
}

QDate BirthDateEdit::date() const
{
    return parse(m_edit->text());
}

void BirthDateEdit::setDate(const QDate &date)
{
    m_edit->setText(date.isValid() ? QLocale().toString(date, format()) : QString());
}

bool BirthDateEdit::isEmpty() const
{
    return m_edit->text().trimmed().isEmpty();
}

bool BirthDateEdit::isAcceptable() const
{
    return isEmpty() || date().isValid();
}

QString BirthDateEdit::problem() const
{
    if (isAcceptable()) {
        return {};
    }
    const QLocale locale;
    return tr("Type the date of birth as %1, between %2 and today.")
        .arg(m_edit->placeholderText(), locale.toString(earliest(), format()));
}

void BirthDateEdit::openCalendar()
{
    auto *calendar = new QCalendarWidget(this);
    calendar->setWindowFlags(Qt::Popup);
    calendar->setAttribute(Qt::WA_DeleteOnClose);
    calendar->setDateRange(earliest(), QDate::currentDate());
    const QDate current = date();
    calendar->setSelectedDate(current.isValid() ? current
                                                : QDate::currentDate().addYears(-kTypicalAgeYears));
    connect(calendar, &QCalendarWidget::activated, this, [this, calendar](const QDate &chosen) {
        setDate(chosen);
        calendar->close();
        m_edit->setFocus(Qt::PopupFocusReason);
    });
    calendar->move(m_edit->mapToGlobal(QPoint(0, m_edit->height())));
    calendar->show();
    calendar->setFocus(Qt::PopupFocusReason);
}

} // namespace pasalista
