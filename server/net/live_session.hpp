#pragma once
// A live-feed WebSocket connection, after the HTTP session admitted it
// through the access policy. Include only from server/net.

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <atomic>
#include <string>

#include "server/domain/types.hpp"

namespace fairmatch::server {
class App;
namespace store {
class DbExecutor;
}

// Accepts the upgrade, sends `first` (the snapshot or resume notice), then
// every event of the fair with an id above `after` — those stored since, then
// live ones — without gaps or repeats. Each connection's queue is bounded: a
// client too slow to keep up is disconnected (and can resume). Returns when
// the connection ends.
boost::asio::awaitable<void> run_live_session(boost::beast::tcp_stream stream,
                                              boost::beast::http::request<boost::beast::http::string_body> req,
                                              std::string first, Id fair, Id after, App& app, store::DbExecutor& db,
                                              const std::atomic<bool>& stopping);

}  // namespace fairmatch::server
