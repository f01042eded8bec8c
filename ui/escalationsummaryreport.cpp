#include "escalationsummaryreport.h"

#include "clinical/escalationlevel.h"
#include "core/nhsnumber.h"
#include "itemmodels/caseeventlistmodel.h"
#include "pdfreportoutput.h"

#include <QAbstractTextDocumentLayout>
#include <QFont>
#include <QLocale>
#include <QPageSize>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QRegularExpression>
#include <QTextDocument>
#include <QTimeZone>

#include <array>
#include <cmath>

namespace vigil::ui {

namespace {

using clinical::CaseEvent;
using clinical::News2;
using itemmodels::CaseEventListModel;

constexpr double kMarginMm = 15.0;
constexpr double kHeaderMm = 10.0;
constexpr double kFooterMm = 8.0;
constexpr int kPdfDpi = 300;

QFont font(double points, bool bold = false)
{
    QFont f;
    f.setStyleHint(QFont::SansSerif);
    f.setPointSizeF(points);
    f.setBold(bold);
    return f;
}

QString localTimeText(core::Timestamp us)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(us / core::kMicrosPerMilli, QTimeZone::utc()).toLocalTime();
    return QLocale().toString(t, QStringLiteral("d MMM yyyy HH:mm:ss")) + QLatin1Char(' ') + t.timeZoneAbbreviation();
}

} // namespace

EscalationSummaryReport::EscalationSummaryReport(Input input)
    : m_input(std::move(input))
{ }

QPageLayout EscalationSummaryReport::pageLayout()
{
    return QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
        QMarginsF(kMarginMm, kMarginMm, kMarginMm, kMarginMm), QPageLayout::Millimeter);
}

QString EscalationSummaryReport::patientTitle() const
{
    if (m_input.pseudonymise)
        return tr("Pseudonym: %1").arg(m_input.pseudonym);
    if (m_input.nhsNumber.isEmpty())
        return m_input.displayName;
    return tr("%1    NHS Number %2").arg(m_input.displayName, core::NhsNumber::format(m_input.nhsNumber));
}

QString EscalationSummaryReport::redacted(const QString& plain) const
{
    if (!m_input.pseudonymise)
        return plain;
    QString out = plain;
    const QString mark = tr("[redacted]");
    // The NHS Number however it was typed: with spaces, dashes or none between the digits.
    const QString digits = core::NhsNumber::normalized(m_input.nhsNumber);
    if (!digits.isEmpty()) {
        QStringList parts;
        for (QChar c : digits)
            parts << QRegularExpression::escape(QString(c));
        out.replace(QRegularExpression(
                        QStringLiteral("(?<!\\d)") + parts.join(QStringLiteral("[\\s-]?")) + QStringLiteral("(?!\\d)")),
            mark);
    }
    // The name's parts as whole words, any case. One-letter parts (initials) would redact ordinary
    // words, so they are left alone.
    static const QRegularExpression separators(QStringLiteral("[\\s,]+"));
    for (const QString& part : m_input.displayName.split(separators, Qt::SkipEmptyParts)) {
        if (part.size() < 2 || part.startsWith(QLatin1Char('[')))
            continue;
        out.replace(QRegularExpression(QStringLiteral("\\b") + QRegularExpression::escape(part) + QStringLiteral("\\b"),
                        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption),
            mark);
    }
    return out;
}

QString EscalationSummaryReport::text(const QString& plain) const
{
    QString html = redacted(plain).toHtmlEscaped();
    html.replace(QLatin1Char('\n'), QStringLiteral("<br/>"));
    return html;
}

