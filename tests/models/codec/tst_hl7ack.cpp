#include "codec/hl7ack.h"
#include "codec/hl7decoder.h"
#include "codec/hl7message.h"

#include <QDirIterator>
#include <QFile>
#include <QTest>
#include <QTimeZone>

#include <map>

using vigil::codec::Hl7Ack;
using vigil::codec::Hl7Decoder;
using vigil::codec::Hl7Error;
using vigil::codec::Hl7Message;
using vigil::codec::InboundBatch;

namespace {

QByteArray readData(const QString& name)
{
    QFile file(QStringLiteral(VIGIL_TEST_DATA_DIR "/hl7v2/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(name));
    return file.readAll();
}

Hl7Message parse(const QByteArray& bytes)
{
    QString error;
    const auto message = Hl7Message::parse(bytes, &error);
    if (!message)
        qFatal("cannot parse: %s", qPrintable(error));
    return *message;
}

Hl7Ack::Options fixedOptions()
{
    Hl7Ack::Options options;
    options.controlId = QStringLiteral("ACK1");
    options.time = QDateTime(QDate(2024, 3, 1), QTime(6, 30, 5), QTimeZone::utc());
    return options;
}

// What an ACK says: MSA-1, MSA-2, and the table 0357 code of its first error (ERR-3.1 from v2.5,
// ERR-1.4.1 before), "" when it has no ERR.
struct AckSummary
{
    QString code;
    QString acknowledged;
    QString firstError;
    int errCount = 0;
};

AckSummary summarise(const QByteArray& ack)
{
    const Hl7Message m = parse(ack);
    if (m.messageType() != u"ACK" || !m.segment(u"MSA"))
        qFatal("not an ACK");
    AckSummary s;
    s.code = m.value(u"MSA", 1, 1);
    s.acknowledged = m.value(u"MSA", 1, 2);
    s.errCount = m.segmentCount(u"ERR");
    if (const auto* err = m.segment(u"ERR")) {
        const bool v25 = m.versionNumber().isNull() || m.versionNumber() >= QVersionNumber(2, 5);
        s.firstError = v25 ? err->value(3, 1) : err->value(1, 4, 1);
    }
    return s;
}

} // namespace

class TestHl7Ack : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyTestFile_data();
    void everyTestFile();
    void acceptPcd01Exactly();
    void errorSegmentsV26();
    void oldVersionLayout();
    void keepsCharsetAndDelimiters();
    void errorTextIsEscaped();
    void notHl7_data();
    void notHl7();
    void errSegmentsAreCapped();
    void mismatchedErrorsFallBackTo207();
    void codes();
    void newControlIds();
};

void TestHl7Ack::everyTestFile_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("codes"); // MSA-1 per message, "AE:101" = MSA-1 and first ERR code

    const QString aa = QStringLiteral("AA");
    // Not ORU / ADT: an inbound listener takes no acknowledgements (or queries, responses), whatever
    // their own validity, so every ACK file gets AR 200 (unsupported message type). That includes
    // IPF's two invalid responses: invalid-wan-response.hl7v2 answers in original mode (no MSH-15 /
    // MSH-16) with the enhanced-mode code CE and lacks the Continua profile (MSH-21);
    // pcd01-response-invalid.hl7 is v2.5, where IHE PCD-01 requires 2.6, and has no MSH-21 either.
    const QString notAccepted = QStringLiteral("AR:200");

