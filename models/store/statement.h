#pragma once

#include <QByteArrayView>
#include <QString>
#include <QtGlobal>

struct sqlite3;
struct sqlite3_stmt;

namespace vigil::store {

// A prepared SQLite statement (RAII). Binding indices are 1-based and columns 0-based, as in
// SQLite. Not thread-safe: a statement belongs to its connection's thread.
class Statement final
{
public:
    Statement() = default;
    Statement(sqlite3* db, const char* sql);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    [[nodiscard]] bool isValid() const { return m_stmt != nullptr; }
    // The result of sqlite3_prepare_v2 (SQLITE_OK when valid).
    [[nodiscard]] int prepareResult() const { return m_prepareResult; }

    Statement& bind(int index, qint64 value);
    Statement& bind(int index, int value) { return bind(index, static_cast<qint64>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, const QString& value);
    // The bytes are copied (SQLITE_TRANSIENT), so the view may die after the call.
    Statement& bindBlob(int index, QByteArrayView value);
    Statement& bindNull(int index);

    // sqlite3_step: SQLITE_ROW, SQLITE_DONE or an error code.
    int step();
    // Steps once and expects SQLITE_DONE; returns the code (SQLITE_DONE on success).
    int run();
    void reset();
    // SQLITE_OK, SQLITE_ROW or SQLITE_DONE: the call did what was asked.
    [[nodiscard]] static bool succeeded(int rc);

    [[nodiscard]] qint64 int64(int column) const;
    [[nodiscard]] double real(int column) const;
    [[nodiscard]] QString text(int column) const;
    [[nodiscard]] bool isNull(int column) const;
    // Valid until the next step()/reset() of this statement.
    [[nodiscard]] QByteArrayView blob(int column) const;

private:
    sqlite3_stmt* m_stmt = nullptr;
    int m_prepareResult = 0;
};

} // namespace vigil::store
