<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES" sourcelanguage="en">
<context>
    <name>AttendanceChart</name>
    <message>
        <source>Chronic absence line: %1 attended</source>
        <translation>Línea de ausentismo crónico: %1 de asistencia</translation>
    </message>
    <message>
        <source>Attendance by week</source>
        <translation>Asistencia por semana</translation>
    </message>
    <message>
        <source>No marks in these dates.</source>
        <translation>No hay marcas en estas fechas.</translation>
    </message>
</context>
<context>
    <name>AttendanceKeys</name>
    <message>
        <source>P</source>
        <comment>Present</comment>
        <translation>P</translation>
    </message>
    <message>
        <source>A</source>
        <comment>Unexcused absence</comment>
        <translation>A</translation>
    </message>
    <message>
        <source>E</source>
        <comment>Excused absence</comment>
        <translation>J</translation>
    </message>
    <message>
        <source>T</source>
        <comment>Unexcused late</comment>
        <translation>T</translation>
    </message>
    <message>
        <source>L</source>
        <comment>Excused late</comment>
        <translation>R</translation>
    </message>
</context>
<context>
    <name>AttendanceLabels</name>
    <message>
        <source>Present</source>
        <translation>Presente</translation>
    </message>
    <message>
        <source>Unexcused absence</source>
        <translation>Ausencia injustificada</translation>
    </message>
    <message>
        <source>Excused absence</source>
        <translation>Ausencia justificada</translation>
    </message>
    <message>
        <source>Unexcused late</source>
        <translation>Tardanza injustificada</translation>
    </message>
    <message>
        <source>Excused late</source>
        <translation>Retraso justificado</translation>
    </message>
    <message>
        <source>Not marked</source>
        <comment>attendance not taken yet</comment>
        <translation>Sin marcar</translation>
    </message>
</context>
<context>
    <name>CliRunner</name>
    <message>
        <source>Folder of the local store (default: %1).</source>
        <translation>Carpeta del almacén local (por defecto: %1).</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>CARPETA</translation>
    </message>
    <message>
        <source>Local store file, instead of the one in the data folder.</source>
        <translation>Archivo del almacén local, en lugar del de la carpeta de datos.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>ARCHIVO</translation>
    </message>
    <message>
        <source>Mapping file (default: the Dream programme&apos;s mapping).</source>
        <translation>Archivo de mapeo (por defecto: el mapeo del programa Dream).</translation>
    </message>
    <message>
        <source>Print JSON instead of text (read commands).</source>
        <translation>Imprimir JSON en lugar de texto (comandos de lectura).</translation>
    </message>
    <message>
        <source>Note to keep with the mark (mark).</source>
        <translation>Nota que se guarda con la marca (mark).</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>TEXTO</translation>
    </message>
    <message>
        <source>Mark a date outside the course&apos;s dates (mark).</source>
        <translation>Marcar una fecha fuera de las fechas del curso (mark).</translation>
    </message>
    <message>
        <source>File to write, or - for standard output (export).</source>
        <translation>Archivo a escribir, o - para la salida estándar (export).</translation>
    </message>
    <message>
        <source>Print the version.</source>
        <translation>Mostrar la versión.</translation>
    </message>
    <message>
        <source>Print this help.</source>
        <translation>Mostrar esta ayuda.</translation>
    </message>
    <message>
        <source>What to do; see Commands.</source>
        <translation>Qué hacer; vea Comandos.</translation>
    </message>
    <message>
        <source>pasalista-cli: %1</source>
        <translation>pasalista-cli: %1</translation>
    </message>
    <message>
        <source>Run pasalista-cli --help for usage.</source>
        <translation>Ejecute pasalista-cli --help para ver el uso.</translation>
    </message>
    <message>
        <source>Pasalista: attendance for after-school programmes.</source>
        <translation>Pasalista: asistencia para programas extraescolares.</translation>
    </message>
    <message>
        <source>no command given.</source>
        <translation>no se indicó ningún comando.</translation>
    </message>
    <message>
        <source>%1 does not take --%2.</source>
        <translation>%1 no admite --%2.</translation>
    </message>
    <message numerus="yes">
        <source>%1 takes %n argument(s).</source>
        <translation>
            <numerusform>%1 recibe %n argumento.</numerusform>
            <numerusform>%1 recibe %n argumentos.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 needs --csv FILE.</source>
        <translation>%1 necesita --csv ARCHIVO.</translation>
    </message>
    <message>
        <source>Cannot use the mapping %1: %2</source>
        <translation>No se puede usar el mapeo %1: %2</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;.</source>
        <translation>comando desconocido «%1».</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date; write it as YYYY-MM-DD.</source>
        <translation>«%1» no es una fecha; escríbala como AAAA-MM-DD.</translation>
    </message>
    <message>
        <source>No courses in the local store.</source>
        <translation>No hay cursos en el almacén local.</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 a %2</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Curso</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Fechas</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programa</translation>
    </message>
    <message>
        <source>Facilitators</source>
        <translation>Facilitadores</translation>
    </message>
    <message>
        <source>Students</source>
        <translation>Estudiantes</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n student(s)</source>
        <translation>
            <numerusform>%1: %n estudiante</numerusform>
            <numerusform>%1: %n estudiantes</numerusform>
        </translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Apellido</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>Apodo</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Nacimiento</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an attendance status. Use one of: %2.</source>
        <translation>«%1» no es un estado de asistencia. Use uno de: %2.</translation>
    </message>
    <message>
        <source>%1: %2 on %3 in %4.</source>
        <translation>%1: %2 el %3 en %4.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to sync.</source>
        <translation>
            <numerusform>%n cambio pendiente de sincronizar.</numerusform>
            <numerusform>%n cambios pendientes de sincronizar.</numerusform>
        </translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Estudiante</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Student Id</source>
        <translation>Id del estudiante</translation>
    </message>
    <message>
        <source>Status code</source>
        <translation>Código de estado</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Attendance Id</source>
        <translation>Id de asistencia</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n attendance record(s) to %1.</source>
        <translation>
            <numerusform>Se escribió %n registro de asistencia en %1.</numerusform>
            <numerusform>Se escribieron %n registros de asistencia en %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing waiting to sync.</source>
        <translation>Nada pendiente de sincronizar.</translation>
    </message>
    <message>
        <source>#</source>
        <translation>N.º</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabla</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Campos</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>The store %1 already holds data; demo data goes only into a new store (use --data-dir or --db with a new file).</source>
        <translation>El almacén %1 ya tiene datos; los datos de demostración solo van en un almacén nuevo (use --data-dir o --db con un archivo nuevo).</translation>
    </message>
    <message>
        <source>Demo data written to %1:</source>
        <translation>Datos de demostración escritos en %1:</translation>
    </message>
    <message>
        <source>%1 programs, %2 teachers, %3 courses, %4 students, %5 enrollments, %6 attendance records.</source>
        <translation>%1 programas, %2 docentes, %3 cursos, %4 estudiantes, %5 inscripciones, %6 registros de asistencia.</translation>
    </message>
    <message>
        <source>Give the class date as YYYY-MM-DD; by the org&apos;s clock today is %1.</source>
        <translation>Escriba la fecha de la clase como AAAA-MM-DD; según el reloj de la organización, hoy es %1.</translation>
    </message>
    <message>
        <source>First day the report counts, YYYY-MM-DD (report).</source>
        <translation>Primer día que cuenta el informe, AAAA-MM-DD (report).</translation>
    </message>
    <message>
        <source>DATE</source>
        <translation>FECHA</translation>
    </message>
    <message>
        <source>Last day the report counts, YYYY-MM-DD (report).</source>
        <translation>Último día que cuenta el informe, AAAA-MM-DD (report).</translation>
    </message>
    <message>
        <source>--from %1 is after --to %2: the report would count no day.</source>
        <translation>--from %1 es posterior a --to %2: el informe no contaría ningún día.</translation>
    </message>
    <message>
        <source>%1 signed out on this computer: their data stays locked until they sign in again. Run: pasalista-cli login</source>
        <translation>%1 cerró sesión en esta computadora: sus datos quedan bloqueados hasta que vuelva a iniciar sesión. Ejecute: pasalista-cli login</translation>
    </message>
    <message>
        <source>not a regular file.</source>
        <translation>no es un archivo normal.</translation>
    </message>
    <message>
        <source>
Commands:
  courses                          list the courses
  roster COURSE                    list a course&apos;s students
  mark COURSE DATE STUDENT STATUS  mark attendance (STATUS: code, letter or label)
  report COURSE                    attendance counts per student
  report COURSE --pdf FILE         the report with its weekly chart, as a PDF
  export COURSE --csv FILE         attendance records as CSV
  pending                          changes waiting to sync
  demo                             fill a new store with demo data
  sync                             send changes to the org and fetch its changes
  status                           who is signed in, changes waiting, last sync
  issues                           records the org refused and conflicts
  issues retry ID | dismiss ID     send a refused record again, or settle an issue as the Sync issues window does
COURSE and STUDENT: Salesforce Id, Pasalista Id or an unambiguous name.
</source>
        <translation>
Comandos:
  courses                          lista los cursos
  roster COURSE                    lista los estudiantes de un curso
  mark COURSE DATE STUDENT STATUS  marca la asistencia (STATUS: código, letra o nombre)
  report COURSE                    conteos de asistencia por estudiante
  report COURSE --pdf FILE         el informe con su gráfico semanal, en PDF
  export COURSE --csv FILE         registros de asistencia en CSV
  pending                          cambios pendientes de sincronizar
  demo                             llena un almacén nuevo con datos de demostración
  sync                             envía los cambios a la organización y trae los suyos
  status                           quién inició sesión, cambios pendientes, última sincronización
  issues                           registros rechazados por la organización y conflictos
  issues retry ID | dismiss ID     reenvía un registro rechazado o resuelve un problema como la ventana Problemas de sincronización
COURSE y STUDENT: Id de Salesforce, Id de Pasalista o un nombre sin ambigüedad.
</translation>
    </message>
    <message>
        <source>Write the report, with its weekly chart, to a PDF file (report).</source>
        <translation>Escribir el informe, con su gráfico semanal, en un archivo PDF (report).</translation>
    </message>
    <message>
        <source>--pdf needs the name of the file to write.</source>
        <translation>--pdf necesita el nombre del archivo a escribir.</translation>
    </message>
    <message>
        <source>A PDF cannot be laid out without fonts (no QGuiApplication).</source>
        <translation>No se puede componer un PDF sin fuentes (no hay QGuiApplication).</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>Informe escrito en %1</translation>
    </message>
</context>
<context>
    <name>CourseDocuments</name>
    <message>
        <source>From %1 to %2</source>
        <translation>Del %1 al %2</translation>
    </message>
    <message>
        <source>From %1 on</source>
        <translation>Desde el %1</translation>
    </message>
    <message>
        <source>Up to %1</source>
        <translation>Hasta el %1</translation>
    </message>
    <message>
        <source>Every recorded day</source>
        <translation>Todos los días registrados</translation>
    </message>
    <message>
        <source>Facilitators: %1</source>
        <translation>Facilitadores: %1</translation>
    </message>
    <message>
        <source>Attendance report</source>
        <translation>Informe de asistencia</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Estudiante</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Días</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Ninguno.</translation>
    </message>
    <message>
        <source>Across all your courses: 10 % or more of the class days missed</source>
        <translation>En todos sus cursos: faltaron al 10 % o más de los días de clase</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Curso</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Inasistencia</translation>
    </message>
    <message>
        <source>Across all your courses: %1 or more absences in a row</source>
        <translation>En todos sus cursos: %1 o más ausencias seguidas</translation>
    </message>
    <message>
        <source>Absences in a row</source>
        <translation>Ausencias seguidas</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>Lista de estudiantes</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>N.º</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Sign-in sheet</source>
        <translation>Hoja de firmas</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Arrival time</source>
        <translation>Hora de llegada</translation>
    </message>
</context>
<context>
    <name>DemoData</name>
    <message>
        <source>The local store is not open.</source>
        <translation>El almacén local no está abierto.</translation>
    </message>
    <message>
        <source>The local store already holds data; demo data goes only into a new, empty store.</source>
        <translation>El almacén local ya tiene datos; los datos de demostración solo van en un almacén nuevo y vacío.</translation>
    </message>
    <message>
        <source>Mondays and Wednesdays, 3:00–5:00 pm</source>
        <translation>Lunes y miércoles, 3:00–5:00 p. m.</translation>
    </message>
    <message>
        <source>Tuesdays and Thursdays, 3:00–5:00 pm</source>
        <translation>Martes y jueves, 3:00–5:00 p. m.</translation>
    </message>
