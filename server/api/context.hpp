#pragma once
#include <stdexcept>

#include "server/app.hpp"
#include "server/auth/identity.hpp"
#include "server/live/hub.hpp"
#include <vector>
#include "server/http/message.hpp"

namespace fairmatch::server {

namespace store {
class Connection;
}

// What a handler receives. `db` is the connection of the DB thread it runs
// on: read-only for DbMode::read routes, the writer for DbMode::write.
struct Context {
    http::Request& req;
    store::Connection* db_conn;
    App& app;
    const auth::Identity& who;  // anonymous when user_id == 0
    // Live events appended by this request (in its transaction); App
    // publishes them to the feed once the handler returned successfully.
    std::vector<live::Event> published = {};
    // Participants' notifications stored by this request, for the personal
    // hub (Event::fair_id is the channel key, live::personal_channel).
    std::vector<live::Event> notified = {};

    store::Connection& db() const {
        if (!db_conn) throw std::logic_error("route declared without database access");
        return *db_conn;
    }
};

}  // namespace fairmatch::server
