#include "server/metrics.hpp"

#include <sstream>

namespace fairmatch::server {

void Metrics::record(std::string_view route, int status, double seconds) {
    std::lock_guard lock(mutex_);
    ++requests_[{route, status}];
    auto& h = latency_[route];
    for (std::size_t i = 0; i < kBuckets.size(); ++i)
        if (seconds <= kBuckets[i]) ++h.buckets[i];
    ++h.count;
    h.sum += seconds;
}

std::string Metrics::render(std::size_t db_queue_depth) const {
    std::ostringstream out;
    std::lock_guard lock(mutex_);
    out << "# HELP fairmatch_http_requests_total HTTP requests by route and status.\n"
        << "# TYPE fairmatch_http_requests_total counter\n";
    for (const auto& [key, n] : requests_)
        out << "fairmatch_http_requests_total{route=\"" << key.first << "\",status=\"" << key.second << "\"} " << n
            << "\n";
    out << "# HELP fairmatch_http_request_duration_seconds Time from request read to response ready.\n"
        << "# TYPE fairmatch_http_request_duration_seconds histogram\n";
    for (const auto& [route, h] : latency_) {
        for (std::size_t i = 0; i < kBuckets.size(); ++i)
            out << "fairmatch_http_request_duration_seconds_bucket{route=\"" << route << "\",le=\"" << kBuckets[i]
                << "\"} " << h.buckets[i] << "\n";
        out << "fairmatch_http_request_duration_seconds_bucket{route=\"" << route << "\",le=\"+Inf\"} " << h.count
            << "\n";
        out << "fairmatch_http_request_duration_seconds_sum{route=\"" << route << "\"} " << h.sum << "\n";
        out << "fairmatch_http_request_duration_seconds_count{route=\"" << route << "\"} " << h.count << "\n";
    }
    out << "# HELP fairmatch_open_connections Open client connections.\n"
        << "# TYPE fairmatch_open_connections gauge\n"
        << "fairmatch_open_connections " << open_connections_.load() << "\n";
    out << "# HELP fairmatch_db_queue_depth Database jobs waiting for a connection.\n"
        << "# TYPE fairmatch_db_queue_depth gauge\n"
        << "fairmatch_db_queue_depth " << db_queue_depth << "\n";
    return out.str();
}

}  // namespace fairmatch::server
