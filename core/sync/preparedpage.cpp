#include "preparedpage.h"

#include "sync/recordcodec.h"
#include "sync/recordvalidator.h"

#include <QThread>

namespace pasalista {

namespace {

// Records handed over at a time: one lock per batch, not per record, and the sync thread
// starts after the first batch, not after the page.
constexpr qsizetype kBatch = 50;

} // namespace

PreparedPage::PreparedPage(RecordValidator &validator, const RecordCodec &codec,
                           const QJsonArray &records)
    : m_validator(validator), m_codec(codec), m_records(records), m_prepared(size_t(records.size()))
{
    m_worker.reset(QThread::create([this] { prepareAll(); }));
    m_worker->start();
}

PreparedPage::~PreparedPage()
{
    m_stop.store(true);
    m_worker->wait();
}

void PreparedPage::prepareAll()
{
    const qsizetype count = m_records.size();
    for (qsizetype from = 0; from < count && !m_stop.load(std::memory_order_relaxed);
         from += kBatch) {
        const qsizetype until = std::min(count, from + kBatch);
        for (qsizetype i = from; i < until; ++i) {
            Record &record = m_prepared[size_t(i)];
            record.checked = m_validator.check(m_records.at(i).toObject(), &record.reason);
            if (record.checked) {
                record.columns = m_codec.toColumns(*record.checked);
            }
        }
        const QMutexLocker lock(&m_mutex);
        m_ready = until;
        m_progress.wakeOne();
    }
}

PreparedPage::Record *PreparedPage::next()
{
    if (m_next >= m_records.size()) {
        return nullptr;
    }
    if (m_knownReady <= m_next) {
        QMutexLocker lock(&m_mutex);
        while (m_ready <= m_next) {
            m_progress.wait(&m_mutex);
        }
        m_knownReady = m_ready;
    }
    return &m_prepared[size_t(m_next++)];
}

} // namespace pasalista
