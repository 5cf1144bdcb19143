#include "syncstatuswidget.h"

#include "repository.h"
#include "screenreader.h"
#include "store/localstore.h"
#include "sync/syncissues.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QToolButton>

namespace pasalista {

SyncStatusWidget::SyncStatusWidget(QWidget *parent)
    : QWidget(parent), m_state(new QLabel(this)), m_lastSync(new QLabel(this)),
      m_progress(new QProgressBar(this)), m_syncNow(new QToolButton(this)),
      m_issues(new QToolButton(this))
{
    m_progress->setRange(0, 0); // busy: a cycle's length is not known in advance
    m_progress->setMaximumWidth(120);
    m_progress->setTextVisible(false);
    m_progress->setAccessibleName(tr("Sync in progress"));
    m_syncNow->setText(tr("Sync now"));
    m_syncNow->setToolTip(tr("Send your changes and fetch the org's now (Ctrl+R)"));
    m_issues->setText(tr("Issues"));
    m_issues->setToolTip(tr("Records the org refused and conflicts"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QWidget *widget :
         std::initializer_list<QWidget *>{m_state, m_progress, m_lastSync, m_issues, m_syncNow}) {
        layout->addWidget(widget);
    }
    connect(m_issues, &QToolButton::clicked, this, &SyncStatusWidget::issuesRequested);
    refresh();
}

QString SyncStatusWidget::stateLabel(SyncScheduler::State state)
{
    switch (state) {
    case SyncScheduler::State::Offline:
        return tr("Offline: your marks are saved on this computer");
    case SyncScheduler::State::Idle:
        return tr("Up to date");
    case SyncScheduler::State::Syncing:
        return tr("Syncing…");
    case SyncScheduler::State::Error:
        return tr("Sync error");
    case SyncScheduler::State::NeedsSignIn:
        return tr("Sign in again to sync");
    }
    return {};
}

QString SyncStatusWidget::stateText(SyncScheduler::State state, int pending, int issues)
{
    if (pending <= 0) {
        return state == SyncScheduler::State::Idle && issues > 0
                   ? tr("Synced, except %n issue(s) to look at", nullptr, issues)
                   : stateLabel(state);
    }
    switch (state) {
    case SyncScheduler::State::Offline:
        return tr("Offline: %n change(s) saved on this computer", nullptr, pending);
    case SyncScheduler::State::Idle:
        return tr("%n change(s) waiting to sync", nullptr, pending);
    case SyncScheduler::State::Syncing:
        return tr("Syncing %n change(s)…", nullptr, pending);
    default:
        return tr("%1 · %n change(s) waiting", nullptr, pending).arg(stateLabel(state));
    }
}

QString SyncStatusWidget::stateText() const
{
    return m_state->text();
}

QString SyncStatusWidget::lastSyncText() const
{
    return m_lastSync->text();
}

int SyncStatusWidget::pendingCount() const
{
    return m_repository ? m_repository->store().pendingChangeCount() : 0;
}

int SyncStatusWidget::issueCount() const
{
    if (m_repository) {
        return SyncIssues(m_repository->store()).count();
    }
    const SyncReport report = m_scheduler ? m_scheduler->lastReport() : SyncReport();
    return report.failed + report.conflicts + report.held;
}

void SyncStatusWidget::showState(const QString &text, bool alarming)
{
    if (text == m_state->text()) {
        return;
    }
    m_state->setText(text);
    if (alarming) {
        ScreenReader::alert(m_state);
    } else {
        ScreenReader::statusChanged(m_state);
    }
    Q_EMIT announced(text, alarming);
}

void SyncStatusWidget::setRepository(Repository *repository)
{
    if (m_repository) {
        disconnect(&m_repository->store(), nullptr, this, nullptr);
    }
    m_repository = repository;
    if (repository) {
        connect(&repository->store(), &LocalStore::pendingChangeCountChanged, this,
                &SyncStatusWidget::refresh);
    }
    refresh();
}

void SyncStatusWidget::setScheduler(SyncScheduler *scheduler)
{
    if (m_scheduler) {
        disconnect(m_scheduler, nullptr, this, nullptr);
        disconnect(m_syncNow, nullptr, m_scheduler, nullptr);
    }
    m_scheduler = scheduler;
    if (scheduler) {
        connect(scheduler, &SyncScheduler::stateChanged, this, &SyncStatusWidget::refresh);
        connect(scheduler, &SyncScheduler::cycleFinished, this, &SyncStatusWidget::refresh);
        connect(scheduler, &SyncScheduler::phaseChanged, m_progress, &QProgressBar::setToolTip);
        connect(m_syncNow, &QToolButton::clicked, scheduler, &SyncScheduler::syncNow);
    }
    refresh();
}

void SyncStatusWidget::refresh()
{
    if (!m_scheduler) {
        const int pending = pendingCount();
        showState(pending > 0
                      ? tr("Not signed in: %n change(s) kept on this computer", nullptr, pending)
                      : tr("Not signed in: working offline"),
                  false);
        m_progress->hide();
        m_lastSync->clear();
        m_syncNow->setEnabled(false);
        m_issues->setVisible(false);
        return;
    }
    const SyncScheduler::State state = m_scheduler->state();
    const int issues = issueCount();
    const bool alarming = state == SyncScheduler::State::Offline ||
                          state == SyncScheduler::State::Error ||
                          state == SyncScheduler::State::NeedsSignIn ||
                          (state == SyncScheduler::State::Idle && issues > 0);
    showState(stateText(state, pendingCount(), issues), alarming);
    m_progress->setVisible(state == SyncScheduler::State::Syncing);
    m_syncNow->setEnabled(state != SyncScheduler::State::Syncing);
    QDateTime last = m_scheduler->lastSuccess();
    const QDateTime stored = m_repository ? m_repository->lastSyncAt() : QDateTime();
    if (stored.isValid() && (!last.isValid() || stored > last)) {
        last = stored;
    }
    m_lastSync->setText(
        last.isValid()
            ? tr("Last sync: %1").arg(QLocale().toString(last.toLocalTime(), QLocale::ShortFormat))
            : tr("Never synced"));
    const SyncReport report = m_scheduler->lastReport();
    m_issues->setVisible(issues > 0);
    m_issues->setText(tr("%n issue(s)", nullptr, issues));
    if (state == SyncScheduler::State::Error || state == SyncScheduler::State::Offline) {
        m_state->setToolTip(report.message);
    }
}

} // namespace pasalista
