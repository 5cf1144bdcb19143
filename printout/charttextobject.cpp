#include "charttextobject.h"

#include "attendancechart.h"

#include <QAbstractTextDocumentLayout>
#include <QPainter>
#include <QTextCursor>
#include <QTextDocument>

namespace pasalista {

ChartTextObject::ChartTextObject(const QList<WeeklyRate> &weeks, const QSizeF &size,
                                 QObject *parent)
    : QObject(parent), m_weeks(weeks), m_size(size)
{
}

void ChartTextObject::place(QTextDocument &document, const QString &marker,
                            const QList<WeeklyRate> &weeks, const QSizeF &size)
{
    document.documentLayout()->registerHandler(kObjectType,
                                               new ChartTextObject(weeks, size, &document));
    QTextCursor cursor = document.find(marker);
    if (!cursor.isNull()) {
        QTextCharFormat format;
        format.setObjectType(kObjectType);
        cursor.insertText(QString(QChar::ObjectReplacementCharacter), format);
    }
}

QSizeF ChartTextObject::intrinsicSize(QTextDocument *, int, const QTextFormat &)
{
    return m_size;
}

void ChartTextObject::drawObject(QPainter *painter, const QRectF &rect, QTextDocument *document,
                                 int, const QTextFormat &)
{
    painter->save();
    // The page is painted in document pixels scaled to the printer: a font in pixels keeps its
    // size against the chart, where one in points would be scaled twice.
    QFont font = document->defaultFont();
    font.setPixelSize(qRound(font.pointSizeF() * 96.0 / 72.0));
    painter->setFont(font);
    AttendanceChart::paint(*painter, rect, m_weeks);
    painter->restore();
}

} // namespace pasalista
