#include "server/store/sqlite.hpp"

#include <sqlite3.h>

#include <string>

#include "server/domain/text.hpp"

namespace fairmatch::server::store {

bool Error::is_constraint() const noexcept { return (code_ & 0xff) == SQLITE_CONSTRAINT; }
bool Error::is_unique_violation() const noexcept {
    return code_ == SQLITE_CONSTRAINT_UNIQUE || code_ == SQLITE_CONSTRAINT_PRIMARYKEY;
}
bool Error::is_busy() const noexcept { return (code_ & 0xff) == SQLITE_BUSY || (code_ & 0xff) == SQLITE_LOCKED; }
bool Error::is_full() const noexcept { return (code_ & 0xff) == SQLITE_FULL || (code_ & 0xff) == SQLITE_IOERR; }

// ---- Statement -------------------------------------------------------------

Statement::Statement(Connection& db, std::string_view sql) : db_(&db) {
    int rc = sqlite3_prepare_v2(db.handle(), sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
    if (rc != SQLITE_OK) db.fail(rc, "prepare");
}

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(other.stmt_), cached_(other.cached_) {
    other.stmt_ = nullptr;
}

Statement::~Statement() {
    if (!stmt_) return;
    if (cached_) {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    } else {
        sqlite3_finalize(stmt_);
    }
}

Statement& Statement::bind(int index, std::int64_t value) {
    int rc = sqlite3_bind_int64(stmt_, index, value);
    if (rc != SQLITE_OK) db_->fail(rc, "bind");
    return *this;
}
Statement& Statement::bind(int index, double value) {
    int rc = sqlite3_bind_double(stmt_, index, value);
    if (rc != SQLITE_OK) db_->fail(rc, "bind");
    return *this;
}
Statement& Statement::bind(int index, std::string_view value) {
    int rc = sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    if (rc != SQLITE_OK) db_->fail(rc, "bind");
    return *this;
}
Statement& Statement::bind_null(int index) {
    int rc = sqlite3_bind_null(stmt_, index);
    if (rc != SQLITE_OK) db_->fail(rc, "bind");
    return *this;
}
Statement& Statement::bind_blob(int index, const void* data, std::size_t size) {
    int rc = sqlite3_bind_blob64(stmt_, index, data, size, SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) db_->fail(rc, "bind");
    return *this;
}

bool Statement::step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    db_->fail(rc, "step");
}

void Statement::exec() {
    while (step()) {
    }
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::column_int(int col) const { return sqlite3_column_int64(stmt_, col); }
double Statement::column_double(int col) const { return sqlite3_column_double(stmt_, col); }
std::string Statement::column_text(int col) const {
    auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    if (!p) return {};
    return std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)));
}
bool Statement::column_is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
int Statement::column_count() const { return sqlite3_column_count(stmt_); }

// ---- Connection ------------------------------------------------------------

Connection::Connection(const std::string& path, OpenMode mode) : path_(path) {
    int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    switch (mode) {
        case OpenMode::read_write_create: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE; break;
        case OpenMode::read_write: flags |= SQLITE_OPEN_READWRITE; break;
        case OpenMode::read_only: flags |= SQLITE_OPEN_READONLY; break;
    }
    int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = "cannot open database " + path + ": " + (db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc));
        if (db_) sqlite3_close_v2(db_);
        db_ = nullptr;
        throw Error(rc, msg);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, 5000);
    if (mode != OpenMode::read_only) {
        exec("PRAGMA journal_mode=WAL");
    }
    // NORMAL in WAL mode: a commit survives a crash of the process (the WAL
    // is written before the commit returns); only an OS crash or power loss
    // can roll back the last transactions.
    exec("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;");
    // fm_fold(text): Vietnamese folded to ASCII, for accent-insensitive comparisons.
    sqlite3_create_function_v2(
        db_, "fm_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
        [](sqlite3_context* ctx, int, sqlite3_value** argv) {
            auto* p = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
            if (!p) {
                sqlite3_result_null(ctx);
                return;
            }
            auto folded = text::ascii_fold(std::string_view(p, static_cast<std::size_t>(sqlite3_value_bytes(argv[0]))));
            sqlite3_result_text64(ctx, folded.data(), folded.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
        },
        nullptr, nullptr, nullptr);
}

Connection::~Connection() {
    for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
    if (db_) sqlite3_close_v2(db_);
}

void Connection::fail(int rc, std::string_view context) const {
    std::string msg(context);
    msg += ": ";
    msg += db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    throw Error(db_ ? sqlite3_extended_errcode(db_) : rc, msg);
}

void Connection::exec(std::string_view sql) {
    std::string s(sql);
    char* err = nullptr;
    int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        std::string msg = err ? err : sqlite3_errstr(rc);
        sqlite3_free(err);
        throw Error(sqlite3_extended_errcode(db_), "exec: " + msg);
    }
}

Statement Connection::cached(const char* sql) {
    auto it = cache_.find(sql);
    if (it == cache_.end()) {
        sqlite3_stmt* stmt = nullptr;
        int rc = sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
        if (rc != SQLITE_OK) fail(rc, "prepare");
        it = cache_.emplace(sql, stmt).first;
    }
    return Statement(*this, it->second, true);
}

std::int64_t Connection::last_insert_id() const { return sqlite3_last_insert_rowid(db_); }
int Connection::changes() const { return sqlite3_changes(db_); }

std::int64_t Connection::user_version() {
    Statement st(*this, "PRAGMA user_version");
    st.step();
    return st.column_int(0);
}

// ---- Transaction -----------------------------------------------------------

Transaction::Transaction(Connection& db, TxKind kind) : db_(db) {
    db_.exec(kind == TxKind::immediate ? "BEGIN IMMEDIATE" : "BEGIN");
}

Transaction::~Transaction() {
    if (done_) return;
    try {
        db_.exec("ROLLBACK");
    } catch (...) {
        // The transaction may already have been rolled back by SQLite.
    }
}

void Transaction::commit() {
    db_.exec("COMMIT");
    done_ = true;
}

// ---- Backup ----------------------------------------------------------------

void backup(Connection& from, const std::string& to_path) {
    Connection to(to_path);
    sqlite3_backup* b = sqlite3_backup_init(to.handle(), "main", from.handle(), "main");
    if (!b) to.fail(sqlite3_errcode(to.handle()), "backup init");
    int rc;
    // All pages in one step, i.e. from one read transaction: in WAL mode a
    // reader never holds up the writer, while a copy made in several steps
    // starts over whenever another process's write reaches the database file
    // (a checkpoint), which under steady writes can go on and on.
    do {
        rc = sqlite3_backup_step(b, -1);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(20);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE) throw Error(rc, std::string("backup: ") + sqlite3_errstr(rc));
}

}  // namespace fairmatch::server::store
