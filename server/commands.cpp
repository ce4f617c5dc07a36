#include "server/commands.hpp"

#include <charconv>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>

#include "server/app.hpp"
#include "server/demo/demo_fair.hpp"
#include "server/demo/demo_loader.hpp"
#include "server/log.hpp"
#include "server/net/http_server.hpp"
#include "server/store/db_executor.hpp"
#include "server/store/migrations.hpp"
#include "server/store/reference_repository.hpp"
#include "server/store/sqlite.hpp"

namespace fairmatch::server::cli {

namespace {

// --name value pairs and bare --flags.
struct Options {
    std::map<std::string, std::string> values;
    std::map<std::string, bool> flags;

    Options(const Args& args, std::initializer_list<const char*> with_value, std::initializer_list<const char*> bare) {
        for (std::size_t i = 0; i < args.size(); ++i) {
            const auto& a = args[i];
            bool known = false;
            for (auto v : with_value) {
                if (a == v) {
                    if (i + 1 >= args.size()) throw std::invalid_argument("missing value after " + a);
                    values[a] = args[++i];
                    known = true;
                }
            }
            for (auto b : bare) {
                if (a == b) {
                    flags[a] = true;
                    known = true;
                }
            }
            if (!known) throw std::invalid_argument("unknown option " + a);
        }
    }
    std::string require(const std::string& name) const {
        auto it = values.find(name);
        if (it == values.end()) throw std::invalid_argument(name + " is required");
        return it->second;
    }
    std::optional<std::string> get(const std::string& name) const {
        auto it = values.find(name);
        if (it == values.end()) return std::nullopt;
        return it->second;
    }
    long number(const std::string& name, long fallback, long min, long max) const {
        auto v = get(name);
        if (!v) return fallback;
        long x = 0;
        auto r = std::from_chars(v->data(), v->data() + v->size(), x);
        if (r.ec != std::errc() || r.ptr != v->data() + v->size() || x < min || x > max)
            throw std::invalid_argument(name + " must be a number from " + std::to_string(min) + " to " +
                                        std::to_string(max));
        return x;
    }
};

// Opens (creating if needed) and migrates the database; returns the writer.
std::unique_ptr<store::Connection> open_migrated(const std::string& path, bool quiet = false) {
    auto parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent);
    auto db = std::make_unique<store::Connection>(path);
    auto m = store::migrate(*db);
    if (!quiet && m.to_version != m.from_version)
        std::fprintf(stderr, "database %s: schema %d -> %d\n", path.c_str(), m.from_version, m.to_version);
    return db;
}

}  // namespace

int usage(int code) {
    std::fprintf(code == 0 ? stdout : stderr,
                 "usage:\n"
                 "  fairmatch serve --db FILE [--host 127.0.0.1] [--port 8080] [--threads N] [--web-root DIR]\n"
                 "                  [--data-dir DIR] [--db-readers N] [--read-timeout S] [--max-connections N]\n"
                 "                  [--shutdown-grace S] [--quiet]\n"
                 "  fairmatch demo --db FILE [--scale small|hanoi|canton] [--seed N]\n"
                 "  fairmatch migrate --db FILE\n"
                 "  fairmatch backup --db FILE --to FILE\n");
    return code;
}

int serve(const Args& args) {
    Options o(args, {"--db", "--host", "--port", "--threads", "--web-root", "--data-dir", "--db-readers",
                           "--read-timeout", "--max-connections", "--shutdown-grace"}, {"--quiet"});
    Config cfg;
    cfg.db_path = o.require("--db");
    cfg.host = o.get("--host").value_or("127.0.0.1");
    cfg.port = static_cast<unsigned short>(o.number("--port", 8080, 0, 65535));
    cfg.io_threads = static_cast<int>(o.number("--threads", 2, 1, 64));
    cfg.db_readers = static_cast<int>(o.number("--db-readers", 2, 1, 32));
    cfg.web_root = o.get("--web-root").value_or("web");
    cfg.data_dir = o.get("--data-dir").value_or("");
    cfg.read_timeout_seconds = static_cast<int>(o.number("--read-timeout", 15, 1, 3600));
    cfg.max_connections = static_cast<int>(o.number("--max-connections", 2048, 1, 100000));
    cfg.shutdown_grace_seconds = static_cast<int>(o.number("--shutdown-grace", 10, 0, 600));
    if (o.flags.count("--quiet")) set_access_log(false);

    ReferenceData reference;
    {
        auto db = open_migrated(cfg.db_path);
        reference = store::load_reference_data(*db);
    }
    store::DbExecutor executor(cfg.db_path, cfg.db_readers);
    App app(cfg, std::move(reference), &executor);
    HttpServer server(app, executor);
    auto port = server.listen();
    std::printf("listening on http://%s:%u\n", cfg.host.c_str(), static_cast<unsigned>(port));
    std::fflush(stdout);
    server.run();
    executor.stop();
    log_line("info", "database closed");
    return 0;
}

int demo(const Args& args) {
    Options o(args, {"--db", "--scale", "--seed"}, {});
    auto path = o.require("--db");
    auto scale_name = o.get("--scale").value_or("hanoi");
    auto scale = demo::parse_scale(scale_name);
    if (!scale) throw std::invalid_argument("--scale must be small, hanoi or canton");
    auto seed = static_cast<std::uint64_t>(o.number("--seed", 2026, 0, 1L << 62));
    auto db = open_migrated(path);
    auto t0 = std::chrono::steady_clock::now();
    auto population = demo::generate(*scale, seed);
    auto loaded = demo::load(*db, population);
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (loaded.already_present) {
        std::printf("demo fair already present (fair %lld); nothing written\n", static_cast<long long>(loaded.fair_id));
    } else {
        std::printf("demo fair %lld (%s): %zu exhibitors, %zu importers, %zu products in %.1f s\n",
                    static_cast<long long>(loaded.fair_id), scale_name.c_str(), loaded.exhibitors, loaded.importers,
                    loaded.products, secs);
    }
    return 0;
}

int migrate(const Args& args) {
    Options o(args, {"--db"}, {});
    auto path = o.require("--db");
    auto db = std::make_unique<store::Connection>(path);
    auto m = store::migrate(*db);
    std::printf("schema version %d -> %d\n", m.from_version, m.to_version);
    return 0;
}

int backup(const Args& args) {
    Options o(args, {"--db", "--to"}, {});
    auto from = o.require("--db");
    auto to = o.require("--to");
    if (!std::filesystem::exists(from)) throw std::invalid_argument("no database at " + from);
    if (std::filesystem::exists(to)) throw std::invalid_argument(to + " exists already; choose a new file");
    store::Connection src(from, store::OpenMode::read_write);
    store::backup(src, to);
    std::printf("backed up %s to %s\n", from.c_str(), to.c_str());
    return 0;
}

}  // namespace fairmatch::server::cli