</context>
<context>
    <name>FieldAccess</name>
    <message>
        <source>The org does not let you see the field ‘%1’ of %2; Pasalista cannot show what the org holds in it.</source>
        <translation>La organización no le deja ver el campo «%1» de %2; Pasalista no puede mostrar lo que la organización guarda en él.</translation>
    </message>
    <message>
        <source>The org does not let you change the field ‘%1’ of %2. What you type in it is kept on this computer and not sent; ask the org&apos;s administrator for access.</source>
        <translation>La organización no le deja cambiar el campo «%1» de %2. Lo que escriba en él se guarda en esta computadora y no se envía; pida acceso al administrador de la organización.</translation>
    </message>
    <message>
        <source>The org does not let you see the field ‘%1’ of %2. What you type in it is kept on this computer and not sent; ask the org&apos;s administrator for access.</source>
        <translation>La organización no le deja ver el campo «%1» de %2. Lo que escriba en él se guarda en esta computadora y no se envía; pida acceso al administrador de la organización.</translation>
    </message>
</context>
<context>
    <name>Mapping</name>
    <message>
        <source>Mapping %1 has no object_name.</source>
        <translation>El mapeo %1 no tiene object_name.</translation>
    </message>
    <message>
        <source>Object %1: access must be read_only or read_write, not &quot;%2&quot;.</source>
        <translation>Objeto %1: access debe ser read_only o read_write, no «%2».</translation>
    </message>
    <message>
        <source>Object %1 maps no fields.</source>
        <translation>El objeto %1 no mapea ningún campo.</translation>
    </message>
    <message>
        <source>Object &quot;%1&quot; is not a valid API name.</source>
        <translation>El objeto «%1» no es un nombre de API válido.</translation>
    </message>
    <message>
        <source>Object %1: field &quot;%2&quot; is not a valid API name.</source>
        <translation>Objeto %1: el campo «%2» no es un nombre de API válido.</translation>
    </message>
    <message>
        <source>Object %1 must map the field Id.</source>
        <translation>El objeto %1 debe mapear el campo Id.</translation>
    </message>
    <message>
        <source>Object %1: upsert field %2 is not mapped.</source>
        <translation>Objeto %1: el campo de upsert %2 no está mapeado.</translation>
    </message>
    <message>
        <source>The mapping is not valid JSON: %1 at offset %2.</source>
        <translation>El mapeo no es JSON válido: %1 en la posición %2.</translation>
    </message>
    <message>
        <source>The mapping has no &quot;mappings&quot; list.</source>
        <translation>El mapeo no tiene la lista «mappings».</translation>
    </message>
    <message>
        <source>Object %1 is mapped twice.</source>
        <translation>El objeto %1 está mapeado dos veces.</translation>
    </message>
    <message>
        <source>The mapping has no &quot;pasalista&quot; section binding the roles.</source>
        <translation>El mapeo no tiene la sección «pasalista» que asigna los roles.</translation>
    </message>
    <message>
        <source>Unknown role &quot;%1&quot; in the pasalista section.</source>
        <translation>Rol desconocido «%1» en la sección pasalista.</translation>
    </message>
    <message>
        <source>The role &quot;%1&quot; is not bound to any object.</source>
        <translation>El rol «%1» no está asignado a ningún objeto.</translation>
    </message>
    <message>
        <source>Role &quot;%1&quot; is bound to object &quot;%2&quot;, which is not mapped.</source>
        <translation>El rol «%1» está asignado al objeto «%2», que no está mapeado.</translation>
    </message>
    <message>
        <source>Object %1: role &quot;%2&quot; has no field &quot;%3&quot;.</source>
        <translation>Objeto %1: el rol «%2» no tiene el campo «%3».</translation>
    </message>
    <message>
        <source>Object %1: field %2 is bound to %3.%4 but not mapped.</source>
        <translation>Objeto %1: el campo %2 está asignado a %3.%4 pero no está mapeado.</translation>
    </message>
    <message>
        <source>Object %1: role &quot;%2&quot; needs its field &quot;%3&quot; bound.</source>
        <translation>Objeto %1: el rol «%2» necesita asignar su campo «%3».</translation>
    </message>
    <message>
        <source>Object %1: conflict_policy must be local_wins or remote_wins.</source>
        <translation>Objeto %1: conflict_policy debe ser local_wins o remote_wins.</translation>
    </message>
    <message>
        <source>Object %1: the pasalista section lists no attendance_codes.</source>
        <translation>Objeto %1: la sección pasalista no lista attendance_codes.</translation>
    </message>
    <message>
        <source>Object %1: an attendance code has no numeric &quot;code&quot;.</source>
        <translation>Objeto %1: un código de asistencia no tiene «code» numérico.</translation>
    </message>
    <message>
        <source>Object %1: attendance code %2 is listed twice.</source>
        <translation>Objeto %1: el código de asistencia %2 aparece dos veces.</translation>
    </message>
    <message>
        <source>Cannot read the mapping file %1: %2</source>
        <translation>No se puede leer el archivo de mapeo %1: %2</translation>
    </message>
    <message>
        <source>Object %1: %2 must be a whole number from %3 to %4.</source>
        <translation>Objeto %1: %2 debe ser un número entero de %3 a %4.</translation>
    </message>
    <message>
        <source>attendance_since_days must be a whole number from 0 to %1.</source>
        <translation>attendance_since_days debe ser un número entero de 0 a %1.</translation>
    </message>
    <message>
        <source>Object %1: attendance code %2 has &quot;counts_as&quot; %3; use present, absent, late or none.</source>
        <translation>Objeto %1: el código de asistencia %2 tiene &quot;counts_as&quot; %3; use present, absent, late o none.</translation>
    </message>
    <message>
        <source>school_year_start_month must be a month from 1 to 12 and school_years_kept a whole number from 1 to %1.</source>
        <translation>school_year_start_month debe ser un mes del 1 al 12 y school_years_kept un número entero del 1 al %1.</translation>
    </message>
</context>
<context>
    <name>PdfFile</name>
    <message>
        <source>The page size cannot be set.</source>
        <translation>No se puede fijar el tamaño de página.</translation>
    </message>
    <message>
        <source>%1 could not be written.</source>
        <translation>No se pudo escribir %1.</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message numerus="yes">
        <source>%n mark(s) with code ‘%1’ are not counted: set the code&apos;s meaning in the mapping.</source>
        <translation>
            <numerusform>%n marca con el código ‘%1’ no se cuenta: indique en el mapeo qué significa el código.</numerusform>
            <numerusform>%n marcas con el código ‘%1’ no se cuentan: indique en el mapeo qué significa el código.</numerusform>
        </translation>
    </message>
    <message>
        <source>Chronic absence: 10 % or more of the class days missed, judged once at least %1 class days are recorded.</source>
        <translation>Ausentismo crónico: faltar el 10 % o más de los días de clase; se evalúa desde que hay al menos %1 días de clase registrados.</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Estudiante</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Días</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Presente</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Tardanzas</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Ausencias</translation>
    </message>
    <message>
        <source>Excused</source>
        <translation>Justificadas</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Asistencia</translation>
    </message>
    <message>
        <source>chronic absence</source>
        <translation>ausentismo crónico</translation>
    </message>
</context>
<context>
    <name>StudentLabels</name>
    <message>
        <source>Female</source>
        <translation>Femenino</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Masculino</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>Creole</source>
        <translation>Criollo haitiano</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>last name, first name</comment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source> (%1)</source>
        <comment>nickname</comment>
        <translation> (%1)</translation>
    </message>
</context>
<context>
    <name>SyncIssueText</name>
    <message>
        <source>Someone deleted this record in the org while you were editing it.</source>
        <translation>Alguien borró este registro en la organización mientras usted lo editaba.</translation>
    </message>
    <message>
        <source>%1: yours &quot;%2&quot;, the org&apos;s &quot;%3&quot; — kept %4.</source>
        <translation>%1: el suyo «%2», el de la organización «%3» — se conservó %4.</translation>
    </message>
    <message>
        <source>yours</source>
        <translation>el suyo</translation>
    </message>
    <message>
        <source>the org&apos;s</source>
        <translation>el de la organización</translation>
    </message>
    <message>
        <source>A text</source>
        <translation>Un texto</translation>
    </message>
    <message>
        <source>The org needs a value that is missing: %1</source>
        <translation>La organización necesita un valor que falta: %1</translation>
    </message>
    <message>
        <source>A rule of the org refused it: %1</source>
        <translation>Una regla de la organización lo rechazó: %1</translation>
    </message>
    <message>
        <source>Your account may not change this record in the org; ask your org admin.</source>
        <translation>Su cuenta no puede cambiar este registro en la organización; consulte a quien administra la organización.</translation>
    </message>
    <message>
        <source>The org refused it: %1</source>
        <translation>La organización lo rechazó: %1</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Class date</source>
        <translation>Fecha de clase</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Apellido</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>Apodo</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Second phone</source>
        <translation>Segundo teléfono</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message numerus="yes">
        <source>%1 is too long for the org: it takes at most %n characters. Shorten it where you wrote it, then send it again.</source>
        <translation>
            <numerusform>%1: demasiado largo para la organización, que admite como máximo %n carácter. Acórtelo donde lo escribió y envíelo de nuevo.</numerusform>
            <numerusform>%1: demasiado largo para la organización, que admite como máximo %n caracteres. Acórtelo donde lo escribió y envíelo de nuevo.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is too long for the org. Shorten it where you wrote it, then send it again.</source>
        <translation>%1: demasiado largo para la organización. Acórtelo donde lo escribió y envíelo de nuevo.</translation>
    </message>
    <message>
        <source>Corrected here: the record goes out with the next sync.</source>
        <translation>Corregido aquí: el registro se envía en la próxima sincronización.</translation>
    </message>
    <message>
        <source>%1: the org does not take &quot;%2&quot;. Choose one of its values below, then save.</source>
        <translation>%1: la organización no admite «%2». Elija abajo uno de sus valores y guarde.</translation>
    </message>
    <message>
        <source>%1 is too long for the org: %2 characters, and it takes at most %3. Shorten it below, then save.</source>
        <translation>%1: demasiado largo para la organización, %2 caracteres, y admite como máximo %3. Acórtelo abajo y guarde.</translation>
    </message>
    <message>
        <source>no note</source>
        <translation>sin nota</translation>
    </message>
    <message>
        <source>note «%1»</source>
        <translation>nota «%1»</translation>
    </message>
</context>
<context>
    <name>SyncIssues</name>
    <message>
        <source>record %1</source>
        <translation>registro %1</translation>
    </message>
    <message>
        <source>That conflict is already settled.</source>
        <translation>Ese conflicto ya está resuelto.</translation>
    </message>
    <message>
        <source>The record of that conflict no longer exists.</source>
        <translation>El registro de ese conflicto ya no existe.</translation>
    </message>
    <message>
        <source>The org does not map that field.</source>
        <translation>El mapeo no incluye ese campo.</translation>
    </message>
    <message>
        <source>Only a mark of a student in one of your courses can be fixed here.</source>
        <translation>Aquí solo se puede arreglar la marca de un estudiante de uno de sus cursos.</translation>
    </message>
</context>
<context>
    <name>pasalista::AccountManager</name>
    <message>
        <source>Signed out on this computer, but Salesforce could not be told yet. Pasalista tells it the next time it starts; until then the sign-in ends on its own when it expires.</source>
        <translation>Se cerró la sesión en esta computadora, pero todavía no se pudo avisar a Salesforce. Pasalista le avisa la próxima vez que se abra; mientras tanto, la sesión termina sola cuando vence.</translation>
    </message>
</context>
<context>
    <name>pasalista::AccountSwitcher</name>
    <message>
        <source>Not signed in</source>
        <translation>Sin sesión iniciada</translation>
    </message>
    <message>
        <source>Sign in to sync with Salesforce.</source>
        <translation>Inicie sesión para sincronizar con Salesforce.</translation>
    </message>
    <message>
        <source>%1 (signed out)</source>
        <translation>%1 (sesión cerrada)</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 en %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Sign in again…</source>
        <translation>Iniciar sesión de nuevo…</translation>
    </message>
    <message>
        <source>Sign in to another account…</source>
        <translation>Iniciar sesión en otra cuenta…</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Iniciar sesión…</translation>
    </message>
    <message>
        <source>Sign out…</source>
        <translation>Cerrar sesión…</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Sesión cerrada</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Iniciar sesión de nuevo</translation>
    </message>
    <message>
        <source>Salesforce ended the sign-in of %1. Everything you did on this computer is kept; sign in again to sync it.</source>
        <translation>Salesforce terminó la sesión de %1. Todo lo que hizo en esta computadora se conserva; inicie sesión de nuevo para sincronizarlo.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Más tarde</translation>
    </message>
    <message>
        <source>Sign-in not remembered</source>
        <translation>La sesión no se recordará</translation>
    </message>
    <message>
        <source>You stay signed in until you close Pasalista.</source>
        <translation>Su sesión sigue abierta hasta que cierre Pasalista.</translation>
    </message>
    <message>
        <source>Export the unsent marks</source>
        <translation>Exportar las marcas sin enviar</translation>
    </message>
    <message>
        <source>unsent-marks.csv</source>
        <translation>marcas-sin-enviar.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n unsent mark(s) written to %1.</source>
        <translation>
            <numerusform>Se escribió %n marca sin enviar en %1.</numerusform>
            <numerusform>Se escribieron %n marcas sin enviar en %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pasalista::AttendanceChartWidget</name>
    <message>
        <source>Attendance by week</source>
        <translation>Asistencia por semana</translation>
    </message>
    <message>
        <source>week of %1: %2 %</source>
        <translation>semana del %1: %2 %</translation>
    </message>
