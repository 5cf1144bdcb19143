#pragma once

#include "mapping.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace pasalista {

class RecordCodec;

// A field as the org's describe presents it: what a reply may carry in it.
struct FieldShape
{
    QString type; // describe's type: id, reference, date, datetime, boolean, double, string...
    bool nillable = true;
    int length = 0; // the most characters a text field holds; 0: not said
};

// The org's describe of every mapped object, as the checks of replies need it.
struct OrgShapes
{
    QHash<QString, QHash<QString, FieldShape>> fields; // object -> field -> shape
    QHash<QString, QString> keyPrefixes;               // object -> key prefix
};

// Checks each record a reply carries before it touches the store (issue 15): the Id is a
// well-formed Salesforce Id of the object's key prefix, lookups are Ids of their parent's,
// every value has its field's type, no text is longer than its field, dates and datetimes parse,
// and no stamp is after the org's own clock plus a small skew. A record that fails is refused with
// its reason; one that passes comes back with every Id in its 18-character form, so a 15-character
// Id and its 18-character form are the same record.
class RecordValidator
{
public:
    RecordValidator(const Mapping &mapping, const RecordCodec &codec, const OrgShapes &shapes);

    // The org's clock (the Date of its latest reply); invalid: stamps are not compared.
    void setOrgClock(const QDateTime &now);
    std::optional<QJsonObject> check(const QJsonObject &record, QString *reason);
    // Just the Id (deletions, reconciles): its 18-character form, or nothing.
    std::optional<QString> checkId(const QJsonValue &id, QString *reason);

    // A datetime as the API writes it (2024-03-15T10:00:00.000+0000); invalid for anything else.
    static QDateTime parseDateTime(const QString &text);
    static bool isDate(const QString &text);
    // How far ahead of the org's Date header a stamp may be (clocks of an org's servers).
    static constexpr int kClockSkewSeconds = 300;

private:
    enum class Kind
    {
        Id,
        Reference,
        Boolean,
        Number,
        Date,
        DateTime,
        Text,   // text of every kind: string, picklist, email, phone...
        Untyped // not described: anything but an object or an array
    };
    // What a query field may hold, worked out once per object rather than once per record.
    struct FieldCheck
    {
        QString field;
        FieldShape shape;
        Kind kind = Kind::Untyped;
        QString idObject; // Id and Reference: the object whose Ids it holds
        bool stamp = false;
    };

    FieldShape shapeOf(const QString &field) const;
    FieldCheck fieldCheck(const QString &field) const;
    // False with *reason when `value` does not fit; *normalized gets an Id's full form when
    // the value is not in it.
    bool checkValue(const FieldCheck &check, const QJsonValue &value, QString *normalized,
                    QString *reason);
    bool hasType(const FieldCheck &check, const QJsonValue &value, const QString &text,
                 QDateTime *stamp) const;
    // `text` is id.toString(), read once by the caller.
    std::optional<QString> checkIdOf(const QString &object, const QJsonValue &id,
                                     const QString &text, QString *reason);

    const RecordCodec &m_codec;
    QHash<QString, FieldShape> m_shapes;
    QHash<QString, QString> m_parentObject; // lookup field -> the object it points at
    QHash<QString, QString> m_prefixes;     // object -> key prefix, learned if not described
    QList<FieldCheck> m_checks;             // one per query field
    QDateTime m_orgNow;
    QDateTime m_latestStamp; // the org's clock plus the skew: no stamp may be later
};

} // namespace pasalista