QString EscalationSummaryReport::news2Html() const
{
    if (!m_input.news2)
        return {};
    const clinical::News2Assessor::Assessment& a = *m_input.news2;
    QString html = QStringLiteral("<h3>%1</h3>").arg(tr("NEWS2 at the time").toHtmlEscaped());
    if (m_input.news2Time > 0)
        html +=
            QStringLiteral("<p>%1</p>").arg(tr("Assessed %1").arg(localTimeText(m_input.news2Time)).toHtmlEscaped());
    if (!a.result) {
        return html + QStringLiteral("<p>%1</p>").arg(tr("Could not be scored: %1").arg(a.error).toHtmlEscaped());
    }
    const News2::Result& r = *a.result;
    QString headline;
    if (r.complete && r.band)
        headline = tr("NEWS2 %1 \u2014 %2").arg(r.total).arg(News2::bandName(*r.band));
    else
        headline = tr("Incomplete observation set: not a NEWS2 score (the missing parameters allow %1 to %2)")
                       .arg(r.minTotal)
                       .arg(r.maxTotal);
    if (r.redScore)
        headline += tr("; a single parameter scored 3");
    html += QStringLiteral("<p><b>%1</b> (%2)</p>")
                .arg(headline.toHtmlEscaped(),
                    (a.scale == News2::Scale::Two ? tr("SpO2 scale 2") : tr("SpO2 scale 1")).toHtmlEscaped());
    html += QStringLiteral("<p>%1</p>").arg(News2::response(r).toHtmlEscaped());

    html += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
                           "style=\"border-collapse: collapse; border-color: #888888;\">");
    html += QStringLiteral("<tr><th align=\"left\">%1</th><th align=\"left\">%2</th><th align=\"left\">%3</th></tr>")
                .arg(tr("Parameter").toHtmlEscaped(), tr("Reading").toHtmlEscaped(), tr("Score").toHtmlEscaped());
    const auto unit = [](News2::Parameter p) {
        switch (p) {
        case News2::Parameter::RespirationRate:
        case News2::Parameter::Pulse:
            return tr("/min");
        case News2::Parameter::SpO2:
            return tr("%");
        case News2::Parameter::SystolicBp:
            return tr("mmHg");
        case News2::Parameter::Temperature:
            return tr("\u00b0C");
        default:
            return QString();
        }
    };
    for (int i = 0; i < News2::kParameterCount; ++i) {
        const auto p = static_cast<News2::Parameter>(i);
        const News2::Component& c = r.component(p);
        QString reading;
        QString score;
        if (!c.measured) {
            reading = a.stale[static_cast<std::size_t>(i)] ? tr("stale (too old to use)") : tr("not measured");
            score = tr("%1 to %2").arg(c.minScore).arg(c.maxScore);
        } else {
            if (p == News2::Parameter::Consciousness)
                reading = News2::acvpuLetter(static_cast<News2::Acvpu>(c.scaledValue));
            else if (p == News2::Parameter::AirOrOxygen)
                reading = c.scaledValue != 0 ? tr("oxygen") : tr("air");
            else
                reading =
                    tr("%1 %2").arg(QLocale().toString(static_cast<double>(c.scaledValue) / std::pow(10.0, c.decimals),
                                        'f', c.decimals),
                        unit(p));
            score = QString::number(c.score);
        }
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                    .arg(News2::displayName(p).toHtmlEscaped(), reading.toHtmlEscaped(), score.toHtmlEscaped());
    }
    html += QStringLiteral("</table>");
    return html;
}

