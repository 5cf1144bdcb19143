#include "demodata.h"

#include "logging.h"
#include "repository.h"
#include "roletable.h"
#include "store/outbox.h"
#include "sync/salesforceid.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QUuid>

namespace pasalista {

namespace {

// Keys of demo records derive from their fake Ids, so the same seed gives the same keys.
const QUuid kDemoNamespace(QStringLiteral("0b6f3c43-5f4e-4c43-9a8e-6c1d2a7e9f10"));

// Key prefixes of the fake Ids, in the order of the Role enum.
QString idPrefix(Role role)
{
    static const char *const prefixes[] = {"a0T", "a0P", "a0C", "a0S", "a0E", "a0A"};
    return QString::fromLatin1(prefixes[int(role)]);
}

} // namespace

DemoData::DemoData(LocalStore &store, quint32 seed)
    : m_store(store), m_programme(store.mapping(), seed, DemoProgramme::Options::appDemo())
{
}

bool DemoData::fail(const QString &message)
{
    m_error = message;
    qCWarning(lcDomain).noquote() << "demo data:" << message;
    return false;
}

QString DemoData::fakeSalesforceId(const QString &prefix, qint64 serial)
{
    return SalesforceId::fromCounter(prefix, QStringLiteral("5e0"), quint64(serial));
}

bool DemoData::isEmpty(const LocalStore &store)
{
    if (!Outbox(store).isEmpty()) {
        return false;
    }
    QStringList tables;
    for (Role role : allRoles()) {
        tables.append(store.mapping().table(role));
    }
    for (const QString &table : std::as_const(tables)) {
        QSqlQuery query(store.database());
        if (!query.exec(QStringLiteral("SELECT 1 FROM ") + RoleTable::quote(table) +
                        QStringLiteral(" LIMIT 1")) ||
            query.next()) {
            return false;
        }
    }
    return true;
}

// API field names become local columns; a lookup also gets the parent's local row id.
QVariantMap DemoData::localValues(Role role, const QVariantMap &fields) const
{
    QVariantMap values;
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        values.insert(ObjectMapping::columnFor(it.key()), it.value());
    }
    for (const auto &lookup : Mapping::lookupsOf(role)) {
        const QString column = m_store.mapping().column(role, lookup.first);
        const qint64 parentId = m_localIds.value(values.value(column).toString());
        if (!column.isEmpty() && parentId != 0) {
            values.insert(LocalStore::refColumn(column), parentId);
        }
    }
    return values;
}

QString DemoData::insert(Role role, QVariantMap fields)
{
    const QString prefix = idPrefix(role);
    const QString sfid = fakeSalesforceId(prefix, ++m_serials[prefix]);
    QVariantMap values = localValues(role, fields);
    values.insert(QStringLiteral("sfid"), sfid);
    values.insert(QStringLiteral("systemmodstamp"), m_modstamp);
    values.insert(QStringLiteral("isdeleted"), 0);
    if (role == Role::Attendance) {
        // A mark's key derives from its enrollment's key and its date, as the app makes it.
        const QString enrollment =
            fields.value(m_store.mapping().field(role, QStringLiteral("enrollment"))).toString();
        const QDate date =
            fields.value(m_store.mapping().field(role, QStringLiteral("date"))).toDate();
        values.insert(RoleTable::keyColumnName(),
                      Repository::attendanceKey(m_keys.value(enrollment), date));
    } else if (m_store.mapping().objectFor(role).writable) {
        values.insert(RoleTable::keyColumnName(),
                      QUuid::createUuidV5(kDemoNamespace, sfid).toString(QUuid::WithoutBraces));
        m_keys.insert(sfid, values.value(RoleTable::keyColumnName()).toString());
    }
    const auto id = m_store.insertSynced(role, values);
    if (!id) {
        fail(m_store.errorString());
        return {};
    }
    m_localIds.insert(sfid, *id);
    return sfid;
}

bool DemoData::populate(const QDate &today)
{
    if (!m_store.isOpen()) {
        return fail(tr("The local store is not open."));
    }
    if (!isEmpty(m_store)) {
        return fail(tr("The local store already holds data; demo data goes only into a new, "
                       "empty store."));
    }
    QElapsedTimer timer;
    timer.start();
    m_modstamp = QDateTime(today.addDays(-1), QTime(22, 0), Qt::UTC).toString(Qt::ISODateWithMs);
    if (!m_store.begin()) {
        return fail(m_store.errorString());
    }
    const bool filled = m_programme.write(
        [this](Role role, const QVariantMap &fields) { return insert(role, fields); }, today);
    if (!filled || !m_store.commit()) {
        if (filled) {
            fail(m_store.errorString());
        }
        m_store.rollback();
        m_counts = {};
        return false;
    }
    m_counts = m_programme.counts();
    qCInfo(lcDomain) << "demo data:" << m_counts.students << "students," << m_counts.attendance
                     << "attendance records in" << timer.elapsed() << "ms";
    return true;
}

} // namespace pasalista
