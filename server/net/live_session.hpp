#pragma once
// A live-feed WebSocket connection, after the HTTP session admitted it
// through the access policy. Include only from server/net.

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "server/domain/types.hpp"

namespace fairmatch::server {
class App;
namespace store {
class Connection;
class DbExecutor;
}
namespace live {
class Hub;
}

// What a live connection follows: one channel of a hub, and the messages
// stored behind it (as sent, JSON text, ids above `after`, oldest first).
struct LiveChannel {
    live::Hub* hub = nullptr;
    Id key = 0;
    std::function<std::vector<std::string>(store::Connection&, Id after, int limit)> backlog;
};

// Accepts the upgrade, sends `first` (the snapshot or resume notice), then
// every event of the fair with an id above `after` — those stored since, then
// live ones — without gaps or repeats. Each connection's queue is bounded: a
// client too slow to keep up is disconnected (and can resume). Returns when
// the connection ends.
boost::asio::awaitable<void> run_live_session(boost::beast::tcp_stream stream,
                                              boost::beast::http::request<boost::beast::http::string_body> req,
                                              std::string first, Id fair, Id after, App& app, store::DbExecutor& db,
                                              const std::atomic<bool>& stopping);
// The same for any channel (a participant's own feed).
boost::asio::awaitable<void> run_live_session(boost::beast::tcp_stream stream,
                                              boost::beast::http::request<boost::beast::http::string_body> req,
                                              std::string first, LiveChannel channel, Id after, App& app,
                                              store::DbExecutor& db, const std::atomic<bool>& stopping);

}  // namespace fairmatch::server
