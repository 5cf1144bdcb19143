#pragma once

#include <QHash>
#include <QKeyEvent>
#include <QTableView>

#include <memory>
#include <vector>

namespace pasalista {

// The attendance sheet's table, taken by keyboard: arrows move, a status key (the code's
// digit) asks for that status on the current row, Enter edits the notes. Letters never mark:
// they are a name search typed ahead (searchChanged), Backspace takes one back, Esc clears
// it. F2 and double-click edit the current cell as usual. Ctrl+F or / asks for the find bar.
class AttendanceTableView : public QTableView
{
    Q_OBJECT

public:
    explicit AttendanceTableView(QWidget *parent = nullptr);

    // Key text -> status code, e.g. "0" -> 0 (never a letter: letters search).
    void setStatusKeys(const QHash<QString, int> &keys);
    void setNotesColumn(int column) { m_notesColumn = column; }
    void moveToRow(int row);
    // While the rows of another course or date are on their way, keys are kept, not lost
    // nor applied to rows no longer shown; holdKeys(false) plays them in the order typed,
    // as a window that froze while reading would have done.
    void holdKeys(bool hold);
    bool isHoldingKeys() const { return m_holding; }
    QString searchText() const { return m_search; } // the name typed ahead so far
    void clearSearch();

Q_SIGNALS:
    void statusRequested(int row, int status);
    void findRequested();
    void searchChanged(const QString &text);

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    static bool isFindKey(const QKeyEvent *event);
    bool handleStatusKey(const QKeyEvent *event);
    bool handleNotesKey(const QKeyEvent *event);
    bool handleSearchKey(const QKeyEvent *event);
    void setSearch(const QString &text);
    void editNotes(int row);

    QHash<QString, int> m_statusKeys;
    int m_notesColumn = -1;
    QString m_search;
    bool m_holding = false;
    std::vector<std::unique_ptr<QKeyEvent>> m_heldKeys;
};

} // namespace pasalista
