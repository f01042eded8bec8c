#pragma once

#include "core/timestamp.h"

#include <QByteArray>
#include <QString>

namespace vigil::store {

// A message waiting in the cache's outbox to be published (clinical events of this workstation on
// vigil/v1/<site>/events). `id` orders the rows and names the row for StoreWriter::markOutboxPublished.
struct OutboxRow
{
    qint64 id = 0;
    core::Timestamp created = 0;
    QString topic;
    QByteArray payload;
};

} // namespace vigil::store
