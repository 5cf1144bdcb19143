// The org admin's kit (issue 23): the Salesforce DX source under installer/salesforce/ is
// well-formed, and its External Client App, external IDs and "Pasalista Teacher" permission
// set match what the app does: the mapping's objects and fields, the sign-in's callbacks.
#include "auth/signinflow.h"

#include <QDirIterator>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QXmlStreamReader>
#include <gtest/gtest.h>

using namespace pasalista;

namespace {

const QString kKit = QStringLiteral(PASALISTA_SOURCE_DIR "/installer/salesforce");
const QString kMetadataNamespace = QStringLiteral("http://soap.sforce.com/2006/04/metadata");

QString source(const QString &path)
{
    return kKit + QStringLiteral("/force-app/main/default/") + path;
}

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
    return QJsonDocument::fromJson(file.readAll()).object();
}

// An element's children as name -> text, each repeated group (fieldPermissions...) as a list.
struct Element
{
    QHash<QString, QString> values;
    QHash<QString, QList<QHash<QString, QString>>> groups;
};

Element readMetadata(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open");
        return {};
    }
    QXmlStreamReader xml(&file);
    Element root;
    if (xml.readNextStartElement() && xml.namespaceUri() != kMetadataNamespace)
        *error = QStringLiteral("not in the metadata namespace");
    while (xml.readNextStartElement()) {
        const QString name = xml.name().toString();
        QString text;
        QHash<QString, QString> children;
        while (!xml.hasError() && !(xml.isEndElement() && xml.name() == name)) {
            xml.readNext();
            if (xml.isCharacters() && !xml.isWhitespace())
                text += xml.text();
            else if (xml.isStartElement())
                children.insert(xml.name().toString(), xml.readElementText());
        }
        if (children.isEmpty())
            root.values.insert(name, text);
        else
            root.groups[name].append(children);
    }
    while (!xml.atEnd())
        xml.readNext();
    if (xml.hasError())
        *error = xml.errorString();
    return root;
}

Element readMetadata(const QString &path)
{
    QString error;
    Element element = readMetadata(path, &error);
    EXPECT_TRUE(error.isEmpty()) << path.toStdString() << ": " << error.toStdString();
    return element;
}

// The org's schema as the emulator has it: fields every user can always read and write
// (required ones), where Salesforce refuses a permission set's field permission.
QSet<QString> requiredFields()
{
    const QJsonObject schema =
        readJson(QStringLiteral(PASALISTA_SOURCE_DIR "/tests/emulator/dream-schema.json"));
    QSet<QString> required;
    for (const QJsonValue &object : schema.value(QStringLiteral("objects")).toArray()) {
        const QString name = object.toObject().value(QStringLiteral("name")).toString();
        for (const QJsonValue &field :
             object.toObject().value(QStringLiteral("fields")).toArray()) {
            if (field.toObject().value(QStringLiteral("required")).toBool())
                required.insert(name + u'.' +
                                field.toObject().value(QStringLiteral("name")).toString());
        }
    }
    return required;
}

QJsonArray mappings()
{
    return readJson(QStringLiteral(PASALISTA_SOURCE_DIR "/resources/mappings/dream.json"))
        .value(QStringLiteral("mappings"))
        .toArray();
}

bool writable(const QJsonObject &mapping)
{
    return mapping.value(QStringLiteral("config"))
               .toObject()
               .value(QStringLiteral("access"))
               .toString() == QLatin1String("read_write");
}

} // namespace

TEST(AdminKit, EveryFileIsWellFormed)
{
    int files = 0;
    for (QDirIterator it(kKit, {QStringLiteral("*.xml")}, QDir::Files,
                         QDirIterator::Subdirectories);
         it.hasNext(); ++files) {
        QString error;
        readMetadata(it.next(), &error);
        EXPECT_TRUE(error.isEmpty()) << it.filePath().toStdString() << ": " << error.toStdString();
    }
    EXPECT_GE(files, 6);
    const QJsonObject project = readJson(kKit + QStringLiteral("/sfdx-project.json"));
    EXPECT_EQ(project.value(QStringLiteral("packageDirectories")).toArray().size(), 1);
}

