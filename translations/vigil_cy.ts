<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy" sourcelanguage="en_GB">
<context>
    <name>vigil::ui::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Ffeil</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Gweld</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Cymorth</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Gadael</translation>
    </message>
    <message>
        <source>Software renderer</source>
        <translation>Rendrwr meddalwedd</translation>
    </message>
    <message>
        <source>GPU renderer</source>
        <translation>Rendrwr GPU</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Cleifion</translation>
    </message>
    <message>
        <source>Patient list</source>
        <translation>Rhestr cleifion</translation>
    </message>
    <message>
        <source>About Vigil</source>
        <translation>Ynghylch Vigil</translation>
    </message>
</context>
</TS>
