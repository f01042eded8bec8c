#pragma once

#include "auditentry.h"
#include "storeerror.h"

#include <QByteArray>

namespace vigil::store {

class Database;

// The audit log: append-only rows, each carrying SHA-256(previous hash ‖ the row's fields), so that
// altering, inserting or deleting any row breaks the chain from that row on. The first row's
// previous hash is 32 zero bytes. Appends happen on the writer's connection inside its transaction.
class AuditLog final
{
public:
    struct Verification
    {
        bool ok = false;
        qint64 rows = 0;
        qint64 firstBadSeq = 0; // the first row whose hash or link does not match (0: none)
        QString problem; // what is wrong with that row, or why the check could not run
    };

    // The hash of a row given the previous row's hash. Fields are length-prefixed so that moving
    // text between fields changes the hash.
    [[nodiscard]] static QByteArray rowHash(const QByteArray& previousHash, qint64 seq, const AuditEntry& entry);
    // Hash of the last row, or 32 zero bytes for an empty log.
    [[nodiscard]] static QByteArray lastHash(Database& db);
    // Appends with the next sequence number; `previousHash` is updated to the new row's hash.
    [[nodiscard]] static StoreError append(Database& db, const AuditEntry& entry, QByteArray& previousHash);
    // Walks the whole log on a (reader) connection.
    [[nodiscard]] static Verification verify(Database& db);
};

} // namespace vigil::store
