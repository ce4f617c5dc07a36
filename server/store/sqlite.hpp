#pragma once
// RAII wrapper over the SQLite C API: Connection, Statement, Transaction.
// A Connection belongs to one thread at a time (the DB executor's worker).
// Every failure throws store::Error carrying the SQLite result code.

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace fairmatch::server::store {

class Error : public std::runtime_error {
public:
    Error(int code, const std::string& what) : std::runtime_error(what), code_(code) {}
    int code() const noexcept { return code_; }
    // SQLITE_CONSTRAINT family (unique, foreign key, check, not null).
    bool is_constraint() const noexcept;
    bool is_unique_violation() const noexcept;
    bool is_busy() const noexcept;
    bool is_full() const noexcept;  // SQLITE_FULL or an I/O error writing
private:
    int code_;
};

class Connection;

class Statement {
public:
    Statement(Connection& db, std::string_view sql);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;

    // Binding: 1-based indexes as in SQLite.
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind_null(int index);
    Statement& bind_blob(int index, const void* data, std::size_t size);

    template <class... Args>
    Statement& bind_all(const Args&... args) {
        int i = 0;
        (bind(++i, args), ...);
        return *this;
    }

    // Returns true while a row is available; false when done. Throws on error.
    bool step();
    // Runs a statement that returns no rows (or ignores them).
    void exec();
    void reset();

    std::int64_t column_int(int col) const;
    double column_double(int col) const;
    std::string column_text(int col) const;
    bool column_is_null(int col) const;
    int column_count() const;

private:
    Connection* db_;
    sqlite3_stmt* stmt_ = nullptr;
    bool cached_ = false;
    friend class Connection;
    Statement(Connection& db, sqlite3_stmt* stmt, bool cached) : db_(&db), stmt_(stmt), cached_(cached) {}
};

enum class OpenMode { read_write_create, read_write, read_only };

class Connection {
public:
    // Opens FILE, sets WAL, foreign_keys=ON, busy_timeout and synchronous.
    explicit Connection(const std::string& path, OpenMode mode = OpenMode::read_write_create);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    void exec(std::string_view sql);  // one or more statements, no results
    // A statement prepared once per connection and reset on each use.
    // `sql` must be a string with static storage duration (a named constant).
    Statement cached(const char* sql);
    Statement prepare(std::string_view sql) { return Statement(*this, sql); }

    std::int64_t last_insert_id() const;
    int changes() const;
    std::int64_t user_version();
    sqlite3* handle() const noexcept { return db_; }
    const std::string& path() const noexcept { return path_; }
    [[noreturn]] void fail(int rc, std::string_view context) const;

private:
    sqlite3* db_ = nullptr;
    std::string path_;
    std::unordered_map<const char*, sqlite3_stmt*> cache_;
};

enum class TxKind { deferred, immediate };

// Rolls back unless commit() was called.
class Transaction {
public:
    explicit Transaction(Connection& db, TxKind kind = TxKind::immediate);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Connection& db_;
    bool done_ = false;
};

// SQLite online backup of `from` into a new file at `to_path`.
void backup(Connection& from, const std::string& to_path);

}  // namespace fairmatch::server::store
