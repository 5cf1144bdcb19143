#pragma once

#include "sync/syncscheduler.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace pasalista {

// The status bar's sync corner: state, changes waiting, last successful sync, a busy bar
// while syncing, and "Sync now".
class SyncStatusWidget : public QWidget
{
    Q_OBJECT

public:
    explicit SyncStatusWidget(QWidget *parent = nullptr);

    void setScheduler(SyncScheduler *scheduler); // null: not signed in
    static QString stateLabel(SyncScheduler::State state);

Q_SIGNALS:
    void issuesRequested();

private:
    void refresh();

    SyncScheduler *m_scheduler = nullptr;
    QLabel *m_state;
    QLabel *m_lastSync;
    QProgressBar *m_progress;
    QToolButton *m_syncNow;
    QToolButton *m_issues;
};

} // namespace pasalista
