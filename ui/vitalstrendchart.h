#pragma once

#include "core/vitalsigns.h"

#include <QChartView>

#include <array>

class QLineSeries;
class QDateTimeAxis;

namespace vigil::live {
class PatientFeed;
}

namespace vigil::ui {

// Vitals trend of one patient over the last hours (Qt Charts): HR, SpO2, RR, systolic and diastolic
// BP on the left axis, temperature on the right. Point counts are modest (one per 5 s at most).
class VitalsTrendChart final : public QChartView
{
    Q_OBJECT
public:
    explicit VitalsTrendChart(const live::PatientFeed& feed, QWidget* parent = nullptr);

    // Re-reads the feed's trend history.
    void refresh();
    // Points currently plotted for a kind (tests).
    [[nodiscard]] int pointCount(core::VitalKind kind) const;

private:
    const live::PatientFeed& m_feed;
    std::array<QLineSeries*, core::kVitalKindCount> m_series{};
    QDateTimeAxis* m_time = nullptr;
};

} // namespace vigil::ui
