#pragma once
// The live hub: who listens to which fair's feed. Knows nothing of sockets:
// a subscriber is anything that can take a message (net/live_session.cpp
// queues it for its connection and bounds the queue). Thread-safe;
// publish() copies the subscriber list under the lock and delivers outside.
// Each event is encoded once, as a WebSocket text frame too, and the same
// immutable Event is shared by every subscriber.

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "server/domain/types.hpp"

namespace fairmatch::server::live {

struct Event {
    Id id = 0;        // the events table's id
    Id fair_id = 0;
    std::string json;  // the message as sent: {"type": ..., "id": ..., ...}
    std::string frame;  // `json` as one unmasked WebSocket text frame (publish() fills it)
};

// `text` as one final, unmasked WebSocket text frame (server to client).
std::string text_frame(std::string_view text);

class Subscriber {
public:
    virtual ~Subscriber() = default;
    // Called from any thread; must not block.
    virtual void deliver(std::shared_ptr<const Event> event) = 0;
};

class Hub {
public:
    void subscribe(Id fair, const std::shared_ptr<Subscriber>& s);
    void publish(const Event& e);
    std::size_t subscribers(Id fair);

private:
    std::mutex mutex_;
    std::unordered_map<Id, std::vector<std::weak_ptr<Subscriber>>> by_fair_;
};

}  // namespace fairmatch::server::live
