#pragma once

#include <QHash>
#include <QKeyEvent>
#include <QTableView>

#include <memory>
#include <vector>

namespace pasalista {

// The attendance sheet's table, taken by keyboard: arrows move, a status shortcut letter or
// code digit asks for that status on the current row, N (or Enter on the notes column)
// edits the notes. F2 and double-click edit the current cell as usual. Ctrl+F or / asks to
// find a student by name (the sheet's find bar takes the letters, so none becomes a mark).
class AttendanceTableView : public QTableView
{
    Q_OBJECT

public:
    explicit AttendanceTableView(QWidget *parent = nullptr);

    // Upper-case key text -> status code, e.g. "P" -> 0, "0" -> 0.
    void setStatusKeys(const QHash<QString, int> &keys);
    void setNotesColumn(int column) { m_notesColumn = column; }
    void moveToRow(int row);
    // While the rows of another course or date are on their way, keys are kept, not lost
    // nor applied to rows no longer shown; holdKeys(false) plays them in the order typed,
    // as a window that froze while reading would have done.
    void holdKeys(bool hold);
    bool isHoldingKeys() const { return m_holding; }

Q_SIGNALS:
    void statusRequested(int row, int status);
    void findRequested();

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    static bool isFindKey(const QKeyEvent *event);
    bool handleStatusKey(const QKeyEvent *event);
    bool handleNotesKey(const QKeyEvent *event);
    void editNotes(int row);

    QHash<QString, int> m_statusKeys;
    int m_notesColumn = -1;
    bool m_holding = false;
    std::vector<std::unique_ptr<QKeyEvent>> m_heldKeys;
};

} // namespace pasalista
