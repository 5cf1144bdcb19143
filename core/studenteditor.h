#pragma once

#include "domainerror.h"
#include "records.h"

#include <QCoreApplication>

namespace pasalista {

class LocalStore;
class Mapping;
class Repository;

// Repository's student writes: validation against the org's rules, creation and edits.
class StudentEditor
{
    Q_DECLARE_TR_FUNCTIONS(pasalista::Repository)

public:
    explicit StudentEditor(Repository &repository);

    // Required: first and last name, date of birth, phone 1 (as the org requires), a valid
    // sex/language picklist value when given.
    static DomainError validate(const Mapping &mapping, const Student &student);
    DomainError create(const Student &student, qint64 *id);
    DomainError update(const Student &student);

private:
    Repository &m_repository;
    LocalStore &m_store;
};

} // namespace pasalista
