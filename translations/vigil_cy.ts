<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy" sourcelanguage="en_GB">
<context>
    <name>main</name>
    <message>
        <source>Vigil cannot start</source>
        <translation>Ni all Vigil gychwyn</translation>
    </message>
    <message>
        <source>The demonstration cache could not be created: %1</source>
        <translation>Methu creu’r storfa arddangos: %1</translation>
    </message>
    <message>
        <source>The cache cannot be written: %1</source>
        <translation>Nid oes modd ysgrifennu i’r storfa: %1</translation>
    </message>
</context>
<context>
    <name>vigil::app::CommandLine</name>
    <message>
        <source>Run on the embedded simulator (the default).</source>
        <translation type="vanished">Rhedeg ar yr efelychydd mewnol (y rhagosodiad).</translation>
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
    <message>
        <source>Run on the embedded simulator. Data goes into a throwaway encrypted cache, or into the cache given with --cache.</source>
        <translation>Rhedeg ar yr efelychydd mewnol. Mae’r data’n mynd i storfa dafladwy wedi’i hamgryptio, neu i’r storfa a roddir gyda --cache.</translation>
    </message>
    <message>
        <source>The encrypted cache file (default: %1).</source>
        <translation>Ffeil y storfa wedi’i hamgryptio (rhagosodiad: %1).</translation>
    </message>
    <message>
        <source>Lock the screen after MINUTES without input (0: never; default 10).</source>
        <translation>Cloi’r sgrin ar ôl MINUTES heb fewnbwn (0: byth; rhagosodiad 10).</translation>
    </message>
    <message>
        <source>Cannot use “%1” as the cache: give a file in an existing folder.</source>
        <translation>Methu defnyddio “%1” fel y storfa: rhowch ffeil mewn ffolder sy’n bodoli.</translation>
    </message>
    <message>
        <source>--lock-after must be a whole number of minutes from 0 (never) to %1 (got “%2”).</source>
        <translation>Rhaid i --lock-after fod yn nifer cyfan o funudau o 0 (byth) i %1 (cafwyd “%2”).</translation>
    </message>
</context>
<context>
    <name>vigil::crypto::KdfParams</name>
    <message>
        <source>the cost parameter N (%1) is not a power of two</source>
        <translation>nid yw’r paramedr cost N (%1) yn bŵer o ddau</translation>
    </message>
    <message>
        <source>the cost parameter N (%1) is below the minimum of %2</source>
        <translation>mae’r paramedr cost N (%1) yn is na’r isafswm o %2</translation>
    </message>
    <message>
        <source>the cost parameter N (%1) is above the maximum of %2</source>
        <translation>mae’r paramedr cost N (%1) yn uwch na’r uchafswm o %2</translation>
    </message>
    <message>
        <source>the block size r (%1) is not between 1 and %2</source>
        <translation>nid yw maint y bloc r (%1) rhwng 1 a %2</translation>
    </message>
    <message>
        <source>the parallelism p (%1) is not between 1 and %2</source>
        <translation>nid yw’r paramedr paralelu p (%1) rhwng 1 a %2</translation>
    </message>
    <message>
        <source>r × p (%1) is above the maximum of %2</source>
        <translation>mae r × p (%1) yn uwch na’r uchafswm o %2</translation>
    </message>
    <message>
        <source>the parameters would need %1 MiB of memory, more than the maximum of %2 MiB</source>
        <translation>byddai’r paramedrau angen %1 MiB o gof, mwy na’r uchafswm o %2 MiB</translation>
    </message>
    <message>
        <source>the salt is %1 bytes long, shorter than the minimum of %2</source>
        <translation>mae’r halen yn %1 beit o hyd, yn fyrrach na’r isafswm o %2</translation>
    </message>
    <message>
        <source>the salt is %1 bytes long, longer than the maximum of %2</source>
        <translation>mae’r halen yn %1 beit o hyd, yn hirach na’r uchafswm o %2</translation>
    </message>
