#include "logging.h"

Q_LOGGING_CATEGORY(lcLive, "vigil.live")
