// Live-feed load client (issue 7), compiled: N WebSocket clients on one
// thread read a fair's live feed while a second thread records deals over
// HTTP at R a second. bench/live_load.py prepares the server (fair, users,
// tokens) and runs this; it can also be pointed at any running server.
//
// Latency of one delivery = time the client read the event's bytes from its
// socket minus the time just before the deal's POST was written (so it
// includes the HTTP request, the SQLite commit and the fan-out: an upper
// bound). Each deal i carries amount 100+i USD, so usd_cents identifies i in
// the event and the send time is known before the response comes back.
//
// Usage: live_load --port P --fair F --token ORGANIZER --seller-token T
//                  --buyer-id B [--server-pid PID] [--clients 1000]
//                  [--rate 200] [--seconds 60]
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <unistd.h>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

struct Options {
    unsigned short port = 0;
    long fair = 0;
    std::string token, seller_token;
    long buyer_id = 0;
    long server_pid = 0;
    int clients = 1000;
    int rate = 200;
    int seconds = 60;
};

long rss_kb(long pid) {
    if (pid <= 0) return 0;
    std::ifstream f("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(f, line))
        if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
    return 0;
}

// CPU seconds (user + system) a process has used so far.
double cpu_seconds(long pid) {
    std::ifstream f(pid > 0 ? "/proc/" + std::to_string(pid) + "/stat" : std::string("/proc/self/stat"));
    std::string all((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    auto close = all.rfind(')');
    if (close == std::string::npos) return 0;
    std::istringstream in(all.substr(close + 2));
    std::string field;
    double ticks = 0;
    for (int i = 3; i <= 15 && in >> field; ++i)
        if (i == 14 || i == 15) ticks += std::stod(field);  // utime, stime
    return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
}

int64_t now_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch()).count();
}

// The integer after `"key":` in a flat JSON object, or -1.
long long json_int(std::string_view s, std::string_view quoted_key) {
    auto p = s.find(quoted_key);
    if (p == std::string_view::npos) return -1;
    p += quoted_key.size();
    while (p < s.size() && (s[p] == ' ' || s[p] == ':')) ++p;
    long long v = 0;
    bool any = false;
    while (p < s.size() && s[p] >= '0' && s[p] <= '9') v = v * 10 + (s[p++] - '0'), any = true;
    return any ? v : -1;
}

// One dashboard: reads raw frames (the server's are unmasked), answers pings.
struct Feed {
    explicit Feed(asio::io_context& io) : sock(io) {}
    tcp::socket sock;
    std::vector<char> buf = std::vector<char>(64 * 1024);
    std::size_t have = 0;
    long long last_id = -1;
    bool in_order = true;
    bool closed = false;
    std::vector<bool> got;  // by deal index
    long duplicates = 0;
    long deals = 0;
};

struct Shared {
    std::vector<std::atomic<int64_t>> sent_ns;  // by deal index; 0 = not sent
    std::vector<int64_t> acked_ns;              // by deal index: its 201 was read (responses thread)
    std::vector<float> latencies_ms;            // reader thread only: since the POST was written
    std::vector<uint32_t> latency_deal;         // ... and the deal index of each
    int total = 0;
    explicit Shared(int n) : sent_ns(static_cast<std::size_t>(n)), acked_ns(static_cast<std::size_t>(n), 0), total(n) {
        for (auto& s : sent_ns) s.store(0);
    }
};

void handle_message(Feed& f, Shared& sh, std::string_view text, int64_t t) {
    if (std::getenv("LIVE_LOAD_DEBUG")) std::fprintf(stderr, "%.*s\n", int(text.size()), text.data());
    if (text.find("\"type\":\"deal\"") == std::string_view::npos) return;
    auto id = json_int(text, "\"id\"");
    auto cents = json_int(text, "\"usd_cents\"");
    if (f.last_id >= 0 && id != f.last_id + 1) f.in_order = false;
    f.last_id = id;
    ++f.deals;
    long long i = cents - 100;  // amounts are in cents
    if (cents < 0 || i < 0 || i >= sh.total) return;
    if (f.got[static_cast<std::size_t>(i)]) ++f.duplicates;
    f.got[static_cast<std::size_t>(i)] = true;
    auto s = sh.sent_ns[static_cast<std::size_t>(i)].load(std::memory_order_acquire);
    if (s > 0) {
        sh.latencies_ms.push_back(static_cast<float>((t - s) / 1e6));
        sh.latency_deal.push_back(static_cast<uint32_t>(i));
    }
}

// Parses whole frames from f.buf; keeps a partial one.
void parse(Feed& f, Shared& sh, int64_t t) {
    std::size_t off = 0;
    for (;;) {
        if (f.have - off < 2) break;
        auto* p = reinterpret_cast<unsigned char*>(f.buf.data() + off);
        unsigned op = p[0] & 0x0F;
        uint64_t n = p[1] & 0x7F;
        std::size_t h = 2;
        if (n == 126) {
            if (f.have - off < 4) break;
            n = (uint64_t(p[2]) << 8) | p[3];
            h = 4;
        } else if (n == 127) {
            if (f.have - off < 10) break;
            n = 0;
            for (int k = 0; k < 8; ++k) n = (n << 8) | p[2 + k];
            h = 10;
        }
        if (f.have - off < h + n) {
            if (h + n > f.buf.size()) f.buf.resize(h + n);
            break;
        }
        std::string_view payload(f.buf.data() + off + h, n);
        if (op == 0x1) {
            handle_message(f, sh, payload, t);
        } else if (op == 0x9) {  // ping -> masked pong
            std::string pong;
            pong.push_back(char(0x8A));
            pong.push_back(char(0x80 | n));
            const char mask[4] = {1, 2, 3, 4};
            pong.append(mask, 4);
            for (std::size_t k = 0; k < n; ++k) pong.push_back(char(payload[k] ^ mask[k % 4]));
            beast::error_code ec;
            asio::write(f.sock, asio::buffer(pong), ec);
        } else if (op == 0x8) {
            f.closed = true;
        }
        off += h + n;
    }
    if (off) {
        std::memmove(f.buf.data(), f.buf.data() + off, f.have - off);
        f.have -= off;
    }
}

void start_read(Feed& f, Shared& sh) {
    f.sock.async_read_some(asio::buffer(f.buf.data() + f.have, f.buf.size() - f.have),
                           [&f, &sh](beast::error_code ec, std::size_t n) {
                               if (ec) {
                                   f.closed = true;
                                   return;
                               }
                               f.have += n;
                               parse(f, sh, now_ns());
                               if (!f.closed) start_read(f, sh);
                           });
}

bool connect_feed(Feed& f, const Options& o) {
    f.sock.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), o.port));
    f.sock.set_option(tcp::no_delay(true));
    std::string req = "GET /api/v1/fairs/" + std::to_string(o.fair) +
                      "/live HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(o.port) +
                      "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                      "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                      "Authorization: Bearer " + o.token + "\r\n\r\n";
    asio::write(f.sock, asio::buffer(req));
    std::string head;
    while (head.find("\r\n\r\n") == std::string::npos) {
        auto n = f.sock.read_some(asio::buffer(f.buf.data() + f.have, f.buf.size() - f.have));
        head.append(f.buf.data() + f.have, n);
        if (head.size() > 16384) return false;
    }
    auto end = head.find("\r\n\r\n") + 4;
    if (head.rfind("HTTP/1.1 101", 0) != 0) {
        std::cerr << "upgrade refused: " << head.substr(0, head.find("\r\n")) << "\n";
        return false;
    }
    // Bytes after the response head are the first frames (the snapshot).
    f.have = head.size() - end;
    std::memcpy(f.buf.data(), head.data() + end, f.have);
    return true;
}