    QTest::newRow("adt/dsl_msg-07") << QStringLiteral("adt/dsl_msg-07.hl7") << QStringList{aa};
    QTest::newRow("adt/A40 merge, ISO-8859-1: not supported, not rejected")
        << QStringLiteral("adt/iti8_iti8-a40-iso-8859-1.hl7") << QStringList{QStringLiteral("AE:201")};
    QTest::newRow("adt/v2.2, UTF-8") << QStringLiteral("adt/message_msg-01-utf8.hl7")
                                     << QStringList{QStringLiteral("AR:203")};
    QTest::newRow("adt/v2.2") << QStringLiteral("adt/msg-01.hl7") << QStringList{QStringLiteral("AR:203")};
    QTest::newRow("adt/PIX feed A01") << QStringLiteral("adt/translation_pixfeed_v2_PIX_FEED_REG_Maximal_Request.hl7")
                                      << QStringList{aa};
    QTest::newRow("adt/PIX feed A08") << QStringLiteral("adt/translation_pixfeed_v2_PIX_FEED_REV_Maximal_Request.hl7")
                                      << QStringList{aa};
    QTest::newRow("adt/PIX source A01") << QStringLiteral("adt/translation_pixsource_v2_A01.hl7") << QStringList{aa};
    QTest::newRow("adt/PIX source A04") << QStringLiteral("adt/translation_pixsource_v2_A04.hl7") << QStringList{aa};
    QTest::newRow("adt/PIX source A08") << QStringLiteral("adt/translation_pixsource_v2_A08.hl7") << QStringList{aa};

    QTest::newRow("batch/hl7-standard: ADT, RSP")
        << QStringLiteral("batch/hl7-standard-batch.hl7") << QStringList{aa, notAccepted};
    QTest::newRow("batch/python-hl7 batch") << QStringLiteral("batch/python-hl7-sample_batch.hl7") << QStringList{aa};
    QTest::newRow("batch/python-hl7 batch1")
        << QStringLiteral("batch/python-hl7-sample_batch1.hl7") << QStringList{aa, aa};
    QTest::newRow("batch/python-hl7 batch2")
        << QStringLiteral("batch/python-hl7-sample_batch2.hl7") << QStringList{aa, aa};
    QTest::newRow("batch/python-hl7 file") << QStringLiteral("batch/python-hl7-sample_file.hl7") << QStringList{aa};
    QTest::newRow("batch/python-hl7 file1")
        << QStringLiteral("batch/python-hl7-sample_file1.hl7") << QStringList{aa, aa, aa};
    // PID-7 196203520 is not a date: the birth date is lost, the rest used.
    QTest::newRow("batch/python-hl7 ORU, bad birth date")
        << QStringLiteral("batch/python-hl7-sample_hl7.hl7") << QStringList{QStringLiteral("AE:102")};

    // OBX 8-10 have OBX-5 but no OBX-2: 101 (required field missing).
    QTest::newRow("continua-wan/invalid-glucose")
        << QStringLiteral("continua-wan/invalid-glucose-continua-wan.hl7v2") << QStringList{QStringLiteral("AE:101")};
    QTest::newRow("continua-wan/invalid-wan-response")
        << QStringLiteral("continua-wan/invalid-wan-response.hl7v2") << QStringList{notAccepted};
    QTest::newRow("continua-wan/bp") << QStringLiteral("continua-wan/valid-bp-continua-wan.hl7v2") << QStringList{aa};
    QTest::newRow("continua-wan/fitness-and-activity")
        << QStringLiteral("continua-wan/valid-fitness-and-activity-continua-wan.hl7v2") << QStringList{aa};
    QTest::newRow("continua-wan/fitness")
        << QStringLiteral("continua-wan/valid-fitness-continua-wan.hl7v2") << QStringList{aa};
    QTest::newRow("continua-wan/glucose")
        << QStringLiteral("continua-wan/valid-glucose-continua-wan.hl7v2") << QStringList{aa};
    // The pleth array has no sample period: that waveform is lost (101); SpO2 is used.
    QTest::newRow("continua-wan/oximeter")
        << QStringLiteral("continua-wan/valid-oximeter-continua-wan.hl7v2") << QStringList{QStringLiteral("AE:101")};
    QTest::newRow("continua-wan/scale") << QStringLiteral("continua-wan/valid-scale-continua-wan.hl7v2")
                                        << QStringList{aa};
    QTest::newRow("continua-wan/thermometer")
        << QStringLiteral("continua-wan/valid-thermometer-continua-wan.hl7v2") << QStringList{aa};
    QTest::newRow("continua-wan/valid-wan-response")
        << QStringLiteral("continua-wan/valid-wan-response.hl7v2") << QStringList{notAccepted};

