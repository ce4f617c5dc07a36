#include "server/live/hub.hpp"

#include <algorithm>

namespace fairmatch::server::live {

void Hub::subscribe(Id fair, const std::shared_ptr<Subscriber>& s) {
    std::lock_guard lock(mutex_);
    auto& list = by_fair_[fair];
    std::erase_if(list, [](const std::weak_ptr<Subscriber>& w) { return w.expired(); });
    list.push_back(s);
}

void Hub::publish(const Event& e) {
    std::vector<std::shared_ptr<Subscriber>> targets;
    {
        std::lock_guard lock(mutex_);
        auto it = by_fair_.find(e.fair_id);
        if (it == by_fair_.end()) return;
        for (auto& w : it->second)
            if (auto s = w.lock()) targets.push_back(std::move(s));
    }
    auto shared = std::make_shared<const Event>(e);
    for (auto& t : targets) t->deliver(shared);
}

std::size_t Hub::subscribers(Id fair) {
    std::lock_guard lock(mutex_);
    auto it = by_fair_.find(fair);
    if (it == by_fair_.end()) return 0;
    return static_cast<std::size_t>(
        std::count_if(it->second.begin(), it->second.end(), [](const auto& w) { return !w.expired(); }));
}

}  // namespace fairmatch::server::live
