#include "server/net/http_server.hpp"

#include <boost/asio.hpp>
#include <boost/asio/as_tuple.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <nlohmann/json.hpp>

#include <array>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <random>
#include <thread>
#include <unordered_map>

#include "server/app.hpp"
#include "server/net/db_await.hpp"
#include "server/live/personal.hpp"
#include "server/net/live_session.hpp"
#include "server/http/problem.hpp"
#include "server/log.hpp"
#include "server/store/db_executor.hpp"
#include "server/store/sqlite.hpp"

namespace fairmatch::server {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
constexpr auto tuple_awaitable = asio::as_tuple(asio::use_awaitable);

namespace {

// State a shutdown may look at; touched only on the connection's strand.
struct ConnState {
    beast::tcp_stream* stream = nullptr;
    bool busy = false;  // a request is being handled or answered
    bool alive = true;
};

std::string make_request_id() {
    static const std::uint32_t prefix = std::random_device{}();
    static std::atomic<std::uint64_t> counter{0};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%08x-%06llx", prefix, static_cast<unsigned long long>(++counter));
    return buf;
}

}  // namespace

struct HttpServer::Impl {
    App& app;
    store::DbExecutor& db;
    const Config& cfg;
    asio::io_context ioc;
    tcp::acceptor acceptor{ioc};
    asio::signal_set signals{ioc, SIGINT, SIGTERM};
    asio::steady_timer grace{ioc};
    std::atomic<bool> stopping{false};
    std::atomic<int> open{0};
    std::mutex registry_mutex;
    std::unordered_map<std::uint64_t, std::pair<asio::any_io_executor, std::weak_ptr<ConnState>>> registry;
    std::uint64_t next_conn_id = 0;

    Impl(App& a, store::DbExecutor& d) : app(a), db(d), cfg(a.config()) {}

