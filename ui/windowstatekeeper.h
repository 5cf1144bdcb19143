#pragma once

#include <QObject>
#include <QString>

namespace pasalista {

class MainWindow;

// Remembers the main window between starts (QSettings): its geometry and dock/toolbar
// state under window/*, the last tab shown (the Attendance tab, its sheet taking the keys, on
// a first start), and the last course shown, per local store (course ids are local).
// Restores on construction, saves when the window closes and when the app quits.
class WindowStateKeeper : public QObject
{
    Q_OBJECT

public:
    WindowStateKeeper(MainWindow &window, const QString &storePath);

    static QString geometryKey();
    static QString stateKey();
    static QString tabKey();
    static QString lastCourseKey(const QString &storePath);

    void restore();
    void save() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    MainWindow &m_window;
    QString m_courseKey;
};

} // namespace pasalista
