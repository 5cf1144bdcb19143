#pragma once

#include "demoprogramme.h"
#include "store/localstore.h"

#include <QCoreApplication>
#include <QDate>

namespace pasalista {

// The demo programme (DemoProgramme's app flavour) in a fresh store, as if it had just synced
// from the org: three months of attendance ending yesterday, one course already ended.
// Records carry fake but well-formed Salesforce Ids and are written with insertSynced, so
// the outbox stays empty. The same seed and the same `today` give the same data.
class DemoData
{
    Q_DECLARE_TR_FUNCTIONS(DemoData)

public:
    using Counts = DemoProgramme::Counts;

    explicit DemoData(LocalStore &store, quint32 seed = 20240905);

    // Fills the store in one transaction. Refuses a store that already holds records.
    bool populate(const QDate &today = QDate::currentDate());
    const Counts &counts() const { return m_counts; }
    QString errorString() const { return m_error; }

    // True when no mapped table holds a row and the outbox is empty.
    static bool isEmpty(const LocalStore &store);
    // A fake 18-character Salesforce Id: 3-character prefix, serial, case-safe suffix.
    static QString fakeSalesforceId(const QString &prefix, qint64 serial);

private:
    // One record of the programme into the store, as if pulled; returns its fake Id.
    QString insert(Role role, QVariantMap fields);
    QVariantMap localValues(Role role, const QVariantMap &fields) const;
    bool fail(const QString &message);

    LocalStore &m_store;
    DemoProgramme m_programme;
    QString m_error;
    QString m_modstamp;
    Counts m_counts;
    QHash<QString, qint64> m_serials;  // per Id prefix
    QHash<QString, qint64> m_localIds; // by fake Id, for the local lookup columns
    QHash<QString, QString> m_keys;    // by fake Id, of the writable roles' records
};

} // namespace pasalista
