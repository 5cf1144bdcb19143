// Opens a store with a key given in hex, as the app does after fetching it from the keychain,
// and exits: the migration kill test runs it with PASALISTA_TEST_ENCRYPT_ABORT_AT set, so
// that it dies at a chosen step of encrypting a plain store in place.
#include "mapping.h"
#include "store/localstore.h"
#include "store/storekeyring.h"

#include <QCoreApplication>

#include <cstdio>

using namespace pasalista;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 3) {
        std::fprintf(stderr, "usage: store-open DATABASE HEXKEY\n");
        return 2;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    StoreKeyRing::remember(path, QByteArray::fromHex(argv[2]));
    LocalStore store(Mapping::dream());
    if (!store.open(path)) {
        std::fprintf(stderr, "%s\n", qPrintable(store.errorString()));
        return 1;
    }
    std::printf("opened\n");
    return 0;
}
