#include "codec/hl7message.h"

#include <QFile>
#include <QTest>

using vigil::codec::Hl7Encoding;
using vigil::codec::Hl7Message;
using vigil::codec::Hl7Segment;

namespace {

QByteArray readData(const QString& name)
{
    QFile file(QStringLiteral(VIGIL_TEST_DATA_DIR "/hl7v2/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(name));
    return file.readAll();
}

Hl7Message parseData(const QString& name)
{
    QString error;
    auto message = Hl7Message::parse(readData(name), &error);
    if (!message)
        qFatal("cannot parse %s: %s", qPrintable(name), qPrintable(error));
    return *message;
}

Hl7Message parseText(const QByteArray& bytes)
{
    QString error;
    auto message = Hl7Message::parse(bytes, &error);
    if (!message)
        qFatal("cannot parse a test message: %s", qPrintable(error));
    return *message;
}

QStringList segmentIds(const Hl7Message& message)
{
    QStringList ids;
    for (const Hl7Segment& s : message.segments())
        ids.append(s.id());
    return ids;
}

} // namespace

class TestHl7Message : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pcd01Header();
    void mshFieldNumbering();
    void segmentTerminators_data();
    void segmentTerminators();
    void repetitionsComponentsSubcomponents();
    void absentPartsReadEmpty();
    void naArray();
    void escapeSequences_data();
    void escapeSequences();
    void hexEscapeUsesTheCharset();
    void customDelimitersAndTruncation();
    void latin1FileWithoutMsh18();
    void utf8FileWithoutMsh18();
    void declaredCharsetWins();
    void unknownCharsetFallsBack();
    void bomAndLeadingBlankLines();
    void notHl7_data();
    void notHl7();
    void splitBatch_data();
    void splitBatch();
    void splitKeepsEachMessageIntact();
    void versionNumber_data();
    void versionNumber();
};

void TestHl7Message::pcd01Header()
{
    const Hl7Message m = parseData(QStringLiteral("pcd01/valid-pcd01-request.hl7v2"));
    QCOMPARE(m.messageType(), QStringLiteral("ORU"));
    QCOMPARE(m.triggerEvent(), QStringLiteral("R01"));
    QCOMPARE(m.messageStructure(), QStringLiteral("ORU_R01"));
    QCOMPARE(m.controlId(), QStringLiteral("MSGID1234"));
    QCOMPARE(m.processingId(), QStringLiteral("P"));
    QCOMPARE(m.version(), QStringLiteral("2.6"));
    QCOMPARE(m.versionNumber(), QVersionNumber(2, 6));
    QCOMPARE(m.characterSet(), QString());
    QCOMPARE(segmentIds(m),
        QStringList({QStringLiteral("MSH"), QStringLiteral("PID"), QStringLiteral("OBR"), QStringLiteral("OBX"),
            QStringLiteral("OBX"), QStringLiteral("OBX"), QStringLiteral("OBX"), QStringLiteral("OBX")}));
    QCOMPARE(m.segmentCount(u"OBX"), 5);
    QCOMPARE(m.encoding().field, QChar(u'|'));
    QCOMPARE(m.encoding().encodingCharacters(), QStringLiteral("^~\\&"));
    QVERIFY(m.encoding().truncation.isNull());
    // OBX 3: 150021^MDC_PRESS_BLD_NONINV_SYS^MDC|1.0.1.1|120|266016^MDC_DIM_MMHG^MDC
    QCOMPARE(m.value(u"OBX", 3, 3, 1), QStringLiteral("150021"));
    QCOMPARE(m.value(u"OBX", 3, 3, 2), QStringLiteral("MDC_PRESS_BLD_NONINV_SYS"));
    QCOMPARE(m.value(u"OBX", 3, 4), QStringLiteral("1.0.1.1"));
    QCOMPARE(m.value(u"OBX", 3, 5), QStringLiteral("120"));
    QCOMPARE(m.value(u"OBX", 3, 6, 2), QStringLiteral("MDC_DIM_MMHG"));
    QCOMPARE(m.value(u"OBX", 3, 11), QStringLiteral("R"));
    QCOMPARE(m.value(u"OBR", 1, 7), QStringLiteral("20090813095715+0500"));
    // MSH-21 profile, components.
    QCOMPARE(m.header().value(21, 1), QStringLiteral("IHE PCD ORU-R01 2006"));
    QCOMPARE(m.header().value(21, 3), QStringLiteral("1.3.6.1.4.1.19376.1.6.1.1.1"));
}

void TestHl7Message::mshFieldNumbering()
{
    const Hl7Message m = parseData(QStringLiteral("pcd01/valid-pcd01-MaximumRequest2.hl7"));
    const Hl7Segment& msh = m.header();
    QVERIFY(msh.is(u"MSH"));
    QCOMPARE(msh.value(1), QStringLiteral("|"));
    QCOMPARE(msh.value(2), QStringLiteral("^~\\&")); // MSH-2 is never split or unescaped
    QCOMPARE(msh.componentCount(2), 1);
    QCOMPARE(msh.value(3, 1), QStringLiteral("AcmeInc"));
    QCOMPARE(msh.value(3, 3), QStringLiteral("EUI-64"));
    QCOMPARE(msh.value(4, 2), QStringLiteral("1.2.3.4"));
    QCOMPARE(msh.value(5), QStringLiteral("ReceiveApp"));
    QCOMPARE(msh.value(6), QStringLiteral("ReceiveFac"));
    QCOMPARE(msh.value(7), QStringLiteral("20090713090030+0500"));
    QCOMPARE(msh.value(13), QStringLiteral("1234"));
    QCOMPARE(msh.value(17), QStringLiteral("USA"));
    QCOMPARE(m.characterSet(), QStringLiteral("8859/1"));
    QCOMPARE(m.encoding().charset, Hl7Encoding::Charset::Latin1);
    QCOMPARE(msh.value(19, 2), QStringLiteral("English"));
    QCOMPARE(msh.fieldCount(), 21);
    // Other segments: field n is the n-th after the ID.
    QCOMPARE(m.value(u"PID", 1, 7), QStringLiteral("19770404"));
    QCOMPARE(m.value(u"NTE", 2, 3), QStringLiteral("\"\""));
    QVERIFY(m.segment(u"NTE", 2)->isNull(3));
    QVERIFY(!m.segment(u"NTE", 1)->isNull(3));
    QCOMPARE(m.segmentCount(u"OBR"), 2);
    QCOMPARE(m.segmentCount(u"OBX"), 10);
    QCOMPARE(m.segmentCount(u"NTE"), 13);
}

void TestHl7Message::segmentTerminators_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("ids");
    const QString msh = QStringLiteral("MSH");
    const QString evn = QStringLiteral("EVN");
    const QString pid = QStringLiteral("PID");
    const QString pv1 = QStringLiteral("PV1");
    QTest::newRow("CR") << QStringLiteral("adt/msg-01.hl7") << QStringList{msh, evn, pid, QStringLiteral("NK1"), pv1};
    QTest::newRow("CRLF") << QStringLiteral("adt/translation_pixsource_v2_A04.hl7") << QStringList{msh, evn, pid, pv1};
    QTest::newRow("CRLF, no final terminator")
        << QStringLiteral("oru-lab/dsl_oru-r01-25.hl7")
        << QStringList{msh, pid, pv1, QStringLiteral("PV2"), QStringLiteral("ORC"), QStringLiteral("OBR"),
               QStringLiteral("TQ1"), QStringLiteral("OBX"), QStringLiteral("OBX"), QStringLiteral("OBX"),
               QStringLiteral("OBX"), QStringLiteral("SPM")};
}

