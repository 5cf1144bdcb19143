#include "guilauncher.h"

#include "accountswitcher.h"
#include "appicon.h"
#include "apppaths.h"
#include "auth/accountmanager.h"
#include "auth/orgsettings.h"
#include "auth/session.h"
#include "auth/storekeys.h"
#include "demodata.h"
#include "mainwindow.h"
#include "orgsetupdialog.h"
#include "privatefiles.h"
#include "repository.h"
#include "store/localstore.h"
#include "store/storekeyring.h"
#include "sync/syncscheduler.h"
#include "syncissuesdialog.h"
#include "syncstatuswidget.h"
#include "uilanguage.h"
#include "uilogging.h"
#include "welcomedialog.h"
#include "windowstatekeeper.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QDir>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTimer>

namespace pasalista {

GuiLauncher::GuiLauncher(QObject *parent) : QObject(parent) {}

GuiLauncher::~GuiLauncher()
{
    // Quitting ends the process within 2 s (issue 13), whatever the network does.
    const QDeadlineTimer quitting(kQuitBudgetMs);
    // Nothing reopens a window or starts a sync while the wait below spins the event loop.
    m_quitting = true;
    if (m_accounts) {
        m_accounts->disconnect(this);
    }
    // The sync thread stops before the store and the session it uses go away.
    m_scheduler.reset();
    // A sign-out's revoke still on its way gets what is left; if the org has not answered by
    // then, the token stays in the keychain and is revoked at the next start.
    if (m_accounts) {
        m_accounts->finishBackgroundWork(static_cast<int>(quitting.remainingTime()));
    }
}

void GuiLauncher::setApplicationNames()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Pasalista"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("pasalista.org"));
    QCoreApplication::setApplicationName(QStringLiteral("pasalista"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PASALISTA_VERSION));
}

int GuiLauncher::run(QApplication &application)
{
    return start(application, QCoreApplication::arguments()) ? QApplication::exec() : 1;
}

bool GuiLauncher::start(QApplication &application, const QStringList &arguments)
{
    setApplicationNames();
    QGuiApplication::setApplicationDisplayName(tr("Pasalista"));
    UiLanguage::install(application);
    if (!parseArguments(arguments)) {
        fail(m_error);
        return false;
    }
    ensureAccounts();
    if (!storeKeyKnown()) {
        openAndShowWhenTheKeyIsKnown(m_demo);
        return true;
    }
    if (!openAndShow(m_demo)) {
        fail(m_error);
        return false;
    }
    return true;
}

bool GuiLauncher::parseArguments(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Take attendance offline and sync it with Salesforce."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     tr("Keep the local store in <directory>."), tr("directory"));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  tr("Fill an empty store with a demo programme."));
    QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                  tr("Save a picture of the window to <file> and quit."),
                                  tr("file"));
    screenshot.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption tab(QStringLiteral("tab"), tr("Open on tab <name>."), tr("name"));
    tab.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({dataDir, demo, screenshot, tab});
    parser.process(arguments);

    m_dataDirectory = parser.isSet(dataDir) ? parser.value(dataDir) : AppPaths::dataDir();
    m_demo = parser.isSet(demo);
    m_screenshotPath = parser.value(screenshot);
    m_tab = parser.value(tab);
    if (!PrivateFiles::makeFolder(m_dataDirectory)) {
        m_error = tr("Cannot create the data folder %1.").arg(m_dataDirectory);
        return false;
    }
    return true;
}

void GuiLauncher::ensureAccounts()
{
    if (!m_accounts) {
        m_settings = std::make_unique<QSettings>();
        m_accounts =
            std::make_unique<AccountManager>(m_settings.get(), m_dataDirectory, m_keychainService);
        connect(m_accounts.get(), &AccountManager::currentAccountChanged, this,
                &GuiLauncher::onAccountChanged, Qt::QueuedConnection);
        // Signing out: the sync stops (and lets go of the session) before the session goes;
        // the org is told in the background, the window does not wait for it.
        m_accounts->setRevokeInBackground(true);
        m_accounts->resumePendingRevocations(); // those an earlier run could not finish
        connect(m_accounts.get(), &AccountManager::signedOut, this, &GuiLauncher::onAccountChanged,
                Qt::QueuedConnection);
        connect(
            m_accounts.get(), &AccountManager::aboutToSignOut, this,
            [this] {
                if (m_scheduler)
                    m_scheduler->stop();
            },
            Qt::DirectConnection);
    }
}

