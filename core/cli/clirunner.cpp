#include "clirunner.h"

#include "auth/accountmanager.h"
#include "cli/authcommands.h"
#include "cli/synccommands.h"

#include "demodata.h"
#include "store/localstore.h"
#include "logging.h"
#include "reports.h"
#include "repository.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTextStream>

namespace pasalista {

namespace {

const QString kDataDir = QStringLiteral("data-dir");
const QString kDb = QStringLiteral("db");
const QString kMapping = QStringLiteral("mapping");
const QString kJson = QStringLiteral("json");
const QString kNote = QStringLiteral("note");
const QString kConfirm = QStringLiteral("confirm");
const QString kCsv = QStringLiteral("csv");
const QString kVersion = QStringLiteral("version");
const QString kHelp = QStringLiteral("help");

QString isoOrEmpty(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

QString percent(double rate)
{
    return QStringLiteral("%1 %").arg(rate * 100.0, 0, 'f', 1);
}

QString recordRef(const QString &sfid, const QString &key)
{
    return sfid.isEmpty() ? key : sfid;
}

QJsonObject summaryJson(const AttendanceSummary &summary)
{
    return QJsonObject{{QStringLiteral("name"), summary.name},
                       {QStringLiteral("studentId"), summary.studentId},
                       {QStringLiteral("recorded"), summary.recorded},
                       {QStringLiteral("present"), summary.present},
                       {QStringLiteral("late"), summary.late},
                       {QStringLiteral("absent"), summary.absent},
                       {QStringLiteral("excused"), summary.excused},
                       {QStringLiteral("attendanceRate"), summary.attendanceRate()},
                       {QStringLiteral("chronicallyAbsent"), summary.chronicallyAbsent()}};
}

// A command that talks to the org first sends, in the background, the revokes an earlier
// run left in the keychain, and gives them a moment to finish as it ends.
class PendingRevocationsAround
{
public:
    explicit PendingRevocationsAround(AccountManager &accounts) : m_accounts(accounts)
    {
        m_accounts.resumePendingRevocations();
    }
    ~PendingRevocationsAround() { m_accounts.finishBackgroundWork(kWaitAtExitMs); }
    PendingRevocationsAround(const PendingRevocationsAround &) = delete;
    PendingRevocationsAround &operator=(const PendingRevocationsAround &) = delete;

private:
    static constexpr int kWaitAtExitMs = 1500;
    AccountManager &m_accounts;
};

} // namespace

CliRunner::CliRunner(QTextStream &out, QTextStream &err) : m_out(out), m_err(err) {}

CliRunner::~CliRunner() = default;

QString CliRunner::defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString CliRunner::storePath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("local.sqlite"));
}

QString CliRunner::accountStorePath(const QString &dataDir)
{
    // Signed in: the account's own database, the one sync fills. Otherwise the offline one.
    QSettings settings;
    AccountManager accounts(&settings, dataDir);
    const QString account = accounts.currentAccountKey();
    return account.isEmpty() ? storePath(dataDir) : accounts.databasePath(account);
}

