#include "screenreader.h"

#include <QAccessible>
#include <QWidget>

namespace pasalista {

void ScreenReader::statusChanged(QWidget *widget)
{
    QAccessibleEvent event(widget, QAccessible::NameChanged);
    QAccessible::updateAccessibility(&event);
}

void ScreenReader::alert(QWidget *widget)
{
    statusChanged(widget);
    QAccessibleEvent event(widget, QAccessible::Alert);
    QAccessible::updateAccessibility(&event);
}

} // namespace pasalista
