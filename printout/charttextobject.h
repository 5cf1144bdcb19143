#pragma once

#include "reports.h"

#include <QObject>
#include <QSizeF>
#include <QTextObjectInterface>

class QTextDocument;

namespace pasalista {

// The weekly chart inside a QTextDocument, drawn by AttendanceChart on the page itself when
// the document prints: lines and words in the PDF, not a picture of them.
class ChartTextObject : public QObject, public QTextObjectInterface
{
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)

public:
    static constexpr int kObjectType = QTextFormat::UserObject + 1;

    // Puts the chart of `weeks`, `size` in document pixels (96 per inch), where the text
    // `marker` stands in `document`, which then owns it.
    static void place(QTextDocument &document, const QString &marker,
                      const QList<WeeklyRate> &weeks, const QSizeF &size);

    QSizeF intrinsicSize(QTextDocument *document, int position, const QTextFormat &format) override;
    void drawObject(QPainter *painter, const QRectF &rect, QTextDocument *document, int position,
                    const QTextFormat &format) override;

private:
    ChartTextObject(const QList<WeeklyRate> &weeks, const QSizeF &size, QObject *parent);

    QList<WeeklyRate> m_weeks;
    QSizeF m_size;
};

} // namespace pasalista
