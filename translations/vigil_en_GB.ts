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
    <message>
        <source>HL7 v2 (MLLP) cannot listen on port %1: %2. Vigil starts without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vigil</source>
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
    <message>
        <source>Receive live data from these MQTT brokers (comma-separated, in order of preference; tcp://, mqtt://, ssl:// or mqtts://HOST:PORT).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site in the MQTT topics vigil/v1/SITE/... (default demo).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receive HL7 v2 over MLLP on PORT (usually 2575; 0: any free port).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS: the CA certificate the brokers&apos; certificates are checked against (PEM).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS: this workstation&apos;s client certificate (PEM).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS: the client certificate&apos;s private key (PEM).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MQTT user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File whose first line is the MQTT password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MQTT client id: it names the persistent session the broker keeps (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a broker address: use tcp://HOST:PORT, mqtt://, ssl:// or mqtts://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--broker needs at least one broker address, for example mqtts://hub.example.nhs.uk:8883.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 is an MQTT setting: give --broker too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--site must be a name without “/”, “+” or “#” (got “%1”).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--mllp must be a port number from 0 (any free port) to 65535 (got “%1”).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1: cannot read “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--cert and --key go together: the client certificate and its private key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--ca, --cert and --key are for TLS: use ssl:// or mqtts:// broker addresses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--mqtt-password-file needs --mqtt-username.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--mqtt-password-file: cannot read “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--client-id must not be empty.</source>
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
    <message>
        <source>The OS keychain entry named in “%1” does not hold a Vigil key, or it is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key kept in the OS keychain for “%1” is damaged: the field “%2” is missing or invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key kept in the OS keychain for “%1” asks for key-derivation settings that Vigil does not accept (%2). It may have been altered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key of this cache is kept in the OS keychain (“%1” names the entry “%2”), but the keychain has no such entry. It may have been deleted, or the cache may come from another computer or user account. Without the key the cache cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key of this cache is kept in the OS keychain (“%1” names the entry “%2”), and the keychain could not be used. %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OS keychain entry “%1” named in “%2” holds the key of another cache (%3, not %4), so this cache cannot be opened with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 It was left as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file “%1” refers to the key of another cache in the OS keychain; it was left as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key of “%1” could not be written to the OS keychain. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key of “%1” was written to the OS keychain, but did not read back unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file “%1” was left as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key could not be moved to the OS keychain. %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key was written to the OS keychain but did not read back unchanged. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key was moved to the OS keychain, but the new key file does not lead to it (%1), and the old key file could not be put back (%2). The key is still in the OS keychain as “%3”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key was moved to the OS keychain, but the new key file did not lead to it (%1). %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 The key is still in the OS keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file “%1” was written but does not load (%2), and the reference to the OS keychain could not be put back (%3). The key is still in the OS keychain as “%4”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file “%1” was written but did not load (%2); the key was left in the OS keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key is back in the key file, but its old OS keychain entry “%1” could not be deleted. %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::crypto::KeychainStore</name>
    <message>
        <source>no details were given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OS keychain has no entry “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OS keychain refused access, or it is locked (%1). Unlock it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No OS keychain is available on this computer (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OS keychain could not be used (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OS keychain can only be used while Vigil is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OS keychain did not answer within %1 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OS keychain is locked and was not unlocked. Unlock it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This build of Vigil has no OS keychain support.</source>
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
    <message>
        <source>&amp;Keep the key in this computer&apos;s keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The encrypted key is then kept in the operating system&apos;s keychain instead of a file beside the cache. The passphrase is still needed to open the cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key could not be moved to the OS keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key kept in the key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cache was created, but its key could not be moved to this computer&apos;s keychain, so it is kept in the key file beside the cache.

%1</source>
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
    <name>vigil::ui::IngestDiagnosticsDialog</name>
    <message>
        <source>Vigil — ingest diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The live data path: transports, sources and quarantined messages. Patient data is not shown here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest quarantined messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broker: %1. Messages received: %2. Connections made: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MQTT: not configured (vigil --broker URI)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections: %1. Messages: %2 (accepted AA %3, errors AE %4, rejected AR %5). Bytes skipped between frames: %6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MLLP: not configured (vigil --mllp PORT)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cache is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quarantine cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) in the cache&apos;s quarantine (newest first; payloads stay encrypted in the cache and are not shown).</source>
        <translation>
            <numerusform>%n message in the cache&apos;s quarantine (newest first; payloads stay encrypted in the cache and are not shown).</numerusform>
            <numerusform>%n messages in the cache&apos;s quarantine (newest first; payloads stay encrypted in the cache and are not shown).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::ui::IngestQuarantineModel</name>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::IngestSourceModel</name>
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
        <source>%1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>device clock %1 behind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>device clock %1 ahead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receive time minus device time of the newest data: %1. Largest seen: %2. A large positive value can also mean late delivery (data queued while the link was down).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rejected whole, %2 with unusable parts (%3 problems in all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vital signs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeats dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarantined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock skew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::IngestStatus</name>
    <message>
        <source>MQTT: link down since %1 — retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MQTT: connected to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MQTT: connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MQTT: connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MQTT: stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MLLP: not listening</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>MLLP: listening on %1, %n message(s)</source>
        <translation>
            <numerusform>MLLP: listening on %1, %n message</numerusform>
            <numerusform>MLLP: listening on %1, %n messages</numerusform>
        </translation>
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
        <translation>
            <numerusform>%n patient</numerusform>
            <numerusform>%n patients</numerusform>
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
    <message>
        <source>&amp;Diagnostics…</source>
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
    <name>vigil::ui::TechnicalAlarmBanner</name>
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
    <message>
        <source>Link down: no live data from the broker since %1</source>
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
