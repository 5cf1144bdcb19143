#include "windowstatekeeper.h"

#include "mainwindow.h"
#include "uilogging.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QEvent>
#include <QFileInfo>
#include <QSettings>

namespace pasalista {

WindowStateKeeper::WindowStateKeeper(MainWindow &window, const QString &storePath)
    : QObject(&window), m_window(window), m_courseKey(lastCourseKey(storePath))
{
    restore();
    m_window.installEventFilter(this);
    connect(qApp, &QCoreApplication::aboutToQuit, this, &WindowStateKeeper::save);
}

QString WindowStateKeeper::geometryKey()
{
    return QStringLiteral("window/geometry");
}

QString WindowStateKeeper::stateKey()
{
    return QStringLiteral("window/state");
}

QString WindowStateKeeper::tabKey()
{
    return QStringLiteral("window/tab");
}

QString WindowStateKeeper::lastCourseKey(const QString &storePath)
{
    const QByteArray hash =
        QCryptographicHash::hash(QFileInfo(storePath).absoluteFilePath().toUtf8(),
                                 QCryptographicHash::Sha256)
            .toHex()
            .left(16);
    return QStringLiteral("lastCourse/") + QString::fromLatin1(hash);
}

void WindowStateKeeper::restore()
{
    const QSettings settings;
    const QByteArray geometry = settings.value(geometryKey()).toByteArray();
    if (!geometry.isEmpty() && !m_window.restoreGeometry(geometry)) {
        qCDebug(lcUi) << "saved window geometry not usable";
    }
    const QByteArray state = settings.value(stateKey()).toByteArray();
    if (!state.isEmpty()) {
        m_window.restoreState(state);
    }
    const qint64 course = settings.value(m_courseKey).toLongLong();
    if (course > 0 && !m_window.selectCourse(course)) {
        qCDebug(lcUi) << "last course" << course << "no longer listed";
    }
    const int tab = settings.value(tabKey(), int(MainWindow::AttendanceTab)).toInt();
    const bool known = tab >= MainWindow::RosterTab && tab <= MainWindow::SummaryTab;
    m_window.showTab(known ? MainWindow::Tab(tab) : MainWindow::AttendanceTab);
}

void WindowStateKeeper::save() const
{
    QSettings settings;
    settings.setValue(geometryKey(), m_window.saveGeometry());
    settings.setValue(stateKey(), m_window.saveState());
    settings.setValue(tabKey(), int(m_window.currentTab()));
    if (m_window.currentCourseId() > 0) {
        settings.setValue(m_courseKey, m_window.currentCourseId());
    }
}

bool WindowStateKeeper::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == &m_window && event->type() == QEvent::Close) {
        save();
    }
    return QObject::eventFilter(watched, event);
}

} // namespace pasalista