// Issue 24: whether the store can open now: no account (the offline store), or the key of
// the account's encrypted store already fetched.
bool GuiLauncher::storeKeyKnown() const
{
    const QString account = m_accounts->currentAccountKey();
    return account.isEmpty() || !StoreKeyRing::keyFor(m_accounts->databasePath(account)).isEmpty();
}

bool GuiLauncher::openAndShow(bool seedDemo)
{
    if (!openStore() || (seedDemo && !seedDemoIfEmpty())) {
        return false;
    }
    showWindow();
    return true;
}

// The key comes from the keychain later, without a nested event loop on this thread: the
// store opens and the window shows then, or the app says why it cannot and quits.
void GuiLauncher::openAndShowWhenTheKeyIsKnown(bool seedDemo)
{
    const QString account = m_accounts->currentAccountKey();
    StoreKeys::unlockAsync(m_accounts->tokenStore(), account, m_accounts->databasePath(account),
                           [this, seedDemo](bool unlocked, const QString &error) {
                               if (m_quitting) {
                                   return;
                               }
                               if (!unlocked) {
                                   m_error = error;
                               }
                               if (!unlocked || !openAndShow(seedDemo)) {
                                   fail(m_error);
                                   QCoreApplication::quit();
                               }
                           });
}

bool GuiLauncher::openStore()
{
    ensureAccounts();
    // Signed in: the account's own store, readable offline whether or not the session comes
    // back. Never signed in: the offline store (and the demo).
    // Signed out (her data kept, locked): the window opens as when nobody is signed in, and
    // offers to sign her in again; nothing of hers is read until she does.
    const QString account = m_accounts->isLocked() ? QString() : m_accounts->currentAccountKey();
    // The keychain answers later (no nested event loop here): the sync starts then.
    if (!account.isEmpty() && !m_accounts->isSignedIn(account)) {
        m_accounts->restoreSessionAsync(account, [this, account](AccountManager::RestoreResult r) {
            if (r == AccountManager::RestoreResult::Restored) {
                onSessionRestored(account);
            }
        });
    }
    m_store = std::make_unique<LocalStore>(Mapping::dream());
    const QString path = account.isEmpty() ? AppPaths::storePath(m_dataDirectory)
                                           : m_accounts->databasePath(account);
    m_storePath = path;
    if (!m_store->open(path)) {
        m_error = tr("Cannot open the local store %1: %2").arg(path, m_store->errorString());
        return false;
    }
    qCInfo(lcUi) << "local store" << path;
    m_repository = std::make_unique<Repository>(*m_store);
    return true;
}

bool GuiLauncher::seedDemoIfEmpty()
{
    if (!DemoData::isEmpty(*m_store)) {
        qCInfo(lcUi) << "store not empty; demo data not added";
        return true;
    }
    DemoData demo(*m_store);
    if (!demo.populate()) {
        m_error = tr("Cannot add the demo programme: %1").arg(demo.errorString());
        return false;
    }
    return true;
}

void GuiLauncher::showWindow()
{
    // Courses are read in a thread of their own: a course of 5,000 never freezes the window.
    m_window = std::make_unique<MainWindow>(*m_repository, MainWindow::Loading::InBackground);
    if (m_screenshotPath.isEmpty()) {
        new WindowStateKeeper(*m_window,
                              AppPaths::storePath(m_dataDirectory)); // geometry, last course
    }
    const QStringList tabs = {QStringLiteral("roster"), QStringLiteral("attendance"),
                              QStringLiteral("summary")};
    if (tabs.contains(m_tab)) {
        m_window->showTab(MainWindow::Tab(tabs.indexOf(m_tab)));
    }
    attachAccount();
    m_window->show();
    if (!m_screenshotPath.isEmpty()) {
        QTimer::singleShot(800, this, &GuiLauncher::takeScreenshot);
    } else if (m_accounts->currentAccountKey().isEmpty() && DemoData::isEmpty(*m_store)) {
        QTimer::singleShot(0, this, &GuiLauncher::offerFirstSteps);
    }
}

