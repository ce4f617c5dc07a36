#include "server/live/hub.hpp"

#include <algorithm>
#include <cstdint>

namespace fairmatch::server::live {

std::string text_frame(std::string_view text) {
    std::string f;
    f.reserve(text.size() + 10);
    f.push_back(static_cast<char>(0x81));  // FIN, text
    auto n = static_cast<std::uint64_t>(text.size());
    if (n < 126) {
        f.push_back(static_cast<char>(n));
    } else if (n <= 0xFFFF) {
        f.push_back(static_cast<char>(126));
        f.push_back(static_cast<char>(n >> 8));
        f.push_back(static_cast<char>(n & 0xFF));
    } else {
        f.push_back(static_cast<char>(127));
        for (int shift = 56; shift >= 0; shift -= 8) f.push_back(static_cast<char>((n >> shift) & 0xFF));
    }
    f.append(text);
    return f;
}

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
    auto ev = std::make_shared<Event>(e);
    if (ev->frame.empty()) ev->frame = text_frame(ev->json);
    std::shared_ptr<const Event> shared = std::move(ev);
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
