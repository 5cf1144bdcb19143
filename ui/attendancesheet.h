#pragma once

#include "domainerror.h"

#include <QWidget>

#include <functional>

class QDateEdit;
class QLabel;
class QPushButton;

namespace pasalista {

class AttendanceModel;
class AttendanceTableView;
class Repository;

// Takes one course's attendance for a date: a date picker (today by default), "Mark all
// present", and the table taken by keyboard. A date outside the course's dates is asked
// about once per date before anything is written.
class AttendanceSheet : public QWidget
{
    Q_OBJECT

public:
    // Asked before writing on a date outside the course's dates; true to go ahead.
    using ConfirmationHandler = std::function<bool(const QString &question)>;

    explicit AttendanceSheet(Repository &repository, QWidget *parent = nullptr);
    ~AttendanceSheet() override;

    void setCourse(qint64 courseId);
    void setDate(const QDate &date);
    QDate date() const;
    void setConfirmationHandler(ConfirmationHandler handler);

    AttendanceModel *model() const { return m_model; }
    AttendanceTableView *view() const { return m_view; }
    QPushButton *markAllPresentButton() const { return m_markAllButton; }
    QDateEdit *dateEdit() const { return m_dateEdit; }
    QString lastError() const;

public Q_SLOTS:
    void markAllPresent();
    void setStatus(int row, int status);

private:
    QWidget *createToolbar();
    QLabel *createKeyHint(const Repository &repository);
    void configureView(Repository &repository);
    void connectSignals();
    bool runWrite(const std::function<DomainError()> &write);
    bool confirmOutsideDates(const QString &message);
    void showError(const QString &message);
    void retryRefusedWrite(const DomainError &error, const QModelIndex &index,
                           const QVariant &value);
    void updateProgress();
    void onDateChanged(const QDate &date);

    AttendanceModel *m_model = nullptr;
    AttendanceTableView *m_view = nullptr;
    QDateEdit *m_dateEdit = nullptr;
    QPushButton *m_markAllButton = nullptr;
    QLabel *m_progressLabel = nullptr;
    QLabel *m_errorLabel = nullptr;
    ConfirmationHandler m_confirm;
    int m_rowBeforeReset = 0;
};

} // namespace pasalista