    QTest::newRow("oru-lab/dsl_oru-r01-25") << QStringLiteral("oru-lab/dsl_oru-r01-25.hl7") << QStringList{aa};
    QTest::newRow("oru-lab/msg-02") << QStringLiteral("oru-lab/msg-02.hl7") << QStringList{aa};
    QTest::newRow("oru-lab/msg-07") << QStringLiteral("oru-lab/msg-07.hl7") << QStringList{aa};
    QTest::newRow("oru-lab/msg-10") << QStringLiteral("oru-lab/msg-10.hl7") << QStringList{aa};

    QTest::newRow("pcd01/pcd01-response-invalid")
        << QStringLiteral("pcd01/pcd01-response-invalid.hl7") << QStringList{notAccepted};
    QTest::newRow("pcd01/pcd01-response") << QStringLiteral("pcd01/pcd01-response.hl7") << QStringList{notAccepted};
    QTest::newRow("pcd01/MaximumRequest2")
        << QStringLiteral("pcd01/valid-pcd01-MaximumRequest2.hl7") << QStringList{aa};
    QTest::newRow("pcd01/request") << QStringLiteral("pcd01/valid-pcd01-request.hl7v2") << QStringList{aa};
    QTest::newRow("pcd01/request2") << QStringLiteral("pcd01/valid-pcd01-request2.hl7v2") << QStringList{aa};
    QTest::newRow("pcd01/response") << QStringLiteral("pcd01/valid-pcd01-response.hl7v2") << QStringList{notAccepted};
    QTest::newRow("pcd01/response2") << QStringLiteral("pcd01/valid-pcd01-response2.hl7v2") << QStringList{notAccepted};
}

void TestHl7Ack::everyTestFile()
{
    QFETCH(QString, file);
    QFETCH(QStringList, codes);
    const std::vector<QByteArray> messages = Hl7Message::splitBatch(readData(file));
    QCOMPARE(int(messages.size()), int(codes.size()));
    for (std::size_t i = 0; i < messages.size(); ++i) {
        InboundBatch decoded;
        const QByteArray ack = Hl7Ack::respond(messages[i], &decoded, fixedOptions());
        const AckSummary s = summarise(ack);
        const QString got = s.firstError.isEmpty() ? s.code : s.code + u':' + s.firstError;
        QCOMPARE(got, codes[qsizetype(i)]);
        QCOMPARE(s.acknowledged, parse(messages[i]).controlId());
        QCOMPARE(s.code, Hl7Ack::codeName(Hl7Ack::codeFor(decoded)));
        QCOMPARE(s.errCount > 0, s.code != u"AA");
    }
}

void TestHl7Ack::acceptPcd01Exactly()
{
    const QByteArray ack =
        Hl7Ack::respond(readData(QStringLiteral("pcd01/valid-pcd01-request.hl7v2")), nullptr, fixedOptions());
    // Sending and receiving swapped (the original names no receiving application: Vigil's name),
    // ACK^R01^ACK, version, profile (MSH-21) kept, MSH-15 / 16 NE.
    QCOMPARE(ack,
        QByteArray(
            "MSH|^~\\&|VIGIL||AcmeInc^ACDE48234567ABCD^EUI-64||20240301063005+0000||ACK^R01^ACK|ACK1|P|2.6|||NE|NE"
            "|||||IHE PCD ORU-R01 2006^HL7^1.3.6.1.4.1.19376.1.6.1.1.1^ISO\r"
            "MSA|AA|MSGID1234\r"));
    // Both sides named: swapped as they are.
    const QByteArray max =
        Hl7Ack::respond(readData(QStringLiteral("pcd01/valid-pcd01-MaximumRequest2.hl7")), nullptr, fixedOptions());
    const Hl7Message m = parse(max);
    QCOMPARE(m.header().raw(3).toString(), QStringLiteral("ReceiveApp^1.2.3.5^ISO"));
    QCOMPARE(m.header().raw(4).toString(), QStringLiteral("ReceiveFac^1.2.3.6^ISO"));
    QCOMPARE(m.header().raw(5).toString(), QStringLiteral("AcmeInc^ACDE48234567ABCD^EUI-64"));
    QCOMPARE(m.header().raw(6).toString(), QStringLiteral("SendFac^1.2.3.4^ISO"));
    QCOMPARE(m.characterSet(), QStringLiteral("8859/1"));
}

