#pragma once

#include <QObject>
#include <QString>

#include <memory>

class QApplication;
class QSettings;

namespace pasalista {

class AccountManager;
class LocalStore;
class MainWindow;
class Repository;
class SyncScheduler;
class SyncStatusWidget;

// Everything `pasalista` does before the event loop: names, translations, the command line
// (--data-dir DIR, --demo, hidden --screenshot FILE and --tab NAME), opening the local store,
// seeding the demo programme, showing the main window.
class GuiLauncher : public QObject
{
    Q_OBJECT

public:
    explicit GuiLauncher(QObject *parent = nullptr);
    ~GuiLauncher() override;

    // Sets the application's names; call before anything reads QSettings or paths.
    static void setApplicationNames();

    // Quitting waits this long at most for work that must not be dropped (a revoke).
    static constexpr int kQuitBudgetMs = 1200;

    int run(QApplication &application);
    // Everything run() does before the event loop; false (the error shown) on failure.
    // Tests start the window in-process with their own arguments.
    bool start(QApplication &application, const QStringList &arguments);

    // The keychain service of the accounts (tests use one of their own); before start().
    void setKeychainService(const QString &service) { m_keychainService = service; }
    AccountManager *accounts() const { return m_accounts.get(); }
    SyncScheduler *scheduler() const { return m_scheduler.get(); }
    MainWindow *window() const { return m_window.get(); }

private:
    bool parseArguments(const QStringList &arguments);
    void ensureAccounts();
    bool storeKeyKnown() const;
    bool openAndShow(bool seedDemo);
    void openAndShowWhenTheKeyIsKnown(bool seedDemo);
    bool openStore();
    // Sign-in, sync and the account switcher around the window.
    void attachAccount();
    // The sync of the signed-in account, once its session is there (restored asynchronously).
    void startSync();
    void onSessionRestored(const QString &accountKey);
    void addSyncMenu();
    void addTrayIcon();
    void showSyncIssues();
    void onAccountChanged();
    void retireWindow();
    bool seedDemoIfEmpty();
    void showWindow();
    void takeScreenshot();
    void offerFirstSteps();
    bool askForOrgIfUnset();
    int fail(const QString &message);

    QString m_dataDirectory;
    QString m_screenshotPath;
    QString m_tab;
    bool m_demo = false;
    bool m_quitting = false; // the destructor waits for background work: nothing new starts
    QString m_error;
    QString m_keychainService = QStringLiteral("Pasalista");
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<AccountManager> m_accounts;
    std::unique_ptr<SyncScheduler> m_scheduler;
    SyncStatusWidget *m_syncStatus = nullptr;
    QString m_storePath;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<Repository> m_repository;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace pasalista
