<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy" sourcelanguage="en_GB">
<context>
    <name>vigil::app::CommandLine</name>
    <message>
        <source>Run on the embedded simulator (the default).</source>
        <translation>Rhedeg ar yr efelychydd mewnol (y rhagosodiad).</translation>
    </message>
    <message>
        <source>Number of demo patients, 1 to 256.</source>
        <translation>Nifer y cleifion arddangos, 1 i 256.</translation>
    </message>
    <message>
        <source>Simulator seed (same seed, same patients).</source>
        <translation>Hedyn yr efelychydd (yr un hedyn, yr un cleifion).</translation>
    </message>
    <message>
        <source>Give every patient this scenario: %1.</source>
        <translation>Rhoi’r senario hwn i bob claf: %1.</translation>
    </message>
    <message>
        <source>Waveform renderer: gl, software or auto (the default: the GPU unless OpenGL is missing or emulated on the CPU).</source>
        <translation>Rendrwr tonffurfiau: gl, software neu auto (y rhagosodiad: y GPU oni bai bod OpenGL ar goll neu’n cael ei efelychu ar y CPU).</translation>
    </message>
    <message>
        <source>Save a screenshot of the window to FILE and quit.</source>
        <translation>Cadw ciplun o’r ffenestr yn FILE a gadael.</translation>
    </message>
    <message>
        <source>Quit (after the screenshot) after T ms.</source>
        <translation>Gadael (ar ôl y ciplun) ar ôl T ms.</translation>
    </message>
    <message>
        <source>Vigil — remote patient monitoring workstation.</source>
        <translation>Vigil — gweithfan monitro cleifion o bell.</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Ymresymiad annisgwyl: %1</translation>
    </message>
    <message>
        <source>--patients must be a whole number from 1 to %1 (got “%2”).</source>
        <translation>Rhaid i --patients fod yn rhif cyfan o 1 i %1 (cafwyd “%2”).</translation>
    </message>
    <message>
        <source>--seed must be a non-negative whole number (got “%1”).</source>
        <translation>Rhaid i --seed fod yn rhif cyfan nad yw’n negatif (cafwyd “%1”).</translation>
    </message>
    <message>
        <source>Unknown scenario “%1”. Known scenarios: %2.</source>
        <translation>Senario anhysbys “%1”. Senarios hysbys: %2.</translation>
    </message>
    <message>
        <source>Unknown renderer “%1”: use gl, software or auto.</source>
        <translation>Rendrwr anhysbys “%1”: defnyddiwch gl, software neu auto.</translation>
    </message>
    <message>
        <source>--quit-after-ms must be a whole number of milliseconds (got “%1”).</source>
        <translation>Rhaid i --quit-after-ms fod yn nifer cyfan o filieiliadau (cafwyd “%1”).</translation>
    </message>
    <message>
        <source>Cannot write the screenshot to “%1”: the folder does not exist or is not writable.</source>
        <translation>Methu ysgrifennu’r ciplun i “%1”: nid yw’r ffolder yn bodoli neu nid oes modd ysgrifennu iddi.</translation>
    </message>
</context>
<context>
    <name>vigil::itemmodels::DataAge</name>
    <message>
        <source>never</source>
        <translation>byth</translation>
    </message>
    <message>
        <source>now</source>
        <translation>nawr</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 e</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 mun</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 awr</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
</context>
<context>
    <name>vigil::itemmodels::PatientListModel</name>
    <message>
        <source>NO DATA %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LEAD OFF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Claf</translation>
    </message>
    <message>
        <source>NHS Number</source>
        <translation>Rhif GIG</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Oedran</translation>
    </message>
    <message>
        <source>HR /min</source>
        <translation type="unfinished">HR /min</translation>
    </message>
    <message>
        <source>SpO₂ %</source>
        <translation type="unfinished">SpO₂ %</translation>
    </message>
    <message>
        <source>RR /min</source>
        <translation type="unfinished">RR /min</translation>
    </message>
    <message>
        <source>BP mmHg</source>
        <translation>BP mmHg</translation>
    </message>
    <message>
        <source>Temp °C</source>
        <translation>Tymh. °C</translation>
    </message>
    <message>
        <source>Data age</source>
        <translation>Oedran y data</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
</context>
<context>
    <name>vigil::ui::GlSelfTest</name>
    <message>
        <source>OpenGL is not available on the “%1” display platform</source>
        <translation>Nid yw OpenGL ar gael ar y platfform arddangos “%1”</translation>
    </message>
    <message>
        <source>could not create an OpenGL context</source>
        <translation>methu creu cyd-destun OpenGL</translation>
    </message>
    <message>
        <source>could not make the OpenGL context current</source>
        <translation>methu gwneud y cyd-destun OpenGL yn gyfredol</translation>
    </message>
    <message>
        <source>rendering self-test mismatch at (%1, %2): expected #%3, got #%4</source>
        <translation>diffyg cyfatebiaeth yn hunanbrawf y rendro yn (%1, %2): disgwyl #%3, cafwyd #%4</translation>
    </message>
</context>
<context>
    <name>vigil::ui::GlWaveformView</name>
    <message>
        <source>Live waveforms</source>
        <translation>Tonffurfiau byw</translation>
    </message>