void TestHl7Ack::errorSegmentsV26()
{
    const QByteArray ack = Hl7Ack::respond(
        readData(QStringLiteral("continua-wan/invalid-glucose-continua-wan.hl7v2")), nullptr, fixedOptions());
    const QList<QByteArray> lines = ack.split('\r');
    QCOMPARE(lines.size(), 6); // MSH, MSA, 3 ERR, and the empty tail after the last CR
    QCOMPARE(lines[1], QByteArray("MSA|AE|MSGID1234"));
    QCOMPARE(lines[2],
        QByteArray(
            "ERR||OBX^8^2|101^Required field missing^HL70357|E||||OBX-2 (value type) is missing although OBX-5 has a "
            "value; the observation was not used."));
    QVERIFY(lines[3].startsWith("ERR||OBX^9^2|101^"));
    QVERIFY(lines[4].startsWith("ERR||OBX^10^2|101^"));
    QVERIFY(lines[5].isEmpty());
}

void TestHl7Ack::oldVersionLayout()
{
    // v2.2 (rejected): no message structure in MSH-9, the reason in MSA-3, the error in ERR-1.
    const QByteArray ack = Hl7Ack::respond(readData(QStringLiteral("adt/msg-01.hl7")), nullptr, fixedOptions());
    const QList<QByteArray> lines = ack.split('\r');
    QCOMPARE(lines[0], QByteArray("MSH|^~\\&|VIGIL||SAP-ISH|HZL|20240301063005+0000||ACK^A01|ACK1|T|2.2|||NE|NE"));
    QCOMPARE(lines[1], QByteArray("MSA|AR|123456|HL7 version 2.2 is not supported: Vigil accepts 2.3 and later."));
    QCOMPARE(lines[2], QByteArray("ERR|MSH^1^12^203&Unsupported version id&HL70357"));
    // v2.3.1 (A40, AE): the message structure is there.
    const Hl7Message a40 =
        parse(Hl7Ack::respond(readData(QStringLiteral("adt/iti8_iti8-a40-iso-8859-1.hl7")), nullptr, fixedOptions()));
    QCOMPARE(a40.header().raw(9).toString(), QStringLiteral("ACK^A40^ACK"));
    QCOMPARE(a40.value(u"MSA", 1, 1), QStringLiteral("AE"));
    QVERIFY(a40.value(u"MSA", 1, 3).contains(QStringLiteral("A40")));
    QCOMPARE(a40.value(u"ERR", 1, 1, 1), QStringLiteral("MSH"));
    QCOMPARE(a40.value(u"ERR", 1, 1, 3), QStringLiteral("9"));
    QCOMPARE(a40.value(u"ERR", 1, 1, 4, 1), QStringLiteral("201"));
}

