#pragma once

#include "mapping.h"
#include "sync/syncissue.h"

#include <QDialog>

#include <functional>
#include <optional>

class QComboBox;
class QGroupBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace pasalista {

class LocalStore;
class MarkFixBox;
class SyncIssuesModel;

// Lists refused records and conflicts and offers what can be done about each: edit a
// refused student and send it again, send again, restore or let go of a record deleted in the org,
// keep one side of a conflict (each button says which value it keeps), go to a mark on the sheet.
// A refused value (a note too long, a value not in the org's picklist) is corrected in place:
// its editor shows what the org takes, and the correction is saved as a local edit that goes
// out, with the record whole, at the next sync. A mark refused by another rule of the org (a
// validation rule, a required note) is fixed in place too: its status, date and note.
class SyncIssuesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SyncIssuesDialog(LocalStore &store, QWidget *parent = nullptr);

    void reload(); // after a sync: the selected issue stays selected while it is listed
    QTableView *view() const { return m_view; }
    QGroupBox *correctionBox() const { return m_correction; }
    QPlainTextEdit *valueEdit() const { return m_valueEdit; }
    QComboBox *valueChoice() const { return m_valueChoice; }
    QPushButton *saveCorrectionButton() const { return m_save; }
    MarkFixBox *markFixBox() const { return m_markFix; }
    QPushButton *keepMineButton() const { return m_keepMine; }
    QPushButton *keepOfficeButton() const { return m_keepOffice; }
    QPushButton *goToMarkButton() const { return m_goToMark; }
    QString counterText() const;

Q_SIGNALS:
    void issuesSettled(); // something changed: the caller may sync
    // "Go to the mark": the sheet should show this student's row of that class.
    void markRequested(qint64 courseId, qint64 studentId, const QDate &date);

private:
    struct Key
    {
        Role role = Role::Student;
        qint64 recordId = 0;
        bool operator==(const Key &other) const
        {
            return role == other.role && recordId == other.recordId;
        }
    };

    QWidget *createCorrectionBox();
    int selectedRow() const;
    void select(const std::optional<Key> &key);
    void updateButtons();
    void showCorrection();
    void updateCounter();
    QString correctedValue() const;
    void saveCorrection();
    void editRecord();
    void showMarkFix();
    void saveMark();
    void updateConflictButtons(int row);
    QList<SyncIssue> conflictFact(int row) const;
    void keep(bool mine);
    void goToMark();
    void act(const std::function<bool(int row)> &action);

    LocalStore &m_store;
    SyncIssuesModel *m_model;
    QTableView *m_view;
    QPushButton *m_edit;
    QPushButton *m_retry;
    QPushButton *m_restore;
    QPushButton *m_acceptDeletion;
    QPushButton *m_keepMine;
    QPushButton *m_keepOffice;
    QPushButton *m_goToMark;
    MarkFixBox *m_markFix;
    QGroupBox *m_correction = nullptr;
    QLabel *m_correctionHint = nullptr;
    QPlainTextEdit *m_valueEdit = nullptr;
    QComboBox *m_valueChoice = nullptr;
    QLabel *m_counter = nullptr;
    QPushButton *m_save = nullptr;
    std::optional<Key> m_corrected; // the issue whose value the editor holds
};

} // namespace pasalista