TEST(AdminKit, ThePermissionSetCoversEveryMappedFieldAndNothingElse)
{
    const Element set = readMetadata(
        source(QStringLiteral("permissionsets/Pasalista_Teacher.permissionset-meta.xml")));
    EXPECT_EQ(set.values.value(QStringLiteral("label")), QStringLiteral("Pasalista Teacher"));
    QHash<QString, QHash<QString, QString>> fields;
    for (const auto &field : set.groups.value(QStringLiteral("fieldPermissions")))
        fields.insert(field.value(QStringLiteral("field")), field);
    QHash<QString, QHash<QString, QString>> objects;
    for (const auto &object : set.groups.value(QStringLiteral("objectPermissions")))
        objects.insert(object.value(QStringLiteral("object")), object);

    const QSet<QString> required = requiredFields();
    QSet<QString> mapped;
    for (const QJsonValue &value : mappings()) {
        const QJsonObject mapping = value.toObject();
        const QString object = mapping.value(QStringLiteral("object_name")).toString();
        const QString canWrite =
            writable(mapping) ? QStringLiteral("true") : QStringLiteral("false");
        ASSERT_TRUE(objects.contains(object)) << object.toStdString();
        EXPECT_EQ(objects[object].value(QStringLiteral("allowRead")), QStringLiteral("true"));
        for (const char *permission : {"allowCreate", "allowEdit", "allowDelete"})
            EXPECT_EQ(objects[object].value(QLatin1String(permission)), canWrite)
                << object.toStdString() << " " << permission;
        const QJsonObject mappedFields = mapping.value(QStringLiteral("config"))
                                             .toObject()
                                             .value(QStringLiteral("fields"))
                                             .toObject();
        for (const QString &field : mappedFields.keys()) {
            const QString name = object + u'.' + field;
            if (!field.endsWith(QLatin1String("__c")) || required.contains(name))
                continue; // standard fields come with the object; required ones are always open
            mapped.insert(name);
            ASSERT_TRUE(fields.contains(name))
                << "not in the permission set: " << name.toStdString();
            EXPECT_EQ(fields[name].value(QStringLiteral("readable")), QStringLiteral("true"));
            EXPECT_EQ(fields[name].value(QStringLiteral("editable")), canWrite)
                << name.toStdString();
        }
    }
    EXPECT_EQ(QSet<QString>(fields.keyBegin(), fields.keyEnd()), mapped) << "exactly the mapping";
    EXPECT_EQ(objects.size(), mappings().size());
}

TEST(AdminKit, EveryUpsertFieldIsAUniqueExternalId)
{
    for (const QJsonValue &value : mappings()) {
        const QJsonObject config = value.toObject().value(QStringLiteral("config")).toObject();
        const QString upsert = config.value(QStringLiteral("upsert_field")).toString();
        if (upsert.isEmpty())
            continue;
        const QString object = value.toObject().value(QStringLiteral("object_name")).toString();
        const Element field = readMetadata(
            source(QStringLiteral("objects/%1/fields/%2.field-meta.xml").arg(object, upsert)));
        EXPECT_EQ(field.values.value(QStringLiteral("externalId")), QStringLiteral("true"))
            << object.toStdString();
        EXPECT_EQ(field.values.value(QStringLiteral("unique")), QStringLiteral("true"))
            << object.toStdString();
    }
}

TEST(AdminKit, TheAppTakesTheSignInsCallbacksWithPkceAndRotation)
{
    const Element global = readMetadata(source(
        QStringLiteral("extlClntAppGlobalOauthSets/Pasalista_glbloauth.ecaGlblOauth-meta.xml")));
    QStringList callbacks;
    for (const quint16 port : SignInFlow::defaultCallbackPorts())
        callbacks.append(SignInFlow::callbackUrl(port).toString());
    EXPECT_EQ(global.values.value(QStringLiteral("callbackUrl")).split(u'\n'), callbacks);
    EXPECT_EQ(global.values.value(QStringLiteral("isPkceRequired")), QStringLiteral("true"));
    EXPECT_EQ(global.values.value(QStringLiteral("isRefreshTokenRotationEnabled")),
              QStringLiteral("true"));
    const Element oauth = readMetadata(
        source(QStringLiteral("extlClntAppOauthSettings/Pasalista_oauth.ecaOauth-meta.xml")));
    EXPECT_EQ(oauth.values.value(QStringLiteral("commaSeparatedOauthScopes")),
              QStringLiteral("Api,RefreshToken"));
    const Element policies = readMetadata(source(
        QStringLiteral("extlClntAppOauthPolicies/Pasalista_oauthPlcy.ecaOauthPlcy-meta.xml")));
    EXPECT_EQ(policies.values.value(QStringLiteral("commaSeparatedPermissionSet")),
              QStringLiteral("Pasalista_Teacher"));
}