QString EscalationSummaryReport::html() const
{
    const clinical::CaseState& state = m_input.caseState;
    QString html = QStringLiteral("<html><body>");
    html += QStringLiteral("<h2>%1</h2>").arg(tr("Escalation summary").toHtmlEscaped());
    html += QStringLiteral("<p><b>%1</b></p>").arg(patientTitle().toHtmlEscaped());
    if (m_input.pseudonymise) {
        html += QStringLiteral("<p><i>%1</i></p>")
                    .arg(tr("Pseudonymised copy: the patient's name and NHS Number are redacted where the "
                            "clinicians wrote them out; other details in their notes are printed as written.")
                             .toHtmlEscaped());
    }

    // The state in words, never colour alone.
    html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"2\">");
    const auto row = [&html](const QString& name, const QString& value) {
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(name.toHtmlEscaped(), value);
    };
    row(tr("Current escalation level"), clinical::escalationLevelName(state.level()).toHtmlEscaped());
    row(tr("Case"),
        (state.isEmpty()             ? tr("no actions")
                : state.isResolved() ? tr("resolved")
                                     : tr("open"))
            .toHtmlEscaped());
    row(tr("Highest level reached"), clinical::escalationLevelName(state.highestLevel()).toHtmlEscaped());
    if (!state.holders().isEmpty())
        row(tr("Held by"), state.holders().join(QStringLiteral(", ")).toHtmlEscaped());
    if (state.reviewRequested() || state.reviewNeeded())
        row(tr("Review"), tr("outstanding").toHtmlEscaped());
    if (!state.unacknowledgedEscalations().isEmpty())
        row(tr("Acknowledgement"), tr("escalation not acknowledged").toHtmlEscaped());
    html += QStringLiteral("</table>");
    if (state.escalatedWhileResolving()) {
        html += QStringLiteral("<p><b>%1</b></p>")
                    .arg(tr("Warning: escalated while being resolved \u2014 check with the other clinician.")
                             .toHtmlEscaped());
    }

    // The latest escalation in the case's causal order: what the clinician would read first.
    const CaseEvent* latest = nullptr;
    for (const CaseEvent& e : state.events()) {
        if (e.kind == CaseEvent::Kind::Escalate)
            latest = &e;
    }
    html += QStringLiteral("<h3>%1</h3>").arg(tr("Latest escalation (SBAR)").toHtmlEscaped());
    if (!latest) {
        html += QStringLiteral("<p>%1</p>").arg(tr("The case has not been escalated.").toHtmlEscaped());
    } else {
        const QString by = latest->role.isEmpty() ? latest->actor : tr("%1 (%2)").arg(latest->actor, latest->role);
        html += QStringLiteral("<p>%1</p>")
                    .arg(tr("Escalated to %1 at %2 by %3, workstation %4")
                             .arg(clinical::escalationLevelName(latest->level), localTimeText(latest->time), by,
                                 latest->workstation)
                             .toHtmlEscaped());
        html += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\" "
                               "style=\"border-collapse: collapse; border-color: #888888;\">");
        const auto sbarRow = [&](const QString& part, const QString& value) {
            html += QStringLiteral("<tr><td width=\"22%\" valign=\"top\"><b>%1</b></td><td>%2</td></tr>")
                        .arg(part.toHtmlEscaped(), text(value));
        };
        sbarRow(tr("Situation"), latest->sbar.situation);
        sbarRow(tr("Background"), latest->sbar.background);
        sbarRow(tr("Assessment"), latest->sbar.assessment);
        sbarRow(tr("Recommendation"), latest->sbar.recommendation);
        html += QStringLiteral("</table>");
    }

    html += news2Html();

    // The timeline in the list model's words, so paper and screen say the same thing.
    html += QStringLiteral("<h3>%1</h3>").arg(tr("Case timeline").toHtmlEscaped());
    CaseEventListModel model;
    model.setCase(state, m_input.thisWorkstation);
    if (model.rowCount() == 0) {
        html += QStringLiteral("<p>%1</p>").arg(tr("No actions.").toHtmlEscaped());
    } else {
        html += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\" "
                               "style=\"border-collapse: collapse; border-color: #888888;\"><thead><tr>");
        const QStringList headers{
            model.headerData(CaseEventListModel::TimeColumn, Qt::Horizontal, Qt::DisplayRole).toString(),
            model.headerData(CaseEventListModel::ActionColumn, Qt::Horizontal, Qt::DisplayRole).toString(),
            tr("Clinician"), tr("Role"),
            model.headerData(CaseEventListModel::WorkstationColumn, Qt::Horizontal, Qt::DisplayRole).toString(),
            tr("Text")};
        // Widths so that names and roles fit on one line and the free text gets the most room.
        static constexpr std::array kWidths{14, 19, 12, 13, 14, 28};
        for (qsizetype i = 0; i < headers.size(); ++i) {
            html += QStringLiteral("<th align=\"left\" valign=\"top\" width=\"%1%\">%2</th>")
                        .arg(kWidths[static_cast<std::size_t>(i)])
                        .arg(headers[i].toHtmlEscaped());
        }
        html += QStringLiteral("</tr></thead>");
        for (int r = 0; r < model.rowCount(); ++r) {
            const CaseEvent* e = model.eventAt(r);
            const auto cell = [&model, r](int column) {
                return model.data(model.index(r, column), Qt::DisplayRole).toString();
            };
            // The whole text on paper (the list shows one line): notes are what the reader needs.
            const QString detail =
                e->kind == CaseEvent::Kind::Escalate ? cell(CaseEventListModel::DetailColumn) : e->text;
            html +=
                QStringLiteral("<tr><td valign=\"top\">%1</td><td valign=\"top\">%2</td><td valign=\"top\">%3</td>"
                               "<td valign=\"top\">%4</td><td valign=\"top\">%5</td><td valign=\"top\">%6</td></tr>")
                    .arg(cell(CaseEventListModel::TimeColumn).toHtmlEscaped(),
                        text(cell(CaseEventListModel::ActionColumn)), e->actor.toHtmlEscaped(), e->role.toHtmlEscaped(),
                        cell(CaseEventListModel::WorkstationColumn).toHtmlEscaped(), text(detail));
        }
        html += QStringLiteral("</table>");
        html += QStringLiteral("<p><i>%1</i></p>")
                    .arg(tr("Actions in causal order: each comes after every action its author had seen. Times are "
                            "the creating workstation's clock, local time.")
                             .toHtmlEscaped());
    }
    html += QStringLiteral("</body></html>");
    return html;
}

