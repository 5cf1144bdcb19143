#pragma once

#include <QDialog>

class QPushButton;

namespace pasalista {

// The first start (no account, nothing stored): says what Pasalista does and offers the two
// ways in, signing in to the organisation's Salesforce or exploring a demo programme, so
// nobody is left before an empty window wondering where to begin.
class WelcomeDialog : public QDialog
{
    Q_OBJECT

public:
    enum Choice
    {
        SignIn = 1,
        ExploreDemo = 2
    };

    explicit WelcomeDialog(QWidget *parent = nullptr);

    QPushButton *signInButton() const { return m_signIn; }
    QPushButton *demoButton() const { return m_demo; }

private:
    QPushButton *m_signIn;
    QPushButton *m_demo;
};

} // namespace pasalista