</context>
<context>
    <name>pasalista::AttendanceHistoryModel</name>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Curso</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
</context>
<context>
    <name>pasalista::AttendanceModel</name>
    <message>
        <source>No student in row %1.</source>
        <translation>No hay estudiante en la fila %1.</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Estudiante</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>This mark was changed here and in the org. %1 Choose in Sync issues.</source>
        <translation>Esta marca se cambió aquí y en la organización. %1 Elija en Problemas de sincronización.</translation>
    </message>
    <message>
        <source>The org has not taken this mark. %1</source>
        <translation>La organización no ha aceptado esta marca. %1</translation>
    </message>
</context>
<context>
    <name>pasalista::AttendanceSheet</name>
    <message>
        <source>Date outside the course</source>
        <translation>Fecha fuera del curso</translation>
    </message>
    <message>
        <source>Class &amp;date:</source>
        <translation>&amp;Fecha de clase:</translation>
    </message>
    <message>
        <source>Class date</source>
        <translation>Fecha de clase</translation>
    </message>
    <message>
        <source>Mark all &amp;present</source>
        <translation>Marcar a todos &amp;presentes</translation>
    </message>
    <message>
        <source>Mark all present</source>
        <translation>Marcar a todos presentes</translation>
    </message>
    <message>
        <source>Marks every student without a mark as present</source>
        <translation>Marca como presente a cada estudiante sin marca</translation>
    </message>
    <message>
        <source>Students marked</source>
        <translation>Estudiantes marcados</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source> · </source>
        <translation> · </translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Attendance sheet</source>
        <translation>Hoja de asistencia</translation>
    </message>
    <message>
        <source>%1

Take attendance on %2 anyway?</source>
        <translation>%1

¿Tomar asistencia el %2 de todos modos?</translation>
    </message>
    <message>
        <source>%1 of %2 marked</source>
        <translation>%1 de %2 marcados</translation>
    </message>
    <message>
        <source>Find a student: type part of the name, Enter to go there, Esc to go back</source>
        <translation>Buscar estudiante: escriba parte del nombre, Intro para ir, Esc para volver</translation>
    </message>
    <message>
        <source>Find a student</source>
        <translation>Buscar estudiante</translation>
    </message>
    <message>
        <source>Characters left for the note</source>
        <translation>Caracteres que quedan para la nota</translation>
    </message>
    <message>
        <source>Characters left for this note: %1</source>
        <translation>Caracteres que quedan para esta nota: %1</translation>
    </message>
    <message>
        <source>Characters over the org&apos;s limit: %1. Shorten the note to save it.</source>
        <translation>Caracteres por encima del límite de la organización: %1. Acorte la nota para guardarla.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Loading the students</source>
        <translation>Cargando los estudiantes</translation>
    </message>
    <message>
        <source>Student searched</source>
        <translation>Estudiante buscado</translation>
    </message>
    <message>
        <source>Undo the last mark</source>
        <translation>Deshacer la última marca</translation>
    </message>
    <message>
        <source>Redo the mark</source>
        <translation>Rehacer la marca</translation>
    </message>
    <message>
        <source>Keys: %1 · letters find a student by name (Esc clears) · Enter notes · Ctrl+Z undoes a mark · arrows move</source>
        <translation>Teclas: %1 · las letras buscan a un estudiante por su nombre (Esc borra) · Intro notas · Ctrl+Z deshace una marca · flechas para moverse</translation>
    </message>
    <message>
        <source>One row per student. Type a status digit to mark the current student and move to the next; letters find a student by name; Enter edits the notes; Ctrl+Z undoes the last mark.</source>
        <translation>Una fila por estudiante. Escriba el dígito de un estado para marcar al estudiante actual y pasar al siguiente; las letras buscan a un estudiante por su nombre; Intro edita las notas; Ctrl+Z deshace la última marca.</translation>
    </message>
    <message>
        <source>Marking everyone present…</source>
        <translation>Marcando a todos presentes…</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>No hay nada que deshacer.</translation>
    </message>
    <message>
        <source>That mark already went to the org in a sync, so it is not undone: set the right status on the sheet instead.</source>
        <translation>Esa marca ya se envió a la organización en una sincronización, así que no se deshace: ponga el estado correcto en la hoja.</translation>
    </message>
    <message>
        <source>Find: “%1” · a status digit marks this student · Backspace corrects · Esc clears</source>
        <translation>Buscar: «%1» · un dígito de estado marca a este estudiante · Retroceso corrige · Esc borra</translation>
    </message>
    <message>
        <source>No student&apos;s name starts with “%1” · Backspace corrects · Esc clears</source>
        <translation>Ningún nombre de estudiante empieza por «%1» · Retroceso corrige · Esc borra</translation>
    </message>
</context>
<context>
    <name>pasalista::AttendanceStatusDelegate</name>
    <message>
        <source>Attendance status</source>
        <translation>Estado de asistencia</translation>
    </message>
</context>
<context>
    <name>pasalista::AuthCommands</name>
    <message>
        <source>Where to sign in (login): https://login.salesforce.com, https://test.salesforce.com or the org&apos;s My Domain address.</source>
        <translation>Dónde iniciar sesión (login): https://login.salesforce.com, https://test.salesforce.com o la dirección My Domain de la organización.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Print the sign-in address instead of opening the browser (login).</source>
        <translation>Mostrar la dirección de inicio de sesión en lugar de abrir el navegador (login).</translation>
    </message>
    <message>
        <source>The port of the callback URL registered in the org&apos;s connected app, http://localhost:N/OauthRedirect (login; default: 1717, then 1718 and 1719).</source>
        <translation>El puerto de la URL de retorno registrada en la aplicación conectada de la organización, http://localhost:N/OauthRedirect (login; por defecto: 1717, luego 1718 y 1719).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Also delete this account&apos;s local data (logout).</source>
        <translation>Borrar también los datos locales de esta cuenta (logout).</translation>
    </message>
    <message>
        <source>Delete the local data even with changes not synced (logout).</source>
        <translation>Borrar los datos locales aunque haya cambios sin sincronizar (logout).</translation>
    </message>
    <message>
        <source>  login --login-url URL [--no-browser] [--callback-port N]
                                   sign in to the org in the browser
  logout [--delete-local-data]     sign out, revoke the sign-in at the org
  whoami                           who is signed in (exit code 4: nobody)
</source>
        <translation>  login --login-url URL [--no-browser] [--callback-port N]
                                   inicia sesión en la organización en el navegador
  logout [--delete-local-data]     cierra la sesión y la revoca en la organización
  whoami                           quién ha iniciado sesión (código de salida 4: nadie)
</translation>
    </message>
    <message>
        <source>login needs --login-url URL, for example --login-url https://login.salesforce.com</source>
        <translation>login necesita --login-url URL, por ejemplo --login-url https://login.salesforce.com</translation>
    </message>
    <message>
        <source>--callback-port needs a port number from 1 to 65535, for example --callback-port 1717</source>
        <translation>--callback-port necesita un número de puerto de 1 a 65535, por ejemplo --callback-port 1717</translation>
    </message>
    <message>
        <source>Open this address in a browser to sign in:</source>
        <translation>Abra esta dirección en un navegador para iniciar sesión:</translation>
    </message>
    <message>
        <source>Salesforce will answer at %1 (a callback URL of the connected app).</source>
        <translation>Salesforce responderá en %1 (una URL de retorno de la aplicación conectada).</translation>
    </message>
    <message>
        <source>Waiting for the browser…</source>
        <translation>Esperando al navegador…</translation>
    </message>
    <message>
        <source>Could not open a browser: open the address above yourself.</source>
        <translation>No se pudo abrir un navegador: abra usted mismo la dirección de arriba.</translation>
    </message>
    <message>
        <source>The sign-in worked but cannot be kept after this command ends.</source>
        <translation>El inicio de sesión funcionó, pero no se puede conservar cuando termine este comando.</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2).</source>
        <translation>Sesión iniciada como %1 (%2).</translation>
    </message>
    <message>
        <source>Nobody is signed in.</source>
        <translation>Nadie ha iniciado sesión.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) on this computer have not been synced yet. Sync first, or add --discard-unsynced-changes to delete them.</source>
        <translation>
            <numerusform>%n cambio en esta computadora aún no se ha sincronizado. Sincronice primero, o agregue --discard-unsynced-changes para borrarlo.</numerusform>
            <numerusform>%n cambios en esta computadora aún no se han sincronizado. Sincronice primero, o agregue --discard-unsynced-changes para borrarlos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Signed out; the local data was deleted.</source>
        <translation>Sesión cerrada; se borraron los datos locales.</translation>
    </message>
    <message>
        <source>Signed out; the local data stays on this computer.</source>
        <translation>Sesión cerrada; los datos locales se quedan en esta computadora.</translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt;</source>
        <translation>%1 &lt;%2&gt;</translation>
    </message>
    <message>
        <source>Org: %1 at %2</source>
        <translation>Organización: %1 en %2</translation>
    </message>
    <message>
        <source>Local data: %1</source>
        <translation>Datos locales: %1</translation>
    </message>
    <message>
        <source>Nobody is signed in. Run: pasalista-cli login --login-url URL</source>
        <translation>Nadie ha iniciado sesión. Ejecute: pasalista-cli login --login-url URL</translation>
    </message>
    <message>
        <source>First write the marks not sent yet to this CSV file (logout).</source>
        <translation>Escribir antes en este archivo CSV las marcas aún no enviadas (logout).</translation>
    </message>
    <message>
        <source>Marks not sent yet can be kept in a file with --export FILE.</source>
        <translation>Las marcas aún no enviadas pueden guardarse en un archivo con --export ARCHIVO.</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n mark(s) not sent yet to %1.</source>
        <translation>
            <numerusform>Se escribió %n marca aún no enviada en %1.</numerusform>
            <numerusform>Se escribieron %n marcas aún no enviadas en %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pasalista::BirthDateEdit</name>
    <message>
        <source>e.g. %1</source>
        <translation>p. ej. %1</translation>
    </message>
    <message>
        <source>Calendar…</source>
        <translation>Calendario…</translation>
    </message>
    <message>
        <source>Choose the date of birth on a calendar</source>
        <translation>Elegir la fecha de nacimiento en un calendario</translation>
    </message>
    <message>
        <source>Type the date of birth as %1, between %2 and today.</source>
        <translation>Escriba la fecha de nacimiento como %1, entre el %2 y hoy.</translation>
    </message>
</context>
<context>
    <name>pasalista::ClockSkew</name>
    <message>
        <source>This computer&apos;s clock says today is %1, but the org&apos;s clock says it is %2. Attendance for &quot;today&quot; is refused until the computer&apos;s date and time are set right; choose the class date by hand.</source>
        <translation>El reloj de esta computadora dice que hoy es %1, pero el reloj de la organización dice que es %2. La asistencia de «hoy» se rechaza hasta que se corrijan la fecha y la hora de la computadora; elija a mano la fecha de la clase.</translation>
    </message>
    <message numerus="yes">
        <source>This computer&apos;s clock is %n minute(s) off the org&apos;s clock; set its date and time right.</source>
        <translation>
            <numerusform>El reloj de esta computadora tiene %n minuto de diferencia con el de la organización; corrija su fecha y hora.</numerusform>
            <numerusform>El reloj de esta computadora tiene %n minutos de diferencia con el de la organización; corrija su fecha y hora.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pasalista::CompositeBatch</name>
    <message>
        <source>The org answered a batch of reads with a reply of the wrong shape.</source>
        <translation>La organización respondió a un lote de lecturas con una respuesta de forma incorrecta.</translation>
    </message>
</context>
<context>
    <name>pasalista::CourseListModel</name>
    <message>
        <source>Facilitators: %1</source>
        <translation>Facilitadores: %1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abierto</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Curso</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programa</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Students</source>
        <translation>Estudiantes</translation>
    </message>
    <message>
        <source>%1
%2, %3 to %4</source>
        <translation>%1
%2, del %3 al %4</translation>
    </message>
</context>
<context>
    <name>pasalista::DescribeRules</name>
    <message>
        <source>Required fields are missing: %1</source>
        <translation>Faltan campos obligatorios: %1</translation>
    </message>
    <message>
        <source>%1 is %2 characters long; the org takes at most %3.</source>
        <translation>%1 tiene %2 caracteres; la organización admite como máximo %3.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not one of the org&apos;s values (%3).</source>
        <translation>%1: «%2» no es uno de los valores de la organización (%3).</translation>
    </message>
