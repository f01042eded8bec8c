#pragma once

#include <QLoggingCategory>

// "vigil.ui" (defined in mainwindow.cpp). Never log patient-identifying data or passphrases.
Q_DECLARE_LOGGING_CATEGORY(lcUi)
