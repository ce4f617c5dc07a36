#include <gtest/gtest.h>

#include "server/store/migrations.hpp"
#include "server/store/sqlite.hpp"
#include "test_db.hpp"

using namespace fairmatch::server::store;
using fairmatch::test::TempDir;

static std::int64_t count(Connection& db, const char* table) {
    auto st = db.prepare(std::string("SELECT count(*) FROM ") + table);
    st.step();
    return st.column_int(0);
}

TEST(Migrations, FreshDatabaseGetsEverySchemaAndReferenceData) {
    TempDir dir;
    Connection db(dir.file("a.db"));
    auto r = migrate(db);
    EXPECT_EQ(r.from_version, 0);
    EXPECT_EQ(r.to_version, embedded_migrations().back().number);
    EXPECT_EQ(db.user_version(), r.to_version);
    EXPECT_EQ(count(db, "provinces"), 34);
    EXPECT_GE(count(db, "countries"), 240);
    EXPECT_GE(count(db, "categories"), 30);
    EXPECT_GE(count(db, "certifications"), 10);
}

TEST(Migrations, ExistingDatabaseIsLeftAsIsAndKeepsData) {
    TempDir dir;
    {
        Connection db(dir.file("a.db"));
        migrate(db);
        db.exec("INSERT INTO fairs (name_vi,name_en,venue,city,time_zone,start_date,end_date,status,created_at,updated_at)"
                " VALUES ('x','x','v','c','UTC','2026-12-01','2026-12-03','open','t','t')");
    }
    Connection db(dir.file("a.db"));
    auto r = migrate(db);
    EXPECT_EQ(r.from_version, r.to_version);
    EXPECT_EQ(count(db, "fairs"), 1);
}

TEST(Migrations, PendingMigrationsApplyAllOrNothing) {
    TempDir dir;
    Connection db(dir.file("a.db"));
    std::vector<Migration> ms = {{1, "0001_a.sql", "CREATE TABLE a (x INTEGER);"},
                                 {2, "0002_b.sql", "CREATE TABLE b (x INTEGER); THIS IS NOT SQL;"}};
    EXPECT_THROW(migrate(db, ms), Error);
    EXPECT_EQ(db.user_version(), 0);
    auto st = db.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('a','b')");
    st.step();
    EXPECT_EQ(st.column_int(0), 0) << "a failed migration must leave nothing behind";
}

TEST(Migrations, RefusesDatabaseNewerThanItself) {
    TempDir dir;
    Connection db(dir.file("a.db"));
    migrate(db);
    db.exec("PRAGMA user_version = 999");
    try {
        migrate(db);
        FAIL() << "expected SchemaTooNew";
    } catch (const SchemaTooNew& e) {
        EXPECT_NE(std::string(e.what()).find("database schema version 999 is newer than this fairmatch"),
                  std::string::npos);
    }
}

TEST(Migrations, DatabaseIsInWalModeWithForeignKeys) {
    TempDir dir;
    Connection db(dir.file("a.db"));
    auto jm = db.prepare("PRAGMA journal_mode");
    jm.step();
    EXPECT_EQ(jm.column_text(0), "wal");
    auto fk = db.prepare("PRAGMA foreign_keys");
    fk.step();
    EXPECT_EQ(fk.column_int(0), 1);
}
