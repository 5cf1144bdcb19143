#pragma once

#include "records.h"

#include <QUndoCommand>

#include <optional>

namespace pasalista {

class AttendanceModel;

// One status typed on the sheet, to take back with Ctrl+Z while the org has not taken it:
// the student's mark before (or none) and after. The sheet writes the mark itself and then
// pushes this command, so the first redo() writes nothing.
class MarkUndoCommand : public QUndoCommand
{
public:
    MarkUndoCommand(AttendanceModel &model, const AttendanceMark &after,
                    const std::optional<AttendanceMark> &before);

    void undo() override;
    void redo() override;

    qint64 courseId() const { return m_after.courseId; }
    qint64 studentId() const { return m_after.studentId; }
    QDate date() const { return m_after.date; }

private:
    AttendanceModel &m_model;
    AttendanceMark m_after;
    std::optional<AttendanceMark> m_before;
    bool m_written = true; // the sheet wrote it before pushing
};

} // namespace pasalista
