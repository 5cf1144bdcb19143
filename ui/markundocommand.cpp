#include "markundocommand.h"

#include "attendancemodel.h"

#include <utility>

namespace pasalista {

MarkUndoCommand::MarkUndoCommand(AttendanceModel &model, const AttendanceMark &after,
                                 const std::optional<AttendanceMark> &before)
    : m_model(model), m_after(after), m_before(before)
{
}

void MarkUndoCommand::undo()
{
    m_model.restoreMark(m_after.courseId, m_after.date, m_after.studentId, m_before);
}

void MarkUndoCommand::redo()
{
    if (std::exchange(m_written, false)) {
        return;
    }
    m_model.restoreMark(m_after.courseId, m_after.date, m_after.studentId, m_after);
}

} // namespace pasalista
