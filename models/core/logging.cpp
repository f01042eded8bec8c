#include "logging.h"

Q_LOGGING_CATEGORY(lcCore, "vigil.core")
