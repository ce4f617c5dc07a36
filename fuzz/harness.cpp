#include "fuzz/harness.hpp"

#include <boost/asio/buffer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <future>
#include <random>

#include "server/auth/crypto.hpp"
#include "server/demo/demo_fair.hpp"
#include "server/demo/demo_loader.hpp"
#include "server/http/problem.hpp"
#include "server/store/access_repository.hpp"
#include "server/store/common.hpp"
#include "server/store/migrations.hpp"
#include "server/store/reference_repository.hpp"
#include "server/store/sqlite.hpp"
#include "server/store/user_repository.hpp"

namespace fairmatch::fuzz {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace fs = std::filesystem;
using namespace fairmatch::server;

namespace {

struct Account {
    Caller who;
    const char* email;
    const char* role;
    const char* token;
};
// Fixed secrets, so that the dictionaries and the seed corpus can name them.
constexpr Account kAccounts[] = {
    {Caller::organizer, "organizer@fuzz.example", "organizer", "fuzz-organizer-token-0123456789abcdefghijklmnop"},
    {Caller::exhibitor, "exhibitor@fuzz.example", "exhibitor", "fuzz-exhibitor-token-0123456789abcdefghijklmnop"},
    {Caller::importer, "importer@fuzz.example", "importer", "fuzz-importer-token-0123456789abcdefghijklmnopq"},
};

[[noreturn]] void finding(std::string_view what, std::string_view detail) {
    std::fprintf(stderr, "FUZZ FINDING: %.*s: %.*s\n", static_cast<int>(what.size()), what.data(),
                 static_cast<int>(detail.size()), detail.data());
    std::abort();
}

class PromiseJob final : public store::DbJob {
public:
    PromiseJob(App& app, const http::Route& route, http::Request& req) : app_(app), route_(route), req_(req) {}
    void run(store::Connection& db) noexcept override { promise.set_value(app_.handle(route_, req_, &db)); }
    std::promise<http::Response> promise;

private:
    App& app_;
    const http::Route& route_;
    http::Request& req_;
};

bool header_char_ok(char c) { return c != '\r' && c != '\n' && c != '\0'; }

}  // namespace

std::string_view bearer_token(Caller who) {
    for (const auto& a : kAccounts)
        if (a.who == who) return a.token;
    return {};
}

void check_response(const http::Response& res, std::string_view what) {
    if (res.status < 100 || res.status > 599) finding(what, "status " + std::to_string(res.status));
    if (res.status == 500) finding(what, "500 (an unexpected exception in a handler; see the log line above)");
    for (const auto& [k, v] : res.headers) {
        if (k.empty() || !std::all_of(k.begin(), k.end(), [](char c) { return c > 32 && c < 127 && c != ':'; }))
            finding(what, "bad response header name: " + k);
        if (!std::all_of(v.begin(), v.end(), header_char_ok)) finding(what, "response header " + k + " splits the response");
    }
    if (!std::all_of(res.content_type.begin(), res.content_type.end(), header_char_ok))
        finding(what, "content type splits the response");
    if (res.content_type == "application/problem+json") {
        auto j = nlohmann::json::parse(res.body, nullptr, false);
        if (!j.is_object() || !j.contains("status") || j["status"] != res.status)
            finding(what, "problem+json body does not match its status: " + res.body.substr(0, 200));
    } else if (res.content_type.rfind("application/json", 0) == 0 && !res.body.empty()) {
        if (nlohmann::json::parse(res.body, nullptr, false).is_discarded())
            finding(what, "invalid JSON body: " + res.body.substr(0, 200));
    }
}

FuzzServer::FuzzServer() {
    auth::init_crypto();
    std::random_device rd;
    dir_ = fs::temp_directory_path() / ("fairmatch-fuzz-" + std::to_string(rd()) + std::to_string(rd()));
    fs::create_directories(dir_);
    db_path_ = (dir_ / "fuzz.db").string();
    pristine_path_ = (dir_ / "pristine.db").string();
    {
        store::Connection db(pristine_path_);
        store::migrate(db);
        auto loaded = demo::load(db, demo::generate(demo::Scale::small, 1));
        fair_id_ = loaded.fair_id;
        store::UserRepository users(db);
        auto now = store::unix_now();
        for (const auto& a : kAccounts) {
            auto id = users.insert({0, a.email, "", std::string(a.role) + " (fuzz)", a.role, "en", ""});
            users.insert_api_token(id, "fuzz", auth::token_hash(a.token), std::string(a.token).substr(0, 8), now);
            // The exhibitor and the importer own the first profile of their kind in the fair.
            const char* sql = a.who == Caller::exhibitor
                                  ? "UPDATE exhibitors SET owner_user_id = ?1 WHERE id = (SELECT min(id) FROM exhibitors WHERE fair_id = ?2)"
                              : a.who == Caller::importer
                                  ? "UPDATE importers SET owner_user_id = ?1 WHERE id = (SELECT min(id) FROM importers WHERE fair_id = ?2)"
                                  : nullptr;
            if (sql) db.prepare(sql).bind_all(id, fair_id_).exec();
            if (a.who == Caller::organizer) store::AccessRepository(db).add_fair_organizer(fair_id_, id);
        }
        db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    fs::copy_file(pristine_path_, db_path_);
    start();
}

FuzzServer::~FuzzServer() {
    stop();
    std::error_code ec;
    fs::remove_all(dir_, ec);
}

void FuzzServer::start() {
    Config cfg;
    cfg.db_path = db_path_;
    cfg.web_root = "";
    cfg.data_dir = dir_.string();
    cfg.db_readers = 1;
    ReferenceData reference;
    {
        store::Connection db(db_path_, store::OpenMode::read_write);
        reference = store::load_reference_data(db);
    }
    executor_ = std::make_unique<store::DbExecutor>(db_path_, cfg.db_readers);
    app_ = std::make_unique<App>(cfg, std::move(reference), executor_.get());
}

void FuzzServer::stop() {
    if (!app_) return;
    app_->stop_jobs();
    executor_->stop();
    app_.reset();
    executor_.reset();
}

void FuzzServer::begin_input() {
    if (reset_every_ == 0 || ++calls_ % reset_every_ != 0) return;
    stop();
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db_path_ + suffix);
    fs::remove_all(dir_ / "photos");
    fs::copy_file(pristine_path_, db_path_);
    start();
}

http::Response FuzzServer::dispatch(http::Request& req) {
    // As HttpServer::Impl::dispatch (without static files: no web root).
    if (!http::parse_target(req))
        return http::problem_response(http::bad_request("The request target is not a valid path."), req.request_id);
    auto match = app_->router().match(req.method, req.path);
    if (!match.route) {
        if (!match.allow.empty()) {
            auto res = http::problem_response({405, "method-not-allowed", "Method not allowed", "", {}}, req.request_id);
            return res;
        }
        return http::problem_response(http::not_found("No resource at this path."), req.request_id);
    }
    const http::Route& route = *match.route;
    req.path_params = std::move(match.params);
    http::Response res;
    if (route.db == http::DbMode::none) {
        res = app_->handle(route, req, nullptr);
    } else {
        auto job = std::make_unique<PromiseJob>(*app_, route, req);
        auto done = job->promise.get_future();
        if (route.db == http::DbMode::write) executor_->submit_write(std::move(job));
        else executor_->submit_read(std::move(job));
        res = done.get();
    }
    App::finish(res, req);
    return res;
}

std::vector<http::Response> FuzzServer::feed(std::string_view bytes, Caller who) {
    begin_input();
    const Config& cfg = app_->config();
    std::vector<http::Response> out;
    // Up to four pipelined requests on one connection, as a session reads them.
    for (int n = 0; n < 4 && !bytes.empty(); ++n) {
        bhttp::request_parser<bhttp::string_body> parser;
        parser.header_limit(static_cast<std::uint32_t>(cfg.max_header_bytes));
        parser.body_limit(std::max(cfg.max_body_bytes, cfg.max_upload_bytes));
        beast::error_code ec;
        bool incomplete = false;
        while (!parser.is_header_done()) {
            if (bytes.empty()) {
                incomplete = true;
                break;
            }
            auto used = parser.put(boost::asio::buffer(bytes.data(), bytes.size()), ec);
            bytes.remove_prefix(used);
            if (ec == bhttp::error::need_more) {
                ec = {};
                if (used == 0) incomplete = true;
                if (incomplete) break;
                continue;
            }
            if (ec) break;
        }
        if (incomplete) break;  // the session would wait for more, then time out silently
        if (ec) {
            // As the session: 413, 431 or 400, then the connection closes.
            http::Response res;
            if (ec == bhttp::error::body_limit)
                res = http::problem_response({413, "", "Content too large", "", {}});
            else if (ec == bhttp::error::header_limit)
                res = http::problem_response({431, "", "Request header fields too large", "", {}});
            else
                res = http::problem_response({400, "", "Bad request", "", {}});
            check_response(res, "early error");
            out.push_back(std::move(res));
            break;
        }
        auto& msg = parser.get();
        http::Request req;
        req.request_id = "fuzz";
        req.remote_address = "127.0.0.1";
        req.method = std::string(msg.method_string());
        req.target = std::string(msg.target());
        bool keep_alive = msg.keep_alive();
        std::size_t body_limit = cfg.max_body_bytes;
        bool has_body = (parser.content_length() && *parser.content_length() > 0) || parser.chunked();
        if (http::Request probe{req}; has_body && http::parse_target(probe)) {
            auto m = app_->router().match(probe.method, probe.path);
            if (m.route && m.route->max_body) body_limit = m.route->max_body;
        }
        if (parser.content_length() && *parser.content_length() > body_limit) {
            out.push_back(http::problem_response({413, "", "Content too large", "", {}}));
            break;
        }
        parser.body_limit(body_limit);
        parser.eager(true);
        while (!parser.is_done()) {
            if (bytes.empty()) {
                incomplete = true;
                break;
            }
            auto used = parser.put(boost::asio::buffer(bytes.data(), bytes.size()), ec);
            bytes.remove_prefix(used);
            if (ec == bhttp::error::need_more) {
                ec = {};
                if (used == 0) {
                    incomplete = true;
                    break;
                }
                continue;
            }
            if (ec) break;
        }
        if (incomplete) break;
        if (ec == bhttp::error::body_limit) {
            out.push_back(http::problem_response({413, "", "Content too large", "", {}}));
            break;
        }
        if (ec) break;  // the session closes the connection without an answer
        bool has_auth = false;
        for (const auto& f : msg) {
            std::string name(f.name_string());
            for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            has_auth |= name == "authorization";
            req.headers.emplace_back(std::move(name), std::string(f.value()));
        }
        if (!has_auth && who != Caller::anonymous)
            req.headers.emplace_back("authorization", "Bearer " + std::string(bearer_token(who)));
        req.body = std::move(msg.body());
        auto res = dispatch(req);
        static const bool trace = std::getenv("FAIRMATCH_FUZZ_TRACE") != nullptr;
        if (trace) std::fprintf(stderr, "%s %s -> %d\n", req.method.c_str(), req.target.c_str(), res.status);
        check_response(res, req.method + " " + req.target);
        out.push_back(std::move(res));
        if (!keep_alive) break;
    }
    return out;
}

}  // namespace fairmatch::fuzz
