#pragma once

#include "reports.h"

#include <QWidget>

namespace pasalista {

// The weekly attendance-rate chart of a course on screen (AttendanceChart draws it, as on paper).
class AttendanceChartWidget : public QWidget
{
    Q_OBJECT

public:
    explicit AttendanceChartWidget(QWidget *parent = nullptr);

    void setWeeks(const QList<WeeklyRate> &weeks);
    QList<WeeklyRate> weeks() const { return m_weeks; }
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<WeeklyRate> m_weeks;
};

} // namespace pasalista