    asio::awaitable<void> accept_loop();
    asio::awaitable<void> session(tcp::socket socket);
    asio::awaitable<void> refuse(tcp::socket socket);
    asio::awaitable<http::Response> dispatch(http::Request& req, std::string_view& route_name);
    void begin_shutdown();
    void session_ended();
};

static bhttp::response<bhttp::string_body> to_beast(http::Response&& r, unsigned version, bool keep_alive,
                                                    bool head) {
    bhttp::response<bhttp::string_body> res{static_cast<bhttp::status>(r.status), version};
    res.set(bhttp::field::server, "fairmatch");
    if (!r.content_type.empty()) res.set(bhttp::field::content_type, r.content_type);
    for (auto& [k, v] : r.headers) res.set(k, v);
    res.keep_alive(keep_alive);
    res.body() = std::move(r.body);
    res.prepare_payload();
    if (head) res.body().clear();  // Content-Length stays that of the GET
    return res;
}

static http::Response problem(int status, std::string title, std::string detail) {
    return http::problem_response({status, "", std::move(title), std::move(detail), {}});
}

asio::awaitable<http::Response> HttpServer::Impl::dispatch(http::Request& req, std::string_view& route_name) {
    if (!http::parse_target(req)) {
        route_name = "invalid";
        co_return http::problem_response(http::bad_request("The request target is not a valid path."),
                                         req.request_id);
    }
    auto match = app.router().match(req.method, req.path);
    if (!match.route) {
        bool api_path = req.path.starts_with("/api/") || req.path == "/healthz" || req.path == "/metrics";
        if (!match.allow.empty()) {
            route_name = "method_not_allowed";
            auto res = http::problem_response({405, "method-not-allowed", "Method not allowed",
                                               "This resource does not support " + req.method + ".", {}},
                                              req.request_id);
            std::string allow;
            for (const auto& m : match.allow) allow += (allow.empty() ? "" : ", ") + m;
            res.set_header("allow", allow);
            co_return res;
        }
        if (!api_path) {
            if (req.method == "GET" || req.method == "HEAD") {
                route_name = "static";
                if (auto res = app.serve_static(req)) co_return std::move(*res);
            } else {
                route_name = "method_not_allowed";
                auto res = http::problem_response({405, "method-not-allowed", "Method not allowed",
                                                   "Static files support GET and HEAD only.", {}},
                                                  req.request_id);
                res.set_header("allow", "GET, HEAD");
                co_return res;
            }
        } else {
            route_name = "not_found";
        }
        co_return http::problem_response(http::not_found("No resource at this path."), req.request_id);
    }
    const http::Route& route = *match.route;
    route_name = route.name;
    req.path_params = std::move(match.params);
    if (route.db == http::DbMode::none) co_return app.handle(route, req, nullptr);
    App* a = &app;
    http::Request* r = &req;
    const http::Route* rt = &route;
    co_return co_await run_on_db<http::Response>(db, route.db == http::DbMode::write,
                                                 [a, r, rt](store::Connection& c) { return a->handle(*rt, *r, &c); });
}

asio::awaitable<void> HttpServer::Impl::session(tcp::socket socket) {
    beast::tcp_stream stream(std::move(socket));
    auto state = std::make_shared<ConnState>();
    state->stream = &stream;
    std::uint64_t conn_id;
    {
        std::lock_guard lock(registry_mutex);
        conn_id = ++next_conn_id;
        registry.emplace(conn_id, std::make_pair(co_await asio::this_coro::executor, state));
    }
    std::string remote;
    {
        beast::error_code ec;
        auto ep = stream.socket().remote_endpoint(ec);
        if (!ec) remote = ep.address().to_string();
    }
    beast::flat_buffer buffer;
    const auto read_timeout = std::chrono::seconds(cfg.read_timeout_seconds);
    const auto write_timeout = std::chrono::seconds(cfg.write_timeout_seconds);

    for (;;) {
        if (stopping) break;
        bhttp::request_parser<bhttp::string_body> parser;
        parser.header_limit(static_cast<std::uint32_t>(cfg.max_header_bytes));
        // The largest limit of any route while reading the header; the
        // route's own limit is applied once the target is known.
        parser.body_limit(std::max(cfg.max_body_bytes, cfg.max_upload_bytes));
        stream.expires_after(read_timeout);
        auto [ec, n] = co_await bhttp::async_read_header(stream, buffer, parser, tuple_awaitable);
        std::optional<http::Response> early;
        if (ec == bhttp::error::body_limit) {
            early = problem(413, "Content too large", "The request body exceeds the limit for this endpoint.");
        } else if (ec == bhttp::error::header_limit) {
            early = problem(431, "Request header fields too large", "The request headers are too large.");
        } else if (ec) {
            // Closed, timed out, cancelled by shutdown, or not HTTP at all.
            if (ec != bhttp::error::end_of_stream && ec != beast::error::timeout && ec != asio::error::operation_aborted &&
                ec != asio::error::connection_reset && n > 0)
                early = problem(400, "Bad request", "The request could not be parsed as HTTP/1.1.");
            else
                break;
        }
        auto started = std::chrono::steady_clock::now();
        http::Request req;
        req.request_id = make_request_id();
        req.remote_address = remote;
        bool keep_alive = false;
        unsigned version = 11;
        bool head = false;
        std::string_view route_name = "invalid";
        http::Response res;
        if (early) {
            res = std::move(*early);
        } else {
            state->busy = true;  // from here the request is in flight: a shutdown lets it finish
            auto& msg = parser.get();
            req.method = std::string(msg.method_string());
            req.target = std::string(msg.target());
            version = msg.version();
            keep_alive = msg.keep_alive();
            head = msg.method() == bhttp::verb::head;
            // Raise the body limit for routes that take uploads.
            std::size_t body_limit = cfg.max_body_bytes;
            bool has_body = (parser.content_length() && *parser.content_length() > 0) || parser.chunked();
            if (http::Request probe{req}; has_body && http::parse_target(probe)) {
                auto m = app.router().match(probe.method, probe.path);
                if (m.route && m.route->max_body) body_limit = m.route->max_body;
            }
            bool body_ok = true;
            if (parser.content_length() && *parser.content_length() > body_limit) {
                res = problem(413, "Content too large", "The request body exceeds the limit for this endpoint.");
                keep_alive = false;
                body_ok = false;
                route_name = "too_large";
            } else if (!parser.is_done()) {
                parser.body_limit(body_limit);
                if (beast::iequals(msg[bhttp::field::expect], "100-continue")) {
                    bhttp::response<bhttp::empty_body> cont{bhttp::status::continue_, version};
                    stream.expires_after(write_timeout);
                    auto [wec, wn] = co_await bhttp::async_write(stream, cont, tuple_awaitable);
                    if (wec) break;
                }
                stream.expires_after(read_timeout);
                auto [bec, bn] = co_await bhttp::async_read(stream, buffer, parser, tuple_awaitable);
                if (bec == bhttp::error::body_limit) {
                    res = problem(413, "Content too large", "The request body exceeds the limit for this endpoint.");
                    keep_alive = false;
                    body_ok = false;
                    route_name = "too_large";
                } else if (bec) {
                    break;
                }
            }
            if (body_ok) {
                for (const auto& f : msg) {
                    std::string name(f.name_string());
                    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                    req.headers.emplace_back(std::move(name), std::string(f.value()));
                }
                req.body = std::move(msg.body());
                res = co_await dispatch(req, route_name);
            }
        }
        if (res.status == 200 && (route_name == "live.feed" || route_name == "live.mine") && !early) {
            // The policy admitted a WebSocket: the connection becomes the live feed.
            auto first = std::move(res.body);
            Id fair = std::strtoll(std::string(req.path_param("fair")).c_str(), nullptr, 10);
            Id after = 0;
            auto j = nlohmann::json::parse(first, nullptr, false);
            if (j.is_object() && j.contains("last_event_id")) after = j["last_event_id"].get<Id>();
            app.metrics().record(route_name, 101, 0);
            state->busy = false;
            state->alive = false;
            {
                std::lock_guard lock(registry_mutex);
                registry.erase(conn_id);
            }
            if (route_name == "live.mine") {
                // A participant's own feed: the first message names the participant.
                auto kind = j["participant"].value("kind", std::string());
                Id who = j["participant"].value("id", Id{0});
                LiveChannel channel{&app.personal_hub(), live::personal_channel(kind, who),
                                    [fair, kind, who](store::Connection& c, Id from, int limit) {
                                        return live::personal_backlog(c, fair, kind, who, from, limit);
                                    }};
                co_await run_live_session(std::move(stream), parser.release(), std::move(first), std::move(channel),
                                          after, app, db, stopping);
            } else {
                co_await run_live_session(std::move(stream), parser.release(), std::move(first), fair, after, app, db,
                                          stopping);
            }
            session_ended();
            co_return;
        }
        if (stopping) keep_alive = false;
        App::finish(res, req);
        int status = res.status;
        auto out = to_beast(std::move(res), version, keep_alive, head);
        std::size_t bytes = out.body().size();
        stream.expires_after(write_timeout);
        auto [wec, wn] = co_await bhttp::async_write(stream, out, tuple_awaitable);
        state->busy = false;
        double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        app.metrics().record(route_name, status, secs);
        if (access_log_enabled()) {
            char line[160];
            std::snprintf(line, sizeof line, "%d %zu %.2fms %s", status, bytes, secs * 1000.0, req.request_id.c_str());
            log_line("access", req.method + " " + (req.path.empty() ? req.target : req.path) + " " + line);
        }
        if (wec || !keep_alive || early) break;
    }
    state->alive = false;
    beast::error_code ec;
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (!stopping) {
        // Lingering close: drain what the client is still sending (say, the
        // rest of a refused upload) for a moment, so that closing does not
        // reset the connection before the client has read our answer.
        std::array<char, 16384> sink;
        stream.expires_after(std::chrono::seconds(1));
        for (int i = 0; i < 1024; ++i) {
            auto [rec, rn] = co_await stream.async_read_some(asio::buffer(sink), tuple_awaitable);
            if (rec) break;
        }
    }
    stream.socket().close(ec);
    {
        std::lock_guard lock(registry_mutex);
        registry.erase(conn_id);
    }
    session_ended();
}

void HttpServer::Impl::session_ended() {
    app.metrics().connection_closed();
    if (--open == 0 && stopping) {
        asio::post(ioc, [this] { grace.cancel(); });
    }
}

asio::awaitable<void> HttpServer::Impl::refuse(tcp::socket socket) {
    beast::tcp_stream stream(std::move(socket));
    auto res = to_beast(problem(503, "Too many connections", "The server is at its connection limit; try again."), 11,
                        false, false);
    res.set(bhttp::field::retry_after, "1");
    stream.expires_after(std::chrono::seconds(2));
    co_await bhttp::async_write(stream, res, tuple_awaitable);
    beast::error_code ec;
    stream.socket().shutdown(tcp::socket::shutdown_both, ec);
}

asio::awaitable<void> HttpServer::Impl::accept_loop() {
    for (;;) {
        auto [ec, socket] = co_await acceptor.async_accept(tuple_awaitable);
        if (ec) {
            if (ec == asio::error::operation_aborted || stopping) co_return;
            log_line("warn", "accept failed: " + ec.message());
            continue;
        }
        if (open.load() >= cfg.max_connections) {
            asio::co_spawn(asio::make_strand(ioc), refuse(std::move(socket)), asio::detached);
            continue;
        }
        ++open;
        app.metrics().connection_opened();
        asio::co_spawn(asio::make_strand(ioc), session(std::move(socket)), [](std::exception_ptr e) {
            if (e) {
                try {
                    std::rethrow_exception(e);
                } catch (const std::exception& ex) {
                    log_line("error", std::string("session failed: ") + ex.what());
                }
            }
        });
    }
}

void HttpServer::Impl::begin_shutdown() {
    if (stopping.exchange(true)) return;
    log_line("info", "shutting down: no new connections, finishing requests in flight");
    beast::error_code ec;
    acceptor.close(ec);
    // Idle connections (waiting for a next request) are closed now; busy
    // ones finish their response and then close.
    std::lock_guard lock(registry_mutex);
    for (auto& [id, entry] : registry) {
        auto weak = entry.second;
        asio::post(entry.first, [weak] {
            auto s = weak.lock();
            if (s && s->alive && !s->busy) s->stream->socket().cancel();
        });
    }
    if (open.load() == 0) return;
    grace.expires_after(std::chrono::seconds(cfg.shutdown_grace_seconds));
    grace.async_wait([this](beast::error_code wec) {
        if (!wec) {
            log_line("warn", "shutdown grace period over; closing remaining connections");
            ioc.stop();
        }
    });
}

HttpServer::HttpServer(App& app, store::DbExecutor& db) : impl_(std::make_unique<Impl>(app, db)) {}
HttpServer::~HttpServer() = default;

unsigned short HttpServer::listen() {
    auto& im = *impl_;
    beast::error_code ec;
    auto address = asio::ip::make_address(im.cfg.host, ec);
    if (ec) throw std::runtime_error("invalid host address: " + im.cfg.host);
    tcp::endpoint ep(address, im.cfg.port);
    im.acceptor.open(ep.protocol());
    im.acceptor.set_option(asio::socket_base::reuse_address(true));
    im.acceptor.bind(ep, ec);
    if (ec) throw std::runtime_error("cannot listen on " + im.cfg.host + ":" + std::to_string(im.cfg.port) + ": " + ec.message());
    im.acceptor.listen(asio::socket_base::max_listen_connections);
    return im.acceptor.local_endpoint().port();
}

void HttpServer::run() {
    auto& im = *impl_;
    im.signals.async_wait([&im](beast::error_code ec, int) {
        if (!ec) im.begin_shutdown();
    });
    asio::co_spawn(im.ioc, im.accept_loop(), asio::detached);
    int n = std::max(1, im.cfg.io_threads);
    std::vector<std::thread> threads;
    for (int i = 1; i < n; ++i) threads.emplace_back([&im] { im.ioc.run(); });
    im.ioc.run();
    for (auto& t : threads) t.join();
    log_line("info", "HTTP server stopped");
}

}  // namespace fairmatch::server
