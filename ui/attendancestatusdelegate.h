#pragma once

#include <QStyledItemDelegate>

namespace pasalista {

class Mapping;

// Shows an attendance status with its glyph beside the label (a cue besides the colour) and
// edits it with a combo box of the mapping's codes.
class AttendanceStatusDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit AttendanceStatusDelegate(const Mapping &mapping, QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    const Mapping &m_mapping;
};

} // namespace pasalista
