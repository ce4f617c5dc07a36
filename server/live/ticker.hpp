#pragma once
// The live timer: every few seconds one write job on the DB executor sends
// the "next meeting in 10 minutes" reminders that are due and flags
// meetings left without an outcome past the fair's grace period. What was
// sent is stored (a reminder's dedupe key, a meeting's flag), so a restart
// neither repeats nor loses anything still due.

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

#include "server/live/hub.hpp"

namespace fairmatch::server {
namespace store {
class Connection;
class DbExecutor;
}  // namespace store
namespace live {

inline constexpr std::int64_t kReminderLeadSeconds = 10 * 60;

struct TickResult {
    std::vector<Event> organizer;  // for the fairs' feeds
    std::vector<Event> personal;   // for participants' channels
};

// One pass, in its own write transaction (the timer's job; tests call it too).
TickResult tick(store::Connection& db, std::int64_t now);

class Ticker {
public:
    Ticker(store::DbExecutor& db, Hub& organizer, Hub& personal, int interval_seconds);
    ~Ticker();
    Ticker(const Ticker&) = delete;
    Ticker& operator=(const Ticker&) = delete;
    void stop();  // idempotent; waits for the thread

private:
    void loop();

    store::DbExecutor& db_;
    Hub& organizer_;
    Hub& personal_;
    int interval_;
    std::mutex mutex_;
    std::condition_variable cv_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace live
}  // namespace fairmatch::server
