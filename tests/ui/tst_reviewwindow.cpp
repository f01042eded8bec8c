// The review window (issue 6 item 2) over a real encrypted cache: two hours of ECG (a 1.5 mV beat
// every 1.000 s), pleth and respiration with a minute of lead off, two imported annotations and a case
// event. The window opens on the whole recording, the lanes have data everywhere but the gap, the
// keys zoom about the centre and jump between markers, the calipers measure the beats (60 /min,
// 1.5 mV) with the API and with the mouse, the audit sees the patient key, and a second patient
// joins the same time axis. The window is grabbed to /tmp/reviewwindow.png (a 10-s strip).

#include "codec/wavecodec.h"
#include "mousedrag.h"
#include "news2trendchart.h"
#include "reviewlanesview.h"
#include "reviewtrendsview.h"
#include "reviewwindow.h"
#include "store/cache.h"
#include "store/storeerror.h"
#include "store/storereader.h"
#include "store/storewriter.h"
#include "vitalstrendchart.h"

#include <QApplication>
#include <QChart>
#include <QDateTime>
#include <QListWidget>
#include <QMouseEvent>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <cmath>
#include <numbers>

using namespace vigil;
using ui::ReviewLanesView;
using ui::ReviewWindow;

namespace {

constexpr core::Timestamp kS = core::kMicrosPerSecond;
constexpr core::Timestamp kT0 = 1'767'225'600'000'000; // 2026-01-01T00:00:00Z
constexpr int kSeconds = 7200;
constexpr int kGapFrom = 3000; // lead off for a minute: seconds [3000, 3060)
constexpr int kGapTo = 3060;
constexpr double kBeatOffset = 0.2; // the R peak, in each second
constexpr core::Timestamp kAnnotation1 = kT0 + 4500 * kS + 200'000; // on a beat
constexpr core::Timestamp kAnnotation2 = kT0 + 6000 * kS;
constexpr core::Timestamp kCaseEvent = kT0 + 6500 * kS;
const QString kKey1 = QStringLiteral("review-patient-1");
const QString kKey2 = QStringLiteral("review-patient-2");

// A beat: a 40 ms QRS triangle peaking at exactly 1.5 mV, a 0.25 mV T wave, a flat baseline at 0.
float ecg(double t, double beatOffset)
{
    const double phase = t - std::floor(t);
    const double fromR = phase - beatOffset;
    double mv = 0;
    if (std::abs(fromR) < 0.02)
        mv = 1.5 * (1 - std::abs(fromR) / 0.02);
    mv += 0.25 * std::exp(-std::pow((fromR - 0.3) / 0.05, 2));
    return static_cast<float>(mv);
}


} // namespace

class TestReviewWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<store::Cache> m_cache;
    qint64 m_patient1 = 0;
    qint64 m_patient2 = 0;
    std::vector<std::pair<QString, QString>> m_audit;
    std::unique_ptr<ReviewWindow> m_window;

    [[nodiscard]] ReviewLanesView* view() const { return m_window->views().front(); }
    [[nodiscard]] core::Timestamp centre() const
    {
        const auto [from, to] = m_window->range();
        return from + (to - from) / 2;
    }

