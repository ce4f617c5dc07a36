#pragma once
// One engine population per fair, rebuilt when anything was written since
// it was built. Thread-safe; a build runs outside the lock.

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>

#include "server/recommend/fair_population.hpp"

namespace fairmatch::server::recommend {

class PopulationCache {
public:
    // Call after every committed write (any table): cached fairs go stale.
    void bump() noexcept { generation_.fetch_add(1, std::memory_order_acq_rel); }

    // The fair's population, built by `build` when missing or stale.
    std::shared_ptr<const FairPopulation> get(Id fair, const std::function<std::shared_ptr<const FairPopulation>()>& build) {
        auto gen = generation_.load(std::memory_order_acquire);
        {
            std::lock_guard lock(mutex_);
            auto it = entries_.find(fair);
            if (it != entries_.end() && it->second.generation == gen) return it->second.value;
        }
        auto value = build();
        std::lock_guard lock(mutex_);
        auto& e = entries_[fair];
        if (e.generation <= gen) e = {gen, value};
        return value;
    }

private:
    struct Entry {
        std::uint64_t generation = 0;
        std::shared_ptr<const FairPopulation> value;
    };
    std::atomic<std::uint64_t> generation_{1};
    std::mutex mutex_;
    std::map<Id, Entry> entries_;
};

}  // namespace fairmatch::server::recommend
