// The printed escalation summary (issue 6 item 4), read back from the PDF with pdftotext: the level
// in words, open or resolved, the SBAR of the latest escalation, the NEWS2 at the time, every
// action of the timeline; pseudonymised, neither the name nor the NHS Number anywhere (title, free
// text, metadata); a long case runs onto more pages with the patient on each.

#include "clinical/escalationlevel.h"
#include "escalationsummaryreport.h"
#include "pdfrender.h"

#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using clinical::CaseEvent;
using clinical::EscalationLevel;
using ui::EscalationSummaryReport;
using vigil::test::PdfRender;

namespace {

constexpr core::Timestamp kT0 = 1'760'000'000'000'000;

QString eventId(int n)
{
    return QStringLiteral("00000000-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0'));
}

CaseEvent make(int n, CaseEvent::Kind kind, const QString& actor, const QString& role, int minute, QStringList parents)
{
    CaseEvent e;
    e.id = eventId(n);
    e.patientKey = QStringLiteral("patient-17");
    e.workstation = QStringLiteral("ws-") + actor;
    e.actor = actor;
    e.role = role;
    e.time = kT0 + core::Timestamp(minute) * 60 * core::kMicrosPerSecond;
    e.kind = kind;
    e.parents = std::move(parents);
    return e;
}

clinical::CaseState sampleCase(bool resolved)
{
    std::vector<CaseEvent> events;
    CaseEvent note = make(1, CaseEvent::Kind::Note, QStringLiteral("amir"), QStringLiteral("community nurse"), 0, {});
    // Free text that names the patient and the NHS Number (as clinicians do): redacted when pseudonymised.
    note.text = QStringLiteral("Called Mrs Printwell (NHS 943 476 5919); breathless on the stairs.");
    events.push_back(note);
    CaseEvent escalate =
        make(2, CaseEvent::Kind::Escalate, QStringLiteral("amir"), QStringLiteral("community nurse"), 5, {eventId(1)});
    escalate.level = EscalationLevel::UrgentClinicalReview;
    escalate.sbar = {QStringLiteral("SpO2 falling to 91 on air"),
        QStringLiteral("COPD, on the virtual ward since Monday"), QStringLiteral("NEWS2 rising, respiratory rate 24"),
        QStringLiteral("GP visit within two hours")};
    events.push_back(escalate);
    events.push_back(
        make(3, CaseEvent::Kind::Acknowledge, QStringLiteral("drkhan"), QStringLiteral("GP"), 9, {eventId(2)}));
    CaseEvent handOver =
        make(4, CaseEvent::Kind::HandOver, QStringLiteral("drkhan"), QStringLiteral("GP"), 12, {eventId(3)});
    handOver.handOverTo = QStringLiteral("night team");
    events.push_back(handOver);
    if (resolved) {
        CaseEvent resolve =
            make(5, CaseEvent::Kind::Resolve, QStringLiteral("drkhan"), QStringLiteral("GP"), 40, {eventId(4)});
        resolve.text = QStringLiteral("Antibiotics started, saturations 95");
        events.push_back(resolve);
    }
    return clinical::CaseState::fold(events);
}

clinical::News2Assessor::Assessment news2()
{
    clinical::News2::Input in;
    in.respirationRate = 24;
    in.spo2 = 91;
    in.onOxygen = false;
    in.systolicBp = 118;
    in.pulse = 104;
    in.consciousness = clinical::News2::Acvpu::Alert;
    in.temperature = 38.2;
    clinical::News2Assessor::Assessment a;
    a.result = clinical::News2::score(in);
    return a;
}

EscalationSummaryReport::Input input(bool resolved, bool pseudonymise)
{
    EscalationSummaryReport::Input in;
    in.displayName = QStringLiteral("PRINTWELL, Ada");
    in.nhsNumber = QStringLiteral("9434765919");
    in.pseudonymise = pseudonymise;
    in.pseudonym = QStringLiteral("P-7F3A");
    in.caseState = sampleCase(resolved);
    in.thisWorkstation = QStringLiteral("ws-amir");
    in.news2 = news2();
    in.news2Time = kT0 + 4 * 60 * core::kMicrosPerSecond;
    in.printedBy = QStringLiteral("nurse.jones");
    return in;
}

} // namespace

class TestEscalationSummaryReport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    int pageCount(const QString& pdf, const QString& prefix)
    {
        const auto files = PdfRender::pageFiles(pdf, m_dir.path(), prefix, 30);
        return files ? int(files->size()) : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString missing = PdfRender::missingTools();
        QVERIFY2(missing.isEmpty(), qPrintable(missing));
    }