QString CliRunner::csvField(const QString &value)
{
    static const QList<QChar> special = {QLatin1Char(','), QLatin1Char('"'), QLatin1Char('\r'),
                                         QLatin1Char('\n')};
    const bool needsQuotes = std::any_of(special.begin(), special.end(),
                                         [&value](QChar c) { return value.contains(c); });
    if (!needsQuotes) {
        return value;
    }
    QString escaped = value;
    escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QDate CliRunner::parseDate(const QString &text)
{
    const QString word = text.trimmed().toLower();
    if (word == QLatin1String("today")) {
        return QDate::currentDate();
    }
    if (word == QLatin1String("yesterday")) {
        return QDate::currentDate().addDays(-1);
    }
    return QDate::fromString(word, QStringLiteral("yyyy-MM-dd"));
}

QList<CliRunner::Command> CliRunner::commands()
{
    return {
        {QStringLiteral("courses"), 0, {kJson}},
        {QStringLiteral("roster"), 1, {kJson}},
        {QStringLiteral("mark"), 4, {kNote, kConfirm}},
        {QStringLiteral("report"), 1, {kJson}},
        {QStringLiteral("export"), 1, {kCsv}},
        {QStringLiteral("pending"), 0, {kJson}},
        {QStringLiteral("demo"), 0, {}},
        // Sign-in commands live in AuthCommands (issue 4).
        {QStringLiteral("login"), 0, AuthCommands::optionsOf(QStringLiteral("login"))},
        {QStringLiteral("logout"), 0, AuthCommands::optionsOf(QStringLiteral("logout"))},
        {QStringLiteral("whoami"), 0, AuthCommands::optionsOf(QStringLiteral("whoami"))},
        // Sync commands live in SyncCommands (issue 5).
        {QStringLiteral("sync"), 0, {kJson}},
        {QStringLiteral("status"), 0, {kJson}},
        {QStringLiteral("issues"), 0, {kJson}},
    };
}

void CliRunner::addOptions(QCommandLineParser &parser) const
{
    parser.addOptions({
        {kDataDir, tr("Folder of the local store (default: %1).").arg(defaultDataDir()), tr("DIR")},
        {kDb, tr("Local store file, instead of the one in the data folder."), tr("FILE")},
        {kMapping, tr("Mapping file (default: the Dream programme's mapping)."), tr("FILE")},
        {kJson, tr("Print JSON instead of text (read commands).")},
        {kNote, tr("Note to keep with the mark (mark)."), tr("TEXT")},
        {kConfirm, tr("Mark a date outside the course's dates (mark).")},
        {kCsv, tr("File to write, or - for standard output (export)."), tr("FILE")},
        {kVersion, tr("Print the version.")},
        {{QStringLiteral("h"), kHelp}, tr("Print this help.")},
    });
    parser.addOptions(AuthCommands::options());
    parser.addPositionalArgument(QStringLiteral("command"), tr("What to do; see Commands."));
}

QString CliRunner::usage(const QCommandLineParser &parser) const
{
    return parser.helpText() +
           tr("\nCommands:\n"
              "  courses                          list the courses\n"
              "  roster COURSE                    list a course's students\n"
              "  mark COURSE DATE STUDENT STATUS  mark attendance (STATUS: code, letter or "
              "label)\n"
              "  report COURSE                    attendance counts per student\n"
              "  export COURSE --csv FILE         attendance records as CSV\n"
              "  pending                          changes waiting to sync\n"
              "  demo                             fill a new store with demo data\n"
              "  sync                             send changes to the org and fetch its changes\n"
              "  status                           who is signed in, changes waiting, last sync\n"
              "  issues                           records the org refused and conflicts\n"
              "  issues retry ID | dismiss ID     send a refused record again, or settle an "
              "issue as the Sync issues window does\n"
              "COURSE and STUDENT: Salesforce Id, Pasalista Id or an unambiguous name.\n") +
           AuthCommands::usage();
}

int CliRunner::usageError(const QString &message)
{
    m_err << tr("pasalista-cli: %1").arg(message) << Qt::endl
          << tr("Run pasalista-cli --help for usage.") << Qt::endl;
    return UsageError;
}

int CliRunner::refused(const DomainError &error)
{
    m_err << error.message << Qt::endl;
    return error.code == DomainError::Code::Storage ? Failure : Refused;
}

int CliRunner::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Pasalista: attendance for after-school programmes."));
    addOptions(parser);
    int exitCode = Success;
    if (!parser.parse(arguments)) {
        exitCode = usageError(parser.errorText());
    } else if (parser.isSet(kVersion)) {
        m_out << QStringLiteral("pasalista-cli ") << QLatin1String(PASALISTA_VERSION) << Qt::endl;
    } else if (parser.isSet(kHelp)) {
        m_out << usage(parser);
    } else if (parser.positionalArguments().isEmpty()) {
        exitCode = usageError(tr("no command given."));
    } else {
        QStringList args = parser.positionalArguments();
        const QString name = args.takeFirst();
        exitCode = dispatch(parser, name, args);
    }
    m_out.flush();
    m_err.flush();
    return exitCode;
}

int CliRunner::checkCommand(const QCommandLineParser &parser, const Command &command)
{
    const QStringList global = {kDataDir, kDb, kMapping};
    for (const QString &option : parser.optionNames()) {
        const QString longName = option == QLatin1String("h") ? kHelp : option;
        if (!global.contains(longName) && !command.options.contains(longName)) {
            return usageError(tr("%1 does not take --%2.").arg(command.name, longName));
        }
    }
    const int given = int(parser.positionalArguments().size()) - 1;
    // `issues` alone lists them; `issues retry|dismiss ID` settles one.
    const bool settlesIssue = command.name == QLatin1String("issues") && given == 2;
    if (given != command.arguments && !settlesIssue) {
        return usageError(
            tr("%1 takes %n argument(s).", nullptr, command.arguments).arg(command.name));
    }
    if (command.options.contains(kCsv) && parser.value(kCsv).isEmpty()) {
        return usageError(tr("%1 needs --csv FILE.").arg(command.name));
    }
    return Success;
}

