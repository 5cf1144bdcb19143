#pragma once

class QWidget;

namespace pasalista {

// Tells assistive technology that a text on screen changed, so a screen reader reads it out
// without the teacher moving focus there (Qt 6.4 has no announcement event yet).
class ScreenReader
{
public:
    // A status that changed: its new name is read.
    static void statusChanged(QWidget *widget);
    // A problem the teacher should hear now (an error, the org out of reach).
    static void alert(QWidget *widget);
};

} // namespace pasalista
