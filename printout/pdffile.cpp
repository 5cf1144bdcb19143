#include "pdffile.h"

#include <QFileInfo>
#include <QLocale>
#include <QPdfWriter>
#include <QTextDocument>
#include <QTextFrame>

namespace pasalista {

QPageSize PdfFile::defaultPageSize()
{
    return QPageSize(QLocale().measurementSystem() == QLocale::MetricSystem ? QPageSize::A4
                                                                            : QPageSize::Letter);
}

void PdfFile::paginate(QTextDocument &document, const QPageLayout &layout)
{
    document.setPageSize(layout.paintRect(QPageLayout::Inch).size() * 96.0);
    QTextFrameFormat frame = document.rootFrame()->frameFormat();
    frame.setMargin(0);
    document.rootFrame()->setFrameFormat(frame);
}

bool PdfFile::write(QTextDocument &document, const QString &path, QString *error)
{
    QPdfWriter writer(path);
    const QPageLayout layout(defaultPageSize(), QPageLayout::Portrait, QMarginsF(15, 15, 15, 15),
                             QPageLayout::Millimeter);
    if (!writer.setPageLayout(layout)) {
        *error = tr("The page size cannot be set.");
        return false;
    }
    writer.setResolution(300);
    paginate(document, layout);
    writer.setTitle(document.metaInformation(QTextDocument::DocumentTitle));
    writer.setCreator(QStringLiteral("Pasalista"));
    document.print(&writer);
    // QPdfWriter says nothing of a file it could not open: the file tells.
    if (QFileInfo(path).size() == 0) {
        *error = tr("%1 could not be written.").arg(path);
        return false;
    }
    return true;
}

} // namespace pasalista
