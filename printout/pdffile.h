#pragma once

#include <QCoreApplication>
#include <QPageLayout>
#include <QPageSize>

class QTextDocument;

namespace pasalista {

// A document written to a PDF file, paged at 300 dpi with 15 mm margins.
class PdfFile
{
    Q_DECLARE_TR_FUNCTIONS(PdfFile)

public:
    // Letter where the locale measures in inches, A4 elsewhere.
    static QPageSize defaultPageSize();
    // Lays the document out on pages of `layout`'s printable area (in 96-per-inch document
    // pixels, no frame margin of its own), so that QTextDocument::print adds no margin of its
    // own and widths (100 %, the chart) are the page's.
    static void paginate(QTextDocument &document, const QPageLayout &layout);
    // False, with the reason in `error`, when the file cannot be written.
    static bool write(QTextDocument &document, const QString &path, QString *error);
};

} // namespace pasalista
