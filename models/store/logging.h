#pragma once

#include <QLoggingCategory>

// One logging category per library. Logs never carry patient-identifying data or key material.
Q_DECLARE_LOGGING_CATEGORY(lcStore)
