#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QMutex>
#include <QVariantMap>
#include <QWaitCondition>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

class QThread;

namespace pasalista {

class RecordCodec;
class RecordValidator;

// One page of pulled records, checked (RecordValidator) and turned into local columns
// (RecordCodec) on a worker thread while the sync thread applies the records already
// prepared, in their order: the checks and the decoding of the reply's text overlap the
// writes to the store instead of adding to them. The worker touches only the validator,
// the codec and the page; the store stays with the sync thread. Whoever stops early (a
// store error) destroys the page, which stops and joins the worker.
class PreparedPage
{
public:
    struct Record
    {
        std::optional<QJsonObject> checked; // nothing: refused, for `reason`
        QString reason;
        QVariantMap columns;
    };

    // The validator is the worker's until the page is destroyed; its clock is set before.
    PreparedPage(RecordValidator &validator, const RecordCodec &codec, const QJsonArray &records);
    ~PreparedPage();
    PreparedPage(const PreparedPage &) = delete;
    PreparedPage &operator=(const PreparedPage &) = delete;

    // The next record in the page's order, once prepared; null after the last.
    Record *next();

private:
    void prepareAll();

    RecordValidator &m_validator;
    const RecordCodec &m_codec;
    const QJsonArray m_records;
    std::vector<Record> m_prepared;
    qsizetype m_next = 0;            // the sync thread's position
    qsizetype m_knownReady = 0;      // m_ready as the sync thread last read it
    qsizetype m_ready = 0;           // records prepared so far (guarded by m_mutex)
    std::atomic<bool> m_stop{false}; // the sync thread no longer reads
    QMutex m_mutex;
    QWaitCondition m_progress;
    std::unique_ptr<QThread> m_worker;
};

} // namespace pasalista