int CliRunner::openStore(const QCommandLineParser &parser)
{
    QString error;
    std::optional<Mapping> mapping = parser.isSet(kMapping)
                                         ? Mapping::fromFile(parser.value(kMapping), &error)
                                         : std::optional<Mapping>(Mapping::dream());
    if (!mapping) {
        m_err << tr("Cannot use the mapping %1: %2").arg(parser.value(kMapping), error) << Qt::endl;
        return Failure;
    }
    const QString dataDir = parser.isSet(kDataDir) ? parser.value(kDataDir) : defaultDataDir();
    const QString path = parser.isSet(kDb) ? parser.value(kDb) : accountStorePath(dataDir);
    m_store = std::make_unique<LocalStore>(*mapping);
    if (!m_store->open(path)) {
        m_err << m_store->errorString() << Qt::endl;
        return Failure;
    }
    m_repository = std::make_unique<Repository>(*m_store);
    qCDebug(lcCli) << "store" << path;
    return Success;
}

int CliRunner::dispatch(const QCommandLineParser &parser, const QString &name,
                        const QStringList &args)
{
    const QList<Command> known = commands();
    const auto command = std::find_if(known.begin(), known.end(),
                                      [&name](const Command &c) { return c.name == name; });
    if (command == known.end()) {
        return usageError(tr("unknown command \"%1\".").arg(name));
    }
    if (const int checked = checkCommand(parser, *command); checked != Success) {
        return checked;
    }
    if (SyncCommands::handles(name)) {
        QSettings settings;
        AccountManager accounts(&settings,
                                parser.isSet(kDataDir) ? parser.value(kDataDir) : defaultDataDir());
        accounts.setKeepAccessToken(true);
        const PendingRevocationsAround revocations(accounts);
        QString error;
        const std::optional<Mapping> mapping =
            parser.isSet(kMapping) ? Mapping::fromFile(parser.value(kMapping), &error)
                                   : std::optional<Mapping>(Mapping::dream());
        if (!mapping) {
            m_err << tr("Cannot use the mapping %1: %2").arg(parser.value(kMapping), error)
                  << Qt::endl;
            return Failure;
        }
        return SyncCommands(m_out, m_err, accounts, *mapping).run(name, parser.isSet(kJson), args);
    }
    if (AuthCommands::handles(name)) {
        QSettings settings;
        AccountManager accounts(&settings,
                                parser.isSet(kDataDir) ? parser.value(kDataDir) : defaultDataDir());
        accounts.setKeepAccessToken(true);
        const PendingRevocationsAround revocations(accounts);
        return AuthCommands(m_out, m_err, &accounts).run(name, parser);
    }
    if (name == QLatin1String("mark") && !parseDate(args.at(1)).isValid()) {
        return usageError(tr("\"%1\" is not a date; write it as YYYY-MM-DD.").arg(args.at(1)));
    }
    if (const int opened = openStore(parser); opened != Success) {
        return opened;
    }
    qCInfo(lcCli) << "command" << name;
    const bool json = parser.isSet(kJson);
    if (name == QLatin1String("courses")) {
        return listCourses(json);
    }
    if (name == QLatin1String("roster")) {
        return showRoster(args.at(0), json);
    }
    if (name == QLatin1String("mark")) {
        return mark(args, parser);
    }
    if (name == QLatin1String("report")) {
        return showReport(args.at(0), json);
    }
    if (name == QLatin1String("export")) {
        return exportCsv(args.at(0), parser.value(kCsv));
    }
    if (name == QLatin1String("pending")) {
        return listPending(json);
    }
    return seedDemo();
}

std::optional<qint64> CliRunner::resolveCourse(const QString &ref, int *exitCode)
{
    DomainError error;
    const auto id = m_repository->findCourse(ref, &error);
    if (!id) {
        *exitCode = refused(error);
    }
    return id;
}