bool EscalationSummaryReport::render(QPagedPaintDevice* device, QString* error) const
{
    const auto fail = [error](const QString& why) { return PdfReportOutput::failed(error, why); };
    if (!device)
        return fail(tr("No printer or file to print to."));
    const QSizeF area = device->pageLayout().paintRect(QPageLayout::Millimeter).size();
    const double kx = device->logicalDpiX() / 25.4;
    const double ky = device->logicalDpiY() / 25.4;
    const double bodyHeightMm = area.height() - kHeaderMm - kFooterMm;
    if (area.width() < 60 || bodyHeightMm < 60)
        return fail(tr("The page is too small for the escalation summary."));

    // Laid out for the device itself, so points are points on paper.
    QTextDocument doc;
    doc.documentLayout()->setPaintDevice(device);
    doc.setDefaultFont(font(9));
    doc.setDocumentMargin(0);
    doc.setHtml(html());
    const QSizeF body(area.width() * kx, bodyHeightMm * ky);
    doc.setPageSize(body);
    const int pages = std::max(1, doc.pageCount());

    const QString printedText = [&] {
        const QDateTime printed = m_input.printedAt.isValid() ? m_input.printedAt : QDateTime::currentDateTime();
        return tr("Printed %1 %2 by %3")
            .arg(QLocale().toString(printed.toLocalTime(), QStringLiteral("d MMM yyyy HH:mm")),
                printed.toLocalTime().timeZoneAbbreviation(), m_input.printedBy);
    }();

    const auto paintPage = [&](QPainter& painter, int page) {
        painter.setRenderHint(QPainter::Antialiasing, true);
        // The patient on every page: a loose second page must not be filed under the wrong patient.
        const QRectF header(0, 0, area.width() * kx, (kHeaderMm - 3) * ky);
        painter.setPen(Qt::black);
        painter.setFont(font(8));
        painter.drawText(
            header, Qt::AlignLeft | Qt::AlignVCenter, tr("Escalation summary \u2014 %1").arg(patientTitle()));
        painter.drawText(header, Qt::AlignRight | Qt::AlignVCenter, tr("Page %1 of %2").arg(page + 1).arg(pages));
        painter.setPen(QPen(Qt::black, 0.2 * kx));
        painter.drawLine(QPointF(0, (kHeaderMm - 2) * ky), QPointF(area.width() * kx, (kHeaderMm - 2) * ky));

        painter.save();
        painter.translate(0, kHeaderMm * ky - page * body.height());
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = QRectF(0, page * body.height(), body.width(), body.height());
        painter.setClipRect(context.clip);
        context.palette.setColor(QPalette::Text, Qt::black);
        doc.documentLayout()->draw(&painter, context);
        painter.restore();

        painter.setPen(Qt::black);
        painter.setFont(font(8));
        painter.drawText(QRectF(0, (area.height() - kFooterMm + 2) * ky, area.width() * kx, (kFooterMm - 2) * ky),
            Qt::AlignLeft | Qt::AlignVCenter, printedText);
    };
    return PdfReportOutput::paintPages(device, pages, paintPage, error);
}

bool EscalationSummaryReport::writePdf(const Input& input, const QString& path, QString* error)
{
    // A failed export leaves no half-written summary behind.
    const EscalationSummaryReport report(input);
    return PdfReportOutput::writePdf(
        path, pageLayout(), kPdfDpi, tr("Escalation summary"),
        [&report](QPagedPaintDevice* device, QString* why) { return report.render(device, why); }, error);
}

#ifdef VIGIL_HAVE_PRINTSUPPORT
bool EscalationSummaryReport::print(QPrinter* printer, QString* error) const
{
    return PdfReportOutput::print(
        printer, QPageLayout::Portrait, QMarginsF(kMarginMm, kMarginMm, kMarginMm, kMarginMm), tr("Escalation summary"),
        [this](QPagedPaintDevice* device, QString* why) { return render(device, why); }, error);
}
#endif

} // namespace vigil::ui
