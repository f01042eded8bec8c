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
    <message>
        <source>HL7 v2 (MLLP) cannot listen on port %1: %2. Vigil starts without it.</source>
        <translation>Ni all HL7 v2 (MLLP) wrando ar borth %1: %2. Mae Vigil yn cychwyn hebddo.</translation>
    </message>
    <message>
        <source>Vigil</source>
        <translation>Vigil</translation>
    </message>
    <message>
        <source>North caseload</source>
        <translation>Llwyth achosion y Gogledd</translation>
    </message>
    <message>
        <source>South caseload</source>
        <translation>Llwyth achosion y De</translation>
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
    <message>
        <source>Receive live data from these MQTT brokers (comma-separated, in order of preference; tcp://, mqtt://, ssl:// or mqtts://HOST:PORT).</source>
        <translation>Derbyn data byw gan y brocerion MQTT hyn (wedi’u gwahanu gan atalnodau, yn nhrefn blaenoriaeth; tcp://, mqtt://, ssl:// neu mqtts://HOST:PORT).</translation>
    </message>
    <message>
        <source>The site in the MQTT topics vigil/v1/SITE/... (default demo).</source>
        <translation>Y safle yn y pynciau MQTT vigil/v1/SITE/... (rhagosodiad demo).</translation>
    </message>
    <message>
        <source>Receive HL7 v2 over MLLP on PORT (usually 2575; 0: any free port).</source>
        <translation>Derbyn HL7 v2 dros MLLP ar PORT (2575 fel arfer; 0: unrhyw borth rhydd).</translation>
    </message>
    <message>
        <source>TLS: the CA certificate the brokers&apos; certificates are checked against (PEM).</source>
        <translation>TLS: tystysgrif yr awdurdod tystysgrifau (CA) y caiff tystysgrifau’r brocerion eu gwirio yn ei herbyn (PEM).</translation>
    </message>
    <message>
        <source>TLS: this workstation&apos;s client certificate (PEM).</source>
        <translation>TLS: tystysgrif cleient y weithfan hon (PEM).</translation>
    </message>
    <message>
        <source>TLS: the client certificate&apos;s private key (PEM).</source>
        <translation>TLS: allwedd breifat tystysgrif y cleient (PEM).</translation>
    </message>
    <message>
        <source>MQTT user name.</source>
        <translation>Enw defnyddiwr MQTT.</translation>
    </message>
    <message>
        <source>File whose first line is the MQTT password.</source>
        <translation>Ffeil sydd â’r cyfrinair MQTT ar ei llinell gyntaf.</translation>
    </message>
    <message>
        <source>MQTT client id: it names the persistent session the broker keeps (default: %1).</source>
        <translation>ID cleient MQTT: mae’n enwi’r sesiwn barhaus y mae’r brocer yn ei chadw (rhagosodiad: %1).</translation>
    </message>
    <message>
        <source>“%1” is not a broker address: use tcp://HOST:PORT, mqtt://, ssl:// or mqtts://.</source>
        <translation>Nid yw “%1” yn gyfeiriad brocer: defnyddiwch tcp://HOST:PORT, mqtt://, ssl:// neu mqtts://.</translation>
    </message>
    <message>
        <source>--broker needs at least one broker address, for example mqtts://hub.example.nhs.uk:8883.</source>
        <translation>Mae --broker angen o leiaf un cyfeiriad brocer, er enghraifft mqtts://hub.example.nhs.uk:8883.</translation>
    </message>
    <message>
        <source>--%1 is an MQTT setting: give --broker too.</source>
        <translation>Gosodiad MQTT yw --%1: rhowch --broker hefyd.</translation>
    </message>
    <message>
        <source>--site must be a name without “/”, “+” or “#” (got “%1”).</source>
        <translation>Rhaid i --site fod yn enw heb “/”, “+” na “#” (cafwyd “%1”).</translation>
    </message>
    <message>
        <source>--mllp must be a port number from 0 (any free port) to 65535 (got “%1”).</source>
        <translation>Rhaid i --mllp fod yn rhif porth o 0 (unrhyw borth rhydd) i 65535 (cafwyd “%1”).</translation>
    </message>
    <message>
        <source>--%1: cannot read “%2”.</source>
        <translation>--%1: methu darllen “%2”.</translation>
    </message>
    <message>
        <source>--cert and --key go together: the client certificate and its private key.</source>
        <translation>Mae --cert a --key yn mynd gyda’i gilydd: tystysgrif y cleient a’i hallwedd breifat.</translation>
    </message>
    <message>
        <source>--ca, --cert and --key are for TLS: use ssl:// or mqtts:// broker addresses.</source>
        <translation>Ar gyfer TLS y mae --ca, --cert a --key: defnyddiwch gyfeiriadau brocer ssl:// neu mqtts://.</translation>
    </message>
    <message>
        <source>--mqtt-password-file needs --mqtt-username.</source>
        <translation>Mae --mqtt-password-file angen --mqtt-username.</translation>
    </message>
    <message>
        <source>--mqtt-password-file: cannot read “%1”.</source>
        <translation>--mqtt-password-file: methu darllen “%1”.</translation>
    </message>
    <message>
        <source>--client-id must not be empty.</source>
        <translation>Ni chaiff --client-id fod yn wag.</translation>
    </message>
    <message>
        <source>Review only: open the cache without any live source (no simulator, broker or MLLP). Case actions are kept and sent when Vigil next runs with a broker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--offline is review only: it cannot be combined with --demo, --broker or --mllp.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::clinical::Alarm</name>
    <message>
        <source>Heart rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SpO₂</source>
        <translation type="unfinished">SpO₂</translation>
    </message>
    <message>
        <source>Respiration rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Systolic BP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diastolic BP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 low: %2 %3 (limit %4 %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 high: %2 %3 (limit %4 %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data from the patient&apos;s devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECG lead off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device battery low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live data link down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache writer behind</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::clinical::AlarmLimits</name>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>COPD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heart failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heart rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SpO₂</source>
        <translation type="unfinished">SpO₂</translation>
    </message>
    <message>
        <source>Respiration rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Systolic BP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diastolic BP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a rule has no priority.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the threshold %2 is outside %3 to %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not a number)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2: the delay of %3 s is outside 0 to %4 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 rules are %3; keep one rule per priority.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the %2 threshold (%3) must be at or below the %4 threshold (%5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the %2 threshold (%3) must be at or above the %4 threshold (%5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The alarm limits are not in Vigil&apos;s format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The alarm limits have no valid version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The alarm limits were written by a newer or unknown version (%1) of Vigil.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The alarm limits have an unknown field “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The alarm limits name no known programme.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The alarm limits have no list of rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule %1 of the alarm limits is not an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule %1 of the alarm limits has an unknown field “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule %1 of the alarm limits names no known vital sign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule %1 of the alarm limits has no direction (below or above).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule %1 of the alarm limits has no numeric threshold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule %1 of the alarm limits has a threshold with more than %2 decimals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule %1 of the alarm limits has no known priority.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule %1 of the alarm limits has no whole number of seconds of delay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The alarm limits are not usable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the “below” threshold %2 must be lower than the “above” threshold %3, or every reading would alarm.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::clinical::AlarmPriority</name>
    <message>
        <source>HIGH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MEDIUM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LOW</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::clinical::CaseEvent</name>
    <message>
        <source>Acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De-escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event has no valid id (a UUID in lower case, without braces).</source>
        <translation>Nid oes gan y digwyddiad ID dilys (UUID mewn llythrennau bach, heb gromfachau cyrliog).</translation>
    </message>
    <message>
        <source>The event names no patient.</source>
        <translation>Nid yw’r digwyddiad yn enwi claf.</translation>
    </message>
    <message>
        <source>The event does not say which workstation created it.</source>
        <translation>Nid yw’r digwyddiad yn dweud pa weithfan a’i creodd.</translation>
    </message>
    <message>
        <source>The event does not say who acted.</source>
        <translation>Nid yw’r digwyddiad yn dweud pwy a weithredodd.</translation>
    </message>
    <message>
        <source>The event does not give the role of the clinician who acted.</source>
        <translation>Nid yw’r digwyddiad yn rhoi rôl y clinigydd a weithredodd.</translation>
    </message>
    <message>
        <source>A name or key of the event is longer than %1 characters.</source>
        <translation>Mae un o enwau neu allweddi’r digwyddiad yn hirach na %1 nod.</translation>
    </message>
    <message>
        <source>The event&apos;s time is not a valid date and time.</source>
        <translation>Nid yw amser y digwyddiad yn ddyddiad ac amser dilys.</translation>
    </message>
    <message>
        <source>The event is of an unknown kind.</source>
        <translation>Mae’r digwyddiad o fath anhysbys.</translation>
    </message>
    <message>
        <source>A text of the event is longer than %1 characters.</source>
        <translation>Mae un o destunau’r digwyddiad yn hirach na %1 nod.</translation>
    </message>
    <message>
        <source>A note needs some text.</source>
        <translation>Mae angen testun mewn nodyn.</translation>
    </message>
    <message>
        <source>Marking a case as needing review needs a note saying why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An escalation needs a level, from routine review to 999 / emergency department.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An escalation needs the SBAR situation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An escalation needs the SBAR background.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An escalation needs the SBAR assessment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An escalation needs the SBAR recommendation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A de-escalation goes to a lower level: no escalation, or routine review up to 111 / out-of-hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A de-escalation needs a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A hand-over needs the clinician or team the case is handed to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an escalation or a de-escalation has a level.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an escalation has an SBAR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a hand-over names whom the case is handed to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event lists more than %1 earlier events.</source>
        <translation>Mae’r digwyddiad yn rhestru mwy na %1 o ddigwyddiadau cynharach.</translation>
    </message>
    <message>
        <source>An earlier event the event refers to has no valid id.</source>
        <translation>Nid oes gan ddigwyddiad cynharach y mae’r digwyddiad yn cyfeirio ato ID dilys.</translation>
    </message>
    <message>
        <source>An event cannot follow itself.</source>
        <translation>Ni all digwyddiad ddilyn ei hun.</translation>
    </message>
    <message>
        <source>The event lists an earlier event twice.</source>
        <translation>Mae’r digwyddiad yn rhestru digwyddiad cynharach ddwywaith.</translation>
    </message>
    <message>
        <source>Only a note refers to a time in the recording.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording time the note refers to is not a valid date and time.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::clinical::EscalationLevel</name>
    <message>
        <source>No escalation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routine review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgent clinical review (GP / virtual-ward clinician)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgent community response (2-hour)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>111 / out-of-hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>999 / emergency department</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::clinical::News2</name>
    <message>
        <source>%1 of %2 is outside the range Vigil scores (%3 to %4); check the reading.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not a number)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Respiration rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SpO₂</source>
        <translation type="unfinished">SpO₂</translation>
    </message>
    <message>
        <source>Air or oxygen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Systolic blood pressure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pulse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consciousness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low–medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incomplete observation set: not a NEWS2 score. Complete the observations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routine monitoring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A registered nurse assesses the patient and decides on the monitoring frequency or escalation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgent review by a clinician (a score of 3 in a single parameter).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgent response: urgent assessment by a clinician with competence in acute illness.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergency response: emergency assessment; in the community consider transfer (999).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least every 12 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least hourly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continuous monitoring of vital signs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least every 4–6 hours</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::clinical::News2Assessor</name>
    <message>
        <source>Consciousness (ACVPU) can only be assessed by a clinician.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Air or oxygen is recorded by a clinician or the patient.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::clinical::Provenance</name>
    <message>
        <source>device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>derived from the waveform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entered by a clinician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entered by the patient</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::clinical::SbarPrefill</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished">%1 e</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished">%1 mun</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished">%1 awr</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation type="unfinished">%1 d</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NEWS2 %1 (%2 risk).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NEWS2 incomplete (not measured: %1); the total could be %2 to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A single parameter scores 3: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No NEWS2 score is available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No active alarms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active alarms: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ago, not recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 %3 (%4)</source>
        <translation type="unfinished">%1 (%2) {1 %2 %3 ?} {4)?}</translation>
    </message>
    <message>
        <source>heart rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SpO₂</source>
        <translation type="unfinished">SpO₂</translation>
    </message>
    <message>
        <source>respiration rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blood pressure %1/%2 %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>systolic blood pressure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>diastolic blood pressure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monitored remotely. No readings have been received.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monitored remotely. Latest readings: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>oxygen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>air</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2, score %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NEWS2 parameters: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No NEWS2 score is available; assess the patient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalation to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NEWS2 response (RCP): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monitoring: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State the response requested.</source>
        <translation type="unfinished"></translation>
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
    <message>
        <source>The OS keychain entry named in “%1” does not hold a Vigil key, or it is damaged.</source>
        <translation>Nid yw’r cofnod yng nghadwyn allweddi’r system weithredu a enwir yn “%1” yn dal allwedd Vigil, neu mae wedi’i ddifrodi.</translation>
    </message>
    <message>
        <source>The key kept in the OS keychain for “%1” is damaged: the field “%2” is missing or invalid.</source>
        <translation>Mae’r allwedd a gedwir yng nghadwyn allweddi’r system weithredu ar gyfer “%1” wedi’i difrodi: mae’r maes “%2” ar goll neu’n annilys.</translation>
    </message>
    <message>
        <source>The key kept in the OS keychain for “%1” asks for key-derivation settings that Vigil does not accept (%2). It may have been altered.</source>
        <translation>Mae’r allwedd a gedwir yng nghadwyn allweddi’r system weithredu ar gyfer “%1” yn gofyn am osodiadau deillio allwedd nad yw Vigil yn eu derbyn (%2). Efallai ei bod wedi’i newid.</translation>
    </message>
    <message>
        <source>The key of this cache is kept in the OS keychain (“%1” names the entry “%2”), but the keychain has no such entry. It may have been deleted, or the cache may come from another computer or user account. Without the key the cache cannot be opened.</source>
        <translation>Mae allwedd y storfa hon yn cael ei chadw yng nghadwyn allweddi’r system weithredu (mae “%1” yn enwi’r cofnod “%2”), ond nid oes cofnod o’r fath yn y gadwyn allweddi. Efallai ei fod wedi’i ddileu, neu efallai fod y storfa’n dod o gyfrifiadur neu gyfrif defnyddiwr arall. Heb yr allwedd nid oes modd agor y storfa.</translation>
    </message>
    <message>
        <source>The key of this cache is kept in the OS keychain (“%1” names the entry “%2”), and the keychain could not be used. %3</source>
        <translation>Mae allwedd y storfa hon yn cael ei chadw yng nghadwyn allweddi’r system weithredu (mae “%1” yn enwi’r cofnod “%2”), ac nid oedd modd defnyddio’r gadwyn allweddi. %3</translation>
    </message>
    <message>
        <source>The OS keychain entry “%1” named in “%2” holds the key of another cache (%3, not %4), so this cache cannot be opened with it.</source>
        <translation>Mae’r cofnod “%1” yng nghadwyn allweddi’r system weithredu a enwir yn “%2” yn dal allwedd storfa arall (%3, nid %4), felly nid oes modd agor y storfa hon ag ef.</translation>
    </message>
    <message>
        <source>%1 It was left as it is.</source>
        <translation>%1 Fe’i gadawyd fel yr oedd.</translation>
    </message>
    <message>
        <source>The key file “%1” refers to the key of another cache in the OS keychain; it was left as it is.</source>
        <translation>Mae’r ffeil allwedd “%1” yn cyfeirio at allwedd storfa arall yng nghadwyn allweddi’r system weithredu; fe’i gadawyd fel yr oedd.</translation>
    </message>
    <message>
        <source>The key of “%1” could not be written to the OS keychain. %2</source>
        <translation>Methu ysgrifennu allwedd “%1” i gadwyn allweddi’r system weithredu. %2</translation>
    </message>
    <message>
        <source>The key of “%1” was written to the OS keychain, but did not read back unchanged.</source>
        <translation>Ysgrifennwyd allwedd “%1” i gadwyn allweddi’r system weithredu, ond nid oedd yn ddigyfnewid wrth ei darllen yn ôl.</translation>
    </message>
    <message>
        <source>The key file “%1” was left as it is.</source>
        <translation>Gadawyd y ffeil allwedd “%1” fel yr oedd.</translation>
    </message>
    <message>
        <source>The key could not be moved to the OS keychain. %1 %2</source>
        <translation>Methu symud yr allwedd i gadwyn allweddi’r system weithredu. %1 %2</translation>
    </message>
    <message>
        <source>The key was written to the OS keychain but did not read back unchanged. %1</source>
        <translation>Ysgrifennwyd yr allwedd i gadwyn allweddi’r system weithredu ond nid oedd yn ddigyfnewid wrth ei darllen yn ôl. %1</translation>
    </message>
    <message>
        <source>The key was moved to the OS keychain, but the new key file does not lead to it (%1), and the old key file could not be put back (%2). The key is still in the OS keychain as “%3”.</source>
        <translation>Symudwyd yr allwedd i gadwyn allweddi’r system weithredu, ond nid yw’r ffeil allwedd newydd yn arwain ati (%1), ac nid oedd modd rhoi’r hen ffeil allwedd yn ôl (%2). Mae’r allwedd yn dal yng nghadwyn allweddi’r system weithredu fel “%3”.</translation>
    </message>
    <message>
        <source>The key was moved to the OS keychain, but the new key file did not lead to it (%1). %2</source>
        <translation>Symudwyd yr allwedd i gadwyn allweddi’r system weithredu, ond nid oedd y ffeil allwedd newydd yn arwain ati (%1). %2</translation>
    </message>
    <message>
        <source>%1 The key is still in the OS keychain.</source>
        <translation>%1 Mae’r allwedd yn dal yng nghadwyn allweddi’r system weithredu.</translation>
    </message>
    <message>
        <source>The key file “%1” was written but does not load (%2), and the reference to the OS keychain could not be put back (%3). The key is still in the OS keychain as “%4”.</source>
        <translation>Ysgrifennwyd y ffeil allwedd “%1” ond nid yw’n llwytho (%2), ac nid oedd modd rhoi’r cyfeiriad at gadwyn allweddi’r system weithredu yn ôl (%3). Mae’r allwedd yn dal yng nghadwyn allweddi’r system weithredu fel “%4”.</translation>
    </message>
    <message>
        <source>The key file “%1” was written but did not load (%2); the key was left in the OS keychain.</source>
        <translation>Ysgrifennwyd y ffeil allwedd “%1” ond ni lwythodd (%2); gadawyd yr allwedd yng nghadwyn allweddi’r system weithredu.</translation>
    </message>
    <message>
        <source>The key is back in the key file, but its old OS keychain entry “%1” could not be deleted. %2</source>
        <translation>Mae’r allwedd yn ôl yn y ffeil allwedd, ond nid oedd modd dileu ei hen gofnod “%1” yng nghadwyn allweddi’r system weithredu. %2</translation>
    </message>
</context>
<context>
    <name>vigil::crypto::KeychainStore</name>
    <message>
        <source>no details were given</source>
        <translation>ni roddwyd manylion</translation>
    </message>
    <message>
        <source>The OS keychain has no entry “%1”.</source>
        <translation>Nid oes cofnod “%1” yng nghadwyn allweddi’r system weithredu.</translation>
    </message>
    <message>
        <source>The OS keychain refused access, or it is locked (%1). Unlock it and try again.</source>
        <translation>Gwrthododd cadwyn allweddi’r system weithredu fynediad, neu mae wedi’i chloi (%1). Datglowch hi a rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <source>No OS keychain is available on this computer (%1).</source>
        <translation>Nid oes cadwyn allweddi system weithredu ar gael ar y cyfrifiadur hwn (%1).</translation>
    </message>
    <message>
        <source>The OS keychain could not be used (%1).</source>
        <translation>Methu defnyddio cadwyn allweddi’r system weithredu (%1).</translation>
    </message>
    <message>
        <source>The OS keychain can only be used while Vigil is running.</source>
        <translation>Dim ond tra bo Vigil yn rhedeg y mae modd defnyddio cadwyn allweddi’r system weithredu.</translation>
    </message>
    <message>
        <source>The OS keychain did not answer within %1 seconds.</source>
        <translation>Ni atebodd cadwyn allweddi’r system weithredu o fewn %1 eiliad.</translation>
    </message>
    <message>
        <source>The OS keychain is locked and was not unlocked. Unlock it and try again.</source>
        <translation>Mae cadwyn allweddi’r system weithredu wedi’i chloi ac ni chafodd ei datgloi. Datglowch hi a rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <source>This build of Vigil has no OS keychain support.</source>
        <translation>Nid oes gan y fersiwn hon o Vigil gefnogaeth i gadwyn allweddi’r system weithredu.</translation>
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
    <name>vigil::itemmodels::CaseEventListModel</name>
    <message>
        <source>escalated while the case was being resolved — check with the other clinician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed the level at the same time as another clinician changed it to a different level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>escalation not acknowledged yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>arrived twice with different contents; every workstation shows the same copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handed over to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De-escalated to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (as applied: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (remote)</source>
        <translation>%1 (o bell)</translation>
    </message>
    <message>
        <source>this workstation</source>
        <translation>y weithfan hon</translation>
    </message>
    <message>
        <source>S: %1 B: %2 A: %3 R: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs attention: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 UTC</source>
        <translation>%1 UTC</translation>
    </message>
    <message>
        <source>Situation: %1
Background: %2
Assessment: %3
Recommendation: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time (local)</source>
        <translation>Amser (lleol)</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Cam gweithredu</translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation>Clinigydd</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Gweithfan</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Manylion</translation>
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
        <translation>Byw</translation>
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
    <name>vigil::itemmodels::WorklistModel</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n e</numerusform>
            <numerusform>%n e</numerusform>
            <numerusform>%n e</numerusform>
            <numerusform>%n e</numerusform>
            <numerusform>%n e</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n mun</numerusform>
            <numerusform>%n mun</numerusform>
            <numerusform>%n mun</numerusform>
            <numerusform>%n mun</numerusform>
            <numerusform>%n mun</numerusform>
        </translation>
    </message>
    <message>
        <source>not seen yet</source>
        <translation>heb ei weld eto</translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NEWS2 %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alarm %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>escalation changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no change since %1 ago</source>
        <translation>dim newid ers %1</translation>
    </message>
    <message>
        <source>check readings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>incomplete (%1–%2)%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, a 3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>steady</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%2 in 1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> (+%n more)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>no data yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — no data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>review needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; review needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Claf</translation>
    </message>
    <message>
        <source>NEWS2</source>
        <translation>NEWS2</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Tuedd</translation>
    </message>
    <message>
        <source>Alarm condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data age</source>
        <translation>Oedran y data</translation>
    </message>
    <message>
        <source>Unacknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since I last looked</source>
        <translation>Ers i mi edrych ddiwethaf</translation>
    </message>
</context>
<context>
    <name>vigil::ui::AlarmLimitsDialog</name>
    <message>
        <source>Alarm limits — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These limits apply to this patient only. An alarm is raised when a reading stays below or above a threshold for the delay; a HIGH threshold must be at least as extreme as the MEDIUM one. Alarms on this workstation are advisory (a secondary alarm system).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Programme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore programme &amp;defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vital sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason for the change (recorded in the audit log):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished">%1 (%2)</translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the %1 programme&apos;s default limits? The limits in the table, which differ from the %2 defaults, will be replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Load %1 defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep these limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>was %1, %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2, %3</source>
        <translation type="unfinished">%1: %3 {1 %2,?}</translation>
    </message>
    <message>
        <source>%1: threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: delay in seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the reason for the change to save it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No change from the patient&apos;s current limits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s) differ from the patient&apos;s current limits.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>e.g. SpO₂ target 88–92 % prescribed by the respiratory team</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::AlarmTone</name>
    <message>
        <source>No audio output: alarms are visual only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audio output cannot play the alarm tones: alarms are visual only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audio output failed: alarms are visual only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audio output could not be opened: alarms are visual only</source>
        <translation type="unfinished"></translation>
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
    <message>
        <source>&amp;Keep the key in this computer&apos;s keychain</source>
        <translation>&amp;Cadw’r allwedd yng nghadwyn allweddi’r cyfrifiadur hwn</translation>
    </message>
    <message>
        <source>The encrypted key is then kept in the operating system&apos;s keychain instead of a file beside the cache. The passphrase is still needed to open the cache.</source>
        <translation>Yna caiff yr allwedd wedi’i hamgryptio ei chadw yng nghadwyn allweddi’r system weithredu yn lle mewn ffeil wrth ymyl y storfa. Mae angen y cyfrinymadrodd o hyd i agor y storfa.</translation>
    </message>
    <message>
        <source>The key could not be moved to the OS keychain.</source>
        <translation>Methu symud yr allwedd i gadwyn allweddi’r system weithredu.</translation>
    </message>
    <message>
        <source>Key kept in the key file</source>
        <translation>Cadwyd yr allwedd yn y ffeil allwedd</translation>
    </message>
    <message>
        <source>The cache was created, but its key could not be moved to this computer&apos;s keychain, so it is kept in the key file beside the cache.

%1</source>
        <translation>Cafodd y storfa ei chreu, ond nid oedd modd symud ei hallwedd i gadwyn allweddi’r cyfrifiadur hwn, felly mae’n cael ei chadw yn y ffeil allwedd wrth ymyl y storfa.

%1</translation>
    </message>
</context>
<context>
    <name>vigil::ui::CaseTimeline</name>
    <message>
        <source>Case actions</source>
        <translation>Camau gweithredu ar yr achos</translation>
    </message>
    <message>
        <source>No case actions yet</source>
        <translation>Dim camau gweithredu ar yr achos eto</translation>
    </message>
    <message>
        <source>Escalation: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>held by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>review outstanding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>escalation not acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n earlier action(s) not received yet</source>
        <translation>
            <numerusform>%n cam gweithredu cynharach heb eu derbyn eto</numerusform>
            <numerusform>%n cam gweithredu cynharach heb ei dderbyn eto</numerusform>
            <numerusform>%n cam gweithredu cynharach heb eu derbyn eto</numerusform>
            <numerusform>%n cam gweithredu cynharach heb eu derbyn eto</numerusform>
            <numerusform>%n cam gweithredu cynharach heb eu derbyn eto</numerusform>
        </translation>
    </message>
    <message>
        <source>Warning: escalated while being resolved — check with the other clinician</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::ClinicalAlarmBanner</name>
    <message>
        <source>Clinical alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarms on this remote workstation are advisory (a secondary alarm system): they do not replace the patient&apos;s own devices or clinical judgement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarm signal state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge the alarm shown: its audio stops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audio pause 2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause the audio of all alarms for 2 minutes (AUDIO PAUSED)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the patient of the alarm shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause alarms 2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause all alarm signals, audio and visual, for 2 minutes (ALARM PAUSED); alarm conditions are still tracked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarm reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ALARM RESET: end held alarms whose condition has gone and acknowledge the others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AUDIO PAUSED %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AUDIO PAUSED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ALARM PAUSED %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ALARM PAUSED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AUDIO OFF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 alarm active — unlock to see</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation type="unfinished">Gweithfan</translation>
    </message>
    <message>
        <source>Unknown patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technical: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — condition ended, held until acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — escalated (not acknowledged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — ACKNOWLEDGED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (acknowledged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+1 more alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+%1 more alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (highest %2 %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — alarms will not sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — new alarms will not sound or flash until then</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 priority alarm</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::EcgStripReport</name>
    <message>
        <source>Pseudonym: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1    NHS Number %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECG rhythm strip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2 UTC  (local time %3 to %4 %5)  —  %6 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>25 mm/s  10 mm/mV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed %1 %2 by %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vigil. True scale only if each calibration pulse is 10 mm tall and 5 mm squares are 5 mm; print at 100 %, not Ǐit to page”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 UTC (%2 local)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No printer or file to print to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no ECG in the chosen interval to print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The page is too small to print %n ECG lane(s) at 25 mm/s and 10 mm/mV.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::ui::EscalationDialog</name>
    <message>
        <source>Case — %1</source>
        <translation>Achos — %1</translation>
    </message>
    <message>
        <source>Not escalated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated to: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated while it was being resolved: the escalation stands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held by: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A review is requested.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  %2 (%3): %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Action</source>
        <translation>&amp;Cam gweithredu</translation>
    </message>
    <message>
        <source>&amp;Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who takes the case (name, role or team)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hand over to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note / reason</source>
        <translation>&amp;Nodyn / rheswm</translation>
    </message>
    <message>
        <source>SBAR (drafted from the data: check and edit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Situation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Cofnodi</translation>
    </message>
    <message>
        <source>The case is not escalated: there is nothing to de-escalate.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::EscalationSummaryReport</name>
    <message>
        <source>Pseudonym: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1    NHS Number %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[redacted]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NEWS2 at the time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not be scored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NEWS2 %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incomplete observation set: not a NEWS2 score (the missing parameters allow %1 to %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; a single parameter scored 3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SpO2 scale 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SpO2 scale 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/min</source>
        <translation type="unfinished">/min</translation>
    </message>
    <message>
        <source>%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mmHg</source>
        <translation type="unfinished">mmHg</translation>
    </message>
    <message>
        <source>ଌ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stale (too old to use)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>oxygen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>air</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalation summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pseudonymised copy: the patient&apos;s name and NHS Number are redacted where the clinicians wrote them out; other details in their notes are printed as written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current escalation level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished">Achos</translation>
    </message>
    <message>
        <source>no actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highest level reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outstanding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledgement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>escalation not acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: escalated while being resolved — check with the other clinician.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest escalation (SBAR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case has not been escalated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished">%1 (%2)</translation>
    </message>
    <message>
        <source>Escalated to %1 at %2 by %3, workstation %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Situation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No actions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation type="unfinished">Clinigydd</translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions in causal order: each comes after every action its author had seen. Times are the creating workstation&apos;s clock, local time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No printer or file to print to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page is too small for the escalation summary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed %1 %2 by %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalation summary — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation type="unfinished"></translation>
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
    <name>vigil::ui::ImportDialog</name>
    <message>
        <source>Import files</source>
        <translation>Mewngludo ffeiliau</translation>
    </message>
    <message>
        <source>Imported recordings and messages are kept in the encrypted cache as patients for review. They are never shown as live patients.</source>
        <translation>Mae recordiadau a negeseuon a fewngludwyd yn cael eu cadw yn y storfa wedi’i hamgryptio fel cleifion i’w hadolygu. Nid ydynt byth yn cael eu dangos fel cleifion byw.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Ffeil</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Math</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Canlyniad</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Cleifion</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Samplau</translation>
    </message>
    <message>
        <source>Vital signs</source>
        <translation>Arwyddion hanfodol</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Anodiadau</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemau</translation>
    </message>
    <message>
        <source>Select a file to see what could not be used.</source>
        <translation>Dewiswch ffeil i weld beth nad oedd modd ei ddefnyddio.</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>Canslo’r mewngludo</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Yn aros</translation>
    </message>
    <message>
        <source>%v of %m files</source>
        <translation>%v o %m ffeil</translation>
    </message>
    <message>
        <source>Cancelling after the current step; what was read is kept…</source>
        <translation>Yn canslo ar ôl y cam presennol; mae’r hyn a ddarllenwyd yn cael ei gadw…</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Mewngludwyd</translation>
    </message>
    <message>
        <source>Partly imported (cancelled)</source>
        <translation>Mewngludwyd yn rhannol (canslwyd)</translation>
    </message>
    <message>
        <source>Partly imported (see problems)</source>
        <translation>Mewngludwyd yn rhannol (gweler y problemau)</translation>
    </message>
    <message>
        <source>Not imported (cancelled)</source>
        <translation>Heb ei fewngludo (canslwyd)</translation>
    </message>
    <message>
        <source>Not imported (see problems)</source>
        <translation>Heb ei fewngludo (gweler y problemau)</translation>
    </message>
    <message>
        <source>Skipped (part of a record)</source>
        <translation>Hepgorwyd (rhan o gofnod)</translation>
    </message>
    <message>
        <source>WFDB record</source>
        <translation>Cofnod WFDB</translation>
    </message>
    <message>
        <source>WFDB signal or annotation file</source>
        <translation>Ffeil signal neu anodiadau WFDB</translation>
    </message>
    <message>
        <source>EDF / EDF+</source>
        <translation>EDF / EDF+</translation>
    </message>
    <message>
        <source>FHIR R4 JSON</source>
        <translation>FHIR R4 JSON</translation>
    </message>
    <message>
        <source>FHIR R4 NDJSON</source>
        <translation>FHIR R4 NDJSON</translation>
    </message>
    <message>
        <source>HL7 v2</source>
        <translation>HL7 v2</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Anhysbys</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Yn mewngludo…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Problem: %1</source>
        <translation>Problem: %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Nodyn: %1</translation>
    </message>
    <message>
        <source>What could not be used is kept in the quarantine (Help &gt; Diagnostics).</source>
        <translation>Mae’r hyn nad oedd modd ei ddefnyddio yn cael ei gadw yn y cwarantin (Cymorth &gt; Diagnosteg).</translation>
    </message>
    <message>
        <source>%1 of %2 file(s) imported, %3 in part, %4 not imported, %5 skipped; %6 patient(s) for review.</source>
        <translation>Mewngludwyd %1 o %2 ffeil, %3 yn rhannol; heb eu mewngludo: %4; hepgorwyd: %5; cleifion i’w hadolygu: %6.</translation>
    </message>
    <message>
        <source>Cancelling… %1</source>
        <translation>Yn canslo… %1</translation>
    </message>
    <message>
        <source>Importing… %1</source>
        <translation>Yn mewngludo… %1</translation>
    </message>
    <message>
        <source>Cancelled. %1</source>
        <translation>Canslwyd. %1</translation>
    </message>
    <message>
        <source>Done. %1</source>
        <translation>Wedi gorffen. %1</translation>
    </message>
</context>
<context>
    <name>vigil::ui::IngestDiagnosticsDialog</name>
    <message>
        <source>Vigil — ingest diagnostics</source>
        <translation>Vigil — diagnosteg derbyn data</translation>
    </message>
    <message>
        <source>The live data path: transports, sources and quarantined messages. Patient data is not shown here.</source>
        <translation>Llwybr y data byw: cludiant, ffynonellau a negeseuon mewn cwarantin. Nid yw data cleifion yn cael ei ddangos yma.</translation>
    </message>
    <message>
        <source>Transports</source>
        <translation>Cludiant</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Ffynonellau</translation>
    </message>
    <message>
        <source>Latest quarantined messages</source>
        <translation>Y negeseuon diweddaraf mewn cwarantin</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Adnewyddu</translation>
    </message>
    <message>
        <source>Broker: %1. Messages received: %2. Connections made: %3.</source>
        <translation>Brocer: %1. Negeseuon a dderbyniwyd: %2. Cysylltiadau a wnaed: %3.</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>dim eto</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Gwall olaf: %1</translation>
    </message>
    <message>
        <source>MQTT: not configured (vigil --broker URI)</source>
        <translation>MQTT: heb ei ffurfweddu (vigil --broker URI)</translation>
    </message>
    <message>
        <source>Connections: %1. Messages: %2 (accepted AA %3, errors AE %4, rejected AR %5). Bytes skipped between frames: %6.</source>
        <translation>Cysylltiadau: %1. Negeseuon: %2 (derbyniwyd AA %3, gwallau AE %4, gwrthodwyd AR %5). Beitiau a hepgorwyd rhwng fframiau: %6.</translation>
    </message>
    <message>
        <source>MLLP: not configured (vigil --mllp PORT)</source>
        <translation>MLLP: heb ei ffurfweddu (vigil --mllp PORT)</translation>
    </message>
    <message>
        <source>No cache is open.</source>
        <translation>Nid oes storfa ar agor.</translation>
    </message>
    <message>
        <source>The quarantine cannot be read: %1</source>
        <translation>Methu darllen y cwarantin: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) in the cache&apos;s quarantine (newest first; payloads stay encrypted in the cache and are not shown).</source>
        <translation>
            <numerusform>%n neges yng nghwarantin y storfa (y mwyaf diweddar yn gyntaf; mae’r cynnwys yn aros wedi’i amgryptio yn y storfa ac nid yw’n cael ei ddangos).</numerusform>
            <numerusform>%n neges yng nghwarantin y storfa (y mwyaf diweddar yn gyntaf; mae’r cynnwys yn aros wedi’i amgryptio yn y storfa ac nid yw’n cael ei ddangos).</numerusform>
            <numerusform>%n neges yng nghwarantin y storfa (y mwyaf diweddar yn gyntaf; mae’r cynnwys yn aros wedi’i amgryptio yn y storfa ac nid yw’n cael ei ddangos).</numerusform>
            <numerusform>%n neges yng nghwarantin y storfa (y mwyaf diweddar yn gyntaf; mae’r cynnwys yn aros wedi’i amgryptio yn y storfa ac nid yw’n cael ei ddangos).</numerusform>
            <numerusform>%n neges yng nghwarantin y storfa (y mwyaf diweddar yn gyntaf; mae’r cynnwys yn aros wedi’i amgryptio yn y storfa ac nid yw’n cael ei ddangos).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::ui::IngestQuarantineModel</name>
    <message>
        <source>Received</source>
        <translation>Derbyniwyd</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Ffynhonnell</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Rheswm</translation>
    </message>
</context>
<context>
    <name>vigil::ui::IngestSourceModel</name>
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
        <source>%1 days</source>
        <translation>%1 diwrnod</translation>
    </message>
    <message>
        <source>device clock %1 behind</source>
        <translation>cloc y ddyfais %1 ar ei hôl hi</translation>
    </message>
    <message>
        <source>device clock %1 ahead</source>
        <translation>cloc y ddyfais %1 o’i flaen</translation>
    </message>
    <message>
        <source>Receive time minus device time of the newest data: %1. Largest seen: %2. A large positive value can also mean late delivery (data queued while the link was down).</source>
        <translation>Amser derbyn llai amser y ddyfais ar gyfer y data mwyaf diweddar: %1. Y mwyaf a welwyd: %2. Gall gwerth positif mawr hefyd olygu danfon hwyr (data a giwiwyd tra oedd y cysylltiad i lawr).</translation>
    </message>
    <message>
        <source>%1 rejected whole, %2 with unusable parts (%3 problems in all)</source>
        <translation>%1 wedi’u gwrthod yn gyfan, %2 â rhannau na ellir eu defnyddio (%3 problem i gyd)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Ffynhonnell</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Negeseuon</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Samplau</translation>
    </message>
    <message>
        <source>Vital signs</source>
        <translation>Arwyddion hanfodol</translation>
    </message>
    <message>
        <source>Repeats dropped</source>
        <translation>Ailadroddiadau a hepgorwyd</translation>
    </message>
    <message>
        <source>Quarantined</source>
        <translation>Mewn cwarantin</translation>
    </message>
    <message>
        <source>Clock skew</source>
        <translation>Gwyriad cloc</translation>
    </message>
    <message>
        <source>Last message</source>
        <translation>Neges olaf</translation>
    </message>
    <message>
        <source>Last problem</source>
        <translation>Problem olaf</translation>
    </message>
</context>
<context>
    <name>vigil::ui::IngestStatus</name>
    <message>
        <source>MQTT: link down since %1 — retrying</source>
        <translation>MQTT: cysylltiad i lawr ers %1 — yn ailgeisio</translation>
    </message>
    <message>
        <source>MQTT: connected to %1</source>
        <translation>MQTT: wedi cysylltu â %1</translation>
    </message>
    <message>
        <source>MQTT: connecting…</source>
        <translation>MQTT: yn cysylltu…</translation>
    </message>
    <message>
        <source>MQTT: connecting to %1…</source>
        <translation>MQTT: yn cysylltu â %1…</translation>
    </message>
    <message>
        <source>MQTT: stopped</source>
        <translation>MQTT: wedi stopio</translation>
    </message>
    <message>
        <source>MLLP: not listening</source>
        <translation>MLLP: ddim yn gwrando</translation>
    </message>
    <message numerus="yes">
        <source>MLLP: listening on %1, %n message(s)</source>
        <translation>
            <numerusform>MLLP: yn gwrando ar %1, %n neges</numerusform>
            <numerusform>MLLP: yn gwrando ar %1, %n neges</numerusform>
            <numerusform>MLLP: yn gwrando ar %1, %n neges</numerusform>
            <numerusform>MLLP: yn gwrando ar %1, %n neges</numerusform>
            <numerusform>MLLP: yn gwrando ar %1, %n neges</numerusform>
        </translation>
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
    <message>
        <source>&amp;Diagnostics…</source>
        <translation>&amp;Diagnosteg…</translation>
    </message>
    <message>
        <source> (escalated while being resolved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technical alarm: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing files (File &gt; Import shows progress)</source>
        <translation>Yn mewngludo ffeiliau (mae Ffeil &gt; Mewngludo yn dangos y cynnydd)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Mewngludo…</translation>
    </message>
    <message>
        <source>&amp;Clinical</source>
        <translation>C&amp;linigol</translation>
    </message>
    <message>
        <source>Record &amp;observations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Acknowledge the patient&apos;s alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause alarm &amp;audio (2 minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause all alar&amp;ms (2 minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarm &amp;reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarm audio o&amp;ff…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarm &amp;limits for the patient…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Escalate or act on the case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Worklist</source>
        <translation>Rhestr &amp;waith</translation>
    </message>
    <message>
        <source>Alarm audio back o&amp;n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record observations — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another workstation escalated a case to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A case was updated on another workstation (%1).</source>
        <translation>Cafodd achos ei ddiweddaru ar weithfan arall (%1).</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Achos</translation>
    </message>
    <message>
        <source>The action could not be recorded.</source>
        <translation>Methu cofnodi’r cam gweithredu.</translation>
    </message>
    <message>
        <source>Import recordings and messages</source>
        <translation>Mewngludo recordiadau a negeseuon</translation>
    </message>
    <message>
        <source>Recordings and messages (*.hea *.edf *.bdf *.json *.ndjson *.jsonl *.hl7 *.hl7v2 *.er7 *.txt);;WFDB records (*.hea);;EDF / EDF+ (*.edf *.bdf);;FHIR R4 (*.json *.ndjson *.jsonl);;HL7 v2 (*.hl7 *.hl7v2 *.er7 *.txt);;All files (*)</source>
        <translation>Recordiadau a negeseuon (*.hea *.edf *.bdf *.json *.ndjson *.jsonl *.hl7 *.hl7v2 *.er7 *.txt);;Cofnodion WFDB (*.hea);;EDF / EDF+ (*.edf *.bdf);;FHIR R4 (*.json *.ndjson *.jsonl);;HL7 v2 (*.hl7 *.hl7v2 *.er7 *.txt);;Pob ffeil (*)</translation>
    </message>
    <message>
        <source>Import files</source>
        <translation>Mewngludo ffeiliau</translation>
    </message>
    <message>
        <source>No cache is open, so nothing can be imported.</source>
        <translation>Nid oes storfa ar agor, felly nid oes modd mewngludo dim.</translation>
    </message>
    <message numerus="yes">
        <source>Sending %n case action(s)</source>
        <translation>
            <numerusform>Yn anfon %n cam gweithredu ar achosion</numerusform>
            <numerusform>Yn anfon %n cam gweithredu ar achosion</numerusform>
            <numerusform>Yn anfon %n cam gweithredu ar achosion</numerusform>
            <numerusform>Yn anfon %n cam gweithredu ar achosion</numerusform>
            <numerusform>Yn anfon %n cam gweithredu ar achosion</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case action(s) not yet sent to other workstations (no link)</source>
        <translation>
            <numerusform>%n cam gweithredu ar achosion heb eu hanfon i weithfannau eraill eto (dim cysylltiad)</numerusform>
            <numerusform>%n cam gweithredu ar achosion heb ei anfon i weithfannau eraill eto (dim cysylltiad)</numerusform>
            <numerusform>%n cam gweithredu ar achosion heb eu hanfon i weithfannau eraill eto (dim cysylltiad)</numerusform>
            <numerusform>%n cam gweithredu ar achosion heb eu hanfon i weithfannau eraill eto (dim cysylltiad)</numerusform>
            <numerusform>%n cam gweithredu ar achosion heb eu hanfon i weithfannau eraill eto (dim cysylltiad)</numerusform>
        </translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECG &amp;strip to PDF (last 30 s)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the ECG strip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ecg-strip.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalation &amp;summary to PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the escalation summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>escalation-summary.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Review the patient&apos;s recording…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing of this patient is stored yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cache is open.</source>
        <translation type="unfinished">Nid oes storfa ar agor.</translation>
    </message>
    <message>
        <source>ECG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No ECG of this patient is stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such patient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vigil — offline review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline review: no live data, and the cache holds none yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline review: no live data. The newest stored data is from %1 (%2 ago).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case actions are kept and sent to other workstations when Vigil next runs with a broker.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::News2Panel</name>
    <message>
        <source>now</source>
        <translation type="unfinished">nawr</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>oxygen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>air</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — too old, not used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — score %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot score: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NEWS2 %1 — %2 risk%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (a score of 3 in a single parameter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monitoring: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incomplete: not a NEWS2. Possible total %1 to %2%3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; a score of 3 in a single parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NEWS2, last 12 hours</source>
        <translation>NEWS2, y 12 awr diwethaf</translation>
    </message>
    <message>
        <source>SpO₂ scale 2 (prescribed target 88–92 %)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::News2TrendChart</name>
    <message>
        <source>low 0Ĵ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>medium 5Ķ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>high 7+</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NEWS2 total, time in UTC (a gap: incomplete set, not scored)</source>
        <translation type="vanished">Cyfanswm NEWS2, amser yn UTC (bwlch: set anghyflawn, heb sgôr)</translation>
    </message>
    <message>
        <source>NEWS2</source>
        <translation>NEWS2</translation>
    </message>
    <message>
        <source>NEWS2 total</source>
        <translation>Cyfanswm NEWS2</translation>
    </message>
    <message>
        <source>NEWS2 total, time in UTC (hatched: an incomplete set, not scored: the totals it could have)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incomplete set: possible totals</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::ObservationDialog</name>
    <message>
        <source>Record observations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished">%1 (%2)</translation>
    </message>
    <message>
        <source>/min</source>
        <translation type="unfinished">/min</translation>
    </message>
    <message>
        <source>%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Air</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oxygen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mmHg</source>
        <translation type="unfinished">mmHg</translation>
    </message>
    <message>
        <source>not assessed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A — alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C — new confusion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>V — responds to voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P — responds to pain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U — unresponsive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SpO₂ scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the scale changes (who prescribed the target, and why)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for the scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a number from %2 to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why the SpO₂ scale changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter at least one observation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>°C</source>
        <translation type="unfinished">°C</translation>
    </message>
    <message>
        <source>Scale 2 (prescribed target 88–92 %)</source>
        <translation type="unfinished"></translation>
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
    <name>vigil::ui::PdfReportOutput</name>
    <message>
        <source>Cannot start printing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start page %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing did not finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No printer or file to print to.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::ReauthDialog</name>
    <message>
        <source>Turn alarm audio off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;AUDIO OFF&lt;/b&gt; silences every alarm on this workstation, for every patient, until it is turned on again (a reminder sounds every few minutes). Visual alarm signals continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the passphrase…</source>
        <translation>Yn gwirio’r cyfrinymadrodd…</translation>
    </message>
    <message>
        <source>Turn audio &amp;off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This needs your authority: enter the cache &amp;passphrase to confirm.</source>
        <translation>Mae angen eich awdurdod ar gyfer hyn: rhowch &amp;gyfrinymadrodd y storfa i gadarnhau.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Cyfrinymadrodd</translation>
    </message>
    <message>
        <source>This demonstration uses a throwaway cache that has no passphrase, so who you are cannot be checked. To confirm, &amp;type the words %1.</source>
        <translation>Mae’r arddangosiad hwn yn defnyddio storfa dafladwy heb gyfrinymadrodd, felly nid oes modd gwirio pwy ydych chi. I gadarnhau, &amp;teipiwch y geiriau %1.</translation>
    </message>
    <message>
        <source>Confirmation words</source>
        <translation>Geiriau cadarnhau</translation>
    </message>
    <message>
        <source>AUDIO OFF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase is not correct. Check it (and Caps Lock) and try again. Audio stays on.</source>
        <translation>Nid yw’r cyfrinymadrodd yn gywir. Gwiriwch ef (a Caps Lock) a rhowch gynnig arall arni. Mae’r sain yn aros ymlaen.</translation>
    </message>
    <message>
        <source>The passphrase could not be checked: %1 Audio stays on.</source>
        <translation>Methu gwirio’r cyfrinymadrodd: %1 Mae’r sain yn aros ymlaen.</translation>
    </message>
</context>
<context>
    <name>vigil::ui::ReviewLanesView</name>
    <message>
        <source>Annotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Δt 0 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Δt %1 ms = %2 /min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Δt %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ΔV %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No waveforms cached for this patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Part of the recording could not be read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::ReviewTrendsView</name>
    <message>
        <source>Trends: %1 (NEWS2 worked out again from the stored readings)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ui::ReviewWindow</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished">%1 e</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished">%1 mun</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished">%1 awr</translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cache could not be opened for review: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag to pan, wheel to zoom; + / − zoom, ← / → pan, Home whole range, 0 ten-second strip, N / P next / previous marker, B bookmark, A annotation (both kept with the case); Shift+drag time calipers, Ctrl+drag amplitude calipers (ECG).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmark</source>
        <translation>Nod tudalen</translation>
    </message>
    <message>
        <source>Annotation</source>
        <translation>Anodiad</translation>
    </message>
    <message>
        <source>Annotation at %1:</source>
        <translation>Anodiad am %1:</translation>
    </message>
    <message>
        <source>The annotation could not be stored; nothing was added.</source>
        <translation type="unfinished"></translation>
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
        <translation type="vanished">Larwm technegol</translation>
    </message>
    <message>
        <source>Cache behind: %1 samples not saved (live view continues)</source>
        <translation type="vanished">Storfa ar ei hôl hi: %1 sampl heb eu cadw (mae’r olwg fyw yn parhau)</translation>
    </message>
    <message>
        <source>Cache behind: saving is %1 s behind (live view continues)</source>
        <translation type="vanished">Storfa ar ei hôl hi: mae’r cadw %1 e ar ei hôl hi (mae’r olwg fyw yn parhau)</translation>
    </message>
    <message>
        <source>Cache: disk full — data is not being saved (live view continues)</source>
        <translation type="vanished">Storfa: disg yn llawn — nid yw’r data’n cael ei gadw (mae’r olwg fyw yn parhau)</translation>
    </message>
    <message>
        <source>Cache failed — data is not being saved (live view continues)</source>
        <translation type="vanished">Storfa wedi methu — nid yw’r data’n cael ei gadw (mae’r olwg fyw yn parhau)</translation>
    </message>
    <message>
        <source>Cache stopped — data is not being saved (live view continues)</source>
        <translation type="vanished">Storfa wedi stopio — nid yw’r data’n cael ei gadw (mae’r olwg fyw yn parhau)</translation>
    </message>
    <message>
        <source>Technical alarm — %1</source>
        <translation type="vanished">Larwm technegol — %1</translation>
    </message>
</context>
<context>
    <name>vigil::ui::TechnicalAlarmBanner</name>
    <message>
        <source>Technical alarm</source>
        <translation type="unfinished">Larwm technegol</translation>
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
        <translation type="unfinished">Larwm technegol — %1</translation>
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
<context>
    <name>vigil::ui::WorklistDock</name>
    <message>
        <source>Worklist</source>
        <translation>Rhestr waith</translation>
    </message>
    <message>
        <source>Caseload:</source>
        <translation>Llwyth achosion:</translation>
    </message>
    <message>
        <source>Everybody</source>
        <translation>Pawb</translation>
    </message>
    <message>
        <source>Record &amp;observations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Acknowledge alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Escalate / case…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