void TestHl7Message::segmentTerminators()
{
    QFETCH(QString, file);
    QFETCH(QStringList, ids);
    const Hl7Message m = parseData(file);
    QCOMPARE(segmentIds(m), ids);
    for (const Hl7Segment& s : m.segments()) {
        QVERIFY(!s.rawText().contains(u'\r'));
        QVERIFY(!s.rawText().contains(u'\n'));
    }
    // The same message with LF only, and with a mix, splits the same way.
    QByteArray lf = readData(file);
    lf.replace("\r\n", "\n").replace('\r', '\n');
    QCOMPARE(segmentIds(parseText(lf)), ids);
    QByteArray mixed = lf;
    mixed.replace('\n', "\r\n\n"); // blank lines are skipped
    QCOMPARE(segmentIds(parseText(mixed)), ids);
}

void TestHl7Message::repetitionsComponentsSubcomponents()
{
    // PID-3: PIX10515W3^^^HIMSS2005&1.3.6.1.4.1.21367.2005.1.1&ISO~PIX10515W4^^^&1.2.3.4.5.1000&ISO~
    //        PIX10515W5^^^domain2
    const Hl7Message m = parseData(QStringLiteral("adt/translation_pixfeed_v2_PIX_FEED_REG_Maximal_Request.hl7"));
    const Hl7Segment* pid = m.segment(u"PID");
    QVERIFY(pid);
    QCOMPARE(pid->repetitionCount(3), 3);
    QCOMPARE(pid->value(3, 1, 1, 1), QStringLiteral("PIX10515W3"));
    QCOMPARE(pid->componentCount(3, 1), 4);
    QCOMPARE(pid->value(3, 4, 1, 1), QStringLiteral("HIMSS2005"));
    QCOMPARE(pid->value(3, 4, 2, 1), QStringLiteral("1.3.6.1.4.1.21367.2005.1.1"));
    QCOMPARE(pid->value(3, 4, 3, 1), QStringLiteral("ISO"));
    QCOMPARE(pid->rawComponent(3, 4, 1).toString(), QStringLiteral("HIMSS2005&1.3.6.1.4.1.21367.2005.1.1&ISO"));
    QCOMPARE(pid->value(3, 4, 1, 2), QString());
    QCOMPARE(pid->value(3, 4, 2, 2), QStringLiteral("1.2.3.4.5.1000"));
    QCOMPARE(pid->value(3, 1, 1, 3), QStringLiteral("PIX10515W5"));
    QCOMPARE(pid->value(3, 4, 1, 3), QStringLiteral("domain2"));
    // PID-5: WASHINGTON^MARY^ROSE^II^Dr.^^L~^ANNE^^^^^L~DEAN^^^^^^B
    QCOMPARE(pid->repetitionCount(5), 3);
    QCOMPARE(pid->components(5, 1),
        QStringList({QStringLiteral("WASHINGTON"), QStringLiteral("MARY"), QStringLiteral("ROSE"), QStringLiteral("II"),
            QStringLiteral("Dr."), QString(), QStringLiteral("L")}));
    QCOMPARE(pid->value(5, 2, 1, 2), QStringLiteral("ANNE"));
    QCOMPARE(pid->value(5, 7, 1, 3), QStringLiteral("B"));
    QCOMPARE(pid->text(5, 3), QStringLiteral("DEAN^^^^^^B"));
    QCOMPARE(pid->raw(5).toString(), QStringLiteral("WASHINGTON^MARY^ROSE^II^Dr.^^L~^ANNE^^^^^L~DEAN^^^^^^B"));
}

