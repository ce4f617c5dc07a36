#pragma once
// The HTTP listener and sessions (Beast + Asio, C++20 coroutines). Only
// this and the other files of server/net include Asio or Beast.

#include <memory>

namespace fairmatch::server {

class App;
namespace store {
class DbExecutor;
}

class HttpServer {
public:
    HttpServer(App& app, store::DbExecutor& db);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Binds and listens on the configured host and port; returns the port
    // (useful with port 0). Throws std::runtime_error on failure.
    unsigned short listen();
    // Serves on the configured number of I/O threads until SIGINT or
    // SIGTERM, then stops accepting, lets in-flight requests finish within
    // the grace period, and returns.
    void run();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace fairmatch::server
