#include "coursedocuments.h"

#include "charttextobject.h"
#include "reports.h"
#include "repository.h"

#include <QLocale>
#include <QTextDocument>

namespace pasalista {

namespace {

// Where the chart goes in the report's HTML, until the chart object takes its place.
const QString kChartMarker = QStringLiteral("[pasalista-weekly-chart]");
// The chart's place on the page, in the document's pixels (96 per inch: about 17 × 6 cm).
const QSizeF kChartSize(640, 230);

QString cell(const QString &text, const QString &tag = QStringLiteral("td"))
{
    return QStringLiteral("<%1>%2</%1>").arg(tag, text.toHtmlEscaped());
}

QString numberCell(const QString &text)
{
    // No-break spaces: "18 (86 %)" stays on one line.
    return QStringLiteral("<td align=\"right\">%1</td>")
        .arg(text.toHtmlEscaped().replace(QLatin1Char(' '), QChar(0x00a0)));
}

// A name, and under it what to look at (chronic absence) in red.
QString nameCell(const QString &name, const QString &flag)
{
    return flag.isEmpty() ? cell(name)
                          : QStringLiteral("<td>%1<br><span style=\"color:#a91e2c\">%2</span></td>")
                                .arg(name.toHtmlEscaped(), flag.toHtmlEscaped());
}

// The names' column (`wide`, -1 for none) takes the room names need; numbers keep to theirs.
QString headerRow(const QStringList &titles, qsizetype wide)
{
    QString row;
    for (qsizetype i = 0; i < titles.size(); ++i) {
        row += i == wide
                   ? QStringLiteral("<th width=\"25%\">%1</th>").arg(titles.at(i).toHtmlEscaped())
                   : cell(titles.at(i), QStringLiteral("th"));
    }
    return QStringLiteral("<thead><tr bgcolor=\"#e8e8e8\">%1</tr></thead>").arg(row);
}

QString table(const QStringList &titles, const QString &rows, qsizetype wide = -1)
{
    return QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" "
                          "width=\"100%\">%1%2</table>")
        .arg(headerRow(titles, wide), rows);
}

QString percentText(int percent)
{
    return QLocale().toString(percent) + QStringLiteral(" %");
}

// "2 (67 %)": a count and its share of the recorded days, shares that add up to 100.
QString countWithShare(int count, int share)
{
    return count == 0 ? QStringLiteral("0")
                      : QStringLiteral("%1 (%2 %)").arg(QLocale().toString(count)).arg(share);
}

QString dateText(const QDate &date)
{
    return QLocale().toString(date, QLocale::ShortFormat);
}

} // namespace

CourseDocuments::CourseDocuments(const Repository &repository) : m_repository(repository) {}

QString CourseDocuments::periodText(const QDate &from, const QDate &to)
{
    if (from.isValid() && to.isValid()) {
        return tr("From %1 to %2").arg(dateText(from), dateText(to));
    }
    if (from.isValid()) {
        return tr("From %1 on").arg(dateText(from));
    }
    return to.isValid() ? tr("Up to %1").arg(dateText(to)) : tr("Every recorded day");
}

std::unique_ptr<QTextDocument> CourseDocuments::documentOf(const QString &title,
                                                           const QString &html)
{
    auto document = std::make_unique<QTextDocument>();
    QFont font = document->defaultFont();
    font.setPointSizeF(10);
    document->setDefaultFont(font);
    document->setHtml(html);
    // After the HTML, which sets the title from its (absent) <title>: the PDF's title.
    document->setMetaInformation(QTextDocument::DocumentTitle, title);
    return document;
}

QString CourseDocuments::courseHeading(qint64 courseId, const QString &title) const
{
    const auto course = m_repository.course(courseId);
    if (!course) {
        return cell(title, QStringLiteral("h1"));
    }
    QString html = cell(title + QStringLiteral(" \u2014 ") + course->title, QStringLiteral("h1"));
    QStringList facts{course->programName};
    if (!course->facilitatorNames.isEmpty()) {
        facts.append(tr("Facilitators: %1").arg(course->facilitatorNames));
    }
    facts.removeAll(QString());
    return html + cell(facts.join(QStringLiteral(" \u00b7 ")), QStringLiteral("p"));
}

std::unique_ptr<QTextDocument> CourseDocuments::report(qint64 courseId, const QDate &from,
                                                       const QDate &to) const
{
    const QString title = tr("Attendance report");
    QString html = courseHeading(courseId, title);
    html += cell(periodText(from, to), QStringLiteral("p"));
    html += cell(Reports::chronicAbsenceRule(), QStringLiteral("p"));
    html += cell(kChartMarker, QStringLiteral("p"));
    html += reportTable(courseId, from, to);
    html += watchLists(from, to);
    auto document = documentOf(title, html);
    ChartTextObject::place(*document, kChartMarker,
                           Reports(m_repository).weeklyRates(courseId, from, to), kChartSize);
    return document;
}

