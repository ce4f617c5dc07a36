#include "server/live/ticker.hpp"

#include <chrono>
#include <string>

#include "server/live/personal.hpp"
#include "server/log.hpp"
#include "server/meetings/grid.hpp"
#include "server/store/common.hpp"
#include "server/store/db_executor.hpp"
#include "server/store/notification_repository.hpp"
#include "server/store/sqlite.hpp"

namespace fairmatch::server::live {

TickResult tick(store::Connection& db, std::int64_t now) {
    TickResult out;
    store::Transaction tx(db);
    store::NotificationRepository repo(db);
    for (const auto& m : repo.starting_between(now, now + kReminderLeadSeconds)) {
        auto minutes = (m.starts_at - now + 59) / 60;
        for (bool importer : {true, false}) {
            nlohmann::json payload = {
                {"meeting_id", m.id},
                {"start", meetings::iso_utc(m.starts_at)},
                {"end", meetings::iso_utc(m.ends_at)},
                {"minutes", minutes},
                {"location_kind", m.location_kind},
                {"location", m.location},
                {"counterpart",
                 {{"kind", importer ? "exhibitor" : "importer"},
                  {"id", importer ? m.exhibitor_id : m.importer_id},
                  {"name", importer ? m.exhibitor_name : m.importer_name}}}};
            // Once per meeting and version: a meeting moved later gets a new reminder.
            auto key = "next_meeting:" + std::to_string(m.id) + ":" + std::to_string(m.sequence);
            if (auto e = store_notification(db, m.fair_id, importer ? "importer" : "exhibitor",
                                            importer ? m.importer_id : m.exhibitor_id, "next_meeting", payload, key, now))
                out.personal.push_back(std::move(*e));
        }
    }
    for (const auto& m : repo.newly_unconfirmed(now)) {
        repo.flag_unconfirmed(m.id, now);
        out.organizer.push_back(store_event(db, m.fair_id, "meeting_unconfirmed",
                                            {{"meeting_id", m.id},
                                             {"slot", m.slot},
                                             {"end", meetings::iso_utc(m.ends_at)},
                                             {"location", m.location},
                                             {"importer", {{"id", m.importer_id}, {"name", m.importer_name}}},
                                             {"exhibitor", {{"id", m.exhibitor_id}, {"name", m.exhibitor_name}}}},
                                            now));
    }
    tx.commit();
    return out;
}

Ticker::Ticker(store::DbExecutor& db, Hub& organizer, Hub& personal, int interval_seconds)
    : db_(db), organizer_(organizer), personal_(personal), interval_(interval_seconds) {
    thread_ = std::thread([this] { loop(); });
}

Ticker::~Ticker() { stop(); }

void Ticker::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void Ticker::loop() {
    std::unique_lock lock(mutex_);
    for (;;) {
        lock.unlock();
        // The job publishes after its commit; the next pass starts a full interval later.
        db_.submit_write(store::make_job([this](store::Connection& db) {
            try {
                auto r = tick(db, store::unix_now());
                for (const auto& e : r.organizer) organizer_.publish(e);
                for (const auto& e : r.personal) personal_.publish(e);
            } catch (const std::exception& e) {
                log_line("error", std::string("live timer: ") + e.what());
            }
        }));
        lock.lock();
        if (cv_.wait_for(lock, std::chrono::seconds(interval_), [this] { return stopping_; })) return;
    }
}

}  // namespace fairmatch::server::live