</context>
<context>
    <name>vigil::crypto::KeyFile</name>
    <message>
        <source>The passphrase is empty.</source>
        <translation>Mae’r cyfrinymadrodd yn wag.</translation>
    </message>
    <message>
        <source>The key-derivation settings are not acceptable: %1.</source>
        <translation>Nid yw’r gosodiadau deillio allwedd yn dderbyniol: %1.</translation>
    </message>
    <message>
        <source>The key could not be derived from the passphrase. The computer may be short of memory.</source>
        <translation>Methu deillio’r allwedd o’r cyfrinymadrodd. Efallai fod y cyfrifiadur yn brin o gof.</translation>
    </message>
    <message>
        <source>The key could not be encrypted because of an error in the encryption library.</source>
        <translation>Methu amgryptio’r allwedd oherwydd gwall yn y llyfrgell amgryptio.</translation>
    </message>
    <message>
        <source>The key file “%1” does not exist.</source>
        <translation>Nid yw’r ffeil allwedd “%1” yn bodoli.</translation>
    </message>
    <message>
        <source>The key file “%1” could not be opened: %2.</source>
        <translation>Methu agor y ffeil allwedd “%1”: %2.</translation>
    </message>
    <message>
        <source>The key file “%1” could not be read: %2.</source>
        <translation>Methu darllen y ffeil allwedd “%1”: %2.</translation>
    </message>
    <message>
        <source>“%1” is not a Vigil key file, or it is damaged.</source>
        <translation>Nid yw “%1” yn ffeil allwedd Vigil, neu mae wedi’i difrodi.</translation>
    </message>
    <message>
        <source>“%1” is not a Vigil key file.</source>
        <translation>Nid yw “%1” yn ffeil allwedd Vigil.</translation>
    </message>
    <message>
        <source>The key file “%1” is damaged: the field “%2” is missing or invalid.</source>
        <translation>Mae’r ffeil allwedd “%1” wedi’i difrodi: mae’r maes “%2” ar goll neu’n annilys.</translation>
    </message>
    <message>
        <source>This key file was written by a newer version of Vigil (key file version %1; this version reads version %2 and older). Update Vigil to open this cache.</source>
        <translation>Cafodd y ffeil allwedd hon ei hysgrifennu gan fersiwn fwy diweddar o Vigil (fersiwn %1 o’r ffeil allwedd; mae’r fersiwn hon yn darllen fersiwn %2 a rhai hŷn). Diweddarwch Vigil i agor y storfa hon.</translation>
    </message>
    <message>
        <source>The key file “%1” asks for key-derivation settings that Vigil does not accept (%2). The file may have been altered.</source>
        <translation>Mae’r ffeil allwedd “%1” yn gofyn am osodiadau deillio allwedd nad yw Vigil yn eu derbyn (%2). Efallai fod y ffeil wedi’i newid.</translation>
    </message>
    <message>
        <source>The key file “%1” could not be written: %2.</source>
        <translation>Methu ysgrifennu’r ffeil allwedd “%1”: %2.</translation>
    </message>
    <message>
        <source>its permissions could not be restricted to the owner</source>
        <translation>nid oedd modd cyfyngu ei chaniatadau i’r perchennog</translation>
    </message>
    <message>
        <source>The passphrase is not correct, or the key file has been altered.</source>
        <translation>Nid yw’r cyfrinymadrodd yn gywir, neu mae’r ffeil allwedd wedi’i newid.</translation>
    </message>
    <message>
        <source>The key could not be decrypted because of an error in the encryption library.</source>
        <translation>Methu dadgryptio’r allwedd oherwydd gwall yn y llyfrgell amgryptio.</translation>
    </message>
    <message>
        <source>The new passphrase is empty.</source>
        <translation>Mae’r cyfrinymadrodd newydd yn wag.</translation>
    </message>
    <message>
        <source>The key could not be derived from the new passphrase. The computer may be short of memory.</source>
        <translation>Methu deillio’r allwedd o’r cyfrinymadrodd newydd. Efallai fod y cyfrifiadur yn brin o gof.</translation>
    </message>
