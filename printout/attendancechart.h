#pragma once

#include "reports.h"

#include <QCoreApplication>
#include <QRectF>

class QPainter;

namespace pasalista {

// The weekly attendance-rate chart of a course: one point per week with marks, the 0–100 %
// scale, and the chronic-absence line (90 % attended: 10 % of the days missed). Drawn with
// a QPainter on whatever it paints on (a widget, an image, a printer or PDF page).
class AttendanceChart
{
    Q_DECLARE_TR_FUNCTIONS(AttendanceChart)

public:
    // Attended share at or under which a student's absences are chronic.
    static constexpr double kChronicLine = 0.9;

    static void paint(QPainter &painter, const QRectF &area, const QList<WeeklyRate> &weeks);
    static QString chronicLineLabel();

private:
    static void paintScale(QPainter &painter, const QRectF &plot);
    static void paintChronicLine(QPainter &painter, const QRectF &plot);
    static void paintWeeks(QPainter &painter, const QRectF &plot, const QList<WeeklyRate> &weeks);
    static double yOf(const QRectF &plot, double rate);
};

} // namespace pasalista
