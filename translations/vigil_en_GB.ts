<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name>main</name>
    <message>
        <source>Vigil cannot start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demonstration cache could not be created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cache cannot be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::app::CommandLine</name>
    <message>
        <source>Number of demo patients, 1 to 256.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulator seed (same seed, same patients).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give every patient this scenario: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waveform renderer: gl, software or auto (the default: the GPU unless OpenGL is missing or emulated on the CPU).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a screenshot of the window to FILE and quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit (after the screenshot) after T ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vigil — remote patient monitoring workstation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--patients must be a whole number from 1 to %1 (got “%2”).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--seed must be a non-negative whole number (got “%1”).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown scenario “%1”. Known scenarios: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown renderer “%1”: use gl, software or auto.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--quit-after-ms must be a whole number of milliseconds (got “%1”).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the screenshot to “%1”: the folder does not exist or is not writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run on the embedded simulator. Data goes into a throwaway encrypted cache, or into the cache given with --cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The encrypted cache file (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock the screen after MINUTES without input (0: never; default 10).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot use “%1” as the cache: give a file in an existing folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--lock-after must be a whole number of minutes from 0 (never) to %1 (got “%2”).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::crypto::KdfParams</name>
    <message>
        <source>the cost parameter N (%1) is not a power of two</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the cost parameter N (%1) is below the minimum of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the cost parameter N (%1) is above the maximum of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the block size r (%1) is not between 1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the parallelism p (%1) is not between 1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>r × p (%1) is above the maximum of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the parameters would need %1 MiB of memory, more than the maximum of %2 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the salt is %1 bytes long, shorter than the minimum of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the salt is %1 bytes long, longer than the maximum of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::crypto::KeyFile</name>
    <message>
        <source>The passphrase is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key-derivation settings are not acceptable: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key could not be derived from the passphrase. The computer may be short of memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key could not be encrypted because of an error in the encryption library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file “%1” does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file “%1” could not be opened: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file “%1” could not be read: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a Vigil key file, or it is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a Vigil key file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file “%1” is damaged: the field “%2” is missing or invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This key file was written by a newer version of Vigil (key file version %1; this version reads version %2 and older). Update Vigil to open this cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file “%1” asks for key-derivation settings that Vigil does not accept (%2). The file may have been altered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file “%1” could not be written: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its permissions could not be restricted to the owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase is not correct, or the key file has been altered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key could not be decrypted because of an error in the encryption library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new passphrase is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key could not be derived from the new passphrase. The computer may be short of memory.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::crypto::PassphrasePolicy</name>
    <message>
        <source>Use at least %1 characters. Three random words you will remember work well, for example “lamp river biscuit” (but not that one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not use one character, word or pattern repeated, or a simple sequence such as “abcdef”, “123456” or “qwerty”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not use a well-known password or phrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not use a password you use for anything else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any letters, numbers, spaces and symbols are allowed, up to %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is too short: use at least %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is too long: use at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is one character, word or pattern repeated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is a simple sequence, such as “abcdef”, “123456” or “qwerty”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is a well-known password or phrase.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::itemmodels::DataAge</name>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NHS Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HR /min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SpO₂ %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RR /min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BP mmHg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temp °C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::CacheSetupDialog</name>
    <message>
        <source>Set up Vigil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Choose a passphrase for this workstation&lt;/h3&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vigil keeps the monitoring data on this computer in an encrypted cache. The passphrase protects it: you will be asked for it each time Vigil starts and when the screen has been locked. If the passphrase is lost, the data in the cache cannot be recovered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A good passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Type it again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show the passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the encrypted cache… this takes a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ This passphrase meets the rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Both entries match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two entries do not match yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cache could not be created: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::GlSelfTest</name>
    <message>
        <source>OpenGL is not available on the “%1” display platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not create an OpenGL context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not make the OpenGL context current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rendering self-test mismatch at (%1, %2): expected #%3, got #%4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::GlWaveformView</name>
    <message>
        <source>Live waveforms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::LockScreen</name>
    <message>
        <source>Vigil is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient information is hidden while the workstation is locked. Monitoring and recording continue in the background.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the passphrase…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the cache &amp;passphrase to unlock:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This demonstration uses a throwaway cache that has no passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase is not correct. Check it (and Caps Lock) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase could not be checked: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Software renderer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU renderer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Vigil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vigil — virtual ward</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Alarms from this workstation are advisory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECG gain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 mm/mV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sweep speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 mm/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Vigil&lt;/b&gt; %1 — remote patient monitoring workstation.&lt;/p&gt;&lt;p&gt;Physiological alarms raised by a remote workstation are advisory: they do not replace the alarms of the device at the patient.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenGL unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenGL here is emulated on the CPU (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The GPU renderer is not available (%1). Waveforms are drawn by the software renderer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renderer: GPU (OpenGL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renderer: software</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — GPU unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (chosen automatically: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 mm/s  ·  ECG %2 mm/mV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next page of patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous page of patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patients %1–%2 of %3 (page %4 of %5, Page Up/Page Down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No live source is connected; showing stored data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vigil — locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache: saving</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::PatientDetailView</name>
    <message>
        <source>%1 — NHS %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::SoftwareWaveformView</name>
    <message>
        <source>Live waveforms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::StoreAlarmBanner</name>
    <message>
        <source>Technical alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache behind: %1 samples not saved (live view continues)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache behind: saving is %1 s behind (live view continues)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache: disk full — data is not being saved (live view continues)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache failed — data is not being saved (live view continues)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache stopped — data is not being saved (live view continues)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technical alarm — %1</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SpO₂</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mmHg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LEAD OFF</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::UnlockDialog</name>
    <message>
        <source>Unlock Vigil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Unlock the monitoring data&lt;/h3&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the passphrase of this workstation&apos;s encrypted cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the passphrase…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;The monitoring data cannot be opened&lt;/h3&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Move it aside and start a new cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase is not correct. Check it (and Caps Lock) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cache file cannot be read: %1

Vigil can move it aside (it is renamed and kept, not deleted) and set up a new, empty cache. The old file can then be looked at by your IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

Vigil can move the cache aside (it is renamed and kept, not deleted) and set up a new, empty cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This cache was written by a newer version of Vigil, which this version cannot read safely. Please use the newer version, or ask your IT support.

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cache could not be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be moved aside: %1 Please ask your IT support.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::VitalsTrendChart</name>
    <message>
        <source>Vital signs trend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/min, %, mmHg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HR /min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SpO₂ %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RR /min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Systolic mmHg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diastolic mmHg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>°C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temperature °C</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::WaveformScene</name>
    <message>
        <source>%1 y</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
