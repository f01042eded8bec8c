#include "provenance.h"

namespace vigil::clinical {

QString Provenance::key(Source source)
{
    switch (source) {
    case Device:
        return QStringLiteral("device");
    case Derived:
        return QStringLiteral("derived");
    case Clinician:
        return QStringLiteral("clinician");
    case Patient:
        return QStringLiteral("patient");
    }
    return {};
}

QString Provenance::name(Source source)
{
    switch (source) {
    case Device:
        return tr("device");
    case Derived:
        return tr("derived from the waveform");
    case Clinician:
        return tr("entered by a clinician");
    case Patient:
        return tr("entered by the patient");
    }
    return {};
}

} // namespace vigil::clinical
