// What a course prints (issue 25): the roster and a blank sign-in sheet for a day, as
// documents and as PDF pages read back with poppler's pdftotext (scripts/install-deps installs
// it), and the weekly chart drawn on any paint device.
#include "domainfixture.h"
#include "pdftext.h"

#include "attendancechart.h"
#include "coursedocuments.h"
#include "pdffile.h"
#include "reports.h"

#include <QImage>
#include <QPainter>
#include <QTextDocument>

using namespace pasalista;
using namespace pasalista::testing;

namespace {

class PrintoutTest : public DomainFixture
{
protected:
    void SetUp() override
    {
        DomainFixture::SetUp();
        m_courseId = addCourse(str("Lectura inicial"), m_start, m_start.addDays(90));
        m_ana = addEnrolledStudent(m_courseId, str("Ana"), str("Pérez"));
        m_luis = addEnrolledStudent(m_courseId, str("Luis"), str("Gómez"));
        addStudent(str("Rosa"), str("Núñez")); // not enrolled: on no page
    }

    // The words of a document's PDF pages, as pdftotext reads them.
    QString pdfText(QTextDocument &document)
    {
        const QString pdf = m_dir.filePath(QStringLiteral("page.pdf"));
        QString error;
        EXPECT_TRUE(PdfFile::write(document, pdf, &error)) << error.toStdString();
        return test::pdfText(pdf);
    }

    QDate m_start{2025, 2, 3};
    qint64 m_courseId = 0;
    qint64 m_ana = 0;
    qint64 m_luis = 0;
};

TEST_F(PrintoutTest, TheRosterListsTheEnrolledStudents)
{
    const auto document = CourseDocuments(*m_repository).roster(m_courseId);
    const QString text = pdfText(*document);
    for (const QString &expected : {str("Roster"), str("Lectura inicial"), str("Ana Pérez"),
                                    str("Luis Gómez"), str("Date of birth")}) {
        EXPECT_TRUE(text.contains(expected))
            << expected.toStdString() << " in " << text.toStdString();
    }
    EXPECT_FALSE(text.contains(str("Rosa"))) << "not enrolled";
}

TEST_F(PrintoutTest, TheSignInSheetNamesItsDayAndLeavesRoomToSign)
{
    const QDate day(2025, 3, 12);
    const auto document = CourseDocuments(*m_repository).signInSheet(m_courseId, day);
    EXPECT_EQ(document->metaInformation(QTextDocument::DocumentTitle), str("Sign-in sheet"));
    const QString text = pdfText(*document);
    for (const QString &expected :
         {str("Sign-in sheet"), QLocale().toString(day, QLocale::LongFormat), str("Ana Pérez"),
          str("Luis Gómez"), str("Signature"), str("Arrival time")}) {
        EXPECT_TRUE(text.contains(expected))
            << expected.toStdString() << " in " << text.toStdString();
    }
    EXPECT_FALSE(text.contains(str("Present"))) << "blank: no mark is printed";
}

// The chart paints on whatever device it is given: an image here, a widget or a printer page
// elsewhere. The line is where the weeks' rates put it, the chronic line at 90 %.
TEST_F(PrintoutTest, TheChartPaintsOnAnyDevice)
{
    QImage empty(400, 200, QImage::Format_RGB32);
    empty.fill(Qt::black);
    {
        QPainter painter(&empty);
        AttendanceChart::paint(painter, empty.rect(), {});
    }
    EXPECT_EQ(empty.pixelColor(2, 2), QColor(Qt::white)) << "painted, even with no week";

    WeeklyRate full;
    full.weekStart = m_start;
    full.recorded = 10;
    full.attended = 10;
    WeeklyRate half = full;
    half.weekStart = m_start.addDays(7);
    half.attended = 5;
    QImage chart(400, 200, QImage::Format_RGB32);
    {
        QPainter painter(&chart);
        AttendanceChart::paint(painter, chart.rect(), {full, half});
    }
    int blue = 0;
    int red = 0;
    for (int y = 0; y < chart.height(); ++y) {
        for (int x = 0; x < chart.width(); ++x) {
            const QColor colour = chart.pixelColor(x, y);
            blue += colour.blue() > 150 && colour.red() < 100 ? 1 : 0;
            red += colour.red() > 150 && colour.green() < 80 && colour.blue() < 80 ? 1 : 0;
        }
    }
    EXPECT_GT(blue, 50) << "the weeks' line";
    EXPECT_GT(red, 50) << "the chronic-absence line";
}

} // namespace
