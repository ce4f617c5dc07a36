#pragma once
// Request counters and latency histograms by route, rendered in the
// Prometheus text format. Thread-safe.

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace fairmatch::server {

class Metrics {
public:
    static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                        0.05,   0.1,   0.25,   0.5,   1.0,  2.5};
    // `route` must outlive the Metrics (a route's name or a string literal).
    void record(std::string_view route, int status, double seconds);
    void connection_opened() { open_connections_.fetch_add(1); }
    void connection_closed() { open_connections_.fetch_sub(1); }
    std::int64_t open_connections() const { return open_connections_.load(); }
    // `db_queue_depth` is read by the caller from the DB executor.
    std::string render(std::size_t db_queue_depth) const;

private:
    struct Histogram {
        std::array<std::uint64_t, kBuckets.size()> buckets{};
        std::uint64_t count = 0;
        double sum = 0;
    };
    mutable std::mutex mutex_;
    std::map<std::pair<std::string_view, int>, std::uint64_t> requests_;
    std::map<std::string_view, Histogram> latency_;
    std::atomic<std::int64_t> open_connections_{0};
};

}  // namespace fairmatch::server
