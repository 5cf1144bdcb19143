#include "markundocommand.h"

#include "attendancemodel.h"

#include <utility>

namespace pasalista {

MarkUndoCommand::MarkUndoCommand(AttendanceModel &model, const AttendanceMark &after,
                                 const std::optional<AttendanceMark> &before)
    : m_model(model), m_after(after), m_before(before)
{
}

MarkUndoCommand::MarkUndoCommand(AttendanceModel &model, qint64 courseId, const QDate &date,
                                 const QList<qint64> &markedPresent)
    : m_model(model), m_markedPresent(markedPresent)
{
    m_after.courseId = courseId;
    m_after.date = date;
    m_after.studentId = markedPresent.value(0);
}

void MarkUndoCommand::undo()
{
    if (!m_markedPresent.isEmpty()) {
        m_model.unmarkStudents(m_after.courseId, m_after.date, m_markedPresent);
        return;
    }
    m_model.restoreMark(m_after.courseId, m_after.date, m_after.studentId, m_before);
}

void MarkUndoCommand::redo()
{
    if (std::exchange(m_written, false)) {
        return;
    }
    if (!m_markedPresent.isEmpty()) {
        m_model.markAllPresentAgain(m_after.courseId, m_after.date);
        return;
    }
    m_model.restoreMark(m_after.courseId, m_after.date, m_after.studentId, m_after);
}

} // namespace pasalista