QString CliRunner::statusLabel(int code) const
{
    const AttendanceCode *known = m_repository->mapping().attendanceCode(code);
    if (!known) {
        return QString::number(code);
    }
    return QCoreApplication::translate("AttendanceLabels", known->label.toUtf8().constData());
}

QJsonObject CliRunner::courseJson(const Course &course) const
{
    return QJsonObject{{QStringLiteral("id"), course.id},
                       {QStringLiteral("sfid"), course.sfid},
                       {QStringLiteral("key"), course.key},
                       {QStringLiteral("title"), course.title},
                       {QStringLiteral("startDate"), isoOrEmpty(course.startDate)},
                       {QStringLiteral("endDate"), isoOrEmpty(course.endDate)},
                       {QStringLiteral("program"), course.programName},
                       {QStringLiteral("facilitators"), course.facilitatorNames},
                       {QStringLiteral("enrolled"), course.enrolledCount},
                       {QStringLiteral("active"), course.isActiveOn(QDate::currentDate())}};
}

void CliRunner::writeJson(const QJsonObject &object)
{
    m_out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

void CliRunner::writeTable(const QStringList &headers, const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QString &header : headers) {
        widths.append(header.size());
    }
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i) {
            widths[i] = std::max(widths[i], row.at(i).size());
        }
    }
    const auto writeRow = [this, &widths](const QStringList &cells) {
        QStringList padded;
        for (qsizetype i = 0; i < cells.size(); ++i) {
            padded.append(i + 1 < cells.size() ? cells.at(i).leftJustified(widths.at(i))
                                               : cells.at(i));
        }
        QString line = padded.join(QStringLiteral("  "));
        while (line.endsWith(QLatin1Char(' '))) {
            line.chop(1); // an empty last column leaves no trailing blanks
        }
        m_out << line << Qt::endl;
    };
    writeRow(headers);
    for (const QStringList &row : rows) {
        writeRow(row);
    }
}

int CliRunner::listCourses(bool json)
{
    const QList<Course> courses = m_repository->courses();
    if (json) {
        QJsonArray array;
        for (const Course &course : courses) {
            array.append(courseJson(course));
        }
        writeJson(QJsonObject{{QStringLiteral("courses"), array}});
        return Success;
    }
    if (courses.isEmpty()) {
        m_out << tr("No courses in the local store.") << Qt::endl;
        return Success;
    }
    QList<QStringList> rows;
    for (const Course &course : courses) {
        rows.append({course.title,
                     tr("%1 to %2").arg(isoOrEmpty(course.startDate), isoOrEmpty(course.endDate)),
                     course.programName, course.facilitatorNames,
                     QString::number(course.enrolledCount), recordRef(course.sfid, course.key)});
    }
    writeTable(
        {tr("Course"), tr("Dates"), tr("Program"), tr("Facilitators"), tr("Students"), tr("Id")},
        rows);
    return Success;
}

int CliRunner::showRoster(const QString &courseRef, bool json)
{
    int exitCode = Success;
    const auto courseId = resolveCourse(courseRef, &exitCode);
    if (!courseId) {
        return exitCode;
    }
    const auto course = m_repository->course(*courseId);
    const QList<Student> students = m_repository->roster(*courseId);
    if (json) {
        QJsonArray array;
        for (const Student &student : students) {
            array.append(
                QJsonObject{{QStringLiteral("id"), student.id},
                            {QStringLiteral("sfid"), student.sfid},
                            {QStringLiteral("key"), student.key},
                            {QStringLiteral("firstName"), student.firstName},
                            {QStringLiteral("lastName"), student.lastName},
                            {QStringLiteral("nickname"), student.nickname},
                            {QStringLiteral("dateOfBirth"), isoOrEmpty(student.dateOfBirth)},
                            {QStringLiteral("phone"), student.phone1}});
        }
        writeJson(QJsonObject{{QStringLiteral("course"), courseJson(*course)},
                              {QStringLiteral("students"), array}});
        return Success;
    }
    m_out << tr("%1: %n student(s)", nullptr, int(students.size())).arg(course->title) << Qt::endl;
    QList<QStringList> rows;
    for (const Student &student : students) {
        rows.append({student.lastName, student.firstName, student.nickname,
                     isoOrEmpty(student.dateOfBirth), student.phone1,
                     recordRef(student.sfid, student.key)});
    }
    writeTable(
        {tr("Last name"), tr("First name"), tr("Nickname"), tr("Born"), tr("Phone"), tr("Id")},
        rows);
    return Success;
}

