#include "guilauncher.h"

#include "cli/clirunner.h"
#include "demodata.h"
#include "localstore.h"
#include "mainwindow.h"
#include "repository.h"
#include "uilanguage.h"
#include "uilogging.h"
#include "windowstatekeeper.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QMessageBox>
#include <QTimer>

namespace pasalista {

GuiLauncher::GuiLauncher(QObject *parent) : QObject(parent) {}

GuiLauncher::~GuiLauncher() = default;

void GuiLauncher::setApplicationNames()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Pasalista"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("pasalista.org"));
    QCoreApplication::setApplicationName(QStringLiteral("pasalista"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PASALISTA_VERSION));
}

// The same folder and file as pasalista-cli, so both open one store.
QString GuiLauncher::defaultDataDirectory()
{
    return CliRunner::defaultDataDir();
}

QString GuiLauncher::storePath(const QString &dataDirectory)
{
    return CliRunner::storePath(dataDirectory);
}

int GuiLauncher::run(QApplication &application)
{
    setApplicationNames();
    QGuiApplication::setApplicationDisplayName(tr("Pasalista"));
    UiLanguage::install(application);
    if (!parseArguments(application)) {
        return fail(m_error);
    }
    if (!openStore() || (m_demo && !seedDemoIfEmpty())) {
        return fail(m_error);
    }
    showWindow();
    return QApplication::exec();
}

bool GuiLauncher::parseArguments(QApplication &application)
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
    parser.process(application);

    m_dataDirectory = parser.isSet(dataDir) ? parser.value(dataDir) : defaultDataDirectory();
    m_demo = parser.isSet(demo);
    m_screenshotPath = parser.value(screenshot);
    m_tab = parser.value(tab);
    if (!QDir().mkpath(m_dataDirectory)) {
        m_error = tr("Cannot create the data folder %1.").arg(m_dataDirectory);
        return false;
    }
    return true;
}

bool GuiLauncher::openStore()
{
    m_store = std::make_unique<LocalStore>(Mapping::dream());
    const QString path = storePath(m_dataDirectory);
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
    m_window = std::make_unique<MainWindow>(*m_repository);
    if (m_screenshotPath.isEmpty()) {
        new WindowStateKeeper(*m_window, storePath(m_dataDirectory)); // geometry, last course
    }
    const QStringList tabs = {QStringLiteral("roster"), QStringLiteral("attendance"),
                              QStringLiteral("summary")};
    if (tabs.contains(m_tab)) {
        m_window->showTab(MainWindow::Tab(tabs.indexOf(m_tab)));
    }
    m_window->show();
    if (!m_screenshotPath.isEmpty()) {
        QTimer::singleShot(800, this, &GuiLauncher::takeScreenshot);
    }
}

void GuiLauncher::takeScreenshot()
{
    if (!m_window->grab().save(m_screenshotPath)) {
        qCWarning(lcUi) << "cannot save the screenshot to" << m_screenshotPath;
    }
    QCoreApplication::quit();
}

int GuiLauncher::fail(const QString &message)
{
    qCCritical(lcUi).noquote() << message;
    QMessageBox::critical(nullptr, tr("Pasalista"), message);
    return 1;
}

} // namespace pasalista