void TestHl7Ack::keepsCharsetAndDelimiters()
{
    // The A40 file is ISO-8859-1 (no MSH-18): the ACK is too, so the copied MSH-5 / MSH-6 keep their bytes.
    const QByteArray ack =
        Hl7Ack::respond(readData(QStringLiteral("adt/iti8_iti8-a40-iso-8859-1.hl7")), nullptr, fixedOptions());
    QVERIFY(ack.startsWith("MSH|^~\\&|BL\xC4H|BL\xD6\xD6\xD6H-1|ICW-MPI|ENTERPRISE|"));
    // Custom delimiters and v2.7 truncation: the ACK uses the sender's.
    const QByteArray custom = "MSH!@*$%#!APP!FAC!!!20240101!!ORU@R01!C$F$42!P!2.7\rPID!!!P1\rOBR!1\r"
                              "OBX!1!NM!147842@MDC_ECG_HEART_RATE@MDC!1.1.1.1!60!/min!!!!!R\r";
    const QByteArray reply = Hl7Ack::respond(custom, nullptr, fixedOptions());
    QVERIFY(reply.startsWith("MSH!@*$%#!VIGIL!!APP!FAC!20240301063005+0000!!ACK@R01@ACK!ACK1!P!2.7!!!NE!NE\r"));
    const Hl7Message m = parse(reply);
    QCOMPARE(m.value(u"MSA", 1, 2), QStringLiteral("C!42")); // MSA-2 copied as sent, escape included
    QCOMPARE(m.value(u"MSA", 1, 1), QStringLiteral("AE")); // no OBR-7 / OBX-14
    QCOMPARE(m.value(u"ERR", 1, 3, 1), QStringLiteral("101"));
}

void TestHl7Ack::errorTextIsEscaped()
{
    // The reason for ORU^R40 contains '^': escaped in ERR-8, read back intact.
    const QByteArray bytes = "MSH|^~\\&|A|B|C|D|20240101||ORU^R40^ORU_R40|X1|P|2.6\rPID|||P1\rOBR|1\r";
    InboundBatch decoded;
    const QByteArray ack = Hl7Ack::respond(bytes, &decoded, fixedOptions());
    QVERIFY(ack.contains("ORU\\S\\R40"));
    const Hl7Message m = parse(ack);
    QCOMPARE(m.value(u"ERR", 1, 8), decoded.problems.front().reason);
    QCOMPARE(m.value(u"ERR", 1, 3, 1), QStringLiteral("201"));
    QCOMPARE(m.value(u"ERR", 1, 2, 1), QStringLiteral("MSH"));
    QCOMPARE(m.value(u"ERR", 1, 2, 3), QStringLiteral("9"));
    QCOMPARE(m.value(u"ERR", 1, 4), QStringLiteral("E"));
}

void TestHl7Ack::notHl7_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("errorCode");
    QTest::addColumn<QString>("acknowledged");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("100") << QString();
    QTest::newRow("text") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\n\r\n") << QStringLiteral("100") << QString();
    QTest::newRow("FHIR JSON") << QByteArray("{\"resourceType\":\"Bundle\"}") << QStringLiteral("100") << QString();
    QTest::newRow("binary") << QByteArray::fromHex("00ff10fe0b1c0d") << QStringLiteral("100") << QString();
    QTest::newRow("bad MSH-2, control ID recovered")
        << QByteArray("MSH|^^\\&|A|B|C|D|20240101||ORU^R01|CTRL-9.a_1|P|2.6\rPID|||1\r") << QStringLiteral("102")
        << QStringLiteral("CTRL-9.a_1");
    QTest::newRow("bad MSH-2, control ID not plain")
        << QByteArray("MSH|^^\\&|A|B|C|D|20240101||ORU^R01|Smith, John|P|2.6\r") << QStringLiteral("102") << QString();
}