// The very first start: an empty window would not say that one signs in from the status bar.
void GuiLauncher::offerFirstSteps()
{
    if (m_quitting) {
        return;
    }
    WelcomeDialog welcome(m_window.get());
    const int choice = welcome.exec();
    if (choice == WelcomeDialog::SignIn) {
        auto *switcher = m_window->findChild<AccountSwitcher *>();
        if (switcher && askForOrgIfUnset()) {
            switcher->signIn(
                OrgSettings(m_settings.get(), OrgSettings::systemFile().get()).loginUrl());
        }
    } else if (choice == WelcomeDialog::ExploreDemo) {
        if (!seedDemoIfEmpty()) {
            QMessageBox::warning(m_window.get(), tr("Pasalista"), m_error);
            return;
        }
        m_window->refresh();
    }
}

// The first run without an org configured (by the admin's system-wide file or an earlier
// run): its login address and consumer key, before the first sign-in.
bool GuiLauncher::askForOrgIfUnset()
{
    const std::unique_ptr<QSettings> system = OrgSettings::systemFile();
    OrgSettings org(m_settings.get(), system.get());
    if (org.isComplete()) {
        return true;
    }
    OrgSetupDialog dialog(org, m_window.get());
    if (dialog.exec() != QDialog::Accepted) {
        return false;
    }
    m_accounts->setClientId(org.clientId());
    return true;
}

void GuiLauncher::takeScreenshot()
{
    if (m_window->isLoading()) { // the picture shows the rows, not "Loading…"
        QTimer::singleShot(50, this, &GuiLauncher::takeScreenshot);
        return;
    }
    if (!m_window->grab().save(m_screenshotPath)) {
        qCWarning(lcUi) << "cannot save the screenshot to" << m_screenshotPath;
    }
    QCoreApplication::quit();
}

void GuiLauncher::attachAccount()
{
    m_syncStatus = new SyncStatusWidget(m_window.get());
    m_syncStatus->setRepository(m_repository.get());
    m_window->pendingLabel()->hide(); // the sync corner counts the changes waiting now
    auto *switcher = new AccountSwitcher(m_accounts.get(), m_window.get());
    m_window->statusBar()->addPermanentWidget(m_syncStatus);
    m_window->statusBar()->addPermanentWidget(switcher);
    connect(m_syncStatus, &SyncStatusWidget::issuesRequested, this, &GuiLauncher::showSyncIssues);
    // Deleting an account's data: its store must be closed before the signal returns.
    connect(
        switcher, &AccountSwitcher::aboutToDeleteLocalData, this,
        [this](const QString &) { retireWindow(); }, Qt::DirectConnection);
    addSyncMenu();
    startSync();
}

void GuiLauncher::onSessionRestored(const QString &accountKey)
{
    if (!m_quitting && m_window && accountKey == m_accounts->currentAccountKey()) {
        startSync();
    }
}

void GuiLauncher::startSync()
{
    const std::shared_ptr<Session> session = m_accounts->session();
    if (!session || m_scheduler) {
        return;
    }
    if (auto *now = m_window->findChild<QAction *>(QStringLiteral("sync-now"))) {
        now->setEnabled(true);
    }
    m_scheduler = std::make_unique<SyncScheduler>(m_storePath, m_store->mapping(), session);
    m_syncStatus->setScheduler(m_scheduler.get());
    m_scheduler->startStreaming(); // office changes arrive as events while the window is open
    connect(m_repository.get(), &Repository::dataChanged, m_scheduler.get(),
            &SyncScheduler::localEditMade);
    connect(m_scheduler.get(), &SyncScheduler::cycleFinished, m_window.get(), &MainWindow::refresh);
    connect(
        m_scheduler.get(), &SyncScheduler::stateChanged, this, [this](SyncScheduler::State state) {
            if (state == SyncScheduler::State::NeedsSignIn) {
                m_window->showMessage(tr(
                    "The org ended your session: sign in again to sync. Your changes are kept."));
            }
        });
    addTrayIcon();
    if (m_screenshotPath.isEmpty()) {
        QTimer::singleShot(0, m_scheduler.get(), &SyncScheduler::syncNow); // catch up at start
    }
}

