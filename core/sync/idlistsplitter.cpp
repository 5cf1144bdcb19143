#include "idlistsplitter.h"

namespace pasalista {

QList<QStringList> IdListSplitter::split(const QStringList &ids, qsizetype encodedBudget)
{
    QList<QStringList> lists;
    qsizetype used = 0;
    for (const QString &id : ids) {
        if (lists.isEmpty() ||
            (used + encodedSize(id) > encodedBudget && !lists.last().isEmpty())) {
            lists.append(QStringList());
            used = 0;
        }
        lists.last().append(id);
        used += encodedSize(id);
    }
    return lists;
}

} // namespace pasalista
