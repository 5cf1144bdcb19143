#include "attendancechartwidget.h"

#include "attendancechart.h"

#include <QLocale>
#include <QPainter>

namespace pasalista {

AttendanceChartWidget::AttendanceChartWidget(QWidget *parent) : QWidget(parent)
{
    setAccessibleName(tr("Attendance by week"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void AttendanceChartWidget::setWeeks(const QList<WeeklyRate> &weeks)
{
    m_weeks = weeks;
    // What a screen reader says instead of the picture: each week and its rate.
    QStringList weekTexts;
    const QLocale locale;
    for (const WeeklyRate &week : weeks) {
        weekTexts.append(tr("week of %1: %2 %")
                             .arg(locale.toString(week.weekStart, QLocale::ShortFormat))
                             .arg(qRound(week.rate() * 100)));
    }
    setAccessibleDescription(weekTexts.join(QStringLiteral("; ")));
    update();
}

QSize AttendanceChartWidget::sizeHint() const
{
    return {fontMetrics().averageCharWidth() * 60, fontMetrics().height() * 12};
}

void AttendanceChartWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    AttendanceChart::paint(painter, rect(), m_weeks);
}

} // namespace pasalista
