#pragma once

#include "hl7error.h"
#include "inboundbatch.h"

#include <vector>

namespace vigil::codec {

class Hl7Message;

// Turns a parsed HL7 v2 message into Vigil's inbound items (InboundBatch).
//
// Accepted: HL7 v2.3 and later (MSH-12), message types ORU and ADT. Anything else is rejected as a
// whole (`rejected`, the reason first in `problems`): another message type (ACK, QRY, RSP ...: 200),
// a version before 2.3 or not 2.x (203), no MSH-9 type / trigger, MSH-10 control ID or MSH-12
// version (101).
//
// ORU^R01 (also R30 / R31 / R32; IHE PCD-01, Continua WAN, lab results):
// - PID: the patient (see below) for the observations that follow it, also listed in `patients`.
// - OBR-7 is the default observation time of its OBX; OBX-14 overrides it. Times are HL7 DTM
//   (Hl7DateTime): an explicit ±ZZZZ offset is honoured, none means UTC.
// - OBX-3 is `code^name^MDC` (mapped on the numeric code, ClinicalCodes::vitalFromMdc) or
//   `code^name^LN` (ClinicalCodes::vitalFromLoinc); the alternate code (OBX-3.4-6) is tried too.
// - OBX-2 NM (and SN with no comparator) with a vital-sign code → VitalReading, OBX-6 (MDC_DIM_* or
//   UCUM) converted with ClinicalCodes::toCanonical. NM codes that are not vital signs (PVC count,
//   glucose, weight, PA pressures, the NIBP / arterial means ...) are ignored quietly. Arterial-line
//   systolic / diastolic (MDC 150033 / 150034) are kept as SystolicBp / DiastolicBp (the reading's
//   `code` says which): NEWS2 scores a systolic pressure, and an arterial line measures it at least
//   as well as a cuff.
// - OBX-2 NA with a waveform code (ClinicalCodes::streamFromMdc) → WaveSegment; the samples are the
//   components of OBX-5, kept exactly (decimals scaled by a power of ten into `factor`; empty →
//   WaveCodec::kInvalid). The sample period comes from an MDC_ATTR_TIME_PD_SAMP (67981) or
//   MDC_ATTR_SAMP_RATE (sent with code 0: recognised by its mnemonic) observation of the same OBR:
//   a facet of the wave (OBX-4 = the wave's OBX-4 + ".n", as IHE PCD sends it) or else a metric of
//   the same channel (the same first three levels of MDS.VMD.Channel.Metric). None: a problem, no
//   segment.
// - OBX-11 X, W, D, N (cannot obtain, wrong, deleted, not asked): skipped. An OBX with OBX-5 but no
//   OBX-2 (101), an OBX before any OBR (100), a vital sign whose value, unit or time cannot be read
//   (102 / 103 / 101): a problem, that OBX skipped.
// - sourceId: MSH-10 + "/" + OBX-4 (or "/obx<n>", n the OBX's position, when OBX-4 is empty; a
//   repeat within the message gets "#<n>"), so a resent message gives the same IDs.
//
// ADT^A01 / A04 / A05 / A08 / A28 / A31 (admit, register, pre-admit, update, add / update person):
// the PID as a PatientIdentity in `patients`. Other ADT events, including A40 (merge), are not
// supported: a problem (201), the message is not rejected.
//
// The patient (PID): `id` (the patient key) is the ID (CX-1) of the first PID-3 repetition that is
// not empty, not the HL7 null `""` and not an NHS Number. The assigning authority is left out of
// the key: one feed (one MLLP listener, one site) serves one patient population, and senders spell
// the same authority differently or leave it out (devices and gateways often do), which would split
// one patient into two; a router that mixes feeds must namespace keys per source. The NHS Number is
// the PID-3 repetition whose assigning authority is "NHS" (or the NHS Number OID
// 2.16.840.1.113883.2.1.4.1) or whose identifier type is "NH"; it must pass its check digit (else a
// problem and no NHS Number), and it is never the key (keys are logged, NHS Numbers must not be).
// Name: the first PID-5 repetition of type L (legal), else the first. Birth date: PID-7 to the day
// (coarser precision: left unknown). No usable key: a problem, and that patient's data are dropped.
//
// Problem texts never quote message content.
class Hl7Decoder final
{
public:
    // `errors`, when given, receives one Hl7Error per entry of the result's `problems`, in the same
    // order (what Hl7Ack needs for its ERR segments).
    [[nodiscard]] static InboundBatch decode(const Hl7Message& message, std::vector<Hl7Error>* errors = nullptr);

    // MDC attribute codes used for waveform timing.
    static constexpr int kMdcAttrTimePdSamp = 67981; // MDC_ATTR_TIME_PD_SAMP (1::2445), a period
    static constexpr int kMdcAttrSampRate = 0; // MDC_ATTR_SAMP_RATE as IHE PCD sends it: code 0
};

} // namespace vigil::codec
