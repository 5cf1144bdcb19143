#pragma once

#include "records.h"

#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QTableView;

namespace pasalista {

class Repository;
struct DomainError;
class RosterModel;

// The Roster tab: the course's students, enroll an existing student, create one, unenroll
// (after a confirmation) and open a student's profile (double-click or Enter).
class RosterPanel : public QWidget
{
    Q_OBJECT

public:
    using ConfirmationHandler = std::function<bool(const QString &question)>;

    explicit RosterPanel(Repository &repository, QWidget *parent = nullptr);

    void setCourse(qint64 courseId);
    void reload();
    void showLoaded(qint64 courseId, const QList<Student> &roster); // read off the GUI thread
    // The window reads the roster again in the background after an enrollment (the app):
    // not here, on the GUI thread.
    void setLoadsInBackground(bool background) { m_loadsInBackground = background; }
    void setConfirmationHandler(ConfirmationHandler handler);
    RosterModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    qint64 currentStudentId() const;

public Q_SLOTS:
    void enrollExistingStudent();
    void createStudent();
    void unenrollCurrentStudent();
    void showCurrentProfile();

private:
    QWidget *createButtons();
    void enroll(qint64 studentId);
    void showError(const QString &message);
    // An edit's result: its error shown, or the roster reloaded (unless the loader does it).
    void showOutcome(const DomainError &error);
    void updateButtons();

    Repository &m_repository;
    RosterModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_errorLabel = nullptr;
    QPushButton *m_enrollButton = nullptr;
    QPushButton *m_createButton = nullptr;
    QPushButton *m_unenrollButton = nullptr;
    ConfirmationHandler m_confirm;
    bool m_loadsInBackground = false;
};

} // namespace pasalista
