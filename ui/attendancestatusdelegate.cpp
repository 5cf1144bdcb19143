#include "attendancestatusdelegate.h"

#include "attendancelabels.h"
#include "mapping.h"

#include <QComboBox>

namespace pasalista {

AttendanceStatusDelegate::AttendanceStatusDelegate(const Mapping &mapping, QObject *parent)
    : QStyledItemDelegate(parent), m_mapping(mapping)
{
}

void AttendanceStatusDelegate::initStyleOption(QStyleOptionViewItem *option,
                                               const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QVariant status = index.data(Qt::EditRole);
    const AttendanceCode *code =
        status.isValid() ? m_mapping.attendanceCode(status.toInt()) : nullptr;
    if (code) {
        option->text = AttendanceLabels::glyph(*code) + QStringLiteral("  ") + option->text;
        option->font.setItalic(code->excused);
        option->font.setBold(!code->excused && (code->absent || code->late));
    }
}

QWidget *AttendanceStatusDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                                const QModelIndex &) const
{
    auto *combo = new QComboBox(parent);
    combo->setAccessibleName(tr("Attendance status"));
    for (const AttendanceCode &code : m_mapping.attendanceCodes()) {
        combo->addItem(AttendanceLabels::glyph(code) + QStringLiteral("  ") +
                           AttendanceLabels::label(m_mapping, code.code),
                       code.code);
    }
    return combo;
}

void AttendanceStatusDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = qobject_cast<QComboBox *>(editor);
    const QVariant status = index.data(Qt::EditRole);
    if (combo && status.isValid()) {
        combo->setCurrentIndex(combo->findData(status.toInt()));
    }
}

void AttendanceStatusDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                            const QModelIndex &index) const
{
    auto *combo = qobject_cast<QComboBox *>(editor);
    if (combo && combo->currentIndex() >= 0) {
        model->setData(index, combo->currentData(), Qt::EditRole);
    }
}

} // namespace pasalista
