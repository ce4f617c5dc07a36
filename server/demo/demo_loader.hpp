#pragma once
#include "server/demo/demo_fair.hpp"

namespace fairmatch::server::store {
class Connection;
}

namespace fairmatch::server::demo {

struct LoadResult {
    Id fair_id = 0;
    std::size_t exhibitors = 0;
    std::size_t importers = 0;
    std::size_t products = 0;
    bool already_present = false;
};

// Inserts the population through the repositories in one transaction (all
// or nothing). When a fair with the same English name exists already,
// nothing is written and already_present is set.
LoadResult load(store::Connection& db, const Population& population);

}  // namespace fairmatch::server::demo