void TestHl7Ack::notHl7()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, errorCode);
    QFETCH(QString, acknowledged);
    InboundBatch decoded;
    const QByteArray ack = Hl7Ack::respond(bytes, &decoded, fixedOptions());
    QVERIFY(decoded.rejected);
    QCOMPARE(decoded.problems.size(), std::size_t(1));
    const AckSummary s = summarise(ack);
    QCOMPARE(s.code, QStringLiteral("AR"));
    QCOMPARE(s.firstError, errorCode);
    QCOMPARE(s.acknowledged, acknowledged);
    const Hl7Message m = parse(ack);
    QCOMPARE(m.version(), QStringLiteral("2.6"));
    QCOMPARE(m.header().value(3), QStringLiteral("VIGIL"));
    QCOMPARE(m.controlId(), QStringLiteral("ACK1"));
    QCOMPARE(m.value(u"ERR", 1, 8), decoded.problems.front().reason);
}

void TestHl7Ack::errSegmentsAreCapped()
{
    QByteArray bytes = "MSH|^~\\&|A|B|C|D|20240101||ORU^R01|X1|P|2.6\rPID|||P1\rOBR|1|||x|||20240101\r";
    for (int i = 1; i <= 25; ++i)
        bytes += "OBX|" + QByteArray::number(i) + "||147842^MDC_ECG_HEART_RATE^MDC||60\r";
    const Hl7Message m = parse(Hl7Ack::respond(bytes, nullptr, fixedOptions()));
    QCOMPARE(m.value(u"MSA", 1, 1), QStringLiteral("AE"));
    QCOMPARE(m.segmentCount(u"ERR"), Hl7Ack::kMaxErrSegments);
    QCOMPARE(m.value(u"ERR", Hl7Ack::kMaxErrSegments, 8), QStringLiteral("6 more problems are not listed."));
}

void TestHl7Ack::mismatchedErrorsFallBackTo207()
{
    const Hl7Message original = parse(readData(QStringLiteral("pcd01/valid-pcd01-request.hl7v2")));
    InboundBatch batch;
    batch.problems.push_back({QStringLiteral("OBX 3"), QStringLiteral("Something went wrong.")});
    const Hl7Message m = parse(Hl7Ack::build(original, batch, {}, fixedOptions()));
    QCOMPARE(m.value(u"MSA", 1, 1), QStringLiteral("AE"));
    QCOMPARE(m.value(u"ERR", 1, 3, 1), QStringLiteral("207"));
    QCOMPARE(m.value(u"ERR", 1, 8), QStringLiteral("Something went wrong."));
}

void TestHl7Ack::codes()
{
    InboundBatch batch;
    QCOMPARE(Hl7Ack::codeFor(batch), Hl7Ack::Code::Accept);
    batch.problems.push_back({});
    QCOMPARE(Hl7Ack::codeFor(batch), Hl7Ack::Code::Error);
    batch.rejected = true;
    QCOMPARE(Hl7Ack::codeFor(batch), Hl7Ack::Code::Reject);
    QCOMPARE(Hl7Ack::codeName(Hl7Ack::Code::Accept), QStringLiteral("AA"));
    QCOMPARE(Hl7Ack::codeName(Hl7Ack::Code::Error), QStringLiteral("AE"));
    QCOMPARE(Hl7Ack::codeName(Hl7Ack::Code::Reject), QStringLiteral("AR"));
    QCOMPARE(Hl7Error::codeText(101), QStringLiteral("Required field missing"));
    QCOMPARE(Hl7Error::codeText(999), QString());
}

void TestHl7Ack::newControlIds()
{
    const QString a = Hl7Ack::newControlId();
    const QString b = Hl7Ack::newControlId();
    QCOMPARE(a.size(), 20);
    QVERIFY(a != b);
    for (const QChar c : a)
        QVERIFY((c >= u'0' && c <= u'9') || (c >= u'A' && c <= u'F'));
    // Without options: a fresh ID and the current time.
    const Hl7Message m = parse(Hl7Ack::respond(readData(QStringLiteral("pcd01/valid-pcd01-request.hl7v2"))));
    QCOMPARE(m.controlId().size(), 20);
    QVERIFY(m.header().value(7).endsWith(u"+0000"));
}

QTEST_GUILESS_MAIN(TestHl7Ack)
#include "tst_hl7ack.moc"