    void openCase()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("open.pdf"));
        QString error;
        QVERIFY2(EscalationSummaryReport::writePdf(input(false, false), pdf, &error), qPrintable(error));
        // VIGIL_TEST_KEEP_OUTPUT=<dir> keeps the PDF, to look at it (a test only reads its text).
        PdfRender::keep(pdf, QStringLiteral("escalationsummary.pdf"));
        const QString t = PdfRender::text(pdf);
        QVERIFY2(t.contains(QStringLiteral("Escalation summary")), qPrintable(t));
        QVERIFY(t.contains(QStringLiteral("PRINTWELL, Ada")));
        QVERIFY(t.contains(QStringLiteral("943 476 5919")));
        const QString level = clinical::escalationLevelName(EscalationLevel::UrgentClinicalReview);
        QVERIFY2(t.contains(QStringLiteral("Current escalation level ") + level), qPrintable(t));
        QVERIFY(t.contains(QStringLiteral("Case open")));
        // The SBAR, part by part.
        QVERIFY(t.contains(QStringLiteral("Situation SpO2 falling to 91 on air")));
        QVERIFY(t.contains(QStringLiteral("Background COPD, on the virtual ward since Monday")));
        QVERIFY(t.contains(QStringLiteral("Assessment NEWS2 rising, respiratory rate 24")));
        QVERIFY(t.contains(QStringLiteral("Recommendation GP visit within two hours")));
        // NEWS2: RR 24 (2) + SpO2 91 (3) + air (0) + SBP 118 (0) + pulse 104 (1) + alert (0) + 38.2 (1) = 7.
        QVERIFY2(t.contains(QStringLiteral("NEWS2 7")), qPrintable(t));
        // Every action of the timeline, with the clinicians, roles and workstations.
        for (const QString& action : {QStringLiteral("Note"), QStringLiteral("Escalated to"),
                 QStringLiteral("Acknowledged"), QStringLiteral("Handed over to night team")}) {
            QVERIFY2(t.contains(action), qPrintable(action));
        }
        QVERIFY(t.contains(QStringLiteral("drkhan")));
        QVERIFY(t.contains(QStringLiteral("community nurse")));
        QVERIFY(t.contains(QStringLiteral("ws-drkhan (remote)")));
        QVERIFY(t.contains(QStringLiteral("this workstation")));
        QVERIFY(t.contains(QStringLiteral("breathless on the stairs")));
        QVERIFY(t.contains(QStringLiteral("Page 1 of 1")));
        QVERIFY(t.contains(QStringLiteral("nurse.jones")));
    }

    void resolvedCase()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("resolved.pdf"));
        QVERIFY(EscalationSummaryReport::writePdf(input(true, false), pdf));
        const QString t = PdfRender::text(pdf);
        QVERIFY2(t.contains(QStringLiteral("Current escalation level ")
                     + clinical::escalationLevelName(EscalationLevel::None)),
            qPrintable(t));
        QVERIFY(t.contains(QStringLiteral("Case resolved")));
        QVERIFY(t.contains(QStringLiteral("Highest level reached ")
            + clinical::escalationLevelName(EscalationLevel::UrgentClinicalReview)));
        QVERIFY(t.contains(QStringLiteral("Resolved")));
        QVERIFY(t.contains(QStringLiteral("Antibiotics started")));
    }

    void pseudonymised()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("pseudonym.pdf"));
        QVERIFY(EscalationSummaryReport::writePdf(input(false, true), pdf));
        const QString t = PdfRender::text(pdf);
        QVERIFY(t.contains(QStringLiteral("P-7F3A")));
        QVERIFY2(!t.contains(QStringLiteral("Printwell"), Qt::CaseInsensitive), qPrintable(t));
        QVERIFY(!t.contains(QStringLiteral("Ada")));
        QVERIFY(!t.contains(QStringLiteral("943 476 5919")));
        QVERIFY(!t.contains(QStringLiteral("9434765919")));
        QVERIFY(t.contains(QStringLiteral("[redacted]")));
        QVERIFY(t.contains(QStringLiteral("breathless on the stairs"))); // the rest of the note stays
        QVERIFY(t.contains(QStringLiteral("Situation SpO2 falling")));
        const QByteArray bytes = PdfRender::bytes(pdf);
        QVERIFY(!bytes.isEmpty());
        QVERIFY(!bytes.contains("PRINTWELL"));
        QVERIFY(!bytes.contains("9434765919"));
    }

    void escapesEventText()
    {
        auto in = input(false, false);
        CaseEvent note = make(9, CaseEvent::Kind::Note, QStringLiteral("amir"), QStringLiteral("community nurse"), 20,
            in.caseState.heads());
        note.text = QStringLiteral("<b>not bold</b> & <script>x</script>");
        QCOMPARE(in.caseState.add(note), clinical::CaseState::AddResult::Added);
        const EscalationSummaryReport report(in);
        QVERIFY(report.html().contains(QStringLiteral("&lt;b&gt;not bold&lt;/b&gt; &amp; &lt;script&gt;")));
        const QString pdf = m_dir.filePath(QStringLiteral("escaped.pdf"));
        QVERIFY(EscalationSummaryReport::writePdf(in, pdf));
        QVERIFY(PdfRender::text(pdf).contains(QStringLiteral("<b>not bold</b> & <script>x</script>")));
    }

    void longCaseRunsOntoMorePages()
    {
        auto in = input(false, false);
        for (int i = 0; i < 60; ++i) {
            CaseEvent note = make(100 + i, CaseEvent::Kind::Note, QStringLiteral("amir"),
                QStringLiteral("community nurse"), 20 + i, in.caseState.heads());
            note.text = QStringLiteral("Observation round %1: comfortable at rest, eating and drinking.").arg(i);
            QCOMPARE(in.caseState.add(note), clinical::CaseState::AddResult::Added);
        }
        const QString pdf = m_dir.filePath(QStringLiteral("long.pdf"));
        QVERIFY(EscalationSummaryReport::writePdf(in, pdf));
        const int pages = pageCount(pdf, QStringLiteral("long"));
        QVERIFY2(pages >= 2, qPrintable(QString::number(pages)));
        const QString t = PdfRender::text(pdf);
        QVERIFY(t.contains(QStringLiteral("Page %1 of %1").arg(pages)));
        QVERIFY(t.contains(QStringLiteral("Observation round 0:")));
        QVERIFY(t.contains(QStringLiteral("Observation round 59:")));
        // The patient on every page.
        QCOMPARE(int(t.count(QStringLiteral("Escalation summary \u2014 PRINTWELL, Ada"))), pages);
    }

    void unwritablePath()
    {
        QString error;
        QVERIFY(!EscalationSummaryReport::writePdf(
            input(false, false), m_dir.filePath(QStringLiteral("no/dir/x.pdf")), &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_MAIN(TestEscalationSummaryReport)
#include "tst_escalationsummaryreport.moc"
