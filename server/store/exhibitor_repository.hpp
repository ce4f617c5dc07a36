#pragma once
#include <optional>

#include "server/domain/types.hpp"
#include "server/store/common.hpp"

namespace fairmatch::server::store {
class Connection;

struct ExhibitorFilter {
    std::optional<Id> fair;
    std::optional<std::string> province;
    std::optional<std::string> category;
    std::optional<std::string> status;  // pending|approved|rejected
};

class ExhibitorRepository {
public:
    explicit ExhibitorRepository(Connection& db) : db_(db) {}
    std::optional<Exhibitor> find(Id id);
    ListResult<Exhibitor> list(const ExhibitorFilter& filter, const Page& page);
    Id insert(const Exhibitor& e);
    void update(const Exhibitor& e);
    bool remove(Id id);  // cascades to products and photos rows

private:
    Connection& db_;
};
}  // namespace fairmatch::server::store