// Records deal i at start + i/rate: requests are written on schedule over
// one keep-alive connection (pipelined, so a slow server does not slow the
// schedule down) while another thread reads the responses.
void produce(const Options& o, Shared& sh, std::atomic<int>& ok, std::atomic<bool>& done) {
    asio::io_context io;
    tcp::socket s(io);
    s.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), o.port));
    s.set_option(tcp::no_delay(true));
    std::thread responses([&] {
        beast::flat_buffer b;
        beast::error_code ec;
        for (int i = 0; i < sh.total; ++i) {
            bhttp::response<bhttp::string_body> res;
            bhttp::read(s, b, res, ec);
            if (ec) {
                std::cerr << "generator: " << ec.message() << "\n";
                break;
            }
            if (res.result_int() == 201) {
                sh.acked_ns[static_cast<std::size_t>(i)] = now_ns();
                ok.fetch_add(1);
            } else {  // no event to expect for this one
                sh.sent_ns[static_cast<std::size_t>(i)].store(-1);
                std::cerr << "deal: " << res.result_int() << " " << res.body() << "\n";
            }
        }
    });
    auto start = Clock::now();
    for (int i = 0; i < sh.total; ++i) {
        std::this_thread::sleep_until(start + std::chrono::nanoseconds(int64_t(1e9) * i / o.rate));
        bhttp::request<bhttp::string_body> req{bhttp::verb::post, "/api/v1/fairs/" + std::to_string(o.fair) + "/deals",
                                               11};
        req.set(bhttp::field::host, "127.0.0.1");
        req.set(bhttp::field::authorization, "Bearer " + o.seller_token);
        req.set(bhttp::field::content_type, "application/json");
        req.body() = "{\"counterpart_id\":" + std::to_string(o.buyer_id) +
                     ",\"kind\":\"negotiation\",\"value\":{\"amount\":" + std::to_string(100 + i) +
                     ",\"currency\":\"USD\"}}";
        req.prepare_payload();
        sh.sent_ns[static_cast<std::size_t>(i)].store(now_ns(), std::memory_order_release);
        bhttp::write(s, req);
    }
    auto sent_secs = std::chrono::duration<double>(Clock::now() - start).count();
    responses.join();
    auto secs = std::chrono::duration<double>(Clock::now() - start).count();
    std::printf("generator: %d deals sent in %.1f s (%.0f/s), %d recorded (201) after %.1f s\n", sh.total, sent_secs,
                sh.total / sent_secs, ok.load(), secs);
    done = true;
}

