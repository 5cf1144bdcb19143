#pragma once

#include "sync/syncscheduler.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace pasalista {

class Repository;

// The status bar's sync corner, the one place that tells the sync state: changes waiting
// (updated the moment the outbox changes, never beside "Up to date"), the issues left open
// (never "Up to date" either), the last successful
// sync (from the store, so not "Never synced" after a restart), a busy bar while syncing,
// and "Sync now". A screen reader hears each change of the state, and a problem at once.
class SyncStatusWidget : public QWidget
{
    Q_OBJECT

public:
    explicit SyncStatusWidget(QWidget *parent = nullptr);

    void setScheduler(SyncScheduler *scheduler); // null: not signed in
    void setRepository(Repository *repository);
    static QString stateLabel(SyncScheduler::State state);
    // The state as the teacher reads it, with the changes still waiting and the issues still
    // open: never "Up to date" while one of them is left.
    static QString stateText(SyncScheduler::State state, int pending, int issues = 0);
    QString stateText() const;
    QString lastSyncText() const;

Q_SIGNALS:
    void issuesRequested();
    // The state's new text, as told to assistive technology (alarming: as an alert).
    void announced(const QString &text, bool alarming);

private:
    void refresh();

    int pendingCount() const;
    // Refused, conflicting and held records still open (the store's, else the last sync's).
    int issueCount() const;
    void showState(const QString &text, bool alarming);

    SyncScheduler *m_scheduler = nullptr;
    Repository *m_repository = nullptr;
    QLabel *m_state;
    QLabel *m_lastSync;
    QProgressBar *m_progress;
    QToolButton *m_syncNow;
    QToolButton *m_issues;
};

} // namespace pasalista
