<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES" sourcelanguage="en">
<context>
    <name>AttendanceLabels</name>
    <message>
        <source>Present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexcused absence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excused absence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexcused late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excused late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not marked</source>
        <comment>attendance not taken yet</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CliRunner</name>
    <message>
        <source>Folder of the local store (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DIR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local store file, instead of the one in the data folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mapping file (default: the Dream programme&apos;s mapping).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print JSON instead of text (read commands).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note to keep with the mark (mark).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark a date outside the course&apos;s dates (mark).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File to write, or - for standard output (export).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print this help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do; see Commands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Commands:
  courses                          list the courses
  roster COURSE                    list a course&apos;s students
  mark COURSE DATE STUDENT STATUS  mark attendance (STATUS: code, letter or label)
  report COURSE                    attendance counts per student
  export COURSE --csv FILE         attendance records as CSV
  pending                          changes waiting to sync
  demo                             fill a new store with demo data
COURSE and STUDENT: Salesforce Id, Pasalista Id or an unambiguous name.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pasalista-cli: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run pasalista-cli --help for usage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pasalista: attendance for after-school programmes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no command given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not take --%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 takes %n argument(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 needs --csv FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot use the mapping %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date; write it as YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No courses in the local store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facilitators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Students</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n student(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Born</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an attendance status. Use one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 on %3 in %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to sync.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>chronic absence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Absent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Student Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendance Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n attendance record(s) to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing waiting to sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store %1 already holds data; demo data goes only into a new store (use --data-dir or --db with a new file).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo data written to %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 programs, %2 teachers, %3 courses, %4 students, %5 enrollments, %6 attendance records.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoData</name>
    <message>
        <source>The local store is not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local store already holds data; demo data goes only into a new, empty store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mondays and Wednesdays, 3:00–5:00 pm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tuesdays and Thursdays, 3:00–5:00 pm</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mapping</name>
    <message>
        <source>Mapping %1 has no object_name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object %1: access must be read_only or read_write, not &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object %1 maps no fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object &quot;%1&quot; is not a valid API name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object %1: field &quot;%2&quot; is not a valid API name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object %1 must map the field Id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object %1: upsert field %2 is not mapped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mapping is not valid JSON: %1 at offset %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mapping has no &quot;mappings&quot; list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object %1 is mapped twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mapping has no &quot;pasalista&quot; section binding the roles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown role &quot;%1&quot; in the pasalista section.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The role &quot;%1&quot; is not bound to any object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role &quot;%1&quot; is bound to object &quot;%2&quot;, which is not mapped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object %1: role &quot;%2&quot; has no field &quot;%3&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object %1: field %2 is bound to %3.%4 but not mapped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object %1: role &quot;%2&quot; needs its field &quot;%3&quot; bound.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object %1: conflict_policy must be local_wins or remote_wins.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object %1: the pasalista section lists no attendance_codes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object %1: an attendance code has no numeric &quot;code&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object %1: attendance code %2 is listed twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the mapping file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StudentLabels</name>
    <message>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pasalista::AccountManager</name>
    <message>
        <source>Signed out on this computer, but Salesforce could not be told. The sign-in ends on its own when it expires.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pasalista::AttendanceHistoryModel</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pasalista::AttendanceModel</name>
    <message>
        <source>No student in row %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>last name, first name</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (%1)</source>
        <comment>nickname</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pasalista::AttendanceSheet</name>
    <message>
        <source>Date outside the course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class &amp;date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark all &amp;present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark all present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marks every student without a mark as present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Students marked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 or %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys: %1 · N notes · arrows move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendance sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One row per student. Type a status letter or digit to mark the current student and move to the next; N edits the notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

Take attendance on %2 anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 marked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pasalista::AttendanceStatusDelegate</name>
    <message>
        <source>Attendance status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pasalista::CourseListModel</name>
    <message>
        <source>Facilitators: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Students</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pasalista::GuiLauncher</name>
    <message>
        <source>Pasalista</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take attendance offline and sync it with Salesforce.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the local store in &lt;directory&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill an empty store with a demo programme.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a picture of the window to &lt;file&gt; and quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open on tab &lt;name&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the data folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the local store %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot add the demo programme: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pasalista::LocalStore</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the local database %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local database %1 is damaged or is not a Pasalista database (%2). Nothing was changed; restore a backup or sign in again to download your data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local database %1 failed its integrity check: %2. Nothing was changed; restore a backup or sign in again to download your data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local database error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local database %1 was written by a newer Pasalista (schema %2). Update Pasalista to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal error: commit without a transaction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal error: %1 has no column %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save to the local database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not record the change for syncing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 records are read-only in this org&apos;s mapping.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record to change no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record to delete no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pasalista::LoginHost</name>
    <message>
        <source>Enter the address of the Salesforce login page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a web address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not secure: use an https:// address.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pasalista::MainWindow</name>
    <message>
        <source>Pasalista</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes waiting to sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search courses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active &amp;today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the courses running today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Courses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Roster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Attendance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ummary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendance summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enroll student…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New student…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unenroll student…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+U</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Student &amp;profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark all &amp;present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Pasalista</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Español</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All programs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No course selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2, %3 to %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facilitators: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No changes waiting to sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to sync</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language is used the next time Pasalista starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Pasalista</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pasalista %1
Take attendance offline and sync it with Salesforce.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pasalista::RemoteApplier</name>
    <message>
        <source>Could not save data from the org: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted in the org while you were editing it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pasalista::Repository</name>
    <message>
        <source>&quot;%1&quot; matches %2 %3: %4. Use a fuller name or the Salesforce Id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change could not be saved in the local store: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>courses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No course matches &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>students</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No student enrolled in this course matches &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No student matches &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth must be a real date, not in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex must be one of: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main language must be one of: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an email address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The student no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The course no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already enrolled in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The student is not enrolled in this course.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an attendance status. Use one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The class date is not a valid date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is outside the dates of %2 (%3 to %4). Confirm to mark it anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not enrolled in %2: enroll the student before taking attendance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mapping has no attendance code meaning present.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pasalista::RosterModel</name>
    <message>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pasalista::RosterPanel</name>
    <message>
        <source>Unenroll student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enroll student…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New student…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unenroll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removes the selected student from this course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1 from this course?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pasalista::SalesforceClient</name>
    <message>
        <source>Refusing to send credentials over plain http to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your sign-in has expired. Sign in again; your changes are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The org&apos;s reply could not be read (%1 at byte %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The org answered HTTP %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pasalista::SignInFlow</name>
    <message>
        <source>No answer came from the browser in time. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pasalista could not open a local port to receive the sign-in answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pasalista received the answer from Salesforce. You can close this tab and go back to Pasalista.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer from the browser did not belong to this sign-in, so Pasalista refused it. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Salesforce did not allow the sign-in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer from the browser had no authorization code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Salesforce refused the sign-in (%1). Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Salesforce could not be reached: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Salesforce answered with an insecure org address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pasalista could not read who signed in: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pasalista::StudentFormDialog</name>
    <message>
        <source>New student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields marked * are required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Nickname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Primary contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Primary contact&apos;s phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First lan&amp;guage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 *</source>
        <comment>required field</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of &amp;birth</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pasalista::StudentPickerDialog</name>
    <message>
        <source>Enroll a student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type part of a name or nickname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search students</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matching students</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enroll</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pasalista::StudentProfileDialog</name>
    <message>
        <source>Student: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Courses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <comment>no value</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Primary contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet in Salesforce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Courses of the student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendance per course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendance history</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pasalista::StudentSearchModel</name>
    <message>
        <source>%1 — born %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) — born %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pasalista::SummaryModel</name>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n/a</source>
        <comment>no attendance recorded</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chronic absence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missed 10 % or more of the recorded class days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Absent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flag</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pasalista::TokenStore</name>
    <message>
        <source>Pasalista cannot use the macOS Keychain, so it cannot remember your sign-in. Unlock the login keychain in Keychain Access and sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pasalista cannot use the Windows Credential Manager, so it cannot remember your sign-in. Sign in to Windows with your own account and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pasalista found no keychain (Secret Service), so it cannot remember your sign-in. Install and start GNOME Keyring or KWallet (for example: sudo apt install gnome-keyring), unlock it, and sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
