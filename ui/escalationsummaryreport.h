#pragma once

#include "clinical/casestate.h"
#include "clinical/news2assessor.h"
#include "core/timestamp.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QPageLayout>
#include <QString>

#include <optional>

class QPagedPaintDevice;
#ifdef VIGIL_HAVE_PRINTSUPPORT
class QPrinter;
#endif

namespace vigil::ui {

// A printable summary of one patient's case (issue 6 item 4), for the notes or a hand-over: the
// escalation level in words, open or resolved, the SBAR of the latest escalation, the NEWS2 at that
// time when the caller has it, and every action of the case in causal order (time, action,
// clinician, role, workstation, text; the words of itemmodels::CaseEventListModel). Usually one or
// two A4 pages; every page repeats the patient (or the pseudonym) and "page n of m".
//
// Pseudonymised: the pseudonym replaces the name and NHS Number in the title, and whole-word
// occurrences of the name's parts and of the NHS Number (with or without spaces) are redacted from
// the free text the clinicians wrote; anything else a note says about the patient is printed as
// written, and the document says so. All text from events is escaped (it arrives from other
// workstations). GUI thread (fonts).
class EscalationSummaryReport final
{
    Q_DECLARE_TR_FUNCTIONS(vigil::ui::EscalationSummaryReport)
public:
    struct Input
    {
        QString displayName; // "SURNAME, Given"
        QString nhsNumber; // ten digits
        bool pseudonymise = false;
        QString pseudonym;
        clinical::CaseState caseState;
        QString thisWorkstation; // as in CaseEventListModel::setCase(): other names are "remote"
        // NEWS2 when the latest escalation was made (optional).
        std::optional<clinical::News2Assessor::Assessment> news2;
        core::Timestamp news2Time = 0; // when it was assessed, µs UTC
        QString printedBy; // user name
        QDateTime printedAt; // invalid: now
    };

    explicit EscalationSummaryReport(Input input);

    // A4 portrait, 15 mm margins.
    [[nodiscard]] static QPageLayout pageLayout();
    // The body of the document (without the per-page header and footer), as HTML.
    [[nodiscard]] QString html() const;
    // Every page onto `device` (page layout set by the caller); false with *error on failure.
    bool render(QPagedPaintDevice* device, QString* error = nullptr) const;

    // A4 portrait at 300 dpi; the PDF's metadata carries no identifying data.
    [[nodiscard]] static bool writePdf(const Input& input, const QString& path, QString* error = nullptr);
#ifdef VIGIL_HAVE_PRINTSUPPORT
    bool print(QPrinter* printer, QString* error = nullptr) const;
#endif

    [[nodiscard]] const Input& input() const
    {
        return m_input;
    }

private:
    [[nodiscard]] QString patientTitle() const;
    // Escaped for HTML, line breaks kept, and redacted when pseudonymising.
    [[nodiscard]] QString text(const QString& plain) const;
    [[nodiscard]] QString redacted(const QString& plain) const;
    [[nodiscard]] QString news2Html() const;

    Input m_input;
};

} // namespace vigil::ui
