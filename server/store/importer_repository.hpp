#pragma once
#include <optional>

#include "server/domain/types.hpp"
#include "server/store/common.hpp"

namespace fairmatch::server::store {
class Connection;

struct ImporterFilter {
    std::optional<Id> fair;
    std::optional<std::string> country;
    std::optional<std::string> status;
};

class ImporterRepository {
public:
    explicit ImporterRepository(Connection& db) : db_(db) {}
    std::optional<Importer> find(Id id);
    ListResult<Importer> list(const ImporterFilter& filter, const Page& page);
    Id insert(const Importer& i);
    void update(const Importer& i);
    bool remove(Id id);

private:
    Connection& db_;
};
}  // namespace fairmatch::server::store
