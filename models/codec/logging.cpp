#include "logging.h"

Q_LOGGING_CATEGORY(lcCodec, "vigil.codec", QtInfoMsg)
