#pragma once

#include "records.h"

#include <QUndoCommand>

#include <optional>

namespace pasalista {

class AttendanceModel;

// A status typed on the sheet, or a "Mark all present", to take back with Ctrl+Z while the
// org has not taken it: the student's mark before (or none) and after, or the students "Mark
// all present" marked. The sheet writes the marks itself and then pushes this command, so
// the first redo() writes nothing.
class MarkUndoCommand : public QUndoCommand
{
public:
    MarkUndoCommand(AttendanceModel &model, const AttendanceMark &after,
                    const std::optional<AttendanceMark> &before);
    MarkUndoCommand(AttendanceModel &model, qint64 courseId, const QDate &date,
                    const QList<qint64> &markedPresent);

    void undo() override;
    void redo() override;

    qint64 courseId() const { return m_after.courseId; }
    qint64 studentId() const { return m_after.studentId; }
    QDate date() const { return m_after.date; }

private:
    AttendanceModel &m_model;
    AttendanceMark m_after;
    std::optional<AttendanceMark> m_before;
    QList<qint64> m_markedPresent; // by "Mark all present"; m_after names the first of them
    bool m_written = true;         // the sheet wrote it before pushing
};

} // namespace pasalista