void TestHl7Message::absentPartsReadEmpty()
{
    const Hl7Message m = parseData(QStringLiteral("pcd01/valid-pcd01-request.hl7v2"));
    const Hl7Segment* pid = m.segment(u"PID");
    QVERIFY(pid);
    QCOMPARE(pid->value(99), QString());
    QCOMPARE(pid->value(0), QString());
    QCOMPARE(pid->value(-3), QString());
    QCOMPARE(pid->value(5, 40), QString());
    QCOMPARE(pid->value(5, 1, 9), QString());
    QCOMPARE(pid->value(5, 1, 1, 7), QString());
    QCOMPARE(pid->repetitionCount(2), 0);
    QCOMPARE(pid->componentCount(99), 0);
    QVERIFY(pid->components(99).isEmpty());
    QCOMPARE(m.segment(u"ZZZ"), nullptr);
    QCOMPARE(m.segment(u"OBX", 6), nullptr);
    QCOMPARE(m.segment(u"OBX", 0), nullptr);
    QCOMPARE(m.value(u"ZZZ", 1, 1), QString());
    QCOMPARE(m.header().value(40), QString());
}

void TestHl7Message::naArray()
{
    // The Continua pulse oximeter's pleth: OBX|3|NA|150452^MDC_PULS_OXIM_PLETH^MDC|1.0.0.2|12^123^24^...
    const Hl7Message m = parseData(QStringLiteral("continua-wan/valid-oximeter-continua-wan.hl7v2"));
    const Hl7Segment* obx = m.segment(u"OBX", 3);
    QVERIFY(obx);
    QCOMPARE(obx->value(2), QStringLiteral("NA"));
    QCOMPARE(obx->componentCount(5), 10);
    QCOMPARE(obx->components(5),
        QStringList({QStringLiteral("12"), QStringLiteral("123"), QStringLiteral("24"), QStringLiteral("12"),
            QStringLiteral("234"), QStringLiteral("55"), QStringLiteral("66"), QStringLiteral("77"),
            QStringLiteral("88"), QStringLiteral("99")}));
    QCOMPARE(obx->value(5, 5), QStringLiteral("234"));
}

