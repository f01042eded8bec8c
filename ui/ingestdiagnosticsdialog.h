#pragma once

#include <QDialog>

#include <memory>

class QLabel;
class QTableView;

namespace vigil::store {
class StoreReader;
}

namespace vigil::ui {

class IngestQuarantineModel;
class IngestSourceModel;
class IngestStatus;

// Help > Diagnostics: the live transports for whoever keeps the data path running. The MQTT link
// (state, broker, last error, messages, connections) and the MLLP listener (port, connections,
// messages and acknowledgements); one row per source from the router (messages, samples, vital
// signs, repeats dropped, quarantined, clock skew, last problem); and the latest quarantined
// messages from the cache: time, source, reason, never the payload.
//
// It shows transports, not patients; still, the window closes it when the session locks. Refreshed
// from IngestStatus::changed (once a second) while visible; the quarantine is read on a reader
// connection of its own (GUI thread; a small indexed query). GUI thread only.
class IngestDiagnosticsDialog final : public QDialog
{
    Q_OBJECT
public:
    static constexpr int kQuarantineRows = 50;

    explicit IngestDiagnosticsDialog(IngestStatus& status, QWidget* parent = nullptr);
    ~IngestDiagnosticsDialog() override;

    [[nodiscard]] IngestSourceModel* sourceModel() const { return m_sources; }
    [[nodiscard]] IngestQuarantineModel* quarantineModel() const { return m_quarantine; }
    [[nodiscard]] QLabel* mqttLabel() const { return m_mqtt; }
    [[nodiscard]] QLabel* mllpLabel() const { return m_mllp; }

    // Re-reads everything now.
    void refresh();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void refreshQuarantine();

    IngestStatus& m_status;
    IngestSourceModel* m_sources = nullptr;
    IngestQuarantineModel* m_quarantine = nullptr;
    QTableView* m_sourceTable = nullptr;
    QTableView* m_quarantineTable = nullptr;
    QLabel* m_mqtt = nullptr;
    QLabel* m_mqttDetail = nullptr;
    QLabel* m_mllp = nullptr;
    QLabel* m_mllpDetail = nullptr;
    QLabel* m_quarantineNote = nullptr;
    std::unique_ptr<store::StoreReader> m_reader;
    bool m_readerFailed = false;
};

} // namespace vigil::ui
