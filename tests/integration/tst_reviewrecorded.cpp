// Review of a cache recorded by `vigilctl record` (issue 6), in a real window under Xvfb: eight
// simulated patients for ten minutes, with the alarms the workstation would have raised. The test
// opens the review of the patient whose SpO2 alarm went off, zooms, jumps to the alarm from the
// marker list, measures an RR interval with the time calipers (against the heart rate the device
// reported at that time) and an R wave with the amplitude calipers (against the lane's own columns),
// and saves a screenshot (tst_reviewrecorded.png in the working directory).
#include "crypto/securebytes.h"
#include "ctlrunner.h"
#include "mousedrag.h"
#include "news2trendchart.h"
#include "reviewlanesview.h"
#include "reviewtrendsview.h"
#include "reviewwindow.h"
#include "store/cache.h"
#include "store/storereader.h"
#include "vitalstrendchart.h"

#include <QApplication>
#include <QDir>
#include <QListWidget>
#include <QMouseEvent>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace vigil;
using integration::CtlResult;
using integration::CtlRunner;
using ui::ReviewLanesView;
using ui::ReviewWindow;

namespace {

const QByteArray kPassphrase = QByteArrayLiteral("amber meadow violin 58");
constexpr core::Timestamp kStart = 1'700'000'000'000'000; // a whole second
constexpr core::Timestamp kS = core::kMicrosPerSecond;


} // namespace

