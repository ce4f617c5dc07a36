#pragma once
#include <optional>

#include "server/domain/types.hpp"
#include "server/store/common.hpp"

namespace fairmatch::server::store {
class Connection;

struct FairCounts {
    std::int64_t exhibitors = 0;
    std::int64_t importers = 0;
    std::int64_t products = 0;
};

// SQL for fairs. Writers must run inside a transaction of the caller's.
class FairRepository {
public:
    explicit FairRepository(Connection& db) : db_(db) {}
    std::optional<Fair> find(Id id);
    ListResult<Fair> list(const Page& page);
    Id insert(const Fair& fair);  // sets timestamps; returns the new id
    void update(const Fair& fair);  // by id; refreshes updated_at
    FairCounts counts(Id id);
    bool exists(Id id);

private:
    Connection& db_;
};
}  // namespace fairmatch::server::store
