#pragma once

#include "storeerror.h"

namespace vigil::store {

class Database;

// RAII transaction: rolls back unless commit() succeeded.
class Transaction final
{
public:
    enum class Kind {
        Deferred,
        Immediate, // take the write lock now (the writer thread)
    };

    explicit Transaction(Database& db, Kind kind = Kind::Immediate);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    [[nodiscard]] bool isActive() const { return m_active; }
    [[nodiscard]] const StoreError& error() const { return m_error; }
    bool commit();
    void rollback();

private:
    Database& m_db;
    bool m_active = false;
    StoreError m_error;
};

} // namespace vigil::store