</context>
<context>
    <name>vigil::crypto::PassphrasePolicy</name>
    <message>
        <source>Use at least %1 characters. Three random words you will remember work well, for example “lamp river biscuit” (but not that one).</source>
        <translation>Defnyddiwch o leiaf %1 nod. Mae tri gair ar hap y byddwch yn eu cofio’n gweithio’n dda, er enghraifft “lamp afon bisged” (ond nid yr un yna).</translation>
    </message>
    <message>
        <source>Do not use one character, word or pattern repeated, or a simple sequence such as “abcdef”, “123456” or “qwerty”.</source>
        <translation>Peidiwch â defnyddio un nod, gair neu batrwm wedi’i ailadrodd, na dilyniant syml fel “abcdef”, “123456” neu “qwerty”.</translation>
    </message>
    <message>
        <source>Do not use a well-known password or phrase.</source>
        <translation>Peidiwch â defnyddio cyfrinair neu ymadrodd adnabyddus.</translation>
    </message>
    <message>
        <source>Do not use a password you use for anything else.</source>
        <translation>Peidiwch â defnyddio cyfrinair rydych yn ei ddefnyddio ar gyfer unrhyw beth arall.</translation>
    </message>
    <message>
        <source>Any letters, numbers, spaces and symbols are allowed, up to %1 characters.</source>
        <translation>Caniateir unrhyw lythrennau, rhifau, bylchau a symbolau, hyd at %1 nod.</translation>
    </message>
    <message>
        <source>It is too short: use at least %1 characters.</source>
        <translation>Mae’n rhy fyr: defnyddiwch o leiaf %1 nod.</translation>
    </message>
    <message>
        <source>It is too long: use at most %1 characters.</source>
        <translation>Mae’n rhy hir: defnyddiwch %1 nod ar y mwyaf.</translation>
    </message>
    <message>
        <source>It is one character, word or pattern repeated.</source>
        <translation>Mae’n un nod, gair neu batrwm wedi’i ailadrodd.</translation>
    </message>
    <message>
        <source>It is a simple sequence, such as “abcdef”, “123456” or “qwerty”.</source>
        <translation>Mae’n ddilyniant syml, fel “abcdef”, “123456” neu “qwerty”.</translation>
    </message>
    <message>
        <source>It is a well-known password or phrase.</source>
        <translation>Mae’n gyfrinair neu’n ymadrodd adnabyddus.</translation>
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
    <name>vigil::ui::CacheSetupDialog</name>
    <message>
        <source>Set up Vigil</source>
        <translation>Gosod Vigil</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Choose a passphrase for this workstation&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Dewiswch gyfrinymadrodd ar gyfer y weithfan hon&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>Vigil keeps the monitoring data on this computer in an encrypted cache. The passphrase protects it: you will be asked for it each time Vigil starts and when the screen has been locked. If the passphrase is lost, the data in the cache cannot be recovered.</source>
        <translation>Mae Vigil yn cadw’r data monitro ar y cyfrifiadur hwn mewn storfa wedi’i hamgryptio. Mae’r cyfrinymadrodd yn ei diogelu: bydd gofyn i chi ei roi bob tro y bydd Vigil yn cychwyn a phan fydd y sgrin wedi’i chloi. Os collir y cyfrinymadrodd, nid oes modd adfer y data yn y storfa.</translation>
    </message>
    <message>
        <source>A good passphrase:</source>
        <translation>Cyfrinymadrodd da:</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Cyfrinymadrodd</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>C&amp;yfrinymadrodd:</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Cyfrinymadrodd eto</translation>
    </message>
    <message>
        <source>&amp;Type it again:</source>
        <translation>&amp;Teipiwch ef eto:</translation>
    </message>
    <message>
        <source>&amp;Show the passphrase</source>
        <translation>&amp;Dangos y cyfrinymadrodd</translation>
    </message>
    <message>
        <source>Creating the encrypted cache… this takes a moment.</source>
        <translation>Yn creu’r storfa wedi’i hamgryptio… mae hyn yn cymryd eiliad.</translation>
    </message>
    <message>
        <source>Cache file: %1</source>
        <translation>Ffeil y storfa: %1</translation>
    </message>
    <message>
        <source>&amp;Create cache</source>
        <translation>C&amp;reu storfa</translation>
    </message>
    <message>
        <source>✓ This passphrase meets the rules.</source>
        <translation>✓ Mae’r cyfrinymadrodd hwn yn bodloni’r rheolau.</translation>
    </message>
    <message>
        <source>Not yet:</source>
        <translation>Ddim eto:</translation>
    </message>
    <message>
        <source>✓ Both entries match.</source>
        <translation>✓ Mae’r ddau gofnod yn cyfateb.</translation>
    </message>
    <message>
        <source>The two entries do not match yet.</source>
        <translation>Nid yw’r ddau gofnod yn cyfateb eto.</translation>
    </message>
    <message>
        <source>The cache could not be created: %1</source>
        <translation>Methu creu’r storfa: %1</translation>
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
    <name>vigil::ui::LockScreen</name>
    <message>
        <source>Vigil is locked</source>
        <translation>Mae Vigil wedi’i gloi</translation>
    </message>
    <message>
        <source>Patient information is hidden while the workstation is locked. Monitoring and recording continue in the background.</source>
        <translation>Mae gwybodaeth cleifion wedi’i chuddio tra bo’r weithfan wedi’i chloi. Mae’r monitro a’r recordio’n parhau yn y cefndir.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Cyfrinymadrodd</translation>
    </message>
    <message>
        <source>Checking the passphrase…</source>
        <translation>Yn gwirio’r cyfrinymadrodd…</translation>
    </message>
    <message>
        <source>Enter the cache &amp;passphrase to unlock:</source>
        <translation>Rhowch &amp;gyfrinymadrodd y storfa i ddatgloi:</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Datgloi</translation>
    </message>
    <message>
        <source>This demonstration uses a throwaway cache that has no passphrase.</source>
        <translation>Mae’r arddangosiad hwn yn defnyddio storfa dafladwy heb gyfrinymadrodd.</translation>
    </message>
    <message>
        <source>&amp;Unlock demo</source>
        <translation>&amp;Datgloi’r arddangosiad</translation>
    </message>
    <message>
        <source>Locked at %1</source>
        <translation>Wedi’i gloi am %1</translation>
    </message>
    <message>
        <source>The passphrase is not correct. Check it (and Caps Lock) and try again.</source>
        <translation>Nid yw’r cyfrinymadrodd yn gywir. Gwiriwch ef (a Caps Lock) a rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <source>The passphrase could not be checked: %1</source>
        <translation>Methu gwirio’r cyfrinymadrodd: %1</translation>
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
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Cloi</translation>
    </message>
    <message>
        <source>No live source is connected; showing stored data.</source>
        <translation>Nid oes ffynhonnell fyw wedi’i chysylltu; yn dangos data wedi’i storio.</translation>
    </message>
    <message>
        <source>Vigil — locked</source>
        <translation>Vigil — wedi’i gloi</translation>
    </message>
    <message>
        <source>Cache: saving</source>
        <translation>Storfa: yn cadw</translation>
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
    <name>vigil::ui::StoreAlarmBanner</name>
    <message>
        <source>Technical alarm</source>
        <translation>Larwm technegol</translation>
    </message>
    <message>
        <source>Cache behind: %1 samples not saved (live view continues)</source>
        <translation>Storfa ar ei hôl hi: %1 sampl heb eu cadw (mae’r olwg fyw yn parhau)</translation>
    </message>
    <message>
        <source>Cache behind: saving is %1 s behind (live view continues)</source>
        <translation>Storfa ar ei hôl hi: mae’r cadw %1 e ar ei hôl hi (mae’r olwg fyw yn parhau)</translation>
    </message>
    <message>
        <source>Cache: disk full — data is not being saved (live view continues)</source>
        <translation>Storfa: disg yn llawn — nid yw’r data’n cael ei gadw (mae’r olwg fyw yn parhau)</translation>
    </message>
    <message>
        <source>Cache failed — data is not being saved (live view continues)</source>
        <translation>Storfa wedi methu — nid yw’r data’n cael ei gadw (mae’r olwg fyw yn parhau)</translation>
    </message>
    <message>
        <source>Cache stopped — data is not being saved (live view continues)</source>
        <translation>Storfa wedi stopio — nid yw’r data’n cael ei gadw (mae’r olwg fyw yn parhau)</translation>
    </message>
    <message>
        <source>Technical alarm — %1</source>
        <translation>Larwm technegol — %1</translation>
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
    <name>vigil::ui::UnlockDialog</name>
    <message>
        <source>Unlock Vigil</source>
        <translation>Datgloi Vigil</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Unlock the monitoring data&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Datgloi’r data monitro&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>Enter the passphrase of this workstation&apos;s encrypted cache.</source>
        <translation>Rhowch gyfrinymadrodd y storfa wedi’i hamgryptio ar y weithfan hon.</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>C&amp;yfrinymadrodd:</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Cyfrinymadrodd</translation>
    </message>
    <message>
        <source>Checking the passphrase…</source>
        <translation>Yn gwirio’r cyfrinymadrodd…</translation>
    </message>
    <message>
        <source>Cache file: %1</source>
        <translation>Ffeil y storfa: %1</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Gadael</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Datgloi</translation>
    </message>
    <message>
        <source>&lt;h3&gt;The monitoring data cannot be opened&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Nid oes modd agor y data monitro&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&amp;Move it aside and start a new cache</source>
        <translation>&amp;Symud y storfa o’r neilltu a dechrau un newydd</translation>
    </message>
    <message>
        <source>The passphrase is not correct. Check it (and Caps Lock) and try again.</source>
        <translation>Nid yw’r cyfrinymadrodd yn gywir. Gwiriwch ef (a Caps Lock) a rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <source>The cache file cannot be read: %1

