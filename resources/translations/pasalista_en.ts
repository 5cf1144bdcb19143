<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- English plural forms only (Qt's "plurals only" catalogue): the source text says
     "change(s)"; this turns it into "1 change" and "26 changes". Kept by hand: every %n
     message of pasalista_es.ts has its entry here (tests/test_translations checks it). -->
<TS version="2.1" language="en">
<context>
    <name>CliRunner</name>
    <message numerus="yes">
        <source>%1 takes %n argument(s).</source>
        <translation>
            <numerusform>%1 takes %n argument.</numerusform>
            <numerusform>%1 takes %n arguments.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n student(s)</source>
        <translation>
            <numerusform>%1: %n student</numerusform>
            <numerusform>%1: %n students</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to sync.</source>
        <translation>
            <numerusform>%n change waiting to sync.</numerusform>
            <numerusform>%n changes waiting to sync.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n attendance record(s) to %1.</source>
        <translation>
            <numerusform>Wrote %n attendance record to %1.</numerusform>
            <numerusform>Wrote %n attendance records to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message numerus="yes">
        <source>%n mark(s) with code ‘%1’ are not counted: set the code&apos;s meaning in the mapping.</source>
        <translation>
            <numerusform>%n mark with code ‘%1’ is not counted: set the code&apos;s meaning in the mapping.</numerusform>
            <numerusform>%n marks with code ‘%1’ are not counted: set the code&apos;s meaning in the mapping.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncIssueText</name>
    <message numerus="yes">
        <source>%1 is too long for the org: it takes at most %n characters. Shorten it where you wrote it, then send it again.</source>
        <translation>
            <numerusform>%1 is too long for the org: it takes at most %n character. Shorten it where you wrote it, then send it again.</numerusform>
            <numerusform>%1 is too long for the org: it takes at most %n characters. Shorten it where you wrote it, then send it again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pasalista::AuthCommands</name>
    <message numerus="yes">
        <source>Wrote %n mark(s) not sent yet to %1.</source>
        <translation>
            <numerusform>Wrote %n mark not sent yet to %1.</numerusform>
            <numerusform>Wrote %n marks not sent yet to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) on this computer have not been synced yet. Sync first, or add --discard-unsynced-changes to delete them.</source>
        <translation>
            <numerusform>%n change on this computer has not been synced yet. Sync first, or add --discard-unsynced-changes to delete it.</numerusform>
            <numerusform>%n changes on this computer have not been synced yet. Sync first, or add --discard-unsynced-changes to delete them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pasalista::ClockSkew</name>
    <message numerus="yes">
        <source>This computer&apos;s clock is %n minute(s) off the org&apos;s clock; set its date and time right.</source>
        <translation>
            <numerusform>This computer&apos;s clock is %n minute off the org&apos;s clock; set its date and time right.</numerusform>
            <numerusform>This computer&apos;s clock is %n minutes off the org&apos;s clock; set its date and time right.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pasalista::DoctorCommand</name>
    <message numerus="yes">
        <source>A sync would fail: %n problem(s) to fix.</source>
        <translation>
            <numerusform>A sync would fail: %n problem to fix.</numerusform>
            <numerusform>A sync would fail: %n problems to fix.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing in the org stops a sync (%n warning(s)).</source>
        <translation>
            <numerusform>Nothing in the org stops a sync (%n warning).</numerusform>
            <numerusform>Nothing in the org stops a sync (%n warnings).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pasalista::GuiLauncher</name>
    <message numerus="yes">
        <source>Pasalista — %1; %n change(s) waiting to sync</source>
        <translation>
            <numerusform>Pasalista — %1; %n change waiting to sync</numerusform>
            <numerusform>Pasalista — %1; %n changes waiting to sync</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pasalista::MainWindow</name>
    <message numerus="yes">
        <source>%n change(s) waiting to sync</source>
        <translation>
            <numerusform>%n change waiting to sync</numerusform>
            <numerusform>%n changes waiting to sync</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pasalista::Pusher</name>
    <message numerus="yes">
        <source>%n change(s) could not be confirmed by the org; they will be checked and sent again.</source>
        <translation>
            <numerusform>%n change could not be confirmed by the org; it will be checked and sent again.</numerusform>
            <numerusform>%n changes could not be confirmed by the org; they will be checked and sent again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pasalista::SalesforceClient</name>
    <message numerus="yes">
        <source>The org&apos;s reply took longer than %n second(s); abandoned.</source>
        <translation>
            <numerusform>The org&apos;s reply took longer than %n second; abandoned.</numerusform>
            <numerusform>The org&apos;s reply took longer than %n seconds; abandoned.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pasalista::SignOutDialog</name>
    <message numerus="yes">
        <source>%n change(s) made on this computer have not been sent to Salesforce yet. Removing the data loses them.</source>
        <translation>
            <numerusform>%n change made on this computer has not been sent to Salesforce yet. Removing the data loses it.</numerusform>
            <numerusform>%n changes made on this computer have not been sent to Salesforce yet. Removing the data loses them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) have not been synced and will be lost.</source>
        <translation>
            <numerusform>%n change has not been synced and will be lost.</numerusform>
            <numerusform>%n changes have not been synced and will be lost.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pasalista::SummaryModel</name>
    <message numerus="yes">
        <source>%n mark(s) not counted</source>
        <comment>codes with no meaning</comment>
        <translation>
            <numerusform>%n mark not counted</numerusform>
            <numerusform>%n marks not counted</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pasalista::SyncEngine</name>
    <message numerus="yes">
        <source>The sync took longer than %n second(s) and was stopped; nothing is lost, it goes on at the next sync.</source>
        <translation>
            <numerusform>The sync took longer than %n second and was stopped; nothing is lost, it goes on at the next sync.</numerusform>
            <numerusform>The sync took longer than %n seconds and was stopped; nothing is lost, it goes on at the next sync.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pasalista::SyncStatusWidget</name>
    <message numerus="yes">
        <source>%n issue(s)</source>
        <translation>
            <numerusform>%n issue</numerusform>
            <numerusform>%n issues</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to sync</source>
        <translation>
            <numerusform>%n change waiting to sync</numerusform>
            <numerusform>%n changes waiting to sync</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Syncing %n change(s)…</source>
        <translation>
            <numerusform>Syncing %n change…</numerusform>
            <numerusform>Syncing %n changes…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n change(s) waiting</source>
        <translation>
            <numerusform>%1 · %n change waiting</numerusform>
            <numerusform>%1 · %n changes waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Synced, except %n issue(s) to look at</source>
        <translation>
            <numerusform>Synced, except %n issue to look at</numerusform>
            <numerusform>Synced, except %n issues to look at</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Offline: %n change(s) saved on this computer</source>
        <translation>
            <numerusform>Offline: %n change saved on this computer</numerusform>
            <numerusform>Offline: %n changes saved on this computer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not signed in: %n change(s) kept on this computer</source>
        <translation>
            <numerusform>Not signed in: %n change kept on this computer</numerusform>
            <numerusform>Not signed in: %n changes kept on this computer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pasalista::AccountSwitcher</name>
    <message numerus="yes">
        <source>%n unsent mark(s) written to %1.</source>
        <translation>
            <numerusform>%n unsent mark written to %1.</numerusform>
            <numerusform>%n unsent marks written to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pasalista::SummaryPanel</name>
    <message numerus="yes">
        <source>10 % or more of the class days missed (%n student(s))</source>
        <translation>
            <numerusform>10 % or more of the class days missed (%n student)</numerusform>
            <numerusform>10 % or more of the class days missed (%n students)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 or more absences in a row (%n student(s))</source>
        <translation>
            <numerusform>%1 or more absences in a row (%n student)</numerusform>
            <numerusform>%1 or more absences in a row (%n students)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n absence(s) in a row, %1</source>
        <translation>
            <numerusform>%n absence in a row, %1</numerusform>
            <numerusform>%n absences in a row, %1</numerusform>
        </translation>
    </message>
</context>
</TS>
