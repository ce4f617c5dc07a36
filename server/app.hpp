#pragma once
// The application below the network: the route table, the access policy,
// the handlers' shared state and the mapping of failures to responses.
// No sockets here: net/ hands over a Request and a DB connection and gets
// a Response back.

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <optional>

#include "server/config.hpp"
#include "server/domain/reference_data.hpp"
#include "server/http/message.hpp"
#include "server/http/router.hpp"
#include "server/http/static_files.hpp"
#include "server/metrics.hpp"
#include "server/live/hub.hpp"
#include "server/recommend/population_cache.hpp"

namespace fairmatch::server {

namespace store {
class Connection;
class DbExecutor;
}  // namespace store
namespace auth {
struct Identity;
}
namespace meetings {
class ScheduleJobs;
}
namespace live {
class Ticker;
}

class App {
public:
    // `db` may be null in unit tests that call handle() with their own connection.
    App(Config config, ReferenceData reference, store::DbExecutor* db);

    const Config& config() const noexcept { return config_; }
    // Links in messages (reset, invitations, calendars) use this base URL;
    // set once the listening port is known, before serving.
    void set_public_url(std::string url) { config_.public_url = std::move(url); }
    const ReferenceData& reference() const noexcept { return reference_; }
    const http::Router& router() const noexcept { return router_; }
    Metrics& metrics() noexcept { return metrics_; }
    std::size_t db_queue_depth() const;
    std::string photo_dir() const;
    recommend::PopulationCache& populations() noexcept { return populations_; }
    live::Hub& hub() noexcept { return hub_; }
    // Participants' own feeds, keyed by live::personal_channel.
    live::Hub& personal_hub() noexcept { return personal_hub_; }
    // Background scheduler runs (job threads of their own).
    meetings::ScheduleJobs& schedule_jobs() noexcept { return *schedule_jobs_; }
    // Stops the background jobs (computing runs end early, recorded as
    // interrupted) and joins their threads; call before the DB executor stops.
    void stop_jobs();
    // A response body computed once from data that never changes while the
    // server runs (reference lists); thread-safe.
    std::string memo(const std::string& key, const std::function<std::string()>& make);

    // Runs the access policy, then the route's handler, on the calling
    // thread (a DB thread when the route needs the database). Never throws:
    // a Problem becomes problem+json, anything else a generic 500 that is
    // logged with the request id.
    http::Response handle(const http::Route& route, http::Request& req, store::Connection* db);

    // Static files (GET/HEAD outside /api/); nullopt when not found.
    std::optional<http::Response> serve_static(const http::Request& req) const;

    // Headers every response carries (security, request id).
    static void finish(http::Response& res, const http::Request& req);

private:
    // Records, off the request's path, that a session or token was used.
    void schedule_touch(const auth::Identity& who, std::int64_t now);

    Config config_;
    ReferenceData reference_;
    store::DbExecutor* db_;
    http::Router router_;
    std::unique_ptr<http::StaticFiles> static_;
    Metrics metrics_;
    recommend::PopulationCache populations_;
    live::Hub hub_;
    live::Hub personal_hub_;
    std::mutex memo_mutex_;
    std::map<std::string, std::string> memo_;
    std::shared_ptr<meetings::ScheduleJobs> schedule_jobs_;  // shared_ptr: the type is incomplete here
    std::shared_ptr<live::Ticker> ticker_;  // the live timer (reminders, unconfirmed meetings); null without a db
};

}  // namespace fairmatch::server