</context>
<context>
    <name>pasalista::DoctorCommand</name>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Bien</translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation>Solución: %1</translation>
    </message>
    <message>
        <source>The org could not be checked: %1</source>
        <translation>No se pudo revisar la organización: %1</translation>
    </message>
    <message numerus="yes">
        <source>A sync would fail: %n problem(s) to fix.</source>
        <translation>
            <numerusform>Una sincronización fallaría: %n problema por corregir.</numerusform>
            <numerusform>Una sincronización fallaría: %n problemas por corregir.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing in the org stops a sync (%n warning(s)).</source>
        <translation>
            <numerusform>Nada en la organización impide sincronizar (%n aviso).</numerusform>
            <numerusform>Nada en la organización impide sincronizar (%n avisos).</numerusform>
        </translation>
    </message>
    <message>
        <source>  doctor                           check the org for what would break a sync (exit code 1: a sync would fail)
</source>
        <translation>  doctor                           revisar en la organización lo que impediría sincronizar (código de salida 1: una sincronización fallaría)
</translation>
    </message>
</context>
<context>
    <name>pasalista::GuiLauncher</name>
    <message>
        <source>Pasalista</source>
        <translation>Pasalista</translation>
    </message>
    <message>
        <source>Take attendance offline and sync it with Salesforce.</source>
        <translation>Tome la asistencia sin conexión y sincronícela con Salesforce.</translation>
    </message>
    <message>
        <source>Keep the local store in &lt;directory&gt;.</source>
        <translation>Guardar el almacén local en &lt;carpeta&gt;.</translation>
    </message>
    <message>
        <source>directory</source>
        <translation>carpeta</translation>
    </message>
    <message>
        <source>Fill an empty store with a demo programme.</source>
        <translation>Llenar un almacén vacío con un programa de demostración.</translation>
    </message>
    <message>
        <source>Save a picture of the window to &lt;file&gt; and quit.</source>
        <translation>Guardar una imagen de la ventana en &lt;archivo&gt; y salir.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>archivo</translation>
    </message>
    <message>
        <source>Open on tab &lt;name&gt;.</source>
        <translation>Abrir en la pestaña &lt;nombre&gt;.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>Cannot create the data folder %1.</source>
        <translation>No se puede crear la carpeta de datos %1.</translation>
    </message>
    <message>
        <source>Cannot open the local store %1: %2</source>
        <translation>No se puede abrir el almacén local %1: %2</translation>
    </message>
    <message>
        <source>Cannot add the demo programme: %1</source>
        <translation>No se puede agregar el programa de demostración: %1</translation>
    </message>
    <message>
        <source>The org ended your session: sign in again to sync. Your changes are kept.</source>
        <translation>La organización cerró su sesión: inicie sesión de nuevo para sincronizar. Sus cambios se conservan.</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>&amp;Sincronizar</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>Sincronizar &amp;ahora</translation>
    </message>
    <message>
        <source>Sync &amp;issues…</source>
        <translation>&amp;Problemas de sincronización…</translation>
    </message>
    <message>
        <source>Show Pasalista</source>
        <translation>Mostrar Pasalista</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message numerus="yes">
        <source>Pasalista — %1; %n change(s) waiting to sync</source>
        <translation>
            <numerusform>Pasalista — %1; %n cambio pendiente de sincronizar</numerusform>
            <numerusform>Pasalista — %1; %n cambios pendientes de sincronizar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pasalista::LocalStore</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>No se puede crear la carpeta %1.</translation>
    </message>
    <message>
        <source>Cannot open the local database %1: %2</source>
        <translation>No se puede abrir la base de datos local %1: %2</translation>
    </message>
    <message>
        <source>The local database %1 is damaged or is not a Pasalista database (%2). Nothing was changed; restore a backup or sign in again to download your data.</source>
        <translation>La base de datos local %1 está dañada o no es de Pasalista (%2). No se cambió nada; restaure una copia de seguridad o inicie sesión de nuevo para descargar sus datos.</translation>
    </message>
    <message>
        <source>The local database %1 failed its integrity check: %2. Nothing was changed; restore a backup or sign in again to download your data.</source>
        <translation>La base de datos local %1 no pasó la verificación de integridad: %2. No se cambió nada; restaure una copia de seguridad o inicie sesión de nuevo para descargar sus datos.</translation>
    </message>
    <message>
        <source>Local database error: %1</source>
        <translation>Error de la base de datos local: %1</translation>
    </message>
    <message>
        <source>The local database %1 was written by a newer Pasalista (schema %2). Update Pasalista to open it.</source>
        <translation>La base de datos local %1 fue escrita por una versión más nueva de Pasalista (esquema %2). Actualice Pasalista para abrirla.</translation>
    </message>
    <message>
        <source>Internal error: commit without a transaction.</source>
        <translation>Error interno: confirmación sin transacción.</translation>
    </message>
    <message>
        <source>Internal error: %1 has no column %2.</source>
        <translation>Error interno: %1 no tiene la columna %2.</translation>
    </message>
    <message>
        <source>Could not save to the local database: %1</source>
        <translation>No se pudo guardar en la base de datos local: %1</translation>
    </message>
    <message>
        <source>Could not record the change for syncing: %1</source>
        <translation>No se pudo registrar el cambio para sincronizar: %1</translation>
    </message>
    <message>
        <source>%1 records are read-only in this org&apos;s mapping.</source>
        <translation>Los registros de %1 son de solo lectura en el mapeo de esta organización.</translation>
    </message>
    <message>
        <source>The record to change no longer exists.</source>
        <translation>El registro a cambiar ya no existe.</translation>
    </message>
    <message>
        <source>The record to delete no longer exists.</source>
        <translation>El registro a borrar ya no existe.</translation>
    </message>
    <message>
        <source>The record to restore no longer exists.</source>
        <translation>El registro a restaurar ya no existe.</translation>
    </message>
    <message>
        <source>The local database %1 has an unknown schema version (%2). Move it aside and sync again to rebuild it.</source>
        <translation>La base de datos local %1 tiene una versión de esquema desconocida (%2). Muévala a otro sitio y sincronice de nuevo para reconstruirla.</translation>
    </message>
    <message>
        <source>Cannot encrypt the local database %1: %2. It was left as it was.</source>
        <translation>No se puede cifrar la base de datos local %1: %2. Se ha dejado como estaba.</translation>
    </message>
    <message>
        <source>The local database %1 is encrypted, or is not a database at all, and no key was given for it. Nothing was changed.</source>
        <translation>La base de datos local %1 está cifrada, o no es una base de datos, y no se ha dado ninguna clave para ella. No se ha cambiado nada.</translation>
    </message>
</context>
<context>
    <name>pasalista::LoginHost</name>
    <message>
        <source>Enter the address of the Salesforce login page.</source>
        <translation>Escriba la dirección de la página de inicio de sesión de Salesforce.</translation>
    </message>
    <message>
        <source>“%1” is not a web address.</source>
        <translation>«%1» no es una dirección web.</translation>
    </message>
    <message>
        <source>“%1” is not secure: use an https:// address.</source>
        <translation>«%1» no es segura: use una dirección https://.</translation>
    </message>
</context>
<context>
    <name>pasalista::MainWindow</name>
    <message>
        <source>Pasalista</source>
        <translation>Pasalista</translation>
    </message>
    <message>
        <source>Changes waiting to sync</source>
        <translation>Cambios pendientes de sincronizar</translation>
    </message>
    <message>
        <source>Search courses</source>
        <translation>Buscar cursos</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programa</translation>
    </message>
    <message>
        <source>Active &amp;today</source>
        <translation>Activos &amp;hoy</translation>
    </message>
    <message>
        <source>Courses</source>
        <translation>Cursos</translation>
    </message>
    <message>
        <source>&amp;Roster</source>
        <translation>&amp;Lista</translation>
    </message>
    <message>
        <source>&amp;Attendance</source>
        <translation>&amp;Asistencia</translation>
    </message>
    <message>
        <source>S&amp;ummary</source>
        <translation>Res&amp;umen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ctualizar</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Course</source>
        <translation>&amp;Curso</translation>
    </message>
    <message>
        <source>&amp;Enroll student…</source>
        <translation>&amp;Inscribir estudiante…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;New student…</source>
        <translation>&amp;Nuevo estudiante…</translation>
    </message>
    <message>
        <source>&amp;Unenroll student…</source>
        <translation>&amp;Dar de baja…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+U</source>
        <translation>Ctrl+Shift+U</translation>
    </message>
    <message>
        <source>Student &amp;profile…</source>
        <translation>&amp;Perfil del estudiante…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>Mark all &amp;present</source>
        <translation>&amp;Marcar a todos presentes</translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>Ctrl+2</source>
        <translation>Ctrl+2</translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation>&amp;Resumen</translation>
    </message>
    <message>
        <source>Ctrl+3</source>
        <translation>Ctrl+3</translation>
    </message>
    <message>
        <source>&amp;Find course</source>
        <translation>&amp;Buscar curso</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;About Pasalista</source>
        <translation>&amp;Acerca de Pasalista</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>&amp;System language</source>
        <translation>Idioma del &amp;sistema</translation>
    </message>
    <message>
        <source>&amp;Español</source>
        <translation>&amp;Español</translation>
    </message>
    <message>
        <source>&amp;English</source>
        <translation>&amp;English</translation>
    </message>
    <message>
        <source>All programs</source>
        <translation>Todos los programas</translation>
    </message>
    <message>
        <source>No course selected</source>
        <translation>Ningún curso seleccionado</translation>
    </message>
    <message>
        <source>open</source>
        <translation>abierto</translation>
    </message>
    <message>
        <source>%1 — %2, %3 to %4</source>
        <translation>%1 — %2, del %3 al %4</translation>
    </message>
    <message>
        <source>Facilitators: %1</source>
        <translation>Facilitadores: %1</translation>
    </message>
    <message>
        <source>No changes waiting to sync</source>
        <translation>Ningún cambio pendiente de sincronizar</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to sync</source>
        <translation>
            <numerusform>%n cambio pendiente de sincronizar</numerusform>
            <numerusform>%n cambios pendientes de sincronizar</numerusform>
        </translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>The new language is used the next time Pasalista starts.</source>
        <translation>El nuevo idioma se usará la próxima vez que se abra Pasalista.</translation>
    </message>
    <message>
        <source>About Pasalista</source>
        <translation>Acerca de Pasalista</translation>
    </message>
    <message>
        <source>Pasalista %1
Take attendance offline and sync it with Salesforce.</source>
        <translation>Pasalista %1
Tome la asistencia sin conexión y sincronícela con Salesforce.</translation>
    </message>
    <message>
        <source>Copy &amp;diagnostics</source>
        <translation>Copiar &amp;diagnóstico</translation>
    </message>
    <message>
        <source>Diagnostics copied to the clipboard.</source>
        <translation>Diagnóstico copiado al portapapeles.</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Wrong clock</source>
        <translation>Reloj equivocado</translation>
    </message>
    <message>
        <source>Show only the courses that meet today: within their dates, on the weekdays they have marks on</source>
        <translation>Mostrar solo los cursos que se reúnen hoy: dentro de sus fechas, en los días de la semana en que tienen marcas</translation>
    </message>
    <message>
        <source>Course views</source>
        <translation>Vistas del curso</translation>
    </message>
</context>
<context>
    <name>pasalista::MarkFixBox</name>
    <message>
        <source>Fix the mark</source>
        <translation>Arreglar la marca</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Class date</source>
        <translation>Fecha de clase</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Saved here at once, as on the sheet; the mark goes to the org at the next sync.</source>
        <translation>Se guarda aquí en el acto, como en la hoja; la marca va a la organización en la próxima sincronización.</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>E&amp;stado:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Nota:</translation>
    </message>
    <message>
        <source>%1
Change what the org asks for here, then save.</source>
        <translation>%1
Cambie aquí lo que pide la organización y guarde.</translation>
    </message>
    <message>
        <source>Sa&amp;ve the mark</source>
        <translation>G&amp;uardar la marca</translation>
    </message>
    <message>
        <source>Class da&amp;te:</source>
        <translation>&amp;Fecha de clase:</translation>
    </message>
</context>
<context>
    <name>pasalista::NoteEditDelegate</name>
    <message>
        <source>This note is %1 characters long and the org takes at most %2: shorten it by %3 to save it (Esc leaves the note as it was).</source>
        <translation>Esta nota tiene %1 caracteres y la organización admite como máximo %2: acórtela en %3 para guardarla (Esc deja la nota como estaba).</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