void TestHl7Message::escapeSequences_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QString>("expected");
    QTest::newRow("field") << QByteArray("a\\F\\b") << QStringLiteral("a|b");
    QTest::newRow("component") << QByteArray("a\\S\\b") << QStringLiteral("a^b");
    QTest::newRow("subcomponent") << QByteArray("a\\T\\b") << QStringLiteral("a&b");
    QTest::newRow("repetition") << QByteArray("a\\R\\b") << QStringLiteral("a~b");
    QTest::newRow("escape") << QByteArray("C:\\E\\temp") << QStringLiteral("C:\\temp");
    QTest::newRow("all") << QByteArray("\\F\\\\S\\\\T\\\\R\\\\E\\") << QStringLiteral("|^&~\\");
    QTest::newRow("hex") << QByteArray("\\X41424344\\") << QStringLiteral("ABCD");
    QTest::newRow("hex lower case") << QByteArray("\\X6a6b\\") << QStringLiteral("jk");
    QTest::newRow("hex CR LF") << QByteArray("one\\X0D0A\\two") << QStringLiteral("one\r\ntwo");
    QTest::newRow("line break") << QByteArray("line 1\\.br\\line 2") << QStringLiteral("line 1\nline 2");
    QTest::newRow("skip lines") << QByteArray("a\\.sp2\\b") << QStringLiteral("a\nb");
    QTest::newRow("highlight dropped") << QByteArray("\\H\\bold\\N\\ text") << QStringLiteral("bold text");
    QTest::newRow("formatting dropped") << QByteArray("\\.ce\\centred\\.in+4\\") << QStringLiteral("centred");
    QTest::newRow("charset switch dropped") << QByteArray("\\C2842\\x") << QStringLiteral("x");
    QTest::newRow("unknown kept") << QByteArray("a\\Q\\b") << QStringLiteral("a\\Q\\b");
    QTest::newRow("odd hex kept") << QByteArray("\\X414\\") << QStringLiteral("\\X414\\");
    QTest::newRow("bad hex kept") << QByteArray("\\XZZ\\") << QStringLiteral("\\XZZ\\");
    QTest::newRow("empty sequence kept") << QByteArray("a\\\\b") << QStringLiteral("a\\\\b");
    QTest::newRow("unterminated kept") << QByteArray("50\\F") << QStringLiteral("50\\F");
    QTest::newRow("truncation without '#' kept") << QByteArray("x\\P\\") << QStringLiteral("x\\P\\");
    QTest::newRow("plain") << QByteArray("nothing to do") << QStringLiteral("nothing to do");
}

