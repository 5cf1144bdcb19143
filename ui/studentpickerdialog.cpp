#include "studentpickerdialog.h"

#include "studentsearchmodel.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

namespace pasalista {

StudentPickerDialog::StudentPickerDialog(const Repository &repository, const QSet<qint64> &excluded,
                                         QWidget *parent)
    : QDialog(parent), m_model(new StudentSearchModel(repository, this)),
      m_search(new QLineEdit(this)), m_list(new QListView(this))
{
    setWindowTitle(tr("Enroll a student"));
    m_model->setExcluded(excluded);
    m_search->setPlaceholderText(tr("Type part of a name or nickname"));
    m_search->setAccessibleName(tr("Search students"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    m_list->setModel(m_model);
    m_list->setAccessibleName(tr("Matching students"));
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto *label = new QLabel(tr("&Search:"), this);
    label->setBuddy(m_search);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Enroll"));
    connect(buttons, &QDialogButtonBox::accepted, this, &StudentPickerDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &StudentPickerDialog::reject);
    connect(m_search, &QLineEdit::textChanged, m_model, &StudentSearchModel::setSearchText);
    connect(m_model, &StudentSearchModel::modelReset, this, &StudentPickerDialog::selectFirst);
    connect(m_list, &QListView::activated, this, &StudentPickerDialog::accept);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    selectFirst();
    resize(420, 420);
}

void StudentPickerDialog::selectFirst()
{
    if (m_model->rowCount() > 0) {
        m_list->setCurrentIndex(m_model->index(0, 0));
    }
}

// Up and down in the search field move through the list, so the mouse is never needed.
bool StudentPickerDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Up || key == Qt::Key_Down || key == Qt::Key_PageUp ||
            key == Qt::Key_PageDown) {
            QCoreApplication::sendEvent(m_list, event);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

qint64 StudentPickerDialog::selectedStudentId() const
{
    const QModelIndex current = m_list->currentIndex();
    return current.isValid() ? current.data(StudentSearchModel::StudentIdRole).toLongLong() : 0;
}

} // namespace pasalista