</context>
<context>
    <name>pasalista::OrgDoctor</name>
    <message>
        <source>The org offers API version %1, which the app uses.</source>
        <translation>La organización ofrece la versión %1 de la API, la que usa la aplicación.</translation>
    </message>
    <message>
        <source>The org does not offer API version %1, which this Pasalista uses.</source>
        <translation>La organización no ofrece la versión %1 de la API, la que usa este Pasalista.</translation>
    </message>
    <message>
        <source>Install the newest Pasalista on the laptops: Salesforce retires old API versions.</source>
        <translation>Instale el Pasalista más reciente en las portátiles: Salesforce retira las versiones antiguas de la API.</translation>
    </message>
    <message>
        <source>The org has no object %1, or the teachers may not read it.</source>
        <translation>La organización no tiene el objeto %1, o los docentes no pueden leerlo.</translation>
    </message>
    <message>
        <source>Deploy the Pasalista metadata (installer/salesforce) or create %1 in Setup, Object Manager; then give the Pasalista Teacher permission set Read access to it.</source>
        <translation>Despliegue los metadatos de Pasalista (installer/salesforce) o cree %1 en Configuración, Gestor de objetos; luego dé acceso de Lectura a él en el conjunto de permisos Pasalista Teacher.</translation>
    </message>
    <message>
        <source>%1 has no field %2, or the teachers may not read it.</source>
        <translation>%1 no tiene el campo %2, o los docentes no pueden leerlo.</translation>
    </message>
    <message>
        <source>In the Pasalista Teacher permission set, Object Settings, %1: tick Read, Create and Edit.</source>
        <translation>En el conjunto de permisos Pasalista Teacher, Configuración de objetos, %1: marque Leer, Crear y Modificar.</translation>
    </message>
    <message>
        <source>The teachers may not create %1 records.</source>
        <translation>Los docentes no pueden crear registros de %1.</translation>
    </message>
    <message>
        <source>The teachers may not edit %1 records.</source>
        <translation>Los docentes no pueden modificar registros de %1.</translation>
    </message>
    <message>
        <source>In the Pasalista Teacher permission set, Object Settings, %1: give %2 Edit access (Field Permissions). A formula or auto-number field cannot be mapped as one the app writes.</source>
        <translation>En el conjunto de permisos Pasalista Teacher, Configuración de objetos, %1: dé a %2 acceso de Modificación (Permisos de campo). Un campo de fórmula o de numeración automática no puede mapearse como uno que la aplicación escribe.</translation>
    </message>
    <message>
        <source>The teachers may not fill in %2 when they create a %1 record.</source>
        <translation>Los docentes no pueden rellenar %2 al crear un registro de %1.</translation>
    </message>
    <message>
        <source>The teachers may not change %2 on %1 records.</source>
        <translation>Los docentes no pueden cambiar %2 en los registros de %1.</translation>
    </message>
    <message>
        <source>%1 has no external ID field %2, or the teachers may not read it: the app cannot send new records without it.</source>
        <translation>%1 no tiene el campo de ID externo %2, o los docentes no pueden leerlo: sin él la aplicación no puede enviar registros nuevos.</translation>
    </message>
    <message>
        <source>Create %2 on %1 as a Text(36) field marked External ID and Unique (the Pasalista metadata in installer/salesforce has it), and give it Read and Edit access in the Pasalista Teacher permission set.</source>
        <translation>Cree %2 en %1 como campo Texto(36) marcado como ID externo y Único (los metadatos de Pasalista en installer/salesforce lo traen), y dele acceso de Lectura y Modificación en el conjunto de permisos Pasalista Teacher.</translation>
    </message>
    <message>
        <source>%2 on %1 is not marked External ID: the org refuses the app&apos;s new records.</source>
        <translation>%2 en %1 no está marcado como ID externo: la organización rechaza los registros nuevos de la aplicación.</translation>
    </message>
    <message>
        <source>%2 on %1 is not marked Unique: two records could share one Pasalista Id, and the app could not tell them apart.</source>
        <translation>%2 en %1 no está marcado como Único: dos registros podrían compartir un Id de Pasalista y la aplicación no podría distinguirlos.</translation>
    </message>
    <message>
        <source>%2 on %1 is a restricted picklist without the attendance codes %3: the org refuses marks with them.</source>
        <translation>%2 en %1 es una lista de selección restringida sin los códigos de asistencia %3: la organización rechaza las marcas con ellos.</translation>
    </message>
    <message>
        <source>Add the values %1 to the picklist (%2).</source>
        <translation>Agregue los valores %1 a la lista de selección (%2).</translation>
    </message>
    <message>
        <source>%2 on %1 has values the app does not know: %3. Attendance entered with them in the office shows as an unknown status.</source>
        <translation>%2 en %1 tiene valores que la aplicación no conoce: %3. La asistencia registrada con ellos en la oficina se muestra con un estado desconocido.</translation>
    </message>
    <message>
        <source>Deactivate those values (%1), or add them to the attendance codes of the app&apos;s mapping file.</source>
        <translation>Desactive esos valores (%1), o agréguelos a los códigos de asistencia del archivo de mapeo de la aplicación.</translation>
    </message>
    <message>
        <source>Only %1 of the org&apos;s %2 API calls a day are left: syncs may stop before the day ends.</source>
        <translation>Solo quedan %1 de las %2 llamadas diarias a la API de la organización: las sincronizaciones pueden detenerse antes de que acabe el día.</translation>
    </message>
    <message>
        <source>%1 of the org&apos;s %2 API calls a day are left.</source>
        <translation>Quedan %1 de las %2 llamadas diarias a la API de la organización.</translation>
    </message>
    <message>
        <source>In Setup, Company Information, look at API Requests, Last 24 Hours; find the integration that spends them, or buy more API calls.</source>
        <translation>En Configuración, Información de la empresa, mire Solicitudes de API, últimas 24 horas; busque la integración que las gasta, o compre más llamadas a la API.</translation>
    </message>
    <message>
        <source>The org has no API calls left today (%1 a day): every sync fails until the 24-hour count goes down.</source>
        <translation>A la organización no le quedan llamadas a la API hoy (%1 al día): toda sincronización falla hasta que baje la cuenta de las últimas 24 horas.</translation>
    </message>
    <message>
        <source>The org has no API calls left today: every sync fails until the 24-hour count goes down.</source>
        <translation>A la organización no le quedan llamadas a la API hoy: toda sincronización falla hasta que baje la cuenta de las últimas 24 horas.</translation>
    </message>
    <message>
        <source>In Setup, Object Manager, %1, Fields and Relationships, create %2. If it exists, give it Read access in the Pasalista Teacher permission set (Field Permissions).</source>
        <translation>En Configuración, Gestor de objetos, %1, Campos y relaciones, cree %2. Si ya existe, dele acceso de Lectura en el conjunto de permisos Pasalista Teacher (Permisos de campo).</translation>
    </message>
    <message>
        <source>In Setup, Object Manager, %1, Fields and Relationships, edit %2 and tick External ID and Unique (remove duplicate values first).</source>
        <translation>En Configuración, Gestor de objetos, %1, Campos y relaciones, modifique %2 y marque ID externo y Único (antes quite los valores duplicados).</translation>
    </message>
    <message>
        <source>Setup, Object Manager, %1, Fields and Relationships, %2</source>
        <translation>Configuración, Gestor de objetos, %1, Campos y relaciones, %2</translation>
    </message>
</context>
<context>
    <name>pasalista::OrgRefusal</name>
    <message>
        <source>Your Salesforce org does not allow the Pasalista app yet: it must be installed in the org. Please forward this to your Salesforce administrator: &quot;Install the Pasalista External Client App in the org and assign the Pasalista Teacher permission set (Salesforce said: %1).&quot;</source>
        <translation>Su organización de Salesforce todavía no permite la aplicación Pasalista: hay que instalarla en la organización. Reenvíe esto a su administrador de Salesforce: &quot;Instale la External Client App de Pasalista en la organización y asigne el conjunto de permisos Pasalista Teacher (Salesforce dijo: %1).&quot;</translation>
    </message>
    <message>
        <source>Your Salesforce user is not allowed to use the Pasalista app. Please forward this to your Salesforce administrator: &quot;Assign me the Pasalista Teacher permission set, or admit my user in the Pasalista app&apos;s policies (Salesforce said: %1).&quot;</source>
        <translation>Su usuario de Salesforce no tiene permiso para usar la aplicación Pasalista. Reenvíe esto a su administrador de Salesforce: &quot;Asígneme el conjunto de permisos Pasalista Teacher, o admita mi usuario en las políticas de la aplicación Pasalista (Salesforce dijo: %1).&quot;</translation>
    </message>
</context>
<context>
    <name>pasalista::OrgSetupDialog</name>
    <message>
        <source>Your organisation&apos;s Salesforce</source>
        <translation>El Salesforce de su organización</translation>
    </message>
    <message>
        <source>Pasalista needs two things from your Salesforce administrator: the address where your organisation signs in, and the consumer key of its Pasalista app.</source>
        <translation>Pasalista necesita dos datos de su administrador de Salesforce: la dirección donde su organización inicia sesión y la clave de consumidor (Consumer Key) de su aplicación Pasalista.</translation>
    </message>
    <message>
        <source>&amp;Login address:</source>
        <translation>&amp;Dirección de inicio de sesión:</translation>
    </message>
    <message>
        <source>&amp;Consumer key:</source>
        <translation>&amp;Clave de consumidor:</translation>
    </message>
    <message>
        <source>The login address is not one Pasalista can sign in at: %1</source>
        <translation>Pasalista no puede iniciar sesión en esa dirección: %1</translation>
    </message>
    <message>
        <source>Enter the consumer key of your organisation&apos;s Pasalista app.</source>
        <translation>Escriba la clave de consumidor de la aplicación Pasalista de su organización.</translation>
    </message>
    <message>
        <source>Set by your administrator for every user of this computer.</source>
        <translation>Lo fijó su administrador para todos los usuarios de este equipo.</translation>
    </message>
</context>
<context>
    <name>pasalista::Puller</name>
    <message>
        <source>The org no longer has a field Pasalista reads (%1). The next sync reads the org&apos;s fields again.</source>
        <translation>La organización ya no tiene un campo que Pasalista lee (%1). La próxima sincronización vuelve a leer los campos de la organización.</translation>
    </message>
    <message>
        <source>The org sent a query reply without records.</source>
        <translation>La organización envió una respuesta de consulta sin registros.</translation>
    </message>
    <message>
        <source>No teacher record has the email %1, so no course is in your scope.</source>
        <translation>Ningún registro de docente tiene el correo %1, así que ningún curso está en su alcance.</translation>
    </message>
    <message>
        <source>The org&apos;s query pages go round in a loop (%1); stopped.</source>
        <translation>Las páginas de la consulta de la organización dan vueltas en círculo (%1); se detuvo.</translation>
    </message>
    <message>
        <source>The org&apos;s replies carry no usable date; cannot pull safely.</source>
        <translation>Las respuestas de la organización no traen una fecha válida; no se puede recibir con seguridad.</translation>
    </message>
    <message>
        <source>The org&apos;s replication clock read %1, which is not a time before its own clock; it was not used.</source>
        <translation>El reloj de replicación de la organización marcaba %1, que no es una hora anterior a su propio reloj; no se usó.</translation>
    </message>
    <message>
        <source>A %1 record from the org was refused: %2.</source>
        <translation>Se rechazó un registro de %1 de la organización: %2.</translation>
    </message>
    <message>
        <source>The org&apos;s list of %1 records was damaged; nothing was deleted.</source>
        <translation>La lista de registros de %1 de la organización llegó dañada; no se borró nada.</translation>
    </message>
</context>
<context>
    <name>pasalista::Pusher</name>
    <message>
        <source>The org was busy; will retry.</source>
        <translation>La organización estaba ocupada; se reintentará.</translation>
    </message>
    <message>
        <source>The org did not take every change; the rest will be retried.</source>
        <translation>La organización no aceptó todos los cambios; el resto se reintentará.</translation>
    </message>
    <message>
        <source>Could not save the sync&apos;s progress: %1</source>
        <translation>No se pudo guardar el avance de la sincronización: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) could not be confirmed by the org; they will be checked and sent again.</source>
        <translation>
            <numerusform>%n cambio no pudo ser confirmado por la organización; se comprobará y se enviará de nuevo.</numerusform>
            <numerusform>%n cambios no pudieron ser confirmados por la organización; se comprobarán y se enviarán de nuevo.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not check whether the org already has this record.</source>
        <translation>No se pudo comprobar si la organización ya tiene este registro.</translation>
    </message>
    <message>
        <source>The org no longer has the field %1 (your org admin removed it or hid it from you), so this value cannot be sent. Ask the admin to restore the field, or clear the value here to send the rest of the record.</source>
        <translation>La organización ya no tiene el campo %1 (el administrador de la organización lo eliminó o se lo ocultó), así que este valor no se puede enviar. Pida al administrador que restaure el campo, o borre aquí el valor para enviar el resto del registro.</translation>
    </message>
