#include "idlistsplitter.h"

#include <QUrl>

namespace pasalista {

QList<QStringList> IdListSplitter::split(const QStringList &ids, qsizetype encodedBudget)
{
    return split(ids, encodedBudget, &IdListSplitter::encodedSize);
}

QList<QStringList> IdListSplitter::splitLiterals(const QStringList &literals,
                                                 qsizetype encodedBudget)
{
    // A literal encoded, and the %2C after it.
    return split(literals, encodedBudget, [](const QString &literal) {
        return QUrl::toPercentEncoding(literal).size() + 3;
    });
}

QList<QStringList> IdListSplitter::split(const QStringList &items, qsizetype encodedBudget,
                                         const std::function<qsizetype(const QString &)> &sizeOf)
{
    QList<QStringList> lists;
    qsizetype used = 0;
    for (const QString &item : items) {
        const qsizetype size = sizeOf(item);
        if (lists.isEmpty() || (used + size > encodedBudget && !lists.last().isEmpty())) {
            lists.append(QStringList());
            used = 0;
        }
        lists.last().append(item);
        used += size;
    }
    return lists;
}

} // namespace pasalista
