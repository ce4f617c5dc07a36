#pragma once
// The live hub: who listens to which fair's feed. Knows nothing of sockets:
// a subscriber is anything that can take a message (net/ws_session.cpp
// posts it to its connection's strand and bounds its queue). Thread-safe;
// publish() copies the subscriber list under the lock and delivers outside.

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "server/domain/types.hpp"

namespace fairmatch::server::live {

struct Event {
    Id id = 0;        // the events table's id
    Id fair_id = 0;
    std::string json;  // the message as sent: {"type": ..., "id": ..., ...}
};

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