void TestHl7Message::escapeSequences()
{
    QFETCH(QByteArray, raw);
    QFETCH(QString, expected);
    const Hl7Message m = parseText("MSH|^~\\&|A|B|C|D|20240101||ORU^R01|1|P|2.6\rNTE|1||" + raw + "|after\r");
    QCOMPARE(m.value(u"NTE", 1, 3), expected);
    QCOMPARE(m.segment(u"NTE")->text(3), expected);
    QCOMPARE(m.value(u"NTE", 1, 4), QStringLiteral("after")); // escaped delimiters never split
    // escaped() is the inverse for everything unescape() produces from delimiters and CR / LF.
    const Hl7Encoding& enc = m.encoding();
    QCOMPARE(enc.unescape(enc.escaped(expected)), expected);
}

void TestHl7Message::hexEscapeUsesTheCharset()
{
    // \X..\ carries bytes in the message's character set.
    const Hl7Message utf8 =
        parseText("MSH|^~\\&|A|B|C|D|20240101||ORU^R01|1|P|2.6||||||UNICODE UTF-8\rNTE|1||M\\XC3BC\\ller\r");
    QCOMPARE(utf8.value(u"NTE", 1, 3), QStringLiteral("M\u00FCller"));
    const Hl7Message latin1 =
        parseText("MSH|^~\\&|A|B|C|D|20240101||ORU^R01|1|P|2.6||||||8859/1\rNTE|1||M\\XFC\\ller\r");
    QCOMPARE(latin1.value(u"NTE", 1, 3), QStringLiteral("M\u00FCller"));
}

void TestHl7Message::customDelimitersAndTruncation()
{
    // Any punctuation may be a delimiter; v2.7 adds the truncation character to MSH-2.
    const Hl7Message m = parseText("MSH!@*$%#!APP!FAC!!!20240101!!ADT@A08!42!P!2.7\r"
                                   "PID!1!!123@@@AUTH%1.2.3%ISO*456!!Smith@Ann!!19800101\r"
                                   "NTE!1!!a$F$b$S$c$R$d$T$e$E$f$P$\r");
    const Hl7Encoding& enc = m.encoding();
    QCOMPARE(enc.field, QChar(u'!'));
    QCOMPARE(enc.component, QChar(u'@'));
    QCOMPARE(enc.repetition, QChar(u'*'));
    QCOMPARE(enc.escape, QChar(u'$'));
    QCOMPARE(enc.subcomponent, QChar(u'%'));
    QCOMPARE(enc.truncation, QChar(u'#'));
    QCOMPARE(m.header().value(2), QStringLiteral("@*$%#"));
    QCOMPARE(m.messageType(), QStringLiteral("ADT"));
    QCOMPARE(m.triggerEvent(), QStringLiteral("A08"));
    QCOMPARE(m.controlId(), QStringLiteral("42"));
    const Hl7Segment* pid = m.segment(u"PID");
    QCOMPARE(pid->repetitionCount(3), 2);
    QCOMPARE(pid->value(3, 4, 2, 1), QStringLiteral("1.2.3"));
    QCOMPARE(pid->value(3, 1, 1, 2), QStringLiteral("456"));
    QCOMPARE(pid->value(5, 2), QStringLiteral("Ann"));
    QCOMPARE(m.value(u"NTE", 1, 3), QStringLiteral("a!b@c*d%e$f#"));
}