Vigil can move it aside (it is renamed and kept, not deleted) and set up a new, empty cache. The old file can then be looked at by your IT support.</source>
        <translation>Nid oes modd darllen ffeil y storfa: %1

Gall Vigil ei symud o’r neilltu (caiff ei hailenwi a’i chadw, nid ei dileu) a gosod storfa newydd, wag. Yna gall eich tîm cymorth TG edrych ar yr hen ffeil.</translation>
    </message>
    <message>
        <source>%1

Vigil can move the cache aside (it is renamed and kept, not deleted) and set up a new, empty cache.</source>
        <translation>%1

Gall Vigil symud y storfa o’r neilltu (caiff ei hailenwi a’i chadw, nid ei dileu) a gosod storfa newydd, wag.</translation>
    </message>
    <message>
        <source>This cache was written by a newer version of Vigil, which this version cannot read safely. Please use the newer version, or ask your IT support.

%1</source>
        <translation>Cafodd y storfa hon ei hysgrifennu gan fersiwn fwy diweddar o Vigil, ac ni all y fersiwn hon ei darllen yn ddiogel. Defnyddiwch y fersiwn fwy diweddar, neu gofynnwch i’ch tîm cymorth TG.

%1</translation>
    </message>
    <message>
        <source>The cache could not be opened: %1</source>
        <translation>Methu agor y storfa: %1</translation>
    </message>
    <message>
        <source>The file could not be moved aside: %1 Please ask your IT support.</source>
        <translation>Methu symud y ffeil o’r neilltu: %1 Gofynnwch i’ch tîm cymorth TG.</translation>
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
