#include "noteeditdelegate.h"

#include "store/localstore.h"
#include "sync/describerules.h"

#include <QAbstractItemView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QLocale>

namespace pasalista {

NoteEditDelegate::NoteEditDelegate(LocalStore &store, QObject *parent)
    : QStyledItemDelegate(parent), m_store(store)
{
    connect(this, &QAbstractItemDelegate::closeEditor, this, &NoteEditDelegate::noteEditEnded);
}

int NoteEditDelegate::maxLength() const
{
    const Mapping &mapping = m_store.mapping();
    const QString field = mapping.field(Role::Attendance, QStringLiteral("notes"));
    if (field.isEmpty()) {
        return 0;
    }
    return DescribeRules::cached(m_store, mapping.objectFor(Role::Attendance).objectName)
        .maxLength(field);
}

std::optional<QString> NoteEditDelegate::refusal(const QString &note) const
{
    const int maximum = m_maxLength > 0 ? m_maxLength : maxLength();
    if (maximum <= 0 || note.size() <= maximum) {
        return std::nullopt;
    }
    const QLocale locale;
    return tr("This note is %1 characters long and the org takes at most %2: shorten it by %3 "
              "to save it (Esc leaves the note as it was).")
        .arg(locale.toString(note.size()), locale.toString(maximum),
             locale.toString(note.size() - maximum));
}

QWidget *NoteEditDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                        const QModelIndex &index) const
{
    m_maxLength = maxLength();
    QWidget *created = QStyledItemDelegate::createEditor(parent, option, index);
    auto *editor = qobject_cast<QLineEdit *>(created);
    if (!editor) {
        return created;
    }
    editor->setAccessibleName(tr("Notes"));
    // Qt's delegate interface is const; the signals are this delegate's own.
    auto *self = const_cast<NoteEditDelegate *>(this);
    connect(editor, &QLineEdit::textChanged, self, [self, editor](const QString &text) {
        const bool tooLong = self->m_maxLength > 0 && text.size() > self->m_maxLength;
        editor->setStyleSheet(tooLong ? QStringLiteral("background: #f8d7da;") : QString());
        Q_EMIT self->noteTyped(int(text.size()), self->m_maxLength);
    });
    connect(editor, &QObject::destroyed, self, &NoteEditDelegate::noteEditEnded);
    return editor;
}

void NoteEditDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *line = qobject_cast<QLineEdit *>(editor);
    if (line && index == m_draftIndex && m_draftIndex.isValid()) {
        line->setText(m_draft); // the too-long note left here before, to shorten now
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
    if (line) {
        Q_EMIT const_cast<NoteEditDelegate *>(this)->noteTyped(int(line->text().size()),
                                                               m_maxLength);
    }
}

void NoteEditDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                    const QModelIndex &index) const
{
    auto *line = qobject_cast<QLineEdit *>(editor);
    if (!line) {
        return;
    }
    if (const auto reason = refusal(line->text())) {
        // Nothing is written, so nothing is sent; the text waits for the next edit here.
        m_draftIndex = index;
        m_draft = line->text();
        Q_EMIT const_cast<NoteEditDelegate *>(this)->noteRefused(*reason);
        return;
    }
    if (index == m_draftIndex) {
        m_draftIndex = QPersistentModelIndex();
        m_draft.clear();
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

bool NoteEditDelegate::eventFilter(QObject *watched, QEvent *event)
{
    auto *line = qobject_cast<QLineEdit *>(watched);
    if (line && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Escape) {
            m_draftIndex = QPersistentModelIndex(); // the note stays as it was
            m_draft.clear();
        }
        const bool commits = key == Qt::Key_Return || key == Qt::Key_Enter || key == Qt::Key_Tab ||
                             key == Qt::Key_Backtab;
        if (const auto reason = commits ? refusal(line->text()) : std::nullopt) {
            Q_EMIT noteRefused(*reason);
            return true; // the editor stays open with the text to shorten
        }
    }
    return QStyledItemDelegate::eventFilter(watched, event);
}

} // namespace pasalista
