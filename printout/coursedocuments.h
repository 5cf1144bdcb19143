#pragma once

#include <QCoreApplication>
#include <QDate>

#include <functional>
#include <memory>

class QTextDocument;

namespace pasalista {

class Repository;
struct Student;

// What a course prints: its attendance report (the rule, the chart, the table, and the lists
// across the teacher's courses), its roster, and a blank sign-in sheet for one day. Each is a
// QTextDocument that pages itself on a printer or a PDF (PdfFile).
class CourseDocuments
{
    Q_DECLARE_TR_FUNCTIONS(CourseDocuments)

public:
    explicit CourseDocuments(const Repository &repository);

    // The report counts the marks from `from` to `to`, both included; an invalid date leaves
    // that end open.
    std::unique_ptr<QTextDocument> report(qint64 courseId, const QDate &from = {},
                                          const QDate &to = {}) const;
    std::unique_ptr<QTextDocument> roster(qint64 courseId) const;
    std::unique_ptr<QTextDocument> signInSheet(qint64 courseId, const QDate &date) const;

    // "From 3 Feb 2025 to 28 Feb 2025", "Every recorded day", an open end said so.
    static QString periodText(const QDate &from, const QDate &to);

private:
    // The course's title, programme, dates and facilitators, as HTML.
    QString courseHeading(qint64 courseId, const QString &title) const;
    QString reportTable(qint64 courseId, const QDate &from, const QDate &to) const;
    QString watchLists(const QDate &from, const QDate &to) const;
    // One row per enrolled student: its number, its name, then `otherCells`.
    QString numberedRows(qint64 courseId,
                         const std::function<QString(const Student &)> &otherCells) const;
    static std::unique_ptr<QTextDocument> documentOf(const QString &title, const QString &html);

    const Repository &m_repository;
};

} // namespace pasalista
