#include "server/commands.hpp"

#include <charconv>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>

#include "server/app.hpp"
#include "server/auth/crypto.hpp"
#include "server/store/user_repository.hpp"
#include "server/store/access_repository.hpp"
#include <iostream>
#include "server/demo/demo_fair.hpp"
#include "server/demo/demo_loader.hpp"
#include "server/log.hpp"
#include "server/net/http_server.hpp"
#include "server/store/db_executor.hpp"
#include "server/store/migrations.hpp"
#include "server/store/reference_repository.hpp"
#include "server/store/search_repository.hpp"
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
    if (m.from_version > 0 && m.from_version < 4 && m.to_version >= 4) {
        // The search index arrived with migration 4: fill it for old data.
        store::Transaction tx(*db);
        store::SearchRepository(*db).rebuild_all();
        tx.commit();
    }
    if (!quiet && m.to_version != m.from_version)
        std::fprintf(stderr, "database %s: schema %d -> %d\n", path.c_str(), m.from_version, m.to_version);
    return db;
}

}  // namespace

int user(const Args& args) {
    if (args.empty() || args[0] != "add") throw std::invalid_argument("usage: fairmatch user add ...");
    Args rest(args.begin() + 1, args.end());
    Options o(rest, {"--db", "--role", "--email", "--name", "--language", "--fair"}, {});
    auto path = o.require("--db");
    auto role = o.require("--role");
    auto email = o.require("--email");
    if (role != "organizer" && role != "exhibitor" && role != "importer")
        throw std::invalid_argument("--role must be organizer, exhibitor or importer");
    auto language = o.get("--language").value_or("vi");
    if (language != "vi" && language != "en") throw std::invalid_argument("--language must be vi or en");
    std::string password;
    std::getline(std::cin, password);
    if (!password.empty() && password.back() == '\r') password.pop_back();
    if (auto why = auth::password_problem(password, email)) throw std::invalid_argument("password: " + *why);
    auth::init_crypto();
    auto db = open_migrated(path, true);
    store::Transaction tx(*db);
    store::UserRepository users(*db);
    std::string lowered = email;
    for (auto& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (users.find_by_email(lowered)) throw std::invalid_argument("a user with this email exists already");
    auto id = users.insert({0, lowered, auth::hash_password(password), o.get("--name").value_or(email), role, language, ""});
    if (auto fair = o.get("--fair")) {
        if (role != "organizer") throw std::invalid_argument("--fair is for organizers");
        auto fair_id = o.number("--fair", 0, 1, 1L << 53);
        store::AccessRepository access(*db);
        if (!access.fair_exists(fair_id)) throw std::invalid_argument("no fair " + *fair);
        access.add_fair_organizer(fair_id, id);
    }
    tx.commit();
    std::printf("user %lld (%s, %s)\n", static_cast<long long>(id), lowered.c_str(), role.c_str());
    return 0;
}

int token(const Args& args) {
    if (args.empty() || args[0] != "create") throw std::invalid_argument("usage: fairmatch token create ...");
    Args rest(args.begin() + 1, args.end());
    Options o(rest, {"--db", "--email", "--name"}, {});
    auth::init_crypto();
    auto db = open_migrated(o.require("--db"), true);
    store::Transaction tx(*db);
    store::UserRepository users(*db);
    std::string email = o.require("--email");
    for (auto& c : email) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto u = users.find_by_email(email);
    if (!u) throw std::invalid_argument("no user with email " + email);
    auto secret = "fm_" + auth::random_token();
    users.insert_api_token(u->id, o.get("--name").value_or("command line"), auth::token_hash(secret),
                           secret.substr(0, 10), store::unix_now());
    tx.commit();
    std::printf("%s\n", secret.c_str());
    return 0;
}

int outbox(const Args& args) {
    Options o(args, {"--db", "--limit"}, {});
    auto db = open_migrated(o.require("--db"), true);
    auto page = store::Page{static_cast<int>(o.number("--limit", 20, 1, 1000)), 0};
    for (const auto& m : store::UserRepository(*db).outbox(page).items)
        std::printf("%s  %-16s %-32s %s\n", m.created_at.c_str(), m.kind.c_str(), m.to_email.c_str(), m.link.c_str());
    return 0;
}

int usage(int code) {
    std::fprintf(code == 0 ? stdout : stderr,
                 "usage:\n"
                 "  fairmatch serve --db FILE [--host 127.0.0.1] [--port 8080] [--threads N] [--web-root DIR]\n"
                 "                  [--data-dir DIR] [--db-readers N] [--read-timeout S] [--max-connections N]\n"
                 "                  [--shutdown-grace S] [--live-tick S] [--quiet]\n"
                 "  fairmatch demo --db FILE [--scale small|hanoi|canton] [--seed N]\n"
                 "  fairmatch migrate --db FILE\n"
                 "  fairmatch backup --db FILE --to FILE\n"
                 "  fairmatch user add --db FILE --role organizer|exhibitor|importer --email E [--name N]\n"
                 "                     [--language vi|en] [--fair ID]   (password from stdin; --fair: organizer of it)\n"
                 "  fairmatch token create --db FILE --email E [--name N]   (prints a new API token)\n"
                 "  fairmatch outbox --db FILE [--limit N]   (reset and invitation links to pass on)\n"
                 "  fairmatch bench-matching --exhibitors N --importers M --k K --threads T --seed S\n"
                 "                           [--check-sample C]\n"
                 "  fairmatch schedule-dzn FILE [--seconds S] [--seed N]\n");
    return code;
}

int serve(const Args& args) {
    Options o(args, {"--db", "--host", "--port", "--threads", "--web-root", "--data-dir", "--db-readers",
                           "--read-timeout", "--max-connections", "--shutdown-grace", "--public-url", "--live-queue",
                           "--live-tick"},
              {"--quiet", "--secure-cookies"});
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
    cfg.live_queue_limit = static_cast<std::size_t>(o.number("--live-queue", 1024, 1, 1'000'000));
    cfg.live_tick_seconds = static_cast<int>(o.number("--live-tick", 15, 0, 3600));
    cfg.secure_cookies = o.flags.count("--secure-cookies") > 0;
    cfg.public_url = o.get("--public-url").value_or("http://" + cfg.host + ":" + std::to_string(cfg.port));
    if (o.flags.count("--quiet")) set_access_log(false);

    auth::init_crypto();
    ReferenceData reference;
    {
        auto db = open_migrated(cfg.db_path);
        reference = store::load_reference_data(*db);
    }
    store::DbExecutor executor(cfg.db_path, cfg.db_readers);
    App app(cfg, std::move(reference), &executor);
    HttpServer server(app, executor);
    auto port = server.listen();
    if (!o.get("--public-url")) app.set_public_url("http://" + cfg.host + ":" + std::to_string(port));
    std::printf("listening on http://%s:%u\n", cfg.host.c_str(), static_cast<unsigned>(port));
    std::fflush(stdout);
    server.run();
    app.stop_jobs();  // background scheduler runs record their end before the database closes
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
