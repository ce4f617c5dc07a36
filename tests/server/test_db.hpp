#pragma once
// A real SQLite file in a fresh temporary directory, migrated; removed
// when the fixture ends.
#include <filesystem>
#include <memory>
#include <random>
#include <string>

#include "server/store/migrations.hpp"
#include "server/store/sqlite.hpp"

namespace fairmatch::test {

class TempDir {
public:
    TempDir() {
        std::random_device rd;
        path_ = std::filesystem::temp_directory_path() / ("fairmatch-test-" + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    std::string file(const std::string& name) const { return (path_ / name).string(); }
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

inline std::unique_ptr<server::store::Connection> migrated_db(const std::string& path) {
    auto db = std::make_unique<server::store::Connection>(path);
    server::store::migrate(*db);
    return db;
}

}  // namespace fairmatch::test
