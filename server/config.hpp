#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace fairmatch::server {

// Settings of one `fairmatch serve` process.
struct Config {
    std::string db_path;
    std::string host = "127.0.0.1";
    unsigned short port = 8080;
    int io_threads = 2;
    int db_readers = 2;
    std::string web_root = "web";
    std::string data_dir;  // photos live in data_dir/photos; default: the db file's folder
    std::size_t max_header_bytes = 16 * 1024;
    std::size_t max_body_bytes = 1024 * 1024;        // JSON bodies
    std::size_t max_upload_bytes = 8 * 1024 * 1024;  // photo uploads
    int read_timeout_seconds = 15;   // a whole request, and an idle keep-alive
    int write_timeout_seconds = 30;
    int max_connections = 2048;
    int shutdown_grace_seconds = 10;
    std::size_t live_queue_limit = 1024;  // messages queued per live-feed client before it is dropped
    int live_tick_seconds = 15;  // the live timer: 10-minute reminders, unconfirmed meetings; 0 = off
    // Accounts.
    std::int64_t session_absolute_seconds = 14 * 24 * 3600;
    std::int64_t session_idle_seconds = 24 * 3600;
    bool secure_cookies = false;  // set when served behind TLS
    std::string public_url = "http://127.0.0.1:8080";  // for links in outbox messages
};

}  // namespace fairmatch::server
