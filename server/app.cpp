#include "server/app.hpp"

#include <filesystem>

#include "server/api/context.hpp"
#include "server/auth/policy.hpp"
#include "server/store/common.hpp"
#include "server/store/user_repository.hpp"
#include "server/api/routes.hpp"
#include "server/http/problem.hpp"
#include "server/log.hpp"
#include "server/live/ticker.hpp"
#include "server/meetings/schedule_jobs.hpp"
#include "server/store/db_executor.hpp"
#include "server/store/sqlite.hpp"

namespace fairmatch::server {

App::App(Config config, ReferenceData reference, store::DbExecutor* db)
    : config_(std::move(config)), reference_(std::move(reference)), db_(db) {
    schedule_jobs_ = std::make_shared<meetings::ScheduleJobs>(db_);
    if (db_ && config_.live_tick_seconds > 0)
        ticker_ = std::make_shared<live::Ticker>(*db_, hub_, personal_hub_, config_.live_tick_seconds);
    api::add_all_routes(router_);
    for (const auto& r : router_.routes()) {
        if (r.access.rule != http::Rule::public_ && r.db == http::DbMode::none)
            throw std::logic_error("route " + r.name + " has an access rule but no database to check it");
    }
    if (!config_.web_root.empty() && std::filesystem::is_directory(config_.web_root))
        static_ = std::make_unique<http::StaticFiles>(config_.web_root);
    if (config_.data_dir.empty()) {
        auto parent = std::filesystem::path(config_.db_path).parent_path();
        config_.data_dir = parent.empty() ? "." : parent.string();
    }
}

std::size_t App::db_queue_depth() const { return db_ ? db_->queue_depth() : 0; }

void App::stop_jobs() {
    if (ticker_) ticker_->stop();
    schedule_jobs_->stop();
}

std::string App::photo_dir() const { return config_.data_dir + "/photos"; }

http::Response App::handle(const http::Route& route, http::Request& req, store::Connection* db) {
    try {
        auth::Identity who;
        if (db) {
            auto now = store::unix_now();
            auto a = auth::authenticate(req, *db, config_, now);
            who = std::move(a.who);
            if (a.touch) schedule_touch(who, now);
        }
        // CSRF first: a forged request learns nothing, not even whether its target exists.
        if (auto refused = auth::check_csrf(req, who)) return http::problem_response(*refused, req.request_id);
        if (auto refused = auth::authorize(route, req, who, db)) return http::problem_response(*refused, req.request_id);
        Context ctx{req, db, *this, who};
        auto res = route.handler(ctx);
        if (route.db == http::DbMode::write && res.status < 400) {
            populations_.bump();
            for (const auto& e : ctx.published) hub_.publish(e);
            for (const auto& e : ctx.notified) personal_hub_.publish(e);
        }
        return res;
    } catch (const http::Problem& p) {
        return http::problem_response(p, req.request_id);
    } catch (const store::Error& e) {
        if (e.is_full()) {
            log_line("error", "request " + req.request_id + " storage full: " + e.what());
            return http::problem_response({507, "storage-full", "Storage full",
                                           "The server cannot store more data right now; nothing was saved.", {}},
                                          req.request_id);
        }
        if (e.is_busy()) {
            log_line("warn", "request " + req.request_id + " database busy: " + e.what());
            auto r = http::problem_response(
                {503, "busy", "Service busy", "The database is busy; nothing was saved. Try again.", {}},
                req.request_id);
            r.set_header("retry-after", "1");
            return r;
        }
        if (e.is_constraint()) {
            log_line("warn", "request " + req.request_id + " constraint: " + e.what());
            return http::problem_response(
                http::conflict("The change conflicts with existing data; nothing was saved."), req.request_id);
        }
        log_line("error", "request " + req.request_id + " database error: " + e.what());
    } catch (const std::exception& e) {
        log_line("error", "request " + req.request_id + " unexpected: " + e.what());
    } catch (...) {
        log_line("error", "request " + req.request_id + " unexpected non-standard exception");
    }
    return http::problem_response({500, "internal", "Internal server error",
                                   "Something went wrong on our side. Quote the request id when reporting it.", {}},
                                  req.request_id);
}

void App::schedule_touch(const auth::Identity& who, std::int64_t now) {
    if (!db_) return;
    Id session = who.session_id, token = who.token_id;
    db_->submit_write(store::make_job([session, token, now](store::Connection& c) {
        store::UserRepository users(c);
        if (session) users.touch_session(session, now);
        if (token) users.touch_api_token(token, now);
    }));
}

std::optional<http::Response> App::serve_static(const http::Request& req) const {
    if (!static_) return std::nullopt;
    return static_->serve(req);
}

std::string App::memo(const std::string& key, const std::function<std::string()>& make) {
    {
        std::lock_guard lock(memo_mutex_);
        if (auto it = memo_.find(key); it != memo_.end()) return it->second;
    }
    auto value = make();
    std::lock_guard lock(memo_mutex_);
    return memo_.emplace(key, std::move(value)).first->second;
}

void App::finish(http::Response& res, const http::Request& req) {
    static const std::string kCsp =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
    bool has_csp = false, has_cache = false;
    for (const auto& [k, v] : res.headers) {
        has_csp |= k == "content-security-policy";
        has_cache |= k == "cache-control";
    }
    res.headers.emplace_back("x-content-type-options", "nosniff");
    res.headers.emplace_back("referrer-policy", "no-referrer");
    res.headers.emplace_back("x-frame-options", "DENY");
    if (!has_csp) res.headers.emplace_back("content-security-policy", kCsp);
    if (!req.request_id.empty()) res.headers.emplace_back("x-request-id", req.request_id);
    if (!has_cache && req.path.starts_with("/api/")) res.headers.emplace_back("cache-control", "no-store");
}

}  // namespace fairmatch::server