int CliRunner::mark(const QStringList &args, const QCommandLineParser &parser)
{
    int exitCode = Success;
    const auto courseId = resolveCourse(args.at(0), &exitCode);
    if (!courseId) {
        return exitCode;
    }
    const QDate date = parseDate(args.at(1));
    DomainError error;
    // Within the roster first, so a first name is enough; then anyone, so that a student
    // who is not enrolled gets that explained rather than "not found".
    auto studentId = m_repository->findStudent(args.at(2), &error, *courseId);
    if (!studentId && error.code == DomainError::Code::NotFound) {
        studentId = m_repository->findStudent(args.at(2), &error);
    }
    if (!studentId) {
        return refused(error);
    }
    const auto status = m_repository->statusFromText(args.at(3));
    if (!status) {
        DomainError invalid;
        invalid.code = DomainError::Code::InvalidStatus;
        QStringList codes;
        for (const AttendanceCode &code : m_repository->mapping().attendanceCodes()) {
            codes.append(QStringLiteral("%1/%2 (%3)")
                             .arg(code.code)
                             .arg(code.shortcut, statusLabel(code.code)));
        }
        invalid.message = tr("\"%1\" is not an attendance status. Use one of: %2.")
                              .arg(args.at(3), codes.join(QStringLiteral(", ")));
        return refused(invalid);
    }
    // Without --note, a re-mark keeps the note already there.
    const QString notes = parser.isSet(kNote)
                              ? parser.value(kNote)
                              : m_repository->attendanceOn(*courseId, date).value(*studentId).notes;
    if (const DomainError refusal = m_repository->markAttendance(
            *courseId, *studentId, date, *status, notes, parser.isSet(kConfirm))) {
        return refused(refusal);
    }
    m_out << tr("%1: %2 on %3 in %4.")
                 .arg(m_repository->student(*studentId)->fullName(), statusLabel(*status),
                      date.toString(Qt::ISODate), m_repository->course(*courseId)->title)
          << Qt::endl
          << tr("%n change(s) waiting to sync.", nullptr, m_store->pendingChangeCount())
          << Qt::endl;
    return Success;
}

int CliRunner::showReport(const QString &courseRef, bool json)
{
    int exitCode = Success;
    const auto courseId = resolveCourse(courseRef, &exitCode);
    if (!courseId) {
        return exitCode;
    }
    const auto course = m_repository->course(*courseId);
    QList<AttendanceSummary> rows = Reports(*m_repository).courseReport(*courseId);
    const AttendanceSummary total = rows.takeLast();
    if (json) {
        QJsonArray array;
        for (const AttendanceSummary &row : std::as_const(rows)) {
            array.append(summaryJson(row));
        }
        writeJson(QJsonObject{{QStringLiteral("course"), courseJson(*course)},
                              {QStringLiteral("students"), array},
                              {QStringLiteral("total"), summaryJson(total)}});
        return Success;
    }
    m_out << course->title << Qt::endl;
    QList<QStringList> table;
    for (const AttendanceSummary &row : std::as_const(rows) + QList<AttendanceSummary>{total}) {
        table.append(
            {row.name, QString::number(row.recorded), QString::number(row.present),
             QString::number(row.late), QString::number(row.absent), QString::number(row.excused),
             percent(row.attendanceRate()),
             row.studentId != 0 && row.chronicallyAbsent() ? tr("chronic absence") : QString()});
    }
    writeTable({tr("Student"), tr("Days"), tr("Present"), tr("Late"), tr("Absent"), tr("Excused"),
                tr("Attendance"), QString()},
               table);
    return Success;
}

