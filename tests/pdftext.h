#pragma once

// The words of a PDF as poppler's pdftotext reads them (issue 25: printed reports are checked
// by what a reader gets out of them). pdftotext is required: scripts/install-deps installs it
// (poppler-utils), CI installs poppler on macOS and Windows; PASALISTA_PDFTOTEXT names it where
// it is not on PATH.
#include <QProcess>
#include <QStandardPaths>
#include <QString>

#include <gtest/gtest.h>

namespace pasalista::test {

inline QString pdftotextPath()
{
    const QString named = qEnvironmentVariable("PASALISTA_PDFTOTEXT");
    return named.isEmpty() ? QStandardPaths::findExecutable(QStringLiteral("pdftotext")) : named;
}

// The text of `pdf` with its lines joined (pdftotext breaks lines where the page does), or
// empty with a test failure when it cannot be read.
inline QString pdfText(const QString &pdf)
{
    const QString pdftotext = pdftotextPath();
    if (pdftotext.isEmpty()) {
        ADD_FAILURE() << "pdftotext missing: run scripts/install-deps";
        return {};
    }
    QProcess reader;
    reader.start(pdftotext,
                 {QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-")});
    if (!reader.waitForFinished(30000) || reader.exitCode() != 0) {
        ADD_FAILURE() << "pdftotext failed on " << pdf.toStdString() << ": "
                      << reader.readAllStandardError().toStdString();
        return {};
    }
    return QString::fromUtf8(reader.readAllStandardOutput()).simplified();
}

} // namespace pasalista::test
