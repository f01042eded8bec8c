#include "logging.h"

Q_LOGGING_CATEGORY(lcSim, "vigil.sim", QtInfoMsg)
