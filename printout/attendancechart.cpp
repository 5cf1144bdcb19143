#include "attendancechart.h"

#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

namespace pasalista {

namespace {

const QColor kLineColour(0x1f, 0x5f, 0xa8);
const QColor kChronicColour(0xa9, 0x1e, 0x2c);
const QColor kGridColour(0xcc, 0xcc, 0xcc);

QString percentText(double rate)
{
    return QLocale().toString(rate * 100.0, 'f', 0) + QStringLiteral(" %");
}

} // namespace

QString AttendanceChart::chronicLineLabel()
{
    return tr("Chronic absence line: %1 attended").arg(percentText(kChronicLine));
}

double AttendanceChart::yOf(const QRectF &plot, double rate)
{
    return plot.bottom() - rate * plot.height();
}

// Sizes follow the font, so that the chart reads alike on a screen and at 300 dpi on paper.
void AttendanceChart::paint(QPainter &painter, const QRectF &area, const QList<WeeklyRate> &weeks)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(area, Qt::white);
    const QFontMetricsF metrics(painter.font(), painter.device());
    const double margin = metrics.height();
    const QRectF plot = area.adjusted(metrics.horizontalAdvance(QStringLiteral("100 %")) + margin,
                                      margin * 2, -margin, -margin * 2);
    painter.setPen(Qt::black);
    painter.drawText(QRectF(area.left(), area.top(), area.width(), margin * 1.5), Qt::AlignCenter,
                     tr("Attendance by week"));
    paintScale(painter, plot);
    paintChronicLine(painter, plot);
    paintWeeks(painter, plot, weeks);
    painter.restore();
}

void AttendanceChart::paintScale(QPainter &painter, const QRectF &plot)
{
    const QFontMetricsF metrics(painter.font(), painter.device());
    const double labelWidth = metrics.horizontalAdvance(QStringLiteral("100 %"));
    for (int step = 0; step <= 4; ++step) {
        const double rate = step / 4.0;
        const double y = yOf(plot, rate);
        painter.setPen(QPen(kGridColour, 0));
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        painter.setPen(Qt::black);
        const QRectF label(plot.left() - labelWidth - metrics.averageCharWidth(),
                           y - metrics.height() / 2, labelWidth, metrics.height());
        painter.drawText(label, Qt::AlignRight | Qt::AlignVCenter, percentText(rate));
    }
}

void AttendanceChart::paintChronicLine(QPainter &painter, const QRectF &plot)
{
    const double y = yOf(plot, kChronicLine);
    const QFontMetricsF metrics(painter.font(), painter.device());
    QPen pen(kChronicColour, metrics.lineWidth() * 2, Qt::DashLine);
    painter.setPen(pen);
    painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
    // Under the line, where a course's weeks seldom are.
    painter.drawText(QRectF(plot.left(), y + metrics.descent(), plot.width(), metrics.height()),
                     Qt::AlignRight | Qt::AlignTop, chronicLineLabel());
}

void AttendanceChart::paintWeeks(QPainter &painter, const QRectF &plot,
                                 const QList<WeeklyRate> &weeks)
{
    const QFontMetricsF metrics(painter.font(), painter.device());
    if (weeks.isEmpty()) {
        painter.setPen(Qt::black);
        painter.drawText(plot, Qt::AlignCenter, tr("No marks in these dates."));
        return;
    }
    const double step = plot.width() / weeks.size();
    QPainterPath line;
    const QLocale locale;
    // Week labels are thinned out so they never overlap.
    const double labelWidth =
        metrics.horizontalAdvance(locale.toString(QDate(2000, 12, 28), QStringLiteral("d MMM"))) +
        metrics.averageCharWidth() * 2;
    const int labelEvery = qMax(1, int(labelWidth / step) + 1);
    for (qsizetype i = 0; i < weeks.size(); ++i) {
        const QPointF point(plot.left() + step * (double(i) + 0.5), yOf(plot, weeks.at(i).rate()));
        i == 0 ? line.moveTo(point) : line.lineTo(point);
        if (i % labelEvery == 0) {
            painter.setPen(Qt::black);
            painter.drawText(QRectF(point.x() - labelWidth / 2, plot.bottom() + metrics.descent(),
                                    labelWidth, metrics.height()),
                             Qt::AlignCenter,
                             locale.toString(weeks.at(i).weekStart, QStringLiteral("d MMM")));
        }
    }
    const double width = metrics.lineWidth() * 3;
    painter.setPen(QPen(kLineColour, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.drawPath(line);
    painter.setBrush(kLineColour);
    for (qsizetype i = 0; i < weeks.size(); ++i) {
        const QPointF point(plot.left() + step * (double(i) + 0.5), yOf(plot, weeks.at(i).rate()));
        painter.drawEllipse(point, width * 1.2, width * 1.2);
    }
}

} // namespace pasalista
