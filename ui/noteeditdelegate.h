#pragma once

#include <QPersistentModelIndex>
#include <QStyledItemDelegate>

#include <optional>

namespace pasalista {

class LocalStore;

// Edits a mark's notes on the sheet, held to the org's length for the notes field (from the
// describe the last sync cached in the store, so offline too). While typing it reports the
// count; a note too long for the org is never written: Enter and Tab keep the editor open
// with the reason, and a note left by moving away is kept as a draft for the next edit of
// that cell. Esc drops the edit as usual.
class NoteEditDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit NoteEditDelegate(LocalStore &store, QObject *parent = nullptr);

    // The org's limit for a mark's notes, 0 when the org was never described.
    int maxLength() const;
    // Why `note` cannot be saved, in the teacher's words; nullopt when it can.
    std::optional<QString> refusal(const QString &note) const;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;

Q_SIGNALS:
    void noteTyped(int length, int maximum); // maximum 0: no limit known
    void noteRefused(const QString &reason);
    void noteEditEnded();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    LocalStore &m_store;
    mutable int m_maxLength = 0; // read again from the store each time an editor opens
    mutable QPersistentModelIndex m_draftIndex;
    mutable QString m_draft;
};

} // namespace pasalista