</context>
<context>
    <name>pasalista::RecordValidator</name>
    <message>
        <source>the Id %1 is not a Salesforce Id</source>
        <translation>el Id %1 no es un Id de Salesforce</translation>
    </message>
    <message>
        <source>the Id %1 is not of a %2 record</source>
        <translation>el Id %1 no es de un registro de %2</translation>
    </message>
    <message>
        <source>%1 is empty, which the org never allows</source>
        <translation>%1 está vacío, algo que la organización nunca permite</translation>
    </message>
    <message>
        <source>%1 holds %2, not a value of type %3</source>
        <translation>%1 contiene %2, no un valor de tipo %3</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <source>%1 %2 is after the org&apos;s own clock (%3)</source>
        <translation>%1 %2 es posterior al propio reloj de la organización (%3)</translation>
    </message>
    <message>
        <source>a record without an Id</source>
        <translation>un registro sin Id</translation>
    </message>
    <message>
        <source>%1 holds %2 characters, more than the %3 the org&apos;s field takes</source>
        <translation>%1 contiene %2 caracteres, más de los %3 que admite el campo de la organización</translation>
    </message>
</context>
<context>
    <name>pasalista::RemoteApplier</name>
    <message>
        <source>Could not save data from the org: %1</source>
        <translation>No se pudieron guardar los datos de la organización: %1</translation>
    </message>
    <message>
        <source>Deleted in the org while you were editing it.</source>
        <translation>Se borró en la organización mientras usted lo editaba.</translation>
    </message>
</context>
<context>
    <name>pasalista::Repository</name>
    <message>
        <source>&quot;%1&quot; matches %2 %3: %4. Use a fuller name or the Salesforce Id.</source>
        <translation>«%1» coincide con %2 %3: %4. Use un nombre más completo o el Id de Salesforce.</translation>
    </message>
    <message>
        <source>The change could not be saved in the local store: %1</source>
        <translation>El cambio no se pudo guardar en el almacén local: %1</translation>
    </message>
    <message>
        <source>courses</source>
        <translation>cursos</translation>
    </message>
    <message>
        <source>No course matches &quot;%1&quot;.</source>
        <translation>Ningún curso coincide con «%1».</translation>
    </message>
    <message>
        <source>students</source>
        <translation>estudiantes</translation>
    </message>
    <message>
        <source>No student enrolled in this course matches &quot;%1&quot;.</source>
        <translation>Ningún estudiante inscrito en este curso coincide con «%1».</translation>
    </message>
    <message>
        <source>No student matches &quot;%1&quot;.</source>
        <translation>Ningún estudiante coincide con «%1».</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>El nombre</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>El apellido</translation>
    </message>
    <message>
        <source>Phone 1</source>
        <translation>El teléfono 1</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>%1 es obligatorio.</translation>
    </message>
    <message>
        <source>Date of birth is required.</source>
        <translation>La fecha de nacimiento es obligatoria.</translation>
    </message>
    <message>
        <source>Date of birth must be a real date, not in the future.</source>
        <translation>La fecha de nacimiento debe ser una fecha real, no futura.</translation>
    </message>
    <message>
        <source>Sex must be one of: %1.</source>
        <translation>El sexo debe ser uno de: %1.</translation>
    </message>
    <message>
        <source>Main language must be one of: %1.</source>
        <translation>El idioma principal debe ser uno de: %1.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an email address.</source>
        <translation>«%1» no es una dirección de correo electrónico.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a phone number.</source>
        <translation>«%1» no es un número de teléfono.</translation>
    </message>
    <message>
        <source>The student no longer exists.</source>
        <translation>El estudiante ya no existe.</translation>
    </message>
    <message>
        <source>The course no longer exists.</source>
        <translation>El curso ya no existe.</translation>
    </message>
    <message>
        <source>%1 is already enrolled in %2.</source>
        <translation>%1 ya está inscrito en %2.</translation>
    </message>
    <message>
        <source>The student is not enrolled in this course.</source>
        <translation>El estudiante no está inscrito en este curso.</translation>
    </message>
    <message>
        <source>%1 is not an attendance status. Use one of: %2.</source>
        <translation>%1 no es un estado de asistencia. Use uno de: %2.</translation>
    </message>
    <message>
        <source>The class date is not a valid date.</source>
        <translation>La fecha de la clase no es válida.</translation>
    </message>
    <message>
        <source>no start</source>
        <translation>sin inicio</translation>
    </message>
    <message>
        <source>no end</source>
        <translation>sin fin</translation>
    </message>
    <message>
        <source>%1 is outside the dates of %2 (%3 to %4). Confirm to mark it anyway.</source>
        <translation>%1 está fuera de las fechas de %2 (%3 a %4). Confirme para marcarla de todos modos.</translation>
    </message>
    <message>
        <source>%1 is not enrolled in %2: enroll the student before taking attendance.</source>
        <translation>%1 no está inscrito en %2: inscriba al estudiante antes de tomar asistencia.</translation>
    </message>
    <message>
        <source>The mapping has no attendance code meaning present.</source>
        <translation>El mapeo no tiene ningún código de asistencia que signifique presente.</translation>
    </message>
    <message>
        <source>%1 has not come yet (today is %2): attendance is taken on the day of the class or later.</source>
        <translation>%1 todavía no ha llegado (hoy es %2): la asistencia se toma el día de la clase o después.</translation>
    </message>
</context>
<context>
    <name>pasalista::RosterModel</name>
    <message>
        <source>Last name</source>
        <translation>Apellido</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>Apodo</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
</context>
<context>
    <name>pasalista::RosterPanel</name>
    <message>
        <source>Unenroll student</source>
        <translation>Dar de baja al estudiante</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>Lista de estudiantes</translation>
    </message>
    <message>
        <source>&amp;Enroll student…</source>
        <translation>&amp;Inscribir estudiante…</translation>
    </message>
    <message>
        <source>&amp;New student…</source>
        <translation>&amp;Nuevo estudiante…</translation>
    </message>
    <message>
        <source>&amp;Unenroll</source>
        <translation>&amp;Dar de baja</translation>
    </message>
    <message>
        <source>Removes the selected student from this course</source>
        <translation>Quita del curso al estudiante seleccionado</translation>
    </message>
    <message>
        <source>Remove %1 from this course?</source>
        <translation>¿Quitar a %1 de este curso?</translation>
    </message>
</context>
<context>
    <name>pasalista::SalesforceClient</name>
    <message>
        <source>Refusing to send credentials over plain http to %1.</source>
        <translation>No se envían credenciales por http sin cifrar a %1.</translation>
    </message>
    <message>
        <source>Your sign-in has expired. Sign in again; your changes are kept.</source>
        <translation>Su sesión venció. Inicie sesión de nuevo; sus cambios se conservan.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <source>The org&apos;s reply could not be read (%1 at byte %2).</source>
        <translation>No se pudo leer la respuesta de la organización (%1 en el byte %2).</translation>
    </message>
    <message>
        <source>The org answered HTTP %1.</source>
        <translation>La organización respondió HTTP %1.</translation>
    </message>
    <message>
        <source>The org answered a subrequest with no HTTP status.</source>
        <translation>La organización respondió una subpetición sin estado HTTP.</translation>
    </message>
    <message>
        <source>The org named a next page outside its data API: %1.</source>
        <translation>La organización indicó una página siguiente fuera de su API de datos: %1.</translation>
    </message>
    <message>
        <source>Refusing to send the org&apos;s credentials to %1.</source>
        <translation>Se rechaza enviar las credenciales de la organización a %1.</translation>
    </message>
    <message numerus="yes">
        <source>The org&apos;s reply took longer than %n second(s); abandoned.</source>
        <translation>
            <numerusform>La respuesta de la organización tardó más de %n segundo; se abandonó.</numerusform>
            <numerusform>La respuesta de la organización tardó más de %n segundos; se abandonó.</numerusform>
        </translation>
    </message>
    <message>
        <source>The org answered with a redirect to %1, which is not followed.</source>
        <translation>La organización respondió con una redirección a %1, que no se sigue.</translation>
    </message>
    <message>
        <source>The sync ran past its deadline and was stopped; it goes on at the next sync.</source>
        <translation>La sincronización pasó de su plazo y se detuvo; sigue en la próxima sincronización.</translation>
    </message>
</context>
<context>
    <name>pasalista::ScopePruner</name>
    <message>
        <source>This record is no longer in your courses in the org; your change was not sent.</source>
        <translation>Este registro ya no está en sus cursos en la organización; su cambio no se envió.</translation>
    </message>
</context>
<context>
    <name>pasalista::Session</name>
    <message>
        <source>Another Pasalista window or command is renewing the sign-in; try again in a moment.</source>
        <translation>Otra ventana o comando de Pasalista está renovando la sesión; inténtelo de nuevo en un momento.</translation>
    </message>
</context>
<context>
    <name>pasalista::SignInDialog</name>
    <message>
        <source>Sign in to Salesforce</source>
        <translation>Iniciar sesión en Salesforce</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Production (login.salesforce.com)</source>
        <translation>Producción (login.salesforce.com)</translation>
    </message>
    <message>
        <source>Sandbox (test.salesforce.com)</source>
        <translation>Sandbox (test.salesforce.com)</translation>
    </message>
    <message>
        <source>My Domain</source>
        <translation>My Domain</translation>
    </message>
    <message>
        <source>Another address</source>
        <translation>Otra dirección</translation>
    </message>
    <message>
        <source>Sign in with your programme&apos;s Salesforce account. Your browser opens to finish signing in.</source>
        <translation>Inicie sesión con la cuenta de Salesforce de su programa. Su navegador se abre para terminar de iniciar sesión.</translation>
    </message>
    <message>
        <source>Org:</source>
        <translation>Organización:</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Copiar enlace</translation>
    </message>
    <message>
        <source>Copy the sign-in address to paste it into a browser yourself.</source>
        <translation>Copia la dirección de inicio de sesión para que la pegue usted mismo en un navegador.</translation>
    </message>
    <message>
        <source>Open browser again</source>
        <translation>Abrir el navegador de nuevo</translation>
    </message>
    <message>
        <source>My Domain:</source>
        <translation>My Domain:</translation>
    </message>
    <message>
        <source>yourprogramme.my.salesforce.com</source>
        <translation>suprograma.my.salesforce.com</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Dirección:</translation>
    </message>
    <message>
        <source>Finish signing in to %1 in your browser. Pasalista waits here.</source>
        <translation>Termine de iniciar sesión en %1 en su navegador. Pasalista espera aquí.</translation>
    </message>
    <message>
        <source>Pasalista could not open a browser. Copy the link, paste it into a browser on this computer and sign in there.</source>
        <translation>Pasalista no pudo abrir un navegador. Copie el enlace, péguelo en un navegador de esta computadora e inicie sesión allí.</translation>
    </message>
    <message>
        <source>Link copied</source>
        <translation>Enlace copiado</translation>
    </message>
</context>
<context>
    <name>pasalista::SignInFlow</name>
    <message>
        <source>No answer came from the browser in time. Try again.</source>
        <translation>El navegador no respondió a tiempo. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>Sign-in cancelled.</source>
        <translation>Inicio de sesión cancelado.</translation>
    </message>
    <message>
        <source>Pasalista could not receive the sign-in answer: every callback port it may use (%1) is taken by another program. Close that program and try again.</source>
        <translation>Pasalista no pudo recibir la respuesta del inicio de sesión: todos los puertos de retorno que puede usar (%1) están ocupados por otro programa. Cierre ese programa e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>Pasalista received the answer from Salesforce. You can close this tab and go back to Pasalista.</source>
        <translation>Pasalista recibió la respuesta de Salesforce. Puede cerrar esta pestaña y volver a Pasalista.</translation>
    </message>
    <message>
        <source>The answer from the browser did not belong to this sign-in, so Pasalista refused it. Try again.</source>
        <translation>La respuesta del navegador no correspondía a este inicio de sesión, así que Pasalista la rechazó. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>Salesforce did not allow the sign-in: %1</source>
        <translation>Salesforce no permitió el inicio de sesión: %1</translation>
    </message>
    <message>
        <source>The answer from the browser had no authorization code.</source>
        <translation>La respuesta del navegador no traía código de autorización.</translation>
    </message>
    <message>
        <source>Salesforce refused the sign-in (%1). Try again.</source>
        <translation>Salesforce rechazó el inicio de sesión (%1). Inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>Salesforce could not be reached: %1</source>
        <translation>No se pudo conectar con Salesforce: %1</translation>
    </message>
    <message>
        <source>Salesforce answered with an insecure org address.</source>
        <translation>Salesforce respondió con una dirección de organización insegura.</translation>
    </message>
    <message>
        <source>Pasalista could not read who signed in: %1</source>
        <translation>Pasalista no pudo leer quién inició sesión: %1</translation>
    </message>
