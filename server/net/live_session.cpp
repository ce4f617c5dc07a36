#include "server/net/live_session.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/beast/websocket.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <memory>
#include <mutex>
#include <vector>

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
constexpr int kBacklogLimit = 50000;            // a client further behind starts over with a snapshot
constexpr std::size_t kMaxBuffersPerWrite = 256;  // frames gathered into one write
// After a write, events are gathered this long before the next one: with
// many clients, one write per client per event costs more CPU than the
// machine has (1,000 clients x 200 events/s), while one every 20 ms carries
// all events of the interval. The first event after a quiet spell goes out
// at once; later ones wait at most this long.
constexpr auto kCoalesce = std::chrono::milliseconds(20);
constexpr auto kPingAfter = std::chrono::seconds(150);  // nothing heard from the peer for this long: ping
constexpr auto kIdleLimit = std::chrono::seconds(300);  // ... and for this long: the connection is dead
constexpr std::size_t kMaxControlPayload = 125;
constexpr std::size_t kMaxIgnoredFrame = 4096;  // the feed reads nothing; a larger client frame closes it (1009)

using Clock = std::chrono::steady_clock;

// One connection's subscription. deliver() runs on any thread (the hub's
// publisher): it appends to `pending_` under a small lock and wakes the
// writer only when it is not already due to look, so a burst of events costs
// one wake-up and is written with one gathered write. The queue is bounded:
// a client that falls `limit` events behind is disconnected (and can resume).
class Listener final : public live::Subscriber, public std::enable_shared_from_this<Listener> {
public:
    Listener(asio::any_io_executor strand, std::size_t limit) : strand_(strand), wake_(strand), limit_(limit) {}

    void deliver(std::shared_ptr<const live::Event> e) override {
        bool post_wake = false, post_close = false;
        {
            std::lock_guard lock(mutex_);
            if (closed_ || overflow_) return;
            pending_.push_back(std::move(e));
            if (pending_.size() > limit_) {
                overflow_ = true;
                post_close = true;
            }
            // Half the bound reached: the writer should not wait out its gathering interval.
            post_wake = !wake_posted_ || pending_.size() == half();
            wake_posted_ = true;
        }
        if (post_wake || post_close)
            asio::post(strand_, [self = shared_from_this(), post_close] {
                if (post_close) self->close_socket();
                self->wake_.cancel();
            });
    }

    // Strand only: takes everything queued so far.
    void take(std::vector<std::shared_ptr<const live::Event>>& out) {
        std::lock_guard lock(mutex_);
        out.swap(pending_);
        wake_posted_ = false;
    }
    // The writer is about to wait out its gathering interval and will look
    // then: until it does, deliver() need not wake it (unless half full).
    // Returns false when it should not wait (half full already).
    bool will_look() {
        std::lock_guard lock(mutex_);
        if (pending_.size() >= half()) return false;
        wake_posted_ = true;
        return true;
    }
    bool overflow() {
        std::lock_guard lock(mutex_);
        return overflow_;
    }
    void close() {
        std::lock_guard lock(mutex_);
        closed_ = true;
        pending_.clear();
    }

    // Strand only.
    asio::steady_timer& wake() { return wake_; }
    std::function<void()> close_socket = [] {};

private:
    std::size_t half() const { return limit_ / 2 + 1; }
    asio::any_io_executor strand_;
    asio::steady_timer wake_;
    std::size_t limit_;
    std::mutex mutex_;
    std::vector<std::shared_ptr<const live::Event>> pending_;
    bool wake_posted_ = false;
    bool overflow_ = false;
    bool closed_ = false;
};

std::string control_frame(unsigned char opcode, std::string_view payload) {
    std::string f;
    f.push_back(static_cast<char>(0x80 | opcode));
    f.push_back(static_cast<char>(payload.size()));  // <= 125
    f.append(payload);
    return f;
}

// What the reader hands the writer (strand only).
struct Control {
    std::vector<std::string> frames;  // pongs, the close reply
    bool peer_gone = false;           // the reader ended (close frame, EOF, error or protocol violation)
    bool close_after = false;         // write `frames`, then end the connection
    Clock::time_point last_heard = Clock::now();
};