void TestHl7Message::latin1FileWithoutMsh18()
{
    // No MSH-18; MSH-5 and MSH-6 hold ISO-8859-1 bytes (0xC4 'Ä', 0xD6 'Ö'), which are not valid
    // UTF-8, so the bytes are read as Latin-1.
    const QByteArray bytes = readData(QStringLiteral("adt/iti8_iti8-a40-iso-8859-1.hl7"));
    QVERIFY(bytes.contains("BL\xC4H|"));
    const Hl7Message m = parseText(bytes);
    QCOMPARE(m.characterSet(), QString());
    QVERIFY(m.charsetRecognised());
    QCOMPARE(m.encoding().charset, Hl7Encoding::Charset::Latin1);
    QCOMPARE(m.header().value(5), QStringLiteral("BL\u00C4H"));
    QCOMPARE(m.header().value(6), QStringLiteral("BL\u00D6\u00D6\u00D6H-1"));
    QCOMPARE(m.messageType(), QStringLiteral("ADT"));
    QCOMPARE(m.triggerEvent(), QStringLiteral("A40"));
    QCOMPARE(m.versionNumber(), QVersionNumber(2, 3, 1));
    QCOMPARE(m.value(u"PID", 1, 5, 1), QStringLiteral("STILLER"));
    QCOMPARE(m.value(u"MRG", 1, 1, 1, 1, 2), QStringLiteral("7200117359"));
}

void TestHl7Message::utf8FileWithoutMsh18()
{
    const Hl7Message m = parseData(QStringLiteral("adt/message_msg-01-utf8.hl7"));
    QCOMPARE(m.encoding().charset, Hl7Encoding::Charset::Utf8);
    QCOMPARE(m.value(u"PID", 1, 5, 1), QStringLiteral("N\u00E4chname"));
    QCOMPARE(m.value(u"PID", 1, 5, 2), QStringLiteral("V\u00F6rname"));
    QCOMPARE(m.value(u"PID", 1, 11, 1), QStringLiteral("Bl\u00F6hplatz 1"));
}

void TestHl7Message::declaredCharsetWins()
{
    // MSH-18 8859/1 with the UTF-8 bytes of 'ä' (C3 A4): the declaration wins, two Latin-1 characters.
    const Hl7Message latin1 =
        parseText("MSH|^~\\&|A|B|C|D|20240101||ADT^A08|1|P|2.5||||||8859/1\rPID|1||7||N\xC3\xA4me\r");
    QCOMPARE(latin1.encoding().charset, Hl7Encoding::Charset::Latin1);
    QCOMPARE(latin1.value(u"PID", 1, 5), QStringLiteral("N\u00C3\u00A4me"));
    // UNICODE UTF-8 with a stray Latin-1 byte: decoded as UTF-8 (the byte becomes U+FFFD).
    const Hl7Message utf8 =
        parseText("MSH|^~\\&|A|B|C|D|20240101||ADT^A08|1|P|2.5||||||UNICODE UTF-8\rPID|1||7||N\xE4me\r");
    QCOMPARE(utf8.encoding().charset, Hl7Encoding::Charset::Utf8);
    QCOMPARE(utf8.value(u"PID", 1, 5), QStringLiteral("N\uFFFDme"));
    // A repeated MSH-18: the first repetition is the message's character set.
    const Hl7Message repeated =
        parseText("MSH|^~\\&|A|B|C|D|20240101||ADT^A08|1|P|2.5||||||8859/1~ISO IR87\rPID|1||7||N\xE4me\r");
    QCOMPARE(repeated.encoding().charset, Hl7Encoding::Charset::Latin1);
    QCOMPARE(repeated.value(u"PID", 1, 5), QStringLiteral("N\u00E4me"));
}

