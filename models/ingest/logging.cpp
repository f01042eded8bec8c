#include "logging.h"

Q_LOGGING_CATEGORY(lcIngest, "vigil.ingest")
