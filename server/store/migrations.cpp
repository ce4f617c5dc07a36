#include "server/store/migrations.hpp"

#include "server/store/sqlite.hpp"

namespace fairmatch::server::store {

MigrationResult migrate(Connection& db, const std::vector<Migration>& migrations) {
    MigrationResult result;
    int latest = migrations.empty() ? 0 : migrations.back().number;
    Transaction tx(db, TxKind::immediate);
    int current = static_cast<int>(db.user_version());
    result.from_version = current;
    result.to_version = current;
    if (current > latest) {
        throw SchemaTooNew("database schema version " + std::to_string(current) +
                           " is newer than this fairmatch (it knows up to version " + std::to_string(latest) +
                           "); upgrade fairmatch before opening " + db.path());
    }
    for (const auto& m : migrations) {
        if (m.number <= current) continue;
        try {
            db.exec(m.sql);
        } catch (const Error& e) {
            throw Error(e.code(), "migration " + std::string(m.name) + " failed: " + e.what());
        }
        result.to_version = m.number;
    }
    if (result.to_version != current) {
        db.exec("PRAGMA user_version = " + std::to_string(result.to_version));
    }
    tx.commit();
    return result;
}

}  // namespace fairmatch::server::store