private Q_SLOTS:
    void initTestCase()
    {
        store::StoreError error;
        m_cache = store::Cache::createEphemeral(m_dir.filePath(QStringLiteral("review.vigil")), &error);
        QVERIFY2(m_cache, qPrintable(error.message));
        store::StoreWriter::Config config;
        config.backpressureWaitMs = 600'000; // never drop
        config.pruning = false; // 2026 data must not be pruned by the retention policy
        store::StoreWriter writer(*m_cache, config);
        QVERIFY(writer.start(&error));
        core::PatientIdentity one;
        one.id = kKey1;
        one.familyName = QStringLiteral("Testpatient");
        const int p1 = writer.registerPatient(one);
        std::array<int, 3> streams{};
        std::array<store::StreamDescriptor, 3> descriptors{};
        for (core::StreamKind kind : core::kAllStreams) {
            const auto i = static_cast<std::size_t>(core::streamIndex(kind));
            descriptors[i] = store::StreamDescriptor::forLiveStream(kind);
            streams[i] = writer.registerStream(p1, descriptors[i]);
        }
        core::PatientIdentity two;
        two.id = kKey2;
        const int p2 = writer.registerPatient(two);
        const int ecg2 = writer.registerStream(p2, descriptors[0]);

        for (int s = 0; s < kSeconds; ++s) {
            const bool gap = s >= kGapFrom && s < kGapTo;
            const core::Timestamp t = kT0 + s * kS;
            for (core::StreamKind kind : core::kAllStreams) {
                const auto i = static_cast<std::size_t>(core::streamIndex(kind));
                const int rate = core::sampleRateHz(kind);
                std::vector<qint32> second(static_cast<std::size_t>(rate));
                for (int k = 0; k < rate; ++k) {
                    const double time = s + static_cast<double>(k) / rate;
                    float v = 0;
                    if (kind == core::StreamKind::Ecg)
                        v = ecg(time, kBeatOffset);
                    else if (kind == core::StreamKind::Pleth)
                        v = static_cast<float>(0.5 + 0.3 * std::sin(2 * std::numbers::pi * (time - 0.35)));
                    else
                        v = static_cast<float>(0.4 * std::sin(2 * std::numbers::pi * time / 4));
                    second[static_cast<std::size_t>(k)] =
                        gap ? codec::WaveCodec::kInvalid : descriptors[i].toDigital(v);
                }
                writer.appendSamples(streams[i], t, second, t + kS);
            }
            // The second patient: the middle half hour, beats at 0.6 s.
            if (s >= 3600 && s < 5400) {
                std::vector<qint32> second(500);
                for (int k = 0; k < 500; ++k)
                    second[static_cast<std::size_t>(k)] = descriptors[0].toDigital(ecg(s + k / 500.0, 0.6));
                writer.appendSamples(ecg2, t, second, t + kS);
            }
        }
        // Vitals every 10 s: SpO2 97 %, down to 92 % in the second hour (NEWS2 2 more).
        for (int s = 0; s < kSeconds; s += 10) {
            const core::Timestamp t = kT0 + s * kS;
            writer.appendVital(p1, core::VitalKind::HeartRate, {60, t}, t);
            writer.appendVital(p1, core::VitalKind::SpO2, {s < 3600 ? 97.0 : 92.0, t}, t);
            writer.appendVital(p1, core::VitalKind::RespRate, {16, t}, t);
            writer.appendVital(p1, core::VitalKind::SystolicBp, {120, t}, t);
            writer.appendVital(p1, core::VitalKind::Temperature, {37.0, t}, t);
        }
        store::Annotation v;
        v.time = kAnnotation1;
        v.source = QStringLiteral("wfdb:atr");
        v.code = 5;
        v.symbol = QStringLiteral("V");
        writer.appendAnnotation(p1, v);
        store::Annotation note;
        note.time = kAnnotation2;
        note.source = QStringLiteral("edf+");
        note.text = QStringLiteral("Electrode check");
        writer.appendAnnotation(p1, note);
        store::CaseEventRecord escalation;
        escalation.uuid = QStringLiteral("8a4d1f2e-1111-4c4c-9d9d-000000000001");
        escalation.time = kCaseEvent;
        escalation.kind = QStringLiteral("escalate");
        escalation.actor = QStringLiteral("nurse1");
        escalation.role = QStringLiteral("nurse");
        escalation.payload = QByteArrayLiteral("{}");
        escalation.origin = QStringLiteral("ws-test");
        writer.appendCaseEvent(p1, escalation, false);
        QVERIFY(writer.stop());

        auto reader = store::StoreReader::open(*m_cache, &error);
        QVERIFY2(reader, qPrintable(error.message));
        m_patient1 = reader->patientBySourceKey(kKey1)->id;
        m_patient2 = reader->patientBySourceKey(kKey2)->id;

        m_window = std::make_unique<ReviewWindow>(
            *m_cache, [this](const QString& action, const QString& detail) { m_audit.emplace_back(action, detail); });
        QVERIFY(m_window->isOpen());
        QVERIFY(m_window->addPatient(m_patient1, QStringLiteral("TESTPATIENT, One")));
        m_window->resize(1400, 1000);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void opensOnTheWholeRecordingAndIsAudited()
    {
        QCOMPARE(m_audit.size(), std::size_t{1});
        QCOMPARE(m_audit[0].first, QStringLiteral("review.open"));
        QCOMPARE(m_audit[0].second, kKey1); // the key only, no name
        const auto data = view()->dataRange();
        QCOMPARE(data.first, kT0);
        QCOMPARE(data.last, kT0 + kSeconds * kS);
        const auto [from, to] = m_window->range();
        QVERIFY(from <= data.first && from > data.first - 10 * 60 * kS); // a little margin, not more
        QVERIFY(to >= data.last && to < data.last + 10 * 60 * kS);
        QCOMPARE(view()->range(), m_window->range());
        QCOMPARE(view()->laneCount(), 3);
        QCOMPARE(view()->laneLabel(0), QStringLiteral("II"));
        QCOMPARE(view()->laneLabel(1), QStringLiteral("Pleth"));
        QCOMPARE(view()->laneLabel(2), QStringLiteral("Resp"));
        QCOMPARE(view()->ecgLane(), 0);
        QCOMPARE(m_window->markerList()->objectName(), QStringLiteral("reviewMarkers"));
        QCOMPARE(m_window->markerList()->count(), 3);
        const auto& markers = view()->markers();
        QCOMPARE(markers.size(), std::size_t{3});
        QCOMPARE(markers[0].time, kAnnotation1);
        QCOMPARE(markers[0].text, QStringLiteral("V"));
        QCOMPARE(markers[1].text, QStringLiteral("Electrode check"));
        QCOMPARE(markers[2].text, QStringLiteral("escalate"));
        m_window->grab().save(QStringLiteral("/tmp/reviewwindow-whole.png"));
    }

    // The trends under the lanes: the patient's vitals and NEWS2 (incomplete: no consciousness or
    // air/oxygen in a device recording, so a hatched range), on the lanes' time range, their plots
    // within a pixel of the lanes' left and right edges; a zoom moves both.
    void trendsLineUpWithTheLanes()
    {
        ui::ReviewTrendsView* trends = m_window->trends();
        QVERIFY(trends->isVisible());
        QCOMPARE(trends->patientId(), m_patient1);
        QTRY_VERIFY(!trends->isLoading()); // read on a thread of its own
        QCOMPARE(trends->vitals()->pointCount(core::VitalKind::SpO2), kSeconds / 10);
        QCOMPARE(trends->vitals()->pointCount(core::VitalKind::DiastolicBp), 0);
        QVERIFY(trends->news2()->points().isEmpty()); // never a total without every parameter
        QCOMPARE(trends->news2()->incompleteRangeCount(), 1);
        const auto low = trends->news2()->incompleteRangeLow(0);
        const auto high = trends->news2()->incompleteRangeHigh(0);
        QCOMPARE(low.first().y(), 0.0);
        QCOMPARE(high.first().y(), 5.0); // consciousness 3 + oxygen 2 could be missing
        QCOMPARE(low.last().y(), 2.0); // SpO2 92 % on Scale 1
        QCOMPARE(high.last().y(), 7.0);

        // How far each chart's plot edges are from the lanes' (window pixels), and whether its time
        // axis starts where the lanes do.
        const auto offsets = [&] {
            QStringList out;
            const auto [from, to] = m_window->range();
            const QRect lanes = view()->plotRect();
            const int lanesLeft = view()->mapTo(m_window.get(), lanes.topLeft()).x();
            const int lanesRight = view()->mapTo(m_window.get(), QPoint(lanes.left() + lanes.width(), 0)).x();
            const std::array<std::pair<QChartView*, QDateTime>, 2> charts{
                std::pair{static_cast<QChartView*>(trends->vitals()), trends->vitals()->timeFrom()},
                std::pair{static_cast<QChartView*>(trends->news2()), trends->news2()->timeFrom()}};
            for (const auto& [chart, axisFrom] : charts) {
                const QRectF plot = chart->chart()->plotArea();
                const int left = chart->mapTo(m_window.get(), QPoint(qRound(plot.left()), 0)).x();
                const int right = chart->mapTo(m_window.get(), QPoint(qRound(plot.right()), 0)).x();
                if (std::abs(left - lanesLeft) > 1 || std::abs(right - lanesRight) > 1
                    || axisFrom.toMSecsSinceEpoch() != from / 1000)
                    out << QStringLiteral("%1: plot %2-%3, lanes %4-%5")
                               .arg(chart->objectName())
                               .arg(left)
                               .arg(right)
                               .arg(lanesLeft)
                               .arg(lanesRight);
            }
            return out.join(QStringLiteral("; "));
        };
        QTRY_COMPARE(offsets(), QString());
        m_window->zoom(0.25);
        QTRY_COMPARE(offsets(), QString());
        m_window->resize(1200, 900); // a narrower window: still lined up
        QTRY_COMPARE(offsets(), QString());
        m_window->resize(1400, 1000);
        QTRY_COMPARE(offsets(), QString());
        m_window->grab().save(QStringLiteral("/tmp/reviewwindow-trends.png"));
        m_window->showWholeRange();
    }

    // Every column over recorded time has data (min/max from the pyramid); the lead-off minute is blank.
    void lanesHaveDataExceptInTheGap()
    {
        const auto [from, to] = view()->range();
        for (int lane = 0; lane < view()->laneCount(); ++lane) {
            const auto& cols = view()->columns(lane);
            QVERIFY(cols.size() > 500);
            const double usPerColumn = static_cast<double>(to - from) / static_cast<double>(cols.size());
            int inGap = 0;
            int withData = 0;
            for (std::size_t c = 0; c < cols.size(); ++c) {
                const auto start = from + static_cast<core::Timestamp>(static_cast<double>(c) * usPerColumn);
                const auto end = from + static_cast<core::Timestamp>(static_cast<double>(c + 1) * usPerColumn);
                const QString where = QStringLiteral("lane %1 column %2").arg(lane).arg(c);
                if (end <= kT0 || start >= kT0 + kSeconds * kS) {
                    QVERIFY2(cols[c].isEmpty(), qPrintable(where));
                } else if (start >= kT0 + kGapFrom * kS && end <= kT0 + kGapTo * kS) {
                    QVERIFY2(cols[c].isEmpty(), qPrintable(where));
                    ++inGap;
                } else if (start >= kT0 + kS && end <= kT0 + (kSeconds - 1) * kS) {
                    QVERIFY2(!cols[c].isEmpty(), qPrintable(where));
                    ++withData;
                }
            }
            QVERIFY(inGap >= 3);
            QVERIFY(withData > 400);
        }
        // The ECG lane keeps every beat's peak even at hours per screen.
        const auto& ecgCols = view()->columns(0);
        QCOMPARE(std::max_element(ecgCols.begin(), ecgCols.end(),
                     [](const auto& a, const auto& b) { return a.isEmpty() || (!b.isEmpty() && a.max < b.max); })
                     ->max,
            1.5f);
    }

    void keysZoomAboutTheCentreAndJumpToMarkers()
    {
        m_window->activateWindow();
        const auto [from0, to0] = m_window->range();
        const core::Timestamp centre0 = centre();
        for (int i = 0; i < 3; ++i)
            QTest::keyClick(m_window.get(), Qt::Key_Plus);
        const auto [from1, to1] = m_window->range();
        QVERIFY(std::abs((to1 - from1) - (to0 - from0) / 8) <= 4);
        QVERIFY(std::abs(centre() - centre0) <= 4);
        QCOMPARE(view()->range(), m_window->range());

        // The next marker after the centre (hour 1) is the first annotation, at 1:15:00.2.
        QTest::keyClick(m_window.get(), Qt::Key_N);
        QVERIFY(std::abs(centre() - kAnnotation1) <= 1);
        QCOMPARE(m_window->range().second - m_window->range().first, to1 - from1); // same zoom
        QCOMPARE(m_window->markerList()->currentRow(), 0);
        QTest::keyClick(m_window.get(), Qt::Key_N);
        QVERIFY(std::abs(centre() - kAnnotation2) <= 1);
        QTest::keyClick(m_window.get(), Qt::Key_P);
        QVERIFY(std::abs(centre() - kAnnotation1) <= 1);

        // Pan a tenth of the span and back.
        const core::Timestamp span = m_window->range().second - m_window->range().first;
        QTest::keyClick(m_window.get(), Qt::Key_Right);
        QVERIFY(std::abs(centre() - (kAnnotation1 + span / 10)) <= 2);
        QTest::keyClick(m_window.get(), Qt::Key_Left);
        QVERIFY(std::abs(centre() - kAnnotation1) <= 4);

        // Home: the whole range again; '-' cannot go beyond it.
        QTest::keyClick(m_window.get(), Qt::Key_Home);
        QCOMPARE(m_window->range(), std::pair(from0, to0));
        QTest::keyClick(m_window.get(), Qt::Key_Minus);
        QCOMPARE(m_window->range(), std::pair(from0, to0));

        // Selecting a marker in the list centres on it, keeping the zoom (one that fits before the end).
        for (int i = 0; i < 3; ++i)
            QTest::keyClick(m_window.get(), Qt::Key_Plus);
        const core::Timestamp zoomed = m_window->range().second - m_window->range().first;
        m_window->markerList()->setCurrentRow(2);
        QVERIFY(std::abs(centre() - kCaseEvent) <= 1);
        QCOMPARE(m_window->range().second - m_window->range().first, zoomed);

        // '0': a 10-second strip at the centre; '+' does not go below it.
        m_window->markerList()->setCurrentRow(0);
        QTest::keyClick(m_window.get(), Qt::Key_0);
        QCOMPARE(m_window->range().second - m_window->range().first, ReviewWindow::kMinSpanUs);
        QVERIFY(std::abs(centre() - kAnnotation1) <= 1);
        QTest::keyClick(m_window.get(), Qt::Key_Plus);
        QCOMPARE(m_window->range().second - m_window->range().first, ReviewWindow::kMinSpanUs);
        QVERIFY(std::abs(centre() - kAnnotation1) <= 1);
    }

    // In the 10-s strip (from the samples): ten beats, each 1.5 mV above the baseline, 1.000 s apart.
    void calipersMeasureTheBeats()
    {
        const auto [from, to] = view()->range();
        QCOMPARE(to - from, 10 * kS);
        const auto& cols = view()->columns(0);
        std::vector<std::size_t> peaks; // columns holding a 1.5 mV peak
        float baseline = 10;
        for (std::size_t c = 0; c < cols.size(); ++c) {
            QVERIFY2(!cols[c].isEmpty(), qPrintable(QStringLiteral("column %1").arg(c)));
            baseline = std::min(baseline, cols[c].min);
            if (cols[c].max == 1.5f)
                peaks.push_back(c);
        }
        QCOMPARE(baseline, 0.0f);
        QVERIFY2(peaks.size() == 10, qPrintable(QString::number(peaks.size())));

        const core::Timestamp beat = kAnnotation1;
        view()->setTimeCalipers(beat, beat + kS);
        QCOMPARE(view()->caliperText(), QStringLiteral("Δt 1000 ms = 60 /min"));
        view()->setTimeCalipers(beat, beat + 820'000);
        QCOMPARE(view()->caliperText(), QStringLiteral("Δt 820 ms = 73 /min"));
        view()->setAmplitudeCalipers(baseline, 1.5);
        QCOMPARE(view()->caliperText(), QStringLiteral("Δt 820 ms = 73 /min  ΔV 1.50 mV"));
        view()->clearCalipers();
        QVERIFY(view()->caliperText().isEmpty());

        // With the mouse: Shift+drag from one R peak to the next, Ctrl+drag from baseline to peak.
        const QRect lane = view()->laneRect(0);
        const double x1 = lane.left() + static_cast<double>(peaks[3]) + 0.5;
        const double x2 = lane.left() + static_cast<double>(peaks[4]) + 0.5;
        test::mouseDrag(view(), QPointF(x1, lane.center().y()), QPointF(x2, lane.center().y()), Qt::ShiftModifier);
        const auto rate = QRegularExpression(QStringLiteral("= (\\d+) /min")).match(view()->caliperText());
        QVERIFY2(rate.hasMatch(), qPrintable(view()->caliperText()));
        QVERIFY2(std::abs(rate.captured(1).toInt() - 60) <= 1, qPrintable(view()->caliperText()));
        const double yBase = view()->yForValue(0, 0.0);
        const double yPeak = view()->yForValue(0, 1.5);
        QVERIFY(yBase - yPeak > 100); // the ECG lane is tall enough to measure on
        test::mouseDrag(view(), QPointF(x1, yBase), QPointF(x1, yPeak), Qt::ControlModifier);
        const auto mv = QRegularExpression(QStringLiteral("ΔV (\\d+\\.\\d+) mV")).match(view()->caliperText());
        QVERIFY2(mv.hasMatch(), qPrintable(view()->caliperText()));
        QVERIFY2(std::abs(mv.captured(1).toDouble() - 1.5) <= 0.03, qPrintable(view()->caliperText()));
        // The calipers did not move the range.
        QCOMPARE(view()->range(), std::pair(from, to));
    }

    void plainDragPansAndWheelZooms()
    {
        const auto [from, to] = m_window->range();
        const QRect plot = view()->plotRect();
        // Dragging left by a tenth of the plot moves a tenth of the span later.
        test::mouseDrag(view(), QPointF(plot.center().x(), plot.center().y()),
            QPointF(plot.center().x() - plot.width() / 10.0, plot.center().y()), Qt::NoModifier);
        const core::Timestamp shift = m_window->range().first - from;
        QVERIFY2(std::abs(shift - (to - from) / 10) < (to - from) / 100, qPrintable(QString::number(shift)));
        QCOMPARE(m_window->range().second - m_window->range().first, to - from);
        // Wheel back (out) at the left edge: that time stays under the cursor.
        const core::Timestamp anchor = view()->timeForX(plot.left() + 100);
        QWheelEvent wheel(QPointF(plot.left() + 100, plot.center().y()),
            view()->mapToGlobal(QPointF(plot.left() + 100, 0)), QPoint(), QPoint(0, -240), Qt::NoButton, Qt::NoModifier,
            Qt::NoScrollPhase, false);
        QApplication::sendEvent(view(), &wheel);
        QVERIFY(m_window->range().second - m_window->range().first > to - from);
        QVERIFY(std::abs(view()->timeForX(plot.left() + 100) - anchor) < 100 * core::kMicrosPerMilli);
    }

    void bookmarkIsAuditedAndShown()
    {
        m_window->centreOn(kAnnotation1);
        QTest::keyClick(m_window.get(), Qt::Key_0);
        const core::Timestamp at = centre();
        m_audit.clear();
        QTest::keyClick(m_window.get(), Qt::Key_B);
        QCOMPARE(m_audit.size(), std::size_t{1});
        QCOMPARE(m_audit[0].first, QStringLiteral("review.bookmark"));
        QCOMPARE(m_audit[0].second,
            kKey1 + QLatin1Char(' ')
                + QDateTime::fromMSecsSinceEpoch(at / 1000, QTimeZone::utc()).toString(Qt::ISODateWithMs));
        // ISO 8601 in UTC, as the rest of the audit log writes it.
        const QString iso = m_audit[0].second.section(QLatin1Char(' '), 1);
        QCOMPARE(QDateTime::fromString(iso, Qt::ISODateWithMs).toMSecsSinceEpoch(), at / 1000);
        QVERIFY2(iso.endsWith(QStringLiteral("+00:00")) || iso.endsWith(QLatin1Char('Z')), qPrintable(iso));
        QCOMPARE(view()->markers().size(), std::size_t{4});
        QCOMPARE(m_window->markerList()->count(), 4);
        QCOMPARE(view()->markers()[1].time, at); // sorted: after the V at the same instant
        QCOMPARE(view()->markers()[1].text, QStringLiteral("Bookmark"));
    }

    // A second patient joins the time axis where it is; its lanes follow every change.
    void secondPatientSharesTheRange()
    {
        const auto range = m_window->range();
        m_audit.clear();
        QVERIFY(m_window->addPatient(m_patient2, QStringLiteral("TESTPATIENT, Two")));
        QVERIFY(!m_window->addPatient(999'999, QStringLiteral("nobody")));
        QCOMPARE(m_audit.size(), std::size_t{1});
        QCOMPARE(m_audit[0], std::pair(QStringLiteral("review.open"), kKey2));
        QCOMPARE(m_window->views().size(), std::size_t{2});
        ReviewLanesView* second = m_window->views()[1];
        QCOMPARE(m_window->range(), range);
        QCOMPARE(second->range(), range);
        QCOMPARE(second->laneCount(), 1);
        QCOMPARE(m_window->markerList()->count(), 4);
        QVERIFY(m_window->markerList()->item(0)->text().startsWith(QStringLiteral("TESTPATIENT, One: ")));
        QTest::keyClick(m_window.get(), Qt::Key_Right);
        QCOMPARE(second->range(), m_window->range());
        QCOMPARE(view()->range(), m_window->range());
        QTest::keyClick(m_window.get(), Qt::Key_Left);
        // Its beats (at 0.6 s) are in the strip too, once the window has laid it out.
        QApplication::processEvents();
        QCOMPARE(second->plotRect().width(), view()->plotRect().width());
        int peaks = 0;
        for (const auto& c : second->columns(0))
            peaks += (!c.isEmpty() && c.max == 1.5f) ? 1 : 0;
        QCOMPARE(peaks, 10);

        view()->setTimeCalipers(kAnnotation1 - 2 * kS, kAnnotation1 - kS);
        view()->setAmplitudeCalipers(0.0, 1.5);
        QApplication::processEvents();
        QVERIFY(m_window->grab().save(QStringLiteral("/tmp/reviewwindow.png")));
    }

    void cleanupTestCase() { m_window.reset(); }
};

QTEST_MAIN(TestReviewWindow)
#include "tst_reviewwindow.moc"
