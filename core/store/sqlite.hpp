// sqlite.hpp — a small RAII layer over the SQLite C API: Database, Statement, Transaction.
// Errors throw npt::StoreError naming the SQL problem and carrying SQLite's extended result code. Not thread-safe: one Database per thread.
#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <memory>
#include <unordered_map>

#include "core/error.hpp"
#include "core/store/typed_id.hpp"

namespace npt::sqlite {

class Database;

// A prepared statement. Bind parameters are 1-based, as in SQLite. Text is always bound as a copy
// (SQLITE_TRANSIENT).
class Statement {
public:
    Statement(Database& db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
    // Binds text without SQLite copying it (SQLITE_STATIC): `text` must stay alive and unchanged
    // until the statement is stepped for the last time or reset. For whole transcripts. Pass the
    // view of a std::string (NUL-terminated), or SQLite may copy the value to terminate it.
    Statement& bind_static(int index, const std::string& text);
    Statement& bind_null(int index);
    Statement& bind_blob(int index, const void* data, std::size_t size);
    template <class Tag>
    Statement& bind(int index, TypedId<Tag> id) {
        return bind(index, id.value);
    }
    template <class T>
    Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bind_null(index);
    }

    // Steps once; true while a row is available.
    bool step();
    // Steps to completion (for statements that return no rows).
    void run();
    void reset();

    std::int64_t int64(int column) const;
    int int32(int column) const { return static_cast<int>(int64(column)); }
    double real(int column) const;
    std::string text(int column) const;
    std::string_view text_view(int column) const;  // valid until the next step/reset
    bool is_null(int column) const;
    std::optional<std::string> optional_text(int column) const;
    std::optional<std::int64_t> optional_int64(int column) const;
    // A column holding a rowid, as the id type it is (e.g. `st.id<CodeId>(0)`).
    template <class IdType>
    IdType id(int column) const {
        return IdType{int64(column)};
    }
    template <class IdType>
    std::optional<IdType> optional_id(int column) const {
        if (is_null(column)) return std::nullopt;
        return IdType{int64(column)};
    }
    int column_count() const;

    sqlite3_stmt* handle() const { return stmt_; }

private:
    [[noreturn]] void fail(int rc, std::string_view what) const;
    sqlite3* db_ = nullptr;
    sqlite3_stmt* stmt_ = nullptr;
};

// An open connection, with extended result codes on. The caller (Project) sets foreign keys,
// journal mode, synchronous and the busy timeout.
class Database {
public:
    // ReadOnlyImmutable: read-only, and SQLite takes no locks and creates no -wal/-shm files
    // (URI parameter immutable=1); for a file that no connection anywhere is writing.
    enum class Mode { ReadWrite, ReadWriteCreate, ReadOnly, ReadOnlyImmutable };
    Database(const std::filesystem::path& path, Mode mode);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;

    void exec(std::string_view sql);          // runs one or more statements
    std::int64_t last_insert_rowid() const;
    int changes() const;
    bool in_transaction() const;
    std::int64_t scalar_int(std::string_view sql);  // first column of the first row (0 if none)
    std::string scalar_text(std::string_view sql);
    const std::filesystem::path& path() const { return path_; }
    sqlite3* handle() const { return db_; }

    // A statement prepared once per connection and reused (reset, bindings cleared) on each
    // call: for hot paths that run the same SQL many times. Do not hold two uses of the same
    // SQL at once.
    Statement& cached(const std::string& sql);

private:
    sqlite3* db_ = nullptr;
    std::filesystem::path path_;
    std::unordered_map<std::string, std::unique_ptr<Statement>> cache_;
};

// BEGIN IMMEDIATE on construction; ROLLBACK in the destructor unless commit() was called.
// The destructor never throws.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& db_;
    bool done_ = false;
};

// True for the result codes by which SQLite says a file is damaged (SQLITE_CORRUPT, SQLITE_NOTADB).
bool is_corruption(int result_code);

// Builds the one-line message for a failed call on db: "<what>: <sqlite message>".
std::string error_message(sqlite3* db, int rc, std::string_view what);

}  // namespace npt::sqlite