class TestReviewRecorded : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<store::Cache> m_cache;
    std::unique_ptr<store::StoreReader> m_reader;
    qint64 m_patient = 0;
    store::AlarmRecord m_alarm;
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
        QVERIFY(m_dir.isValid());
        const QString cachePath = m_dir.filePath(QStringLiteral("recorded.vigil"));
        const QString passFile = m_dir.filePath(QStringLiteral("pass"));
        QVERIFY(CtlRunner::writePassphraseFile(passFile, kPassphrase));
        const QStringList common{QStringLiteral("--cache"), cachePath, QStringLiteral("--passphrase-file"), passFile};
        const CtlResult init = CtlRunner::run(QStringList{QStringLiteral("cache"), QStringLiteral("init"),
                                                  QStringLiteral("--kdf"), QStringLiteral("fast")}
            + common);
        QVERIFY2(init.exitedWith(0), init.describe().constData());
        const CtlResult record =
            CtlRunner::run(QStringList{QStringLiteral("record"), QStringLiteral("--demo"), QStringLiteral("--patients"),
                               QStringLiteral("8"), QStringLiteral("--minutes"), QStringLiteral("10"),
                               QStringLiteral("--start"), QString::number(kStart), QStringLiteral("--json")}
                    + common,
                {}, 120000);
        QVERIFY2(record.exitedWith(0), record.describe().constData());
        QVERIFY(record.json().value(QStringLiteral("alarms")).toInt() >= 5);

        store::StoreError error;
        m_cache = store::Cache::open(cachePath, crypto::SecureBytes::fromUtf8(QString::fromUtf8(kPassphrase)), &error);
        QVERIFY2(m_cache, qPrintable(error.message));
        m_reader = store::StoreReader::open(*m_cache, &error);
        QVERIFY2(m_reader, qPrintable(error.message));
        // The patient whose SpO2 fell below the limit with the highest priority (the demo's desaturation
        // scenario: a HIGH alarm).
        for (const auto& p : m_reader->patients()) {
            for (const auto& a : m_reader->alarms(p.id, kStart, kStart + 600 * kS)) {
                if (a.code == QStringLiteral("spo2-low") && (m_patient == 0 || a.priority > m_alarm.priority)) {
                    m_patient = p.id;
                    m_alarm = a;
                }
            }
        }
        QVERIFY(m_patient != 0);
        QVERIFY(m_alarm.raisedAt > kStart && m_alarm.raisedAt < kStart + 600 * kS);

        m_window = std::make_unique<ReviewWindow>(
            *m_cache, [this](const QString& action, const QString& detail) { m_audit.emplace_back(action, detail); });
        QVERIFY(m_window->addPatient(m_patient, QStringLiteral("Recorded patient")));
        m_window->resize(1600, 1000);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    // The whole recording, audited, with the alarm among the markers and the trends beside it.
    void opensOnTheRecording()
    {
        QCOMPARE(m_audit.size(), std::size_t{1});
        QCOMPARE(m_audit[0].first, QStringLiteral("review.open"));
        QCOMPARE(view()->laneCount(), 3);
        const auto data = view()->dataRange();
        QCOMPARE(data.first, kStart);
        QCOMPARE(data.last, kStart + 600 * kS);
        const auto [from, to] = m_window->range();
        QVERIFY(from <= data.first && to >= data.last);
        const auto& markers = view()->markers();
        const auto alarm = std::find_if(markers.begin(), markers.end(), [&](const auto& m) {
            return m.time == m_alarm.raisedAt && m.text.contains(u"SpO₂ low") && m.text.contains(u"HIGH");
        });
        QStringList texts;
        for (const auto& m : markers)
            texts << QString::number(m.time) + QLatin1Char(' ') + m.text;
        QVERIFY2(alarm != markers.end(),
            qPrintable(QString::number(m_alarm.raisedAt) + QStringLiteral(": ") + texts.join(u'|')));
        QTRY_VERIFY(!m_window->trends()->isLoading()); // read on a thread of its own
        QVERIFY(m_window->trends()->vitals()->pointCount(core::VitalKind::SpO2) > 100);
        QVERIFY(m_window->trends()->news2()->incompleteRangeCount() >= 1);
    }

    // + three times: an eighth of the span about the centre; then the alarm from the marker list,
    // at the same zoom; then a 10-second strip around it.
    void zoomAndJumpToTheAlarm()
    {
        m_window->activateWindow();
        const auto [from0, to0] = m_window->range();
        for (int i = 0; i < 3; ++i)
            QTest::keyClick(m_window.get(), Qt::Key_Plus);
        const core::Timestamp span = m_window->range().second - m_window->range().first;
        QVERIFY(std::abs(span - (to0 - from0) / 8) <= 4);

        QListWidget* list = m_window->markerList();
        int row = -1;
        for (int r = 0; r < list->count(); ++r) {
            if (list->item(r)->data(Qt::UserRole).toLongLong() == m_alarm.raisedAt
                && list->item(r)->text().contains(u"SpO₂ low"))
                row = r;
        }
        QVERIFY(row >= 0);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->item(row)).center());
        QCOMPARE(list->currentRow(), row);
        QVERIFY(std::abs(centre() - m_alarm.raisedAt) <= 1);
        QCOMPARE(m_window->range().second - m_window->range().first, span);

        m_window->activateWindow();
        QTest::keyClick(m_window.get(), Qt::Key_0);
        QCOMPARE(m_window->range().second - m_window->range().first, ReviewWindow::kMinSpanUs);
        QVERIFY(std::abs(centre() - m_alarm.raisedAt) <= 1);
        QCOMPARE(view()->range(), m_window->range());
    }

    // In the strip: Shift+drag from one R wave to the next gives the rate the device reported then
    // (within 15 %); Ctrl+drag from the strip's lowest point to an R peak gives their difference.
    void calipersOnTheRecordedEcg()
    {
        QApplication::processEvents();
        const auto& cols = view()->columns(0);
        QVERIFY(cols.size() > 500);
        float top = -1e9f;
        float bottom = 1e9f;
        for (const auto& c : cols) {
            if (!c.isEmpty()) {
                top = std::max(top, c.max);
                bottom = std::min(bottom, c.min);
            }
        }
        QVERIFY(top > bottom + 0.3f);
        // R waves: columns above 70 % of the way up, the highest of each run, at least 250 ms apart.
        const double usPerColumn = static_cast<double>(ReviewWindow::kMinSpanUs) / static_cast<double>(cols.size());
        const float threshold = bottom + 0.7f * (top - bottom);
        std::vector<std::size_t> peaks;
        for (std::size_t c = 0; c < cols.size(); ++c) {
            if (cols[c].isEmpty() || cols[c].max < threshold)
                continue;
            if (!peaks.empty() && static_cast<double>(c - peaks.back()) * usPerColumn < 250'000) {
                if (cols[c].max > cols[peaks.back()].max)
                    peaks.back() = c;
                continue;
            }
            peaks.push_back(c);
        }
        QVERIFY2(peaks.size() >= 4, qPrintable(QString::number(peaks.size())));

        const auto hr = m_reader->vitals(
            m_patient, core::VitalKind::HeartRate, m_alarm.raisedAt - 30 * kS, m_alarm.raisedAt + 30 * kS);
        QVERIFY(!hr.empty());
        double reported = 0;
        for (const auto& m : hr)
            reported += m.value;
        reported /= static_cast<double>(hr.size());

        const QRect lane = view()->laneRect(0);
        const double x1 = lane.left() + static_cast<double>(peaks[1]) + 0.5;
        const double x2 = lane.left() + static_cast<double>(peaks[2]) + 0.5;
        test::mouseDrag(view(), QPointF(x1, lane.center().y()), QPointF(x2, lane.center().y()), Qt::ShiftModifier);
        const auto rate = QRegularExpression(QStringLiteral("Δt (\\d+) ms = (\\d+) /min")).match(view()->caliperText());
        QVERIFY2(rate.hasMatch(), qPrintable(view()->caliperText()));
        const int rrMs = rate.captured(1).toInt();
        QVERIFY2(std::abs(rrMs - (peaks[2] - peaks[1]) * usPerColumn / 1000) <= usPerColumn / 1000 + 1,
            qPrintable(view()->caliperText()));
        QVERIFY2(std::abs(rate.captured(2).toDouble() - reported) <= 0.15 * reported,
            qPrintable(view()->caliperText() + QStringLiteral(" vs reported %1 /min").arg(reported)));

        const double yLow = view()->yForValue(0, bottom);
        const double yPeak = view()->yForValue(0, cols[peaks[1]].max);
        test::mouseDrag(view(), QPointF(x1, yLow), QPointF(x1, yPeak), Qt::ControlModifier);
        const auto mv = QRegularExpression(QStringLiteral("ΔV (\\d+\\.\\d+) mV")).match(view()->caliperText());
        QVERIFY2(mv.hasMatch(), qPrintable(view()->caliperText()));
        const double expected = cols[peaks[1]].max - bottom;
        // One pixel of the lane is the tolerance.
        const double mvPerPixel = (top - bottom) / std::max(1.0, yLow - view()->yForValue(0, top));
        QVERIFY2(std::abs(mv.captured(1).toDouble() - expected) <= mvPerPixel + 0.01,
            qPrintable(view()->caliperText() + QStringLiteral(" vs %1 mV").arg(expected)));

        QApplication::processEvents();
        QVERIFY(m_window->grab().save(QDir::current().absoluteFilePath(QStringLiteral("tst_reviewrecorded.png"))));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_reader.reset();
    }
};

QTEST_MAIN(TestReviewRecorded)
#include "tst_reviewrecorded.moc"
