#pragma once

#include "alarmrecord.h"
#include "annotation.h"
#include "auditentry.h"
#include "caseeventrecord.h"
#include "core/devicestatus.h"
#include "core/patientidentity.h"
#include "core/vitalsigns.h"
#include "patientorigin.h"
#include "streamdescriptor.h"

#include <QByteArray>

#include <vector>

namespace vigil::store {

// One unit of work queued for the writer thread (StoreWriter). Plain data, copied in by the
// producer; `handle` is a patient or stream handle depending on `type`.
struct WriteItem
{
    enum class Type {
        Patient, // handle = patient handle; identity, origin
        Stream, // handle = stream handle; patientHandle, descriptor
        Samples, // handle = stream handle; time = first sample, samples
        Vital, // handle = patient handle; vitalKind, measurement, provenance
        Status, // handle = patient handle; status
        Audit, // handle = patient handle or 0; audit
        Quarantine, // text1 = source, text2 = reason, payload
        Outbox, // text1 = topic, payload
        Annotation, // handle = patient handle; annotation
        CaseEvent, // handle = patient handle; caseEvent, local, text1 = outbox topic (when local)
        OutboxPublished, // rowIds = outbox rows a broker acknowledged, time = when
        Setting, // text1 = key, text2 = value
        Alarm, // handle = patient handle or 0 (a workstation alarm); alarm
    };

    Type type = Type::Samples;
    quint64 seq = 0;
    int handle = 0;
    int patientHandle = 0;
    core::Timestamp time = 0;
    core::Timestamp receivedAt = 0;
    core::Timestamp queuedAt = 0;
    std::vector<qint32> samples;
    core::PatientIdentity identity;
    PatientOrigin origin = PatientOrigin::Live;
    StreamDescriptor descriptor;
    core::VitalKind vitalKind = core::VitalKind::HeartRate;
    core::Measurement measurement;
    int provenance = 0;
    core::DeviceStatus status;
    AuditEntry audit;
    QString text1;
    QString text2;
    QByteArray payload;
    Annotation annotation;
    CaseEventRecord caseEvent;
    AlarmRecord alarm;
    bool local = false;
    std::vector<qint64> rowIds;
};

} // namespace vigil::store
