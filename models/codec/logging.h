#pragma once

#include <QLoggingCategory>

// One logging category per library. Logs never carry patient-identifying data.
Q_DECLARE_LOGGING_CATEGORY(lcCodec)
