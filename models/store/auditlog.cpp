#include "auditlog.h"

#include "database.h"

#include <QCryptographicHash>
#include <QtEndian>

#include <sqlite3.h>

namespace vigil::store {

namespace {

constexpr int kHashBytes = 32;

void addField(QCryptographicHash& hash, QByteArrayView bytes)
{
    uchar length[8];
    qToBigEndian<quint64>(static_cast<quint64>(bytes.size()), length);
    hash.addData(QByteArrayView(reinterpret_cast<const char*>(length), 8));
    hash.addData(bytes);
}

void addField(QCryptographicHash& hash, qint64 value)
{
    uchar bytes[8];
    qToBigEndian<qint64>(value, bytes);
    addField(hash, QByteArrayView(reinterpret_cast<const char*>(bytes), 8));
}

} // namespace

QByteArray AuditLog::rowHash(const QByteArray& previousHash, qint64 seq, const AuditEntry& entry)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    addField(hash, QByteArrayView("vigil-audit-v1"));
    addField(hash, previousHash);
    addField(hash, seq);
    addField(hash, entry.time);
    addField(hash, entry.actor.toUtf8());
    addField(hash, entry.role.toUtf8());
    addField(hash, entry.action.toUtf8());
    addField(hash, entry.patientId);
    addField(hash, entry.detail.toUtf8());
    return hash.result();
}

QByteArray AuditLog::lastHash(Database& db)
{
    Statement statement = db.prepare("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1");
    if (statement.isValid() && statement.step() == SQLITE_ROW)
        return statement.blob(0).toByteArray();
    return QByteArray(kHashBytes, '\0');
}

StoreError AuditLog::append(Database& db, const AuditEntry& entry, QByteArray& previousHash)
{
    const qint64 seq = db.queryInt("SELECT coalesce(max(seq), 0) + 1 FROM audit_log", -1);
    if (seq < 1)
        return db.error(SQLITE_ERROR, QStringLiteral("reading the audit log"));
    const QByteArray hash = rowHash(previousHash, seq, entry);
    Statement& insert = db.cached("INSERT INTO audit_log(seq, t_us, actor, role, action, patient_id, detail, "
                                  "prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?)");
    insert.bind(1, seq).bind(2, entry.time).bind(3, entry.actor).bind(4, entry.role).bind(5, entry.action);
    if (entry.patientId > 0)
        insert.bind(6, entry.patientId);
    else
        insert.bindNull(6);
    insert.bind(7, entry.detail).bindBlob(8, previousHash).bindBlob(9, hash);
    const int rc = insert.run();
    insert.reset();
    if (rc != SQLITE_DONE)
        return db.error(rc, QStringLiteral("appending to the audit log"));
    previousHash = hash;
    return {};
}

AuditLog::Verification AuditLog::verify(Database& db)
{
    Verification result;
    Statement rows = db.prepare("SELECT seq, t_us, actor, role, action, coalesce(patient_id, 0), detail, "
                                "prev_hash, hash FROM audit_log ORDER BY seq");
    if (!rows.isValid()) {
        result.problem = QStringLiteral("The audit log cannot be read.");
        return result;
    }
    QByteArray previous(kHashBytes, '\0');
    qint64 expectedSeq = 1;
    int rc = SQLITE_ROW;
    while ((rc = rows.step()) == SQLITE_ROW) {
        const qint64 seq = rows.int64(0);
        AuditEntry entry{rows.int64(1), rows.text(2), rows.text(3), rows.text(4), rows.int64(5), rows.text(6)};
        const QByteArray prevHash = rows.blob(7).toByteArray();
        const QByteArray hash = rows.blob(8).toByteArray();
        ++result.rows;
        auto bad = [&](const QString& problem) {
            result.firstBadSeq = seq;
            result.problem = problem;
            return result;
        };
        if (seq != expectedSeq)
            return bad(QStringLiteral("Row %1 follows row %2: rows are missing or were inserted.")
                           .arg(seq)
                           .arg(expectedSeq - 1));
        if (prevHash != previous)
            return bad(QStringLiteral("Row %1 does not link to the row before it.").arg(seq));
        if (hash != rowHash(previous, seq, entry))
            return bad(QStringLiteral("Row %1 was altered: its contents do not match its hash.").arg(seq));
        previous = hash;
        ++expectedSeq;
    }
    if (rc != SQLITE_DONE) {
        result.problem = db.error(rc, QStringLiteral("reading the audit log")).message;
        return result;
    }
    result.ok = true;
    return result;
}

} // namespace vigil::store