int CliRunner::exportCsv(const QString &courseRef, const QString &file)
{
    int exitCode = Success;
    const auto courseId = resolveCourse(courseRef, &exitCode);
    if (!courseId) {
        return exitCode;
    }
    const auto course = m_repository->course(*courseId);
    QHash<qint64, Student> students;
    for (const Student &student : m_repository->roster(*courseId)) {
        students.insert(student.id, student);
    }
    QString csv;
    const auto addRow = [&csv](const QStringList &fields) {
        QStringList quoted;
        for (const QString &field : fields) {
            quoted.append(csvField(field));
        }
        csv += quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    };
    addRow({tr("Date"), tr("Course"), tr("Student"), tr("Student Id"), tr("Status code"),
            tr("Status"), tr("Notes"), tr("Attendance Id")});
    const QList<AttendanceMark> marks = m_repository->attendanceOfCourse(*courseId);
    for (const AttendanceMark &mark : marks) {
        const Student student = students.value(mark.studentId);
        addRow({mark.date.toString(Qt::ISODate), course->title, student.fullName(),
                recordRef(student.sfid, student.key), QString::number(mark.status),
                statusLabel(mark.status), mark.notes, recordRef(mark.sfid, mark.key)});
    }
    if (file == QLatin1String("-")) {
        m_out << csv;
        return Success;
    }
    // QSaveFile replaces the target by renaming over it: on a device node, a socket or a
    // folder that would destroy something that is not ours. Only regular files are written.
    const QFileInfo target(file);
    if (target.exists() && !target.isFile()) {
        m_err << tr("Cannot write %1: not a regular file.").arg(file) << Qt::endl;
        return Failure;
    }
    // UTF-8 with a byte order mark: spreadsheet programs then show accents right.
    QSaveFile output(file);
    if (!output.open(QIODevice::WriteOnly) || output.write("\xEF\xBB\xBF") < 0 ||
        output.write(csv.toUtf8()) < 0 || !output.commit()) {
        m_err << tr("Cannot write %1: %2").arg(file, output.errorString()) << Qt::endl;
        return Failure;
    }
    m_out << tr("Wrote %n attendance record(s) to %1.", nullptr, int(marks.size())).arg(file)
          << Qt::endl;
    return Success;
}

int CliRunner::listPending(bool json)
{
    const QList<OutboxEntry> entries =
        m_store->outboxEntries({outbox::New, outbox::Pending, outbox::Failed});
    if (json) {
        QJsonArray array;
        for (const OutboxEntry &entry : entries) {
            array.append(QJsonObject{
                {QStringLiteral("id"), entry.id},
                {QStringLiteral("action"), entry.action},
                {QStringLiteral("table"), entry.tableName},
                {QStringLiteral("recordId"), entry.recordId},
                {QStringLiteral("state"), entry.state},
                {QStringLiteral("values"), QJsonObject::fromVariantMap(entry.values)},
                {QStringLiteral("old"), QJsonObject::fromVariantMap(entry.old)},
                {QStringLiteral("message"), entry.sfMessage},
                {QStringLiteral("createdAt"), entry.createdAt.toString(Qt::ISODateWithMs)}});
        }
        writeJson(QJsonObject{{QStringLiteral("pending"), array}});
        return Success;
    }
    if (entries.isEmpty()) {
        m_out << tr("Nothing waiting to sync.") << Qt::endl;
        return Success;
    }
    QList<QStringList> rows;
    for (const OutboxEntry &entry : entries) {
        rows.append({QString::number(entry.id), entry.action, entry.tableName,
                     QString::number(entry.recordId), entry.state,
                     entry.createdAt.toLocalTime().toString(Qt::ISODate),
                     QStringList(entry.values.keys()).join(QStringLiteral(", ")), entry.sfMessage});
    }
    writeTable({tr("#"), tr("Action"), tr("Table"), tr("Record"), tr("State"), tr("Since"),
                tr("Fields"), tr("Message")},
               rows);
    return Success;
}

int CliRunner::seedDemo()
{
    if (!DemoData::isEmpty(*m_store)) {
        m_err << tr("The store %1 already holds data; demo data goes only into a new store "
                    "(use --data-dir or --db with a new file).")
                     .arg(m_store->path())
              << Qt::endl;
        return Refused;
    }
    DemoData demo(*m_store);
    if (!demo.populate()) {
        m_err << demo.errorString() << Qt::endl;
        return Failure;
    }
    const DemoData::Counts &counts = demo.counts();
    m_out << tr("Demo data written to %1:").arg(m_store->path()) << Qt::endl
          << tr("%1 programs, %2 teachers, %3 courses, %4 students, %5 enrollments, "
                "%6 attendance records.")
                 .arg(counts.programs)
                 .arg(counts.teachers)
                 .arg(counts.courses)
                 .arg(counts.students)
                 .arg(counts.enrollments)
                 .arg(counts.attendance)
          << Qt::endl;
    return Success;
}

} // namespace pasalista