</context>
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
    <message>
        <source>Vigil — virtual ward</source>
        <translation>Vigil — ward rithwir</translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s)</source>
        <translation>
            <numerusform>%n claf</numerusform>
            <numerusform>%n claf</numerusform>
            <numerusform>%n claf</numerusform>
            <numerusform>%n claf</numerusform>
            <numerusform>%n claf</numerusform>
        </translation>
    </message>
    <message>
        <source>Alarms from this workstation are advisory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECG gain</source>
        <translation>Cynnydd ECG</translation>
    </message>
    <message>
        <source>%1 mm/mV</source>
        <translation>%1 mm/mV</translation>
    </message>
    <message>
        <source>Sweep speed</source>
        <translation>Cyflymder ysgubo</translation>
    </message>
    <message>
        <source>%1 mm/s</source>
        <translation>%1 mm/s</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Vigil&lt;/b&gt; %1 — remote patient monitoring workstation.&lt;/p&gt;&lt;p&gt;Physiological alarms raised by a remote workstation are advisory: they do not replace the alarms of the device at the patient.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenGL unavailable: %1</source>
        <translation>Nid yw OpenGL ar gael: %1</translation>
    </message>
    <message>
        <source>OpenGL here is emulated on the CPU (%1)</source>
        <translation>Mae OpenGL yn cael ei efelychu ar y CPU yma (%1)</translation>
    </message>
    <message>
        <source>The GPU renderer is not available (%1). Waveforms are drawn by the software renderer.</source>
        <translation>Nid yw’r rendrwr GPU ar gael (%1). Mae’r tonffurfiau’n cael eu lluniadu gan y rendrwr meddalwedd.</translation>
    </message>
    <message>
        <source>Renderer: GPU (OpenGL)</source>
        <translation>Rendrwr: GPU (OpenGL)</translation>
    </message>
    <message>
        <source>Renderer: software</source>
        <translation>Rendrwr: meddalwedd</translation>
    </message>
    <message>
        <source> — GPU unavailable: %1</source>
        <translation> — nid yw’r GPU ar gael: %1</translation>
    </message>
    <message>
        <source> (chosen automatically: %1)</source>
        <translation> (dewiswyd yn awtomatig: %1)</translation>
    </message>
    <message>
        <source>%1 mm/s  ·  ECG %2 mm/mV</source>
        <translation>%1 mm/s  ·  ECG %2 mm/mV</translation>
    </message>
    <message>
        <source>Next page of patients</source>
        <translation>Tudalen nesaf o gleifion</translation>
    </message>
    <message>
        <source>Previous page of patients</source>
        <translation>Tudalen flaenorol o gleifion</translation>
    </message>
    <message>
        <source>Patients %1–%2 of %3 (page %4 of %5, Page Up/Page Down)</source>
        <translation>Cleifion %1–%2 o %3 (tudalen %4 o %5, Page Up/Page Down)</translation>
    </message>
</context>
<context>
    <name>vigil::ui::PatientDetailView</name>
    <message>
        <source>%1 — NHS %2</source>
        <translation>%1 — NHS %2</translation>
    </message>
</context>
<context>
    <name>vigil::ui::SoftwareWaveformView</name>
    <message>
        <source>Live waveforms</source>
        <translation>Tonffurfiau byw</translation>
    </message>
</context>
<context>
    <name>vigil::ui::TileDecorator</name>
    <message>
        <source>NO DATA %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HR</source>
        <translation>HR</translation>
    </message>
    <message>
        <source>/min</source>
        <translation>/min</translation>
    </message>
    <message>
        <source>SpO₂</source>
        <translation>SpO₂</translation>
    </message>
    <message>
        <source>RR</source>
        <translation>RR</translation>
    </message>
    <message>
        <source>BP</source>
        <translation>BP</translation>
    </message>
    <message>
        <source>mmHg</source>
        <translation>mmHg</translation>
    </message>
    <message>
        <source>T</source>
        <translation>T</translation>
    </message>
    <message>
        <source>LEAD OFF</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::VitalsTrendChart</name>
    <message>
        <source>Vital signs trend</source>
        <translation>Tuedd arwyddion hanfodol</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Amser (UTC)</translation>
    </message>
    <message>
        <source>/min, %, mmHg</source>
        <translation>/min, %, mmHg</translation>
    </message>
    <message>
        <source>HR /min</source>
        <translation>HR /min</translation>
    </message>
    <message>
        <source>SpO₂ %</source>
        <translation>SpO₂ %</translation>
    </message>
    <message>
        <source>RR /min</source>
        <translation>RR /min</translation>
    </message>
    <message>
        <source>Systolic mmHg</source>
        <translation>Systolig mmHg</translation>
    </message>
    <message>
        <source>Diastolic mmHg</source>
        <translation>Diastolig mmHg</translation>
    </message>
    <message>
        <source>°C</source>
        <translation>°C</translation>
    </message>
    <message>
        <source>Temperature °C</source>
        <translation>Tymheredd °C</translation>
    </message>
</context>
<context>
    <name>vigil::ui::WaveformScene</name>
    <message>
        <source>%1 y</source>
        <translation>%1 bl</translation>
    </message>
</context>
</TS>
