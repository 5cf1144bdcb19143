#include "domainerror.h"

#include "logging.h"

namespace pasalista {

DomainError DomainError::refusal(Code code, const QString &message)
{
    DomainError error;
    error.code = code;
    error.message = message;
    qCDebug(lcDomain).noquote() << "refused:" << message;
    return error;
}

} // namespace pasalista