bool parse_args(int argc, char** argv, Options& o) {
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string k = argv[i], v = argv[i + 1];
        if (k == "--port") o.port = static_cast<unsigned short>(std::stoi(v));
        else if (k == "--fair") o.fair = std::stol(v);
        else if (k == "--token") o.token = v;
        else if (k == "--seller-token") o.seller_token = v;
        else if (k == "--buyer-id") o.buyer_id = std::stol(v);
        else if (k == "--server-pid") o.server_pid = std::stol(v);
        else if (k == "--clients") o.clients = std::stoi(v);
        else if (k == "--rate") o.rate = std::stoi(v);
        else if (k == "--seconds") o.seconds = std::stoi(v);
        else return false;
    }
    return o.port && o.fair && !o.token.empty() && !o.seller_token.empty() && o.buyer_id && o.rate > 0;
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    if (!parse_args(argc, argv, o)) {
        std::cerr << "usage: live_load --port P --fair F --token T --seller-token T --buyer-id B "
                     "[--server-pid PID] [--clients N] [--rate R] [--seconds S]\n";
        return 2;
    }
    Shared sh(o.rate * o.seconds);
    sh.latencies_ms.reserve(static_cast<std::size_t>(sh.total) * o.clients);
    sh.latency_deal.reserve(static_cast<std::size_t>(sh.total) * o.clients);
    asio::io_context io;
    long rss_before = rss_kb(o.server_pid);
    std::vector<std::unique_ptr<Feed>> feeds;
    for (int c = 0; c < o.clients; ++c) {
        feeds.push_back(std::make_unique<Feed>(io));
        feeds.back()->got.assign(static_cast<std::size_t>(sh.total), false);
        if (!connect_feed(*feeds.back(), o)) return 1;
    }
    for (auto& f : feeds) {
        parse(*f, sh, now_ns());
        start_read(*f, sh);
    }
    // Let the server settle, then read its memory with everyone connected.
    io.run_for(std::chrono::seconds(1));
    long rss_connected = rss_kb(o.server_pid);

    std::atomic<int> ok{0};
    std::atomic<bool> done{false};
    double server_cpu0 = cpu_seconds(o.server_pid), client_cpu0 = cpu_seconds(0);
    auto run_start = Clock::now();
    std::thread producer([&] { produce(o, sh, ok, done); });
    while (!done) io.run_for(std::chrono::milliseconds(100));
    producer.join();
    // Drain: until every client has every recorded deal, at most 10 s.
    auto drain_end = Clock::now() + std::chrono::seconds(10);
    while (Clock::now() < drain_end) {
        io.run_for(std::chrono::milliseconds(100));
        bool all = std::all_of(feeds.begin(), feeds.end(), [&](auto& f) { return f->closed || f->deals >= ok.load(); });
        if (all) break;
    }
    long rss_after = rss_kb(o.server_pid);
    double wall = std::chrono::duration<double>(Clock::now() - run_start).count();
    double server_cpu = cpu_seconds(o.server_pid) - server_cpu0, client_cpu = cpu_seconds(0) - client_cpu0;

    int complete = 0, closed = 0;
    long dups = 0;
    for (auto& f : feeds) {
        bool every = true;
        for (int i = 0; i < sh.total; ++i)
            if (sh.sent_ns[static_cast<std::size_t>(i)].load() > 0 && !f->got[static_cast<std::size_t>(i)]) every = false;
        if (every && f->in_order && !f->closed && f->duplicates == 0) ++complete;
        closed += f->closed;
        dups += f->duplicates;
    }
    // The same deliveries measured from the POST's response instead (the
    // write known complete; an event read before its response counts 0).
    std::vector<float> from_ack(sh.latencies_ms.size());
    for (std::size_t k = 0; k < from_ack.size(); ++k) {
        auto i = sh.latency_deal[k];
        double ack_after_send = double(sh.acked_ns[i] - sh.sent_ns[i].load()) / 1e6;
        from_ack[k] = std::max(0.0f, sh.latencies_ms[k] - static_cast<float>(ack_after_send));
    }
    std::sort(from_ack.begin(), from_ack.end());
    auto& l = sh.latencies_ms;
    std::sort(l.begin(), l.end());
    auto pct_of = [](const std::vector<float>& v, double p) {
        if (v.empty()) return 0.0;
        auto k = std::min(v.size() - 1, static_cast<std::size_t>(p / 100.0 * static_cast<double>(v.size())));
        return static_cast<double>(v[k]);
    };
    auto pct = [&](double p) { return pct_of(l, p); };
    std::printf("clients %d, events %d in %d s, deliveries %zu (expected %ld)\n", o.clients, ok.load(), o.seconds,
                l.size(), long(ok.load()) * o.clients);
    std::printf("delivery latency ms (POST written -> event read): p50 %.2f  p95 %.2f  p99 %.2f  max %.2f\n", pct(50),
                pct(95), pct(99), pct(100));
    std::printf("delivery latency ms (201 read -> event read):    p50 %.2f  p95 %.2f  p99 %.2f  max %.2f\n",
                pct_of(from_ack, 50), pct_of(from_ack, 95), pct_of(from_ack, 99), pct_of(from_ack, 100));
    std::printf("clients that got every event, in order, no repeats: %d of %d (closed %d, duplicates %ld)\n", complete,
                o.clients, closed, dups);
    std::printf("CPU during the run (%.1f s): server %.1f s, this client %.1f s\n", wall, server_cpu, client_cpu);
    if (o.server_pid > 0)
        std::printf("server RSS: %ld MB before, %ld MB with clients connected (%.1f KB per client), %ld MB at the end\n",
                    rss_before / 1024, rss_connected / 1024, double(rss_connected - rss_before) / o.clients,
                    rss_after / 1024);
    for (auto& f : feeds) {
        beast::error_code ec;
        f->sock.close(ec);
    }
    return complete == o.clients ? 0 : 3;
}
