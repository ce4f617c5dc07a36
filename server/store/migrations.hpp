#pragma once
// Schema migrations: the numbered files of schema/ are embedded into the
// binary at build time and applied in order, all pending ones in one
// transaction. PRAGMA user_version holds the number of the last one applied.

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace fairmatch::server::store {

class Connection;

struct Migration {
    int number;             // 1 for 0001_*.sql
    std::string_view name;  // file name
    std::string_view sql;
};

// The migrations compiled into this binary, ordered by number.
const std::vector<Migration>& embedded_migrations();

class SchemaTooNew : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct MigrationResult {
    int from_version = 0;
    int to_version = 0;
};

// Applies every migration newer than the database's user_version, in one
// BEGIN IMMEDIATE transaction (all or none). Throws SchemaTooNew when the
// database was written by a newer fairmatch, store::Error on SQL failure.
MigrationResult migrate(Connection& db, const std::vector<Migration>& migrations = embedded_migrations());

}  // namespace fairmatch::server::store