void TestHl7Message::unknownCharsetFallsBack()
{
    const Hl7Message m = parseText("MSH|^~\\&|A|B|C|D|20240101||ADT^A08|1|P|2.5||||||8859/15\rPID|1||7||N\xE4me\r");
    QVERIFY(!m.charsetRecognised());
    QCOMPARE(m.encoding().charset, Hl7Encoding::Charset::Latin1); // not valid UTF-8
    const Hl7Message ascii =
        parseText("MSH|^~\\&||ABCHS||AUSDHSV|20070101112951||ADT^A04^ADT_A01|1|P|2.5|||NE|NE|AU|ASCII\rPID|1\r");
    QVERIFY(ascii.charsetRecognised());
    QCOMPARE(ascii.encoding().charset, Hl7Encoding::Charset::Utf8);
}

void TestHl7Message::bomAndLeadingBlankLines()
{
    const Hl7Message m = parseText("\xEF\xBB\xBF\r\n\r\nMSH|^~\\&|A|B|C|D|20240101||ADT^A08|1|P|2.5\r\nPID|1||7\r\n");
    QCOMPARE(m.segments().size(), std::size_t(2));
    QCOMPARE(m.controlId(), QStringLiteral("1"));
}

void TestHl7Message::notHl7_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("text") << QByteArray("hello world");
    QTest::newRow("JSON") << QByteArray("{\"resourceType\":\"Observation\"}");
    QTest::newRow("PID first") << QByteArray("PID|1||7\rMSH|^~\\&|A\r");
    QTest::newRow("MSH alone") << QByteArray("MSH");
    QTest::newRow("MSH and separator only") << QByteArray("MSH|");
    QTest::newRow("letter as separator") << QByteArray("MSHA^~\\&A");
    QTest::newRow("space as separator") << QByteArray("MSH ^~\\& A B");
    QTest::newRow("no encoding characters") << QByteArray("MSH||A|B|C\r");
    QTest::newRow("repeated encoding character") << QByteArray("MSH|^^\\&|A|B\r");
    QTest::newRow("alphanumeric encoding character") << QByteArray("MSH|^~\\a|A\r");
    QTest::newRow("six encoding characters") << QByteArray("MSH|^~\\&#!|A\r");
    QTest::newRow("batch header") << QByteArray("FHS|^~\\&|A\rBHS|^~\\&|A\r");
}

void TestHl7Message::notHl7()
{
    QFETCH(QByteArray, bytes);
    QString error;
    QVERIFY(!Hl7Message::parse(bytes, &error));
    QVERIFY(!error.isEmpty());
}

void TestHl7Message::splitBatch_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("types"); // MSH-9 of each message
    const QString adtA04 = QStringLiteral("ADT^A04");
    QTest::newRow("hl7-standard FHS/BHS, LF, MSH inside OBX") << QStringLiteral(
        "batch/hl7-standard-batch.hl7") << QStringList{QStringLiteral("ADT^A01"), QStringLiteral("RSP^K11")};
    QTest::newRow("BHS, one message") << QStringLiteral("batch/python-hl7-sample_batch.hl7") << QStringList{adtA04};
    QTest::newRow("BHS, two messages") << QStringLiteral("batch/python-hl7-sample_batch1.hl7")
                                       << QStringList{adtA04, adtA04};
    QTest::newRow("no batch header") << QStringLiteral("batch/python-hl7-sample_batch2.hl7")
                                     << QStringList{adtA04, adtA04};
    QTest::newRow("FHS, one batch") << QStringLiteral("batch/python-hl7-sample_file.hl7") << QStringList{adtA04};
    QTest::newRow("FHS, two batches") << QStringLiteral("batch/python-hl7-sample_file1.hl7")
                                      << QStringList{adtA04, adtA04, adtA04};
    QTest::newRow("a single message") << QStringLiteral("batch/python-hl7-sample_hl7.hl7")
                                      << QStringList{QStringLiteral("ORU^R01")};
    QTest::newRow("a single message, CRLF")
        << QStringLiteral("adt/translation_pixsource_v2_A01.hl7") << QStringList{QStringLiteral("ADT^A01")};
}

