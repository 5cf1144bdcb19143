#include "attendancetableview.h"

#include <QHeaderView>
#include <QKeyEvent>

#include <utility>

namespace pasalista {

AttendanceTableView::AttendanceTableView(QWidget *parent) : QTableView(parent)
{
    setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::DoubleClicked);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setTabKeyNavigation(false);
    setAlternatingRowColors(true);
    setWordWrap(false);
    horizontalHeader()->setStretchLastSection(true);
}

void AttendanceTableView::setStatusKeys(const QHash<QString, int> &keys)
{
    m_statusKeys = keys;
}

void AttendanceTableView::moveToRow(int row)
{
    if (!model() || row < 0 || row >= model()->rowCount()) {
        return;
    }
    const int column = currentIndex().isValid() ? currentIndex().column() : 0;
    setCurrentIndex(model()->index(row, column));
    scrollTo(currentIndex());
}

void AttendanceTableView::holdKeys(bool hold)
{
    m_holding = hold;
    if (hold) {
        return;
    }
    auto held = std::exchange(m_heldKeys, {});
    for (std::size_t i = 0; i < held.size(); ++i) {
        if (m_holding) { // a key played asked for other rows again: the rest waits for them
            m_heldKeys.push_back(std::move(held[i]));
            continue;
        }
        keyPressEvent(held[i].get());
    }
}

bool AttendanceTableView::isFindKey(const QKeyEvent *event)
{
    const bool ctrlF = event->key() == Qt::Key_F && event->modifiers() == Qt::ControlModifier;
    return ctrlF || event->text() == QStringLiteral("/");
}

bool AttendanceTableView::event(QEvent *event)
{
    // Ctrl+F is also the window's "Find course"; on the sheet it finds a student.
    if (event->type() == QEvent::ShortcutOverride && state() != EditingState &&
        isFindKey(static_cast<QKeyEvent *>(event))) {
        event->accept();
        return true;
    }
    return QTableView::event(event);
}

void AttendanceTableView::keyPressEvent(QKeyEvent *event)
{
    if (m_holding) {
        m_heldKeys.emplace_back(static_cast<QKeyEvent *>(event->clone()));
        event->accept();
        return;
    }
    if (state() != EditingState && isFindKey(event)) {
        event->accept();
        Q_EMIT findRequested();
        return;
    }
    const bool plain =
        !(event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier));
    if (state() != EditingState && plain && currentIndex().isValid() &&
        (handleSearchKey(event) || handleStatusKey(event) || handleNotesKey(event))) {
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

// A letter adds to the name searched; while a name is typed, a space, an apostrophe or a
// hyphen belong to it, Backspace takes a character back, Esc and Enter end the search (the
// cursor stays on the student found).
bool AttendanceTableView::handleSearchKey(const QKeyEvent *event)
{
    const QString text = event->text();
    const bool letter = text.size() == 1 && text.at(0).isLetter();
    const bool inName =
        !m_search.isEmpty() && text.size() == 1 && QStringLiteral(" '-.").contains(text.at(0));
    if (letter || inName) {
        setSearch(m_search + text);
        return true;
    }
    if (m_search.isEmpty()) {
        return false;
    }
    switch (event->key()) {
    case Qt::Key_Backspace:
        setSearch(m_search.chopped(1));
        return true;
    case Qt::Key_Escape:
    case Qt::Key_Return:
    case Qt::Key_Enter:
        clearSearch();
        return true;
    default:
        clearSearch(); // a status key or a move: the name typed is done with
        return false;
    }
}

void AttendanceTableView::setSearch(const QString &text)
{
    if (text == m_search) {
        return;
    }
    m_search = text;
    Q_EMIT searchChanged(m_search);
}

void AttendanceTableView::clearSearch()
{
    setSearch(QString());
}

bool AttendanceTableView::handleStatusKey(const QKeyEvent *event)
{
    const auto found = m_statusKeys.constFind(event->text());
    if (event->text().isEmpty() || found == m_statusKeys.constEnd()) {
        return false;
    }
    Q_EMIT statusRequested(currentIndex().row(), found.value());
    return true;
}

// Enter (any column) edits the note of the current student: a deliberate key, never a letter
// typed as part of a name.
bool AttendanceTableView::handleNotesKey(const QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (m_notesColumn < 0 || !enter) {
        return false;
    }
    editNotes(currentIndex().row());
    return true;
}

void AttendanceTableView::editNotes(int row)
{
    const QModelIndex notes = model()->index(row, m_notesColumn);
    setCurrentIndex(notes);
    edit(notes);
}

} // namespace pasalista
