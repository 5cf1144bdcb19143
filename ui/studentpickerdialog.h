#pragma once

#include <QDialog>
#include <QSet>

class QLineEdit;
class QListView;

namespace pasalista {

class Repository;
class StudentSearchModel;

// Picks an existing student by name: a search field over a filtered list.
class StudentPickerDialog : public QDialog
{
    Q_OBJECT

public:
    StudentPickerDialog(const Repository &repository, const QSet<qint64> &excluded,
                        QWidget *parent = nullptr);

    qint64 selectedStudentId() const;
    QLineEdit *searchEdit() const { return m_search; }
    QListView *listView() const { return m_list; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void selectFirst();

    StudentSearchModel *m_model = nullptr;
    QLineEdit *m_search = nullptr;
    QListView *m_list = nullptr;
};

} // namespace pasalista
