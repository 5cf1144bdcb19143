#pragma once

#include <QIcon>

namespace pasalista {

// The app's icon at every rendered size (16–512 px), so that windows, the taskbar and
// high-DPI screens get a sharp one. The PNGs are compiled into the `pasalista` executable
// (installer/CMakeLists.txt); elsewhere, e.g. in tests, the icon is null.
class AppIcon
{
public:
    static QIcon icon();
};

} // namespace pasalista