// Reads the client's frames (RFC 6455 5.2; a client's are masked): answers
// pings, replies to a close, ignores data. The feed expects nothing else.
asio::awaitable<void> read_frames(asio::ip::tcp::socket& sock, Control& ctl, asio::steady_timer& wake) {
    std::vector<unsigned char> buf(4096);
    std::size_t have = 0;
    std::size_t skip = 0;  // payload bytes of an ignored frame still to discard
    for (;;) {
        if (have == buf.size()) break;  // a header or control frame cannot be this long
        auto [ec, n] = co_await sock.async_read_some(asio::buffer(buf.data() + have, buf.size() - have), tuple_awaitable);
        if (ec) break;
        ctl.last_heard = Clock::now();
        have += n;
        std::size_t off = 0;
        bool stop = false;
        while (!stop) {
            if (skip) {
                auto k = std::min(skip, have - off);
                skip -= k;
                off += k;
                if (skip) break;
            }
            if (have - off < 2) break;
            const unsigned char* p = buf.data() + off;
            unsigned opcode = p[0] & 0x0F;
            bool masked = (p[1] & 0x80) != 0;
            std::uint64_t len = p[1] & 0x7F;
            std::size_t head = 2;
            if (len == 126) {
                if (have - off < 4) break;
                len = (std::uint64_t{p[2]} << 8) | p[3];
                head = 4;
            } else if (len == 127) {
                if (have - off < 10) break;
                len = 0;
                for (int i = 0; i < 8; ++i) len = (len << 8) | p[2 + i];
                head = 10;
            }
            head += 4;  // the mask
            bool control = (opcode & 0x8) != 0;
            if (len > kMaxIgnoredFrame) {
                ctl.frames.push_back(control_frame(0x8, "\x03\xf1"));  // 1009 message too big
                ctl.close_after = true;
                stop = true;
                break;
            }
            if (!masked || (p[0] & 0x70) || (control && (len > kMaxControlPayload || !(p[0] & 0x80))) ||
                (opcode > 0x2 && opcode < 0x8) || opcode > 0xA) {
                ctl.frames.push_back(control_frame(0x8, "\x03\xea"));  // 1002 protocol error
                ctl.close_after = true;
                stop = true;
                break;
            }
            if (have - off < head) break;
            if (!control) {  // data: ignored
                off += head;
                skip = static_cast<std::size_t>(len);
                continue;
            }
            if (have - off < head + len) break;
            std::string payload(reinterpret_cast<const char*>(p + head), static_cast<std::size_t>(len));
            for (std::size_t i = 0; i < payload.size(); ++i) payload[i] = static_cast<char>(payload[i] ^ p[head - 4 + i % 4]);
            off += head + static_cast<std::size_t>(len);
            if (opcode == 0x9) {
                ctl.frames.push_back(control_frame(0xA, payload));
            } else if (opcode == 0x8) {  // echo the peer's code, then end
                ctl.frames.push_back(control_frame(0x8, payload.substr(0, std::min<std::size_t>(payload.size(), 2))));
                ctl.close_after = true;
                stop = true;
            }
        }
        wake.cancel();
        if (stop) break;
        std::copy(buf.begin() + static_cast<std::ptrdiff_t>(off), buf.begin() + static_cast<std::ptrdiff_t>(have),
                  buf.begin());
        have -= off;
    }
    ctl.peer_gone = true;
    wake.cancel();
}

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
    stream.expires_never();
    {
        beast::error_code ec;
        // A small send buffer makes a stalled client visible quickly.
        stream.socket().set_option(asio::socket_base::send_buffer_size(16 * 1024), ec);
        stream.socket().set_option(asio::ip::tcp::no_delay(true), ec);
    }
    // Beast does the opening handshake; the frames after it are ours, so
    // that queued events go out in one gathered write (Beast writes one
    // message per operation) from frames encoded once for all connections.
    websocket::stream<beast::tcp_stream> ws(std::move(stream));
    ws.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
    ws.set_option(websocket::stream_base::decorator(
        [](websocket::response_type& res) { res.set(beast::http::field::server, "fairmatch"); }));
    auto [aec] = co_await ws.async_accept(req, tuple_awaitable);
    if (aec) co_return;
    // From here Beast's stream is not used: no timer of its own may close it.
    ws.set_option(websocket::stream_base::timeout{websocket::stream_base::none(), websocket::stream_base::none(), false});
    auto& sock = beast::get_lowest_layer(ws).socket();

    auto listener = std::make_shared<Listener>(strand, app.config().live_queue_limit);
    listener->close_socket = [&sock] {
        beast::error_code ec;
        sock.close(ec);
    };
    channel.hub->subscribe(channel.key, listener);

    Control ctl;
    asio::co_spawn(strand, read_frames(sock, ctl, listener->wake()), asio::detached);

    // Writes at once what the socket takes (usually all: the frames are
    // small), and waits only for the rest.
    beast::error_code nbec;
    sock.non_blocking(true, nbec);
    auto write_all = [&](const std::vector<asio::const_buffer>& bufs) -> asio::awaitable<bool> {
        beast::error_code ec;
        std::size_t n = sock.write_some(bufs, ec);
        if (ec == asio::error::would_block || ec == asio::error::try_again) {
            ec = {};
            n = 0;
        }
        if (ec) co_return false;
        beast::buffers_suffix<std::vector<asio::const_buffer>> rest(bufs);
        rest.consume(n);
        if (beast::buffer_bytes(rest) == 0) co_return true;
        auto [wec, m] = co_await asio::async_write(sock, rest, tuple_awaitable);
        co_return !wec;
    };

    Id high = after;
    std::vector<asio::const_buffer> bufs;
    std::string first_frame = live::text_frame(first);
    bufs.push_back(asio::buffer(first_frame));
    bool ok = co_await write_all(bufs);
    if (ok) {
        // Everything stored after `after`: what happened before this
        // connection subscribed (or while the client was away).
        using Stored = std::vector<std::pair<Id, std::string>>;
        auto backlog = co_await run_on_db<Stored>(db, false, [&channel, after](store::Connection& c) {
            Stored out;
            try {
                for (auto& text : channel.backlog(c, after, kBacklogLimit)) {
                    auto j = nlohmann::json::parse(text, nullptr, false);
                    if (!j.is_object()) continue;
                    out.emplace_back(j.value("id", Id{0}), live::text_frame(text));
                }
            } catch (const std::exception& ex) {
                log_line("error", std::string("live backlog: ") + ex.what());
            }
            return out;
        });
        for (std::size_t i = 0; ok && i < backlog.size();) {
            bufs.clear();
            for (; i < backlog.size() && bufs.size() < kMaxBuffersPerWrite; ++i) {
                if (backlog[i].first <= high) continue;
                bufs.push_back(asio::buffer(backlog[i].second));
                high = backlog[i].first;
            }
            if (!bufs.empty()) ok = co_await write_all(bufs);
        }
    }

    // The writer: control frames first, then every queued event not sent yet.
    std::vector<std::shared_ptr<const live::Event>> batch;
    std::vector<std::string> control;
    bool pinged = false;
    auto next_write = Clock::now();
    while (ok && !stopping && !listener->overflow()) {
        if (!ctl.frames.empty()) {
            control.clear();
            control.swap(ctl.frames);
            bool last = ctl.close_after;
            bufs.clear();
            for (const auto& f : control) bufs.push_back(asio::buffer(f));
            ok = co_await write_all(bufs);
            if (last) break;
            continue;
        }
        if (ctl.peer_gone) break;
        if (Clock::now() < next_write && listener->will_look()) {  // woken early: what arrives meanwhile goes in the same write
            listener->wake().expires_at(next_write);
            co_await listener->wake().async_wait(tuple_awaitable);
            continue;
        }
        listener->take(batch);
        if (batch.empty()) {
            auto quiet = Clock::now() - ctl.last_heard;
            if (quiet >= kIdleLimit) break;
            if (quiet < kPingAfter) {
                pinged = false;
            } else if (!pinged) {
                pinged = true;
                ctl.frames.push_back(control_frame(0x9, "fm"));
                continue;
            }
            listener->wake().expires_after(std::chrono::seconds(1));
            co_await listener->wake().async_wait(tuple_awaitable);
            continue;
        }
        next_write = Clock::now() + kCoalesce;
        for (std::size_t i = 0; ok && i < batch.size();) {
            bufs.clear();
            for (; i < batch.size() && bufs.size() < kMaxBuffersPerWrite; ++i) {
                if (batch[i]->id <= high) continue;  // already sent with the backlog
                bufs.push_back(asio::buffer(batch[i]->frame));
                high = batch[i]->id;
            }
            if (!bufs.empty()) ok = co_await write_all(bufs);
        }
        batch.clear();
    }
    listener->close();
    listener->close_socket = [] {};
    if (listener->overflow()) {
        log_line("warn", "live feed: a client fell too far behind and was disconnected");
    } else if (ok && !ctl.peer_gone) {
        // We end it (shutdown, or a ping unanswered): say why, wait briefly for the reply.
        auto close = control_frame(0x8, stopping ? std::string_view("\x03\xe9") : std::string_view("\x03\xe8"));
        asio::steady_timer guard(strand);
        guard.expires_after(std::chrono::seconds(2));
        guard.async_wait([&sock](beast::error_code ec) {
            if (!ec) {
                beast::error_code ignored;
                sock.close(ignored);
            }
        });
        bufs.assign(1, asio::buffer(close));
        if (co_await write_all(bufs)) {
            while (!ctl.peer_gone && guard.expiry() > Clock::now()) {
                listener->wake().expires_after(std::chrono::milliseconds(50));
                co_await listener->wake().async_wait(tuple_awaitable);
            }
        }
        guard.cancel();
    }
    // The reader coroutine uses `sock` and `ctl`: let it finish before they go away.
    beast::error_code ec;
    sock.shutdown(asio::ip::tcp::socket::shutdown_both, ec);
    sock.close(ec);
    while (!ctl.peer_gone) {
        listener->wake().expires_after(std::chrono::milliseconds(10));
        co_await listener->wake().async_wait(tuple_awaitable);
    }
}

}  // namespace fairmatch::server
