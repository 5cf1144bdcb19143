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
        (handleStatusKey(event) || handleNotesKey(event))) {
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

bool AttendanceTableView::handleStatusKey(const QKeyEvent *event)
{
    const QString key = event->text().toUpper();
    const auto found = m_statusKeys.constFind(key);
    if (key.isEmpty() || found == m_statusKeys.constEnd()) {
        return false;
    }
    Q_EMIT statusRequested(currentIndex().row(), found.value());
    return true;
}

bool AttendanceTableView::handleNotesKey(const QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    const bool notesKey = event->key() == Qt::Key_N;
    if (m_notesColumn < 0 || !(notesKey || (enter && currentIndex().column() == m_notesColumn))) {
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
