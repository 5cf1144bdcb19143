#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace pasalista {

class LocalStore;

// The text behind "Copy diagnostics": what a helper needs to understand a teacher's problem
// (version, Qt, operating system, locale, paths, local store size and the changes waiting
// to sync) and nothing secret — no token, no keychain content, no org address, no record.
// The labels stay in English on purpose: the text is read by whoever supports the app.
class Diagnostics
{
public:
    using Lines = QList<QPair<QString, QString>>;

    // `extra` lines (the GUI adds its platform plugin and screens) go after the app's.
    static QString text(const LocalStore *store, const Lines &extra = {});
    static Lines application();
    static Lines paths();
    static Lines storeStatistics(const LocalStore &store);

private:
    static void append(QString &text, const QString &heading, const Lines &lines);
};

} // namespace pasalista