QString CourseDocuments::reportTable(qint64 courseId, const QDate &from, const QDate &to) const
{
    const Reports reports(m_repository);
    const QList<AttendanceSummary> summaries = reports.courseReport(courseId, from, to);
    QString rows;
    for (const AttendanceSummary &row : summaries) {
        const QList<int> shares = Reports::statusPercents(row);
        const bool total = row.studentId == 0;
        const bool chronic = !total && row.chronicallyAbsent();
        rows += QStringLiteral("<tr%1>").arg(total ? QStringLiteral(" style=\"font-weight:bold\"")
                                                   : QString()) +
                nameCell(row.name, chronic ? Reports::chronicAbsenceLabel() : QString()) +
                numberCell(QLocale().toString(row.recorded)) +
                numberCell(countWithShare(row.present, shares.at(0))) +
                numberCell(countWithShare(row.late, shares.at(1))) +
                numberCell(countWithShare(row.absent, shares.at(2))) +
                numberCell(QLocale().toString(row.excused)) +
                numberCell(row.recorded ? percentText(Reports::attendedPercent(row)) : QString()) +
                QStringLiteral("</tr>");
    }
    QString html = table(Reports::columnTitles(), rows, 0);
    for (const QString &notice : reports.uncountedNotices(summaries.constLast())) {
        html += cell(notice, QStringLiteral("p"));
    }
    return html;
}

QString CourseDocuments::watchLists(const QDate &from, const QDate &to) const
{
    const Reports reports(m_repository);
    QString chronicRows;
    for (const WatchedStudent &student : reports.chronicAbsences(from, to)) {
        chronicRows += QStringLiteral("<tr>") + cell(student.course) + cell(student.summary.name) +
                       numberCell(percentText(student.summary.absencePercent())) +
                       numberCell(tr("%1 of %2")
                                      .arg(QLocale().toString(student.summary.absent),
                                           QLocale().toString(student.summary.recorded))) +
                       QStringLiteral("</tr>");
    }
    QString streakRows;
    for (const WatchedStudent &student :
         reports.absenceStreaks(Reports::kWatchedStreak, from, to)) {
        streakRows += QStringLiteral("<tr>") + cell(student.course) + cell(student.summary.name) +
                      numberCell(QLocale().toString(student.longestStreak)) +
                      cell(periodText(student.streakFrom, student.streakTo)) +
                      QStringLiteral("</tr>");
    }
    const QString none = cell(tr("None."), QStringLiteral("p"));
    return cell(tr("Across all your courses: 10 % or more of the class days missed"),
                QStringLiteral("h2")) +
           (chronicRows.isEmpty()
                ? none
                : table({tr("Course"), tr("Student"), tr("Missed"), tr("Days")}, chronicRows)) +
           cell(tr("Across all your courses: %1 or more absences in a row")
                    .arg(Reports::kWatchedStreak),
                QStringLiteral("h2")) +
           (streakRows.isEmpty()
                ? none
                : table({tr("Course"), tr("Student"), tr("Absences in a row"), tr("When")},
                        streakRows));
}

QString
CourseDocuments::numberedRows(qint64 courseId,
                              const std::function<QString(const Student &)> &otherCells) const
{
    QString rows;
    int number = 0;
    for (const Student &student : m_repository.roster(courseId)) {
        rows += QStringLiteral("<tr>") + numberCell(QLocale().toString(++number)) +
                cell(student.fullName()) + otherCells(student) + QStringLiteral("</tr>");
    }
    return rows;
}

std::unique_ptr<QTextDocument> CourseDocuments::roster(qint64 courseId) const
{
    const QString title = tr("Roster");
    const QString rows = numberedRows(courseId, [](const Student &student) -> QString {
        return cell(student.dateOfBirth.isValid() ? dateText(student.dateOfBirth) : QString()) +
               cell(student.contactName) + cell(student.contactPhone);
    });
    const QString html =
        courseHeading(courseId, title) +
        table({tr("No."), tr("Student"), tr("Date of birth"), tr("Contact"), tr("Phone")}, rows, 1);
    return documentOf(title, html);
}

std::unique_ptr<QTextDocument> CourseDocuments::signInSheet(qint64 courseId,
                                                            const QDate &date) const
{
    const QString title = tr("Sign-in sheet");
    // Tall rows with room to sign by hand.
    const QString rows = numberedRows(courseId, [](const Student &) -> QString {
        return QStringLiteral("<td height=\"28\" width=\"35%\"></td><td width=\"15%\"></td>");
    });
    const QString html =
        courseHeading(courseId, title) +
        cell(QLocale().toString(date, QLocale::LongFormat), QStringLiteral("h2")) +
        table({tr("No."), tr("Student"), tr("Signature"), tr("Arrival time")}, rows);
    return documentOf(title, html);
}

} // namespace pasalista
