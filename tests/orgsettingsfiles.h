#pragma once

// A user's settings file and a system-wide one (as the admin's), in a folder that vanishes
// after the test: for OrgSettings and the first-run dialog.
#include <QSettings>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace pasalista::test {

class OrgSettingsFiles : public ::testing::Test
{
protected:
    QTemporaryDir dir;
    QSettings user{dir.filePath(QStringLiteral("user.ini")), QSettings::IniFormat};
    QSettings system{dir.filePath(QStringLiteral("system.ini")), QSettings::IniFormat};
};

} // namespace pasalista::test
