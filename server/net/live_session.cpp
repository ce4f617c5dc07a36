#include "server/net/live_session.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/beast/websocket.hpp>
#include <nlohmann/json.hpp>

#include <deque>
#include <memory>

#include "server/app.hpp"
#include "server/live/hub.hpp"
#include "server/log.hpp"
#include "server/net/db_await.hpp"
#include "server/store/live_repository.hpp"
#include "server/store/sqlite.hpp"

namespace fairmatch::server {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = boost::beast::websocket;

namespace {

constexpr auto tuple_awaitable = asio::as_tuple(asio::use_awaitable);
constexpr int kBacklogLimit = 50000;  // a client further behind starts over with a snapshot

// One connection's subscription: events arrive on any thread and are moved
// onto the connection's strand, into a bounded queue.
class Listener final : public live::Subscriber, public std::enable_shared_from_this<Listener> {
public:
    Listener(asio::any_io_executor strand, std::size_t limit) : strand_(strand), wake_(strand), limit_(limit) {}

    void deliver(std::shared_ptr<const live::Event> e) override {
        asio::post(strand_, [self = shared_from_this(), e = std::move(e)] {
            if (self->closed_) return;
            self->queue_.push_back(e);
            if (self->queue_.size() > self->limit_) {
                self->overflow_ = true;
                self->close_socket();
            }
            self->wake_.cancel();
        });
    }

    // Strand only.
    std::deque<std::shared_ptr<const live::Event>> queue_;
    asio::steady_timer& wake() { return wake_; }
    bool overflow_ = false;
    bool closed_ = false;
    std::function<void()> close_socket = [] {};

private:
    asio::any_io_executor strand_;
    asio::steady_timer wake_;
    std::size_t limit_;
};

}  // namespace

asio::awaitable<void> run_live_session(beast::tcp_stream stream, beast::http::request<beast::http::string_body> req,
                                       std::string first, Id fair, Id after, App& app, store::DbExecutor& db,
                                       const std::atomic<bool>& stopping) {
    LiveChannel channel{&app.hub(), fair, [fair](store::Connection& c, Id from, int limit) {
                            std::vector<std::string> out;
                            for (const auto& e : store::LiveRepository(c).events_after(fair, from, limit)) {
                                auto j = nlohmann::json::parse(e.payload, nullptr, false);
                                if (!j.is_object()) continue;
                                j["type"] = e.type;
                                j["id"] = e.id;
                                j["fair_id"] = fair;
                                j["at"] = e.created_at;
                                out.push_back(j.dump());
                            }
                            return out;
                        }};
    co_await run_live_session(std::move(stream), std::move(req), std::move(first), std::move(channel), after, app, db,
                              stopping);
}

asio::awaitable<void> run_live_session(beast::tcp_stream stream, beast::http::request<beast::http::string_body> req,
                                       std::string first, LiveChannel channel, Id after, App& app,
                                       store::DbExecutor& db, const std::atomic<bool>& stopping) {
    auto strand = co_await asio::this_coro::executor;
    stream.expires_never();  // the WebSocket keeps its own timeouts
    {
        // A small send buffer makes a stalled client visible quickly.
        beast::error_code ec;
        stream.socket().set_option(asio::socket_base::send_buffer_size(16 * 1024), ec);
    }
    websocket::stream<beast::tcp_stream> ws(std::move(stream));
    ws.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
    ws.read_message_max(4096);  // the feed only sends; a client's big message closes it (1009), never buffers
    ws.set_option(websocket::stream_base::decorator(
        [](websocket::response_type& res) { res.set(beast::http::field::server, "fairmatch"); }));
    auto [aec] = co_await ws.async_accept(req, tuple_awaitable);
    if (aec) co_return;

    auto listener = std::make_shared<Listener>(strand, app.config().live_queue_limit);
    listener->close_socket = [&ws] {
        beast::error_code ec;
        beast::get_lowest_layer(ws).socket().close(ec);
    };
    channel.hub->subscribe(channel.key, listener);

    // The reader: answers pings (Beast does), notices the close.
    bool peer_gone = false;
    asio::co_spawn(
        strand,
        [&ws, &peer_gone, listener]() -> asio::awaitable<void> {
            beast::flat_buffer buf;
            for (;;) {
                auto [ec, n] = co_await ws.async_read(buf, tuple_awaitable);
                if (ec) break;
                buf.consume(n);
            }
            peer_gone = true;
            listener->wake().cancel();
        },
        asio::detached);

    auto send = [&](const std::string& text) -> asio::awaitable<bool> {
        ws.text(true);
        auto [ec, n] = co_await ws.async_write(asio::buffer(text), tuple_awaitable);
        co_return !ec;
    };

    Id high = after;
    bool ok = co_await send(first);
    if (ok) {
        // Everything stored after `after`: what happened before this
        // connection subscribed (or while the client was away).
        auto backlog = co_await run_on_db<std::vector<std::string>>(db, false, [&channel, after](store::Connection& c) {
            std::vector<std::string> out;
            try {
                out = channel.backlog(c, after, kBacklogLimit);
            } catch (const std::exception& ex) {
                log_line("error", std::string("live backlog: ") + ex.what());
            }
            return out;
        });
        for (const auto& text : backlog) {
            auto j = nlohmann::json::parse(text, nullptr, false);
            Id id = j.value("id", Id{0});
            if (id <= high) continue;
            if (!(ok = co_await send(text))) break;
            high = id;
        }
    }
    while (ok && !peer_gone && !listener->overflow_ && !stopping) {
        if (listener->queue_.empty()) {
            listener->wake().expires_after(std::chrono::seconds(1));
            co_await listener->wake().async_wait(tuple_awaitable);
            continue;
        }
        auto e = listener->queue_.front();
        listener->queue_.pop_front();
        if (e->id <= high) continue;  // already sent with the backlog
        ok = co_await send(e->json);
        high = e->id;
    }
    listener->closed_ = true;
    listener->close_socket = [] {};
    if (listener->overflow_) {
        log_line("warn", "live feed: a client fell too far behind and was disconnected");
    } else if (!peer_gone) {
        auto reason = stopping ? websocket::close_code::going_away : websocket::close_code::normal;
        ws.set_option(websocket::stream_base::timeout{std::chrono::seconds(2), std::chrono::seconds(2), false});
        co_await ws.async_close(reason, tuple_awaitable);
    }
    // The reader coroutine uses `ws`: let it finish before `ws` goes away.
    beast::error_code ec;
    beast::get_lowest_layer(ws).socket().close(ec);
    while (!peer_gone) {
        listener->wake().expires_after(std::chrono::milliseconds(10));
        co_await listener->wake().async_wait(tuple_awaitable);
    }
}

}  // namespace fairmatch::server
