#pragma once
// A real fairmatch App below the network, for the fuzz targets and their
// regression replays: a temporary SQLite file (migrated, seeded with the
// small demo fair and one account per role with a known API token), the
// real DB executor, and a synchronous stand-in for the session coroutine of
// server/net/http_server.cpp (the same Beast parser and limits, the same
// router dispatch, the same App::handle on the executor's threads).

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "server/app.hpp"
#include "server/http/message.hpp"
#include "server/store/db_executor.hpp"

namespace fairmatch::fuzz {

// Who sends a request: the harness adds the matching Authorization header
// unless the raw request carries its own.
enum class Caller { anonymous = 0, organizer = 1, exhibitor = 2, importer = 3 };
std::string_view bearer_token(Caller who);

class FuzzServer {
public:
    FuzzServer();
    ~FuzzServer();
    FuzzServer(const FuzzServer&) = delete;
    FuzzServer& operator=(const FuzzServer&) = delete;

    // Feeds raw bytes (one or more pipelined HTTP/1.1 requests) through the
    // parser and the application; returns the responses in order. Checks the
    // invariants every response must hold and aborts when one fails.
    std::vector<server::http::Response> feed(std::string_view bytes, Caller who);
    // Call at the start of each input (feed() does): may reset the database.
    void begin_input();
    // One already-built request through the router and App::handle.
    server::http::Response dispatch(server::http::Request& req);

    // Puts the database back to the seeded state every `every` inputs, so
    // that the database stays small and the callers' tokens stay valid.
    void reset_every(unsigned every) { reset_every_ = every; }
    server::store::DbExecutor& db() { return *executor_; }
    server::App& app() { return *app_; }
    std::int64_t fair_id() const { return fair_id_; }

private:
    void start();
    void stop();

    std::filesystem::path dir_;
    std::string db_path_;
    std::string pristine_path_;
    std::int64_t fair_id_ = 0;
    unsigned calls_ = 0;
    unsigned reset_every_ = 0;
    std::unique_ptr<server::store::DbExecutor> executor_;
    std::unique_ptr<server::App> app_;
};

// Aborts (a fuzzer finding) when a response breaks an invariant: a status
// outside 100..599, a 500 (an unexpected exception in a handler), a header
// name or value that would split the response, a problem+json body that is
// not a JSON object with the same status.
void check_response(const server::http::Response& res, std::string_view what);

}  // namespace fairmatch::fuzz
