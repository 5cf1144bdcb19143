#pragma once

#include <QDialog>

#include <functional>

class QPushButton;
class QTableView;

namespace pasalista {

class LocalStore;
class SyncIssuesModel;

// Lists refused records and conflicts and offers what can be done about each: edit a
// refused student and send it again, send again, restore or let go of a record deleted in the org,
// keep the other value, dismiss.
class SyncIssuesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SyncIssuesDialog(LocalStore &store, QWidget *parent = nullptr);

Q_SIGNALS:
    void issuesSettled(); // something changed: the caller may sync

private:
    void updateButtons();
    void editRecord();
    void act(const std::function<bool(int row)> &action);

    LocalStore &m_store;
    SyncIssuesModel *m_model;
    QTableView *m_view;
    QPushButton *m_edit;
    QPushButton *m_retry;
    QPushButton *m_restore;
    QPushButton *m_acceptDeletion;
    QPushButton *m_useOther;
    QPushButton *m_dismiss;
};

} // namespace pasalista