</context>
<context>
    <name>pasalista::SignOutDialog</name>
    <message>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>Delete local data</source>
        <translation>Borrar datos locales</translation>
    </message>
    <message>
        <source>Sign out of %1 (%2)?</source>
        <translation>¿Cerrar la sesión de %1 (%2)?</translation>
    </message>
    <message>
        <source>Delete all of %1&apos;s data from this computer? This cannot be undone.</source>
        <translation>¿Borrar todos los datos de %1 de esta computadora? No se puede deshacer.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) have not been synced and will be lost.</source>
        <translation>
            <numerusform>%n cambio no se ha sincronizado y se perderá.</numerusform>
            <numerusform>%n cambios no se han sincronizado y se perderán.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove this account&apos;s data from this computer.</source>
        <translation>Quitar los datos de esta cuenta de esta computadora.</translation>
    </message>
    <message>
        <source>Keep it on this computer, locked: nobody can open it until %1 signs in again and continues where they left off.</source>
        <translation>Conservarlos en esta computadora, bloqueados: nadie puede abrirlos hasta que %1 vuelva a iniciar sesión y siga donde lo dejó.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) made on this computer have not been sent to Salesforce yet. Removing the data loses them.</source>
        <translation>
            <numerusform>%n cambio hecho en esta computadora aún no se ha enviado a Salesforce. Quitar los datos lo pierde.</numerusform>
            <numerusform>%n cambios hechos en esta computadora aún no se han enviado a Salesforce. Quitar los datos los pierde.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the unsent marks to a file…</source>
        <translation>Exportar a un archivo las marcas sin enviar…</translation>
    </message>
</context>
<context>
    <name>pasalista::SqlCipherDriver</name>
    <message>
        <source>Unable to open the database</source>
        <translation>No se puede abrir la base de datos</translation>
    </message>
    <message>
        <source>Unable to set the key</source>
        <translation>No se puede establecer la clave</translation>
    </message>
    <message>
        <source>Unable to read the database</source>
        <translation>No se puede leer la base de datos</translation>
    </message>
    <message>
        <source>Unable to begin transaction</source>
        <translation>No se puede iniciar la transacción</translation>
    </message>
    <message>
        <source>Unable to commit transaction</source>
        <translation>No se puede confirmar la transacción</translation>
    </message>
    <message>
        <source>Unable to roll back transaction</source>
        <translation>No se puede deshacer la transacción</translation>
    </message>
</context>
<context>
    <name>pasalista::SqlCipherResult</name>
    <message>
        <source>Driver not loaded</source>
        <translation>Controlador no cargado</translation>
    </message>
    <message>
        <source>Unable to execute statement</source>
        <translation>No se puede ejecutar la sentencia</translation>
    </message>
    <message>
        <source>Unable to execute multiple statements at a time</source>
        <translation>No se pueden ejecutar varias sentencias a la vez</translation>
    </message>
    <message>
        <source>No statement prepared</source>
        <translation>Ninguna sentencia preparada</translation>
    </message>
    <message>
        <source>Parameter count mismatch</source>
        <translation>El número de parámetros no coincide</translation>
    </message>
    <message>
        <source>Unable to bind parameters</source>
        <translation>No se pueden vincular los parámetros</translation>
    </message>
    <message>
        <source>Unable to fetch row</source>
        <translation>No se puede leer la fila</translation>
    </message>
</context>
<context>
    <name>pasalista::StoreEncryption</name>
    <message>
        <source>another program has the local database open; close it and try again</source>
        <translation>otro programa tiene abierta la base de datos local; ciérrelo y vuelva a intentarlo</translation>
    </message>
    <message>
        <source>cannot write %1 to disk</source>
        <translation>no se puede escribir %1 en el disco</translation>
    </message>
    <message>
        <source>The local data of this account (%1) is encrypted, and the key that unlocks it is no longer in this computer&apos;s keychain, so Pasalista cannot read it. Nothing was deleted: the file is left as it is. Marks that had not reached the org when you signed out can still be recovered from the file the sign-out exported them to; enter them again after signing in. To start afresh, move that database file elsewhere and sign in again: your courses come back from the org.</source>
        <translation>Los datos locales de esta cuenta (%1) están cifrados y la clave que los abre ya no está en el llavero de este ordenador, así que Pasalista no puede leerlos. No se ha borrado nada: el archivo queda como estaba. Las asistencias que no habían llegado a la organización cuando cerró la sesión se pueden recuperar del archivo al que las exportó el cierre de sesión; vuelva a introducirlas después de iniciar sesión. Para empezar de nuevo, mueva ese archivo de base de datos a otro lugar e inicie sesión otra vez: sus cursos vuelven desde la organización.</translation>
    </message>
</context>
<context>
    <name>pasalista::StudentFormDialog</name>
    <message>
        <source>New student</source>
        <translation>Nuevo estudiante</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Crear</translation>
    </message>
    <message>
        <source>Fields marked * are required.</source>
        <translation>Los campos marcados con * son obligatorios.</translation>
    </message>
    <message>
        <source>&amp;First name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>&amp;Last name</source>
        <translation>&amp;Apellido</translation>
    </message>
    <message>
        <source>&amp;Nickname</source>
        <translation>A&amp;podo</translation>
    </message>
    <message>
        <source>&amp;Sex</source>
        <translation>&amp;Sexo</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Teléfono</translation>
    </message>
    <message>
        <source>Second phone</source>
        <translation>Segundo teléfono</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>C&amp;orreo electrónico</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Dirección</translation>
    </message>
    <message>
        <source>Primary contact</source>
        <translation>Contacto principal</translation>
    </message>
    <message>
        <source>Primary contact&apos;s phone</source>
        <translation>Teléfono del contacto principal</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>Tipo de documento</translation>
    </message>
    <message>
        <source>First lan&amp;guage</source>
        <translation>&amp;Idioma principal</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nacionalidad</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>%1 *</source>
        <comment>required field</comment>
        <translation>%1 *</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>(sin indicar)</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Date of &amp;birth</source>
        <translation>&amp;Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Edit student</source>
        <translation>Editar estudiante</translation>
    </message>
    <message>
        <source>Student details</source>
        <translation>Datos del estudiante</translation>
    </message>
</context>
<context>
    <name>pasalista::StudentPickerDialog</name>
    <message>
        <source>Enroll a student</source>
        <translation>Inscribir a un estudiante</translation>
    </message>
    <message>
        <source>Type part of a name or nickname</source>
        <translation>Escriba parte de un nombre o apodo</translation>
    </message>
    <message>
        <source>Search students</source>
        <translation>Buscar estudiantes</translation>
    </message>
    <message>
        <source>Matching students</source>
        <translation>Estudiantes encontrados</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Buscar:</translation>
    </message>
    <message>
        <source>&amp;Enroll</source>
        <translation>&amp;Inscribir</translation>
    </message>
</context>
<context>
    <name>pasalista::StudentProfileDialog</name>
    <message>
        <source>Student: %1</source>
        <translation>Estudiante: %1</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>&amp;Datos</translation>
    </message>
    <message>
        <source>&amp;Courses</source>
        <translation>&amp;Cursos</translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation>&amp;Resumen</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Historial</translation>
    </message>
    <message>
        <source>—</source>
        <comment>no value</comment>
        <translation>—</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>Apodo</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Second phone</source>
        <translation>Segundo teléfono</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Primary contact</source>
        <translation>Contacto principal</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>Tipo de documento</translation>
    </message>
    <message>
        <source>First language</source>
        <translation>Idioma principal</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nacionalidad</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Sincronizado</translation>
    </message>
    <message>
        <source>Not yet in Salesforce</source>
        <translation>Todavía no está en Salesforce</translation>
    </message>
    <message>
        <source>Yes (%1)</source>
        <translation>Sí (%1)</translation>
    </message>
    <message>
        <source>Courses of the student</source>
        <translation>Cursos del estudiante</translation>
    </message>
    <message>
        <source>Attendance per course</source>
        <translation>Asistencia por curso</translation>
    </message>
    <message>
        <source>Attendance history</source>
        <translation>Historial de asistencia</translation>
    </message>
    <message>
        <source>Student&apos;s record</source>
        <translation>Ficha del estudiante</translation>
    </message>
</context>
<context>
    <name>pasalista::StudentSearchModel</name>
    <message>
        <source>%1 — born %2</source>
        <translation>%1 — nació el %2</translation>
    </message>
    <message>
        <source>%1 (%2) — born %3</source>
        <translation>%1 (%2) — nació el %3</translation>
    </message>