void TestHl7Message::splitBatch()
{
    QFETCH(QString, file);
    QFETCH(QStringList, types);
    const std::vector<QByteArray> messages = Hl7Message::splitBatch(readData(file));
    QCOMPARE(int(messages.size()), int(types.size()));
    for (std::size_t i = 0; i < messages.size(); ++i) {
        const Hl7Message m = parseText(messages[i]);
        QCOMPARE(m.messageType() + u'^' + m.triggerEvent(), types[qsizetype(i)]);
        for (const Hl7Segment& s : m.segments()) {
            for (const char16_t* header : {u"FHS", u"BHS", u"BTS", u"FTS"})
                QVERIFY2(!s.is(QStringView(header)), "batch headers and trailers are not part of a message");
        }
        QCOMPARE(m.segmentCount(u"MSH"), 1);
    }
}

void TestHl7Message::splitKeepsEachMessageIntact()
{
    // hl7-standard's RSP^K11 carries "MSH" as data in OBX-4 and OBX-8: those are not message starts.
    const std::vector<QByteArray> messages =
        Hl7Message::splitBatch(readData(QStringLiteral("batch/hl7-standard-batch.hl7")));
    QCOMPARE(messages.size(), std::size_t(2));
    const Hl7Message rsp = parseText(messages[1]);
    QCOMPARE(rsp.controlId(), QStringLiteral("20171023134421"));
    QCOMPARE(rsp.segmentCount(u"OBX"), 3);
    QCOMPARE(rsp.value(u"OBX", 3, 4), QStringLiteral("MSH"));
    QCOMPARE(rsp.value(u"OBX", 3, 8), QStringLiteral("MSH"));
    const Hl7Message adt = parseText(messages[0]);
    QCOMPARE(adt.controlId(), QStringLiteral("24553"));
    QCOMPARE(adt.segmentCount(u"CON"), 3);
    // Two python-hl7 batches in one file: the second one's message keeps its own segments.
    const std::vector<QByteArray> file1 =
        Hl7Message::splitBatch(readData(QStringLiteral("batch/python-hl7-sample_file1.hl7")));
    QCOMPARE(file1.size(), std::size_t(3));
    QCOMPARE(parseText(file1[1]).controlId(), QStringLiteral("12334456778891"));
    QCOMPARE(parseText(file1[2]).segments().size(), std::size_t(6));
    // Nothing to split.
    QVERIFY(Hl7Message::splitBatch(QByteArray()).empty());
    QVERIFY(Hl7Message::splitBatch(QByteArray("FHS|^~\\&\rBHS|^~\\&\rBTS|0\rFTS|0\r")).empty());
    QVERIFY(Hl7Message::splitBatch(QByteArray("garbage\nMSHX\n")).empty());
}

void TestHl7Message::versionNumber_data()
{
    QTest::addColumn<QByteArray>("version");
    QTest::addColumn<QVersionNumber>("expected");
    QTest::newRow("2.6") << QByteArray("2.6") << QVersionNumber(2, 6);
    QTest::newRow("2.3.1") << QByteArray("2.3.1") << QVersionNumber(2, 3, 1);
    QTest::newRow("with components") << QByteArray("2.5^DEU&&ISO3166") << QVersionNumber(2, 5);
    QTest::newRow("empty") << QByteArray() << QVersionNumber();
    QTest::newRow("not a number") << QByteArray("two") << QVersionNumber();
    QTest::newRow("trailing text") << QByteArray("2.5b") << QVersionNumber();
}

void TestHl7Message::versionNumber()
{
    QFETCH(QByteArray, version);
    QFETCH(QVersionNumber, expected);
    const Hl7Message m = parseText("MSH|^~\\&|A|B|C|D|20240101||ADT^A08|1|P|" + version + "\r");
    QCOMPARE(m.versionNumber(), expected);
}

QTEST_GUILESS_MAIN(TestHl7Message)
#include "tst_hl7message.moc"
