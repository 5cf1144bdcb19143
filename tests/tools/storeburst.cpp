// Writes local edits as fast as it can until it is killed. After each committed edit it
// prints "committed <record id> <counter>" and flushes, so the test that kills it knows
// which edits the store must still have. With HEXKEY the store is opened with that key, as
// the app does after fetching it from the keychain (the migration kill test has it die
// while a plain store is encrypted, PASALISTA_TEST_ENCRYPT_ABORT_AT).
#include "mapping.h"
#include "store/localstore.h"
#include "store/storekeyring.h"

#include <QCoreApplication>
#include <QDate>

#include <cstdio>

using namespace pasalista;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: store-burst DATABASE [HEXKEY]\n");
        return 2;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    if (argc > 2) {
        StoreKeyRing::remember(path, QByteArray::fromHex(argv[2]));
    }
    LocalStore store(Mapping::dream());
    if (!store.open(path)) {
        std::fprintf(stderr, "%s\n", qPrintable(store.errorString()));
        return 1;
    }
    std::printf("ready\n");
    std::fflush(stdout);
    QList<qint64> ids;
    for (int counter = 1;; ++counter) {
        if (ids.isEmpty() || counter % 3 == 0) {
            const auto id = store.insertLocal(
                Role::Student, {{QStringLiteral("first_name__c"), QStringLiteral("Burst")},
                                {QStringLiteral("last_name__c"), QString::number(counter)},
                                {QStringLiteral("nickname__c"), QString::number(counter)},
                                {QStringLiteral("date_of_birth__c"), QDate(2012, 5, 1)}});
            if (!id) {
                return 1;
            }
            ids.append(*id);
            std::printf("committed %lld %d\n", static_cast<long long>(*id), counter);
        } else {
            const qint64 id = ids.at(counter % ids.size());
            if (!store.updateLocal(Role::Student, id,
                                   {{QStringLiteral("nickname__c"), QString::number(counter)}})) {
                return 1;
            }
            std::printf("committed %lld %d\n", static_cast<long long>(id), counter);
        }
        std::fflush(stdout);
    }
}