void GuiLauncher::addTrayIcon()
{
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
        return;
    }
    // The tray shows the sync state while the window is hidden or minimised.
    auto *tray = new QSystemTrayIcon(AppIcon::icon(), m_window.get());
    auto *menu = new QMenu(m_window.get());
    connect(menu->addAction(tr("Show Pasalista")), &QAction::triggered, m_window.get(), [this] {
        m_window->showNormal();
        m_window->raise();
        m_window->activateWindow();
    });
    connect(menu->addAction(tr("Sync now")), &QAction::triggered, m_scheduler.get(),
            &SyncScheduler::syncNow);
    connect(menu->addAction(tr("Quit")), &QAction::triggered, qApp, &QCoreApplication::quit);
    tray->setContextMenu(menu);
    const auto update = [this, tray] {
        tray->setToolTip(tr("Pasalista — %1; %n change(s) waiting to sync", nullptr,
                            m_store->pendingChangeCount())
                             .arg(SyncStatusWidget::stateLabel(m_scheduler->state())));
    };
    connect(m_scheduler.get(), &SyncScheduler::stateChanged, tray, update);
    connect(m_store.get(), &LocalStore::pendingChangeCountChanged, tray, update);
    update();
    tray->show();
}

void GuiLauncher::addSyncMenu()
{
    QMenuBar *bar = m_window->menuBar();
    auto *menu = new QMenu(tr("&Sync"), bar);
    QAction *now = menu->addAction(tr("Sync &now"));
    now->setObjectName(QStringLiteral("sync-now"));
    now->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    now->setEnabled(m_accounts->isSignedIn());
    connect(now, &QAction::triggered, this, [this] {
        if (m_scheduler) {
            m_scheduler->syncNow();
        }
    });
    connect(menu->addAction(tr("Sync &issues…")), &QAction::triggered, this,
            &GuiLauncher::showSyncIssues);
    const QList<QAction *> menus = bar->actions();
    bar->insertMenu(menus.isEmpty() ? nullptr : menus.last(), menu); // before Help
}

void GuiLauncher::showSyncIssues()
{
    SyncIssuesDialog dialog(*m_store, m_window.get());
    connect(&dialog, &SyncIssuesDialog::issuesSettled, m_window.get(), &MainWindow::refresh);
    connect(&dialog, &SyncIssuesDialog::markRequested, m_window.get(), &MainWindow::showMark);
    if (m_scheduler) {
        // A correction goes out while the window is open, and leaves the list once the org
        // has taken it.
        connect(&dialog, &SyncIssuesDialog::issuesSettled, m_scheduler.get(),
                &SyncScheduler::localEditMade);
        connect(m_scheduler.get(), &SyncScheduler::cycleFinished, &dialog,
                &SyncIssuesDialog::reload);
    }
    dialog.exec();
    if (m_scheduler) {
        m_scheduler->localEditMade();
    }
}

void GuiLauncher::retireWindow()
{
    m_scheduler.reset();
    if (m_store) {
        m_store->close();
    }
    if (!m_window) {
        return;
    }
    // The signal that got us here comes from inside the window, so it goes later; its
    // models keep using the repository until then, so that goes with it.
    struct Retired
    {
        std::unique_ptr<LocalStore> store;
        std::unique_ptr<Repository> repository;
    };
    auto retired = std::make_shared<Retired>();
    retired->store = std::move(m_store);
    retired->repository = std::move(m_repository);
    MainWindow *window = m_window.release();
    connect(window, &QObject::destroyed, this, [retired]() mutable { retired.reset(); });
    window->hide();
    window->deleteLater();
}

void GuiLauncher::onAccountChanged()
{
    // Another account, or none: its own store, its own sync, a fresh window.
    retireWindow();
    QTimer::singleShot(0, this, [this] {
        if (m_quitting) {
            return;
        }
        if (!storeKeyKnown()) {
            openAndShowWhenTheKeyIsKnown(false);
        } else if (!openAndShow(false)) {
            fail(m_error);
            QCoreApplication::quit();
        }
    });
}

int GuiLauncher::fail(const QString &message)
{
    qCCritical(lcUi).noquote() << message;
    QMessageBox::critical(nullptr, tr("Pasalista"), message);
    return 1;
}

} // namespace pasalista