</context>
<context>
    <name>pasalista::SummaryModel</name>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>n/a</source>
        <comment>no attendance recorded</comment>
        <translation>n/d</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Curso</translation>
    </message>
    <message>
        <source>Class days missed: %1 of %2 recorded.</source>
        <translation>Días de clase con ausencia: %1 de %2 registrados.</translation>
    </message>
    <message>
        <source>%1 — chronic absence</source>
        <comment>share of class days missed</comment>
        <translation>%1 — crónica</translation>
    </message>
    <message>
        <source>Missed</source>
        <comment>share of class days missed</comment>
        <translation>Inasistencia</translation>
    </message>
    <message numerus="yes">
        <source>%n mark(s) not counted</source>
        <comment>codes with no meaning</comment>
        <translation>
            <numerusform>%n marca sin contar</numerusform>
            <numerusform>%n marcas sin contar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pasalista::SummaryPanel</name>
    <message>
        <source>Students to watch in all your courses</source>
        <translation>Estudiantes a seguir en todos sus cursos</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Estudiante</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Curso</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Attendance summary</source>
        <translation>Resumen de asistencia</translation>
    </message>
    <message>
        <source>Only the days &amp;from</source>
        <translation>Solo los días &amp;del</translation>
    </message>
    <message>
        <source>t&amp;o</source>
        <translation>a&amp;l</translation>
    </message>
    <message>
        <source>First day counted</source>
        <translation>Primer día contado</translation>
    </message>
    <message>
        <source>Last day counted</source>
        <translation>Último día contado</translation>
    </message>
    <message>
        <source>&amp;Print report…</source>
        <translation>&amp;Imprimir informe…</translation>
    </message>
    <message>
        <source>Save report as P&amp;DF…</source>
        <translation>Guardar informe como P&amp;DF…</translation>
    </message>
    <message>
        <source>Print roste&amp;r…</source>
        <translation>Imprimir &amp;lista…</translation>
    </message>
    <message>
        <source>Print sign-in &amp;sheet for</source>
        <translation>Imprimir &amp;hoja de firmas del</translation>
    </message>
    <message>
        <source>Day of the sign-in sheet</source>
        <translation>Día de la hoja de firmas</translation>
    </message>
    <message numerus="yes">
        <source>10 % or more of the class days missed (%n student(s))</source>
        <translation>
            <numerusform>10 % o más de los días de clase con ausencia (%n estudiante)</numerusform>
            <numerusform>10 % o más de los días de clase con ausencia (%n estudiantes)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 % missed: %2 of %3 days</source>
        <translation>%1 % de inasistencia: %2 de %3 días</translation>
    </message>
    <message numerus="yes">
        <source>%1 or more absences in a row (%n student(s))</source>
        <translation>
            <numerusform>%1 o más ausencias seguidas (%n estudiante)</numerusform>
            <numerusform>%1 o más ausencias seguidas (%n estudiantes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n absence(s) in a row, %1</source>
        <translation>
            <numerusform>%n ausencia seguida, %1</numerusform>
            <numerusform>%n ausencias seguidas, %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Save report as PDF</source>
        <translation>Guardar informe como PDF</translation>
    </message>
    <message>
        <source>report.pdf</source>
        <translation>informe.pdf</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>pasalista::SyncCommands</name>
    <message>
        <source>Nobody is signed in. Run: pasalista-cli login --login-url URL</source>
        <translation>Nadie ha iniciado sesión. Ejecute: pasalista-cli login --login-url URL</translation>
    </message>
    <message>
        <source>Not signed in: %1 Run: pasalista-cli login --login-url URL</source>
        <translation>Sin sesión: %1 Ejecute: pasalista-cli login --login-url URL</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Aviso: %1</translation>
    </message>
    <message>
        <source>Pushed %1, pulled %2, deleted %3, failed %4, conflicts %5, left to retry %6.</source>
        <translation>Enviados %1, recibidos %2, borrados %3, fallidos %4, conflictos %5, pendientes de reintento %6.</translation>
    </message>
    <message>
        <source>Everything is in sync.</source>
        <translation>Todo está sincronizado.</translation>
    </message>
    <message>
        <source>Some records need your attention: run pasalista-cli issues.</source>
        <translation>Algunos registros necesitan su atención: ejecute pasalista-cli issues.</translation>
    </message>
    <message>
        <source>Signed in as %1 at %2</source>
        <translation>Sesión iniciada como %1 en %2</translation>
    </message>
    <message>
        <source>Changes waiting to sync: %1</source>
        <translation>Cambios pendientes de sincronizar: %1</translation>
    </message>
    <message>
        <source>Refused records: %1; conflicts: %2</source>
        <translation>Registros rechazados: %1; conflictos: %2</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Última sincronización: %1</translation>
    </message>
    <message>
        <source>API calls today: %1 of this laptop&apos;s %2; last sync: %3</source>
        <translation>Llamadas a la API hoy: %1 de las %2 de este portátil; última sincronización: %3</translation>
    </message>
    <message>
        <source>API calls today: %1; last sync: %2</source>
        <translation>Llamadas a la API hoy: %1; última sincronización: %2</translation>
    </message>
    <message>
        <source>The whole org has used %1 of its %2 daily API calls.</source>
        <translation>La organización entera ha usado %1 de sus %2 llamadas diarias a la API.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>No sync issues.</source>
        <translation>No hay problemas de sincronización.</translation>
    </message>
    <message>
        <source>Refused: %1 %2: %3</source>
        <translation>Rechazado: %1 %2: %3</translation>
    </message>
    <message>
        <source>Deleted in the org while you edited it: %1 %2</source>
        <translation>Borrado en la organización mientras usted lo editaba: %1 %2</translation>
    </message>
    <message>
        <source>Conflict on %1 %2, %3: yours &quot;%4&quot;, the org&apos;s &quot;%5&quot;; kept %6</source>
        <translation>Conflicto en %1 %2, %3: el suyo «%4», el de la organización «%5»; se conservó %6</translation>
    </message>
    <message>
        <source>yours</source>
        <translation>el suyo</translation>
    </message>
    <message>
        <source>the org&apos;s</source>
        <translation>el de la organización</translation>
    </message>
    <message>
        <source>issues takes retry ID or dismiss ID, not &quot;%1&quot;.</source>
        <translation>issues admite retry ID o dismiss ID, no «%1».</translation>
    </message>
    <message>
        <source>No sync issue %1; run pasalista-cli issues to list them.</source>
        <translation>No hay ningún problema de sincronización %1; ejecute pasalista-cli issues para verlos.</translation>
    </message>
    <message>
        <source>A refused record is retried after it is corrected; it cannot be dismissed.</source>
        <translation>Un registro rechazado se reintenta después de corregirlo; no se puede descartar.</translation>
    </message>
    <message>
        <source>%1 will be sent on the next sync.</source>
        <translation>%1 se enviará en la próxima sincronización.</translation>
    </message>
    <message>
        <source>%1 dismissed.</source>
        <translation>%1 descartado.</translation>
    </message>
</context>
<context>
    <name>pasalista::SyncEngine</name>
    <message>
        <source>Could not read %1 from the org: %2</source>
        <translation>No se pudo leer %1 de la organización: %2</translation>
    </message>
    <message>
        <source>The org has no field %1.%2; Pasalista leaves it alone.</source>
        <translation>La organización no tiene el campo %1.%2; Pasalista no lo toca.</translation>
    </message>
    <message>
        <source>The org has no %1 field on %2: Pasalista looks records up by their natural key before creating them. Ask your org admin to add it (see the README) so that retries can never create duplicates.</source>
        <translation>La organización no tiene el campo %1 en %2: Pasalista busca los registros por su clave natural antes de crearlos. Pida al administrador de su organización que lo agregue (vea el README) para que los reintentos nunca creen duplicados.</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Conectando</translation>
    </message>
    <message>
        <source>Receiving changes</source>
        <translation>Recibiendo cambios</translation>
    </message>
    <message>
        <source>Sending changes</source>
        <translation>Enviando cambios</translation>
    </message>
    <message>
        <source>The sync stopped: %1</source>
        <translation>La sincronización se detuvo: %1</translation>
    </message>
    <message numerus="yes">
        <source>The sync took longer than %n second(s) and was stopped; nothing is lost, it goes on at the next sync.</source>
        <translation>
            <numerusform>La sincronización tardó más de %n segundo y se detuvo; no se pierde nada, sigue en la próxima sincronización.</numerusform>
            <numerusform>La sincronización tardó más de %n segundos y se detuvo; no se pierde nada, sigue en la próxima sincronización.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pasalista::SyncIssuesDialog</name>
    <message>
        <source>Send &amp;again</source>
        <translation>&amp;Enviar de nuevo</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurar</translation>
    </message>
    <message>
        <source>Accept &amp;deletion</source>
        <translation>Aceptar el &amp;borrado</translation>
    </message>
    <message>
        <source>Sync issues</source>
        <translation>Problemas de sincronización</translation>
    </message>
    <message>
        <source>These records did not reach the org as they are, or were changed on both sides. Nothing was lost: choose what to do with each.</source>
        <translation>Estos registros no llegaron a la organización tal como están, o se cambiaron en ambos lados. No se perdió nada: elija qué hacer con cada uno.</translation>
    </message>
    <message>
        <source>Fix the record (for example in the student form), then send it again.</source>
        <translation>Corrija el registro (por ejemplo en el formulario del estudiante) y luego envíelo de nuevo.</translation>
    </message>
    <message>
        <source>Accept deletion</source>
        <translation>Aceptar el borrado</translation>
    </message>
    <message>
        <source>Your changes to this record will be dropped, as it no longer exists in the org. Continue?</source>
        <translation>Sus cambios a este registro se descartarán, porque ya no existe en la organización. ¿Continuar?</translation>
    </message>
    <message>
        <source>That did not work: %1</source>
        <translation>No funcionó: %1</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>Correct the student&apos;s details; they are sent again on OK.</source>
        <translation>Corrija los datos del estudiante; se envían de nuevo al aceptar.</translation>
    </message>
    <message>
        <source>Correct the refused value</source>
        <translation>Corregir el valor rechazado</translation>
    </message>
    <message>
        <source>Corrected value</source>
        <translation>Valor corregido</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>Caracteres</translation>
    </message>
    <message>
        <source>&amp;Save the correction</source>
        <translation>&amp;Guardar la corrección</translation>
    </message>
    <message>
        <source>Saved here at once; the whole record goes to the org at the next sync, and the issue goes once the org takes it.</source>
        <translation>Se guarda aquí al instante; el registro completo va a la organización en la próxima sincronización, y el problema desaparece cuando la organización lo acepta.</translation>
    </message>
    <message>
        <source>%1: choose one of the org&apos;s values.</source>
        <translation>%1: elija uno de los valores de la organización.</translation>
    </message>
    <message>
        <source>%1: the org takes at most %2 characters.</source>
        <translation>%1: la organización admite como máximo %2 caracteres.</translation>
    </message>
    <message>
        <source>%1 of %2 characters</source>
        <translation>%1 de %2 caracteres</translation>
    </message>
    <message>
        <source>%1 of %2 characters: %3 over the limit</source>
        <translation>%1 de %2 caracteres: %3 por encima del límite</translation>
    </message>
    <message>
        <source>The correction was not saved: %1</source>
        <translation>La corrección no se guardó: %1</translation>
    </message>
    <message>
        <source>Keep &amp;mine</source>
        <translation>Conservar el &amp;mío</translation>
    </message>
    <message>
        <source>Keep the &amp;office&apos;s</source>
        <translation>Conservar el de la &amp;oficina</translation>
    </message>
    <message>
        <source>&amp;Go to the mark</source>
        <translation>&amp;Ir a la marca</translation>
    </message>
    <message>
        <source>Close this window and show the mark on the attendance sheet.</source>
        <translation>Cerrar esta ventana y mostrar la marca en la hoja de asistencia.</translation>
    </message>
    <message>
        <source>Keep &amp;mine: %1</source>
        <translation>Conservar el &amp;mío: %1</translation>
    </message>
    <message>
        <source>Keep the &amp;office&apos;s: %1</source>
        <translation>Conservar el de la &amp;oficina: %1</translation>
    </message>
    <message>
        <source>The mark was not saved: %1</source>
        <translation>La marca no se guardó: %1</translation>
    </message>
</context>
<context>
    <name>pasalista::SyncIssuesModel</name>
    <message>
        <source>Refused by the org</source>
        <translation>Rechazado por la organización</translation>
    </message>
    <message>
        <source>Changed on both sides</source>
        <translation>Cambiado en ambos lados</translation>
    </message>
    <message>
        <source>Deleted in the org</source>
        <translation>Borrado en la organización</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>%1

As the org said it: %2</source>
        <translation>%1

Tal como lo dijo la organización: %2</translation>
    </message>
    <message>
        <source>%1
%2 · class of %3</source>
        <translation>%1
%2 · clase del %3</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>Not allowed by your profile</source>
        <translation>Su perfil no lo permite</translation>
    </message>
</context>
<context>
    <name>pasalista::SyncStatusWidget</name>
    <message>
        <source>Sync in progress</source>
        <translation>Sincronización en curso</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <source>Records the org refused and conflicts</source>
        <translation>Registros que la organización rechazó y conflictos</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Al día</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <source>Sync error</source>
        <translation>Error de sincronización</translation>
    </message>
    <message>
        <source>Sign in again to sync</source>
        <translation>Inicie sesión de nuevo para sincronizar</translation>
    </message>
    <message>
        <source>Not signed in: working offline</source>
        <translation>Sin sesión: trabajando sin conexión</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Última sincronización: %1</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Nunca sincronizado</translation>
    </message>
    <message numerus="yes">
        <source>%n issue(s)</source>
        <translation>
            <numerusform>%n problema</numerusform>
            <numerusform>%n problemas</numerusform>
        </translation>
    </message>
    <message>
        <source>Send your changes and fetch the org&apos;s now (Ctrl+R)</source>
        <translation>Enviar sus cambios y traer los de la organización ahora (Ctrl+R)</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to sync</source>
        <translation>
            <numerusform>%n cambio pendiente de sincronizar</numerusform>
            <numerusform>%n cambios pendientes de sincronizar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Syncing %n change(s)…</source>
        <translation>
            <numerusform>Sincronizando %n cambio…</numerusform>
            <numerusform>Sincronizando %n cambios…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n change(s) waiting</source>
        <translation>
            <numerusform>%1 · %n cambio pendiente</numerusform>
            <numerusform>%1 · %n cambios pendientes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not signed in: %n change(s) kept on this computer</source>
        <translation>
            <numerusform>Sin sesión: %n cambio guardado en este equipo</numerusform>
            <numerusform>Sin sesión: %n cambios guardados en este equipo</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline: your marks are saved on this computer</source>
        <translation>Sin conexión: sus marcas se guardan en esta computadora</translation>
    </message>
    <message numerus="yes">
        <source>Synced, except %n issue(s) to look at</source>
        <translation>
            <numerusform>Sincronizado, salvo %n problema por revisar</numerusform>
            <numerusform>Sincronizado, salvo %n problemas por revisar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Offline: %n change(s) saved on this computer</source>
        <translation>
            <numerusform>Sin conexión: %n cambio guardado en esta computadora</numerusform>
            <numerusform>Sin conexión: %n cambios guardados en esta computadora</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pasalista::TokenStore</name>
    <message>
        <source>Pasalista cannot use the macOS Keychain, so it cannot remember your sign-in. Unlock the login keychain in Keychain Access and sign in again.</source>
        <translation>Pasalista no puede usar el Llavero de macOS, así que no puede recordar su sesión. Desbloquee el llavero de inicio de sesión en Acceso a Llaveros e inicie sesión de nuevo.</translation>
    </message>
    <message>
        <source>Pasalista cannot use the Windows Credential Manager, so it cannot remember your sign-in. Sign in to Windows with your own account and try again.</source>
        <translation>Pasalista no puede usar el Administrador de credenciales de Windows, así que no puede recordar su sesión. Inicie sesión en Windows con su propia cuenta e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>Pasalista found no keychain (Secret Service), so it cannot remember your sign-in. Install and start GNOME Keyring or KWallet (for example: sudo apt install gnome-keyring), unlock it, and sign in again.</source>
        <translation>Pasalista no encontró ningún llavero (Secret Service), así que no puede recordar su sesión. Instale e inicie GNOME Keyring o KWallet (por ejemplo: sudo apt install gnome-keyring), desbloquéelo e inicie sesión de nuevo.</translation>
    </message>
</context>
<context>
    <name>pasalista::WelcomeDialog</name>
    <message>
        <source>&amp;Sign in to your organisation</source>
        <translation>&amp;Iniciar sesión en su organización</translation>
    </message>
    <message>
        <source>&amp;Explore the demo</source>
        <translation>&amp;Explorar la demostración</translation>
    </message>
    <message>
        <source>Welcome to Pasalista</source>
        <translation>Bienvenido a Pasalista</translation>
    </message>
    <message>
        <source>Pasalista takes attendance on this computer, with or without internet, and sends it to your organisation&apos;s Salesforce when it can.

Sign in with the account your organisation gave you to see your courses, or explore a demo programme first (you can sign in later from the status bar).</source>
        <translation>Pasalista pasa lista en esta computadora, con o sin internet, y la envía al Salesforce de su organización cuando puede.

Inicie sesión con la cuenta que le dio su organización para ver sus cursos, o explore primero un programa de demostración (puede iniciar sesión más tarde desde la barra de estado).</translation>
    </message>
    <message>
        <source>Sign in to your organisation</source>
        <translation>Iniciar sesión en su organización</translation>
    </message>
    <message>
        <source>Explore the demo</source>
        <translation>Explorar la demostración</translation>
    </message>
</context>
</TS>
