#include "markallrunner.h"

#include "repository.h"
#include "store/localstore.h"
#include "uilogging.h"

#include <QThread>

#include <memory>

namespace pasalista {

MarkAllRunner::MarkAllRunner(const QString &databasePath, const Mapping &mapping, QObject *parent)
    : QObject(parent), m_databasePath(databasePath), m_mapping(mapping)
{
}

MarkAllRunner::~MarkAllRunner()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

void MarkAllRunner::start(qint64 courseId, const QDate &date, bool confirmOutsideDates)
{
    if (m_thread) {
        return;
    }
    auto result = std::make_shared<DomainError>();
    m_thread = QThread::create(
        [path = m_databasePath, mapping = m_mapping, courseId, date, confirmOutsideDates, result] {
            LocalStore store(mapping);
            if (!store.open(path)) {
                qCWarning(lcUi) << "mark all present cannot open the store:" << store.errorString();
                *result = {DomainError::Code::Storage, store.errorString()};
                return;
            }
            *result = Repository(store).markAllPresent(courseId, date, confirmOutsideDates);
        });
    connect(m_thread, &QThread::finished, this, [this, courseId, date, result] {
        m_thread->deleteLater();
        m_thread = nullptr;
        Q_EMIT finished(courseId, date, *result);
    });
    m_thread->start();
}

} // namespace pasalista
