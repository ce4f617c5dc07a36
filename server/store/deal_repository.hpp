#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "server/domain/types.hpp"

namespace fairmatch::server::store {
class Connection;

struct Deal {
    Id id = 0;
    Id fair_id = 0;
    Id exhibitor_id = 0;
    Id importer_id = 0;
    std::optional<Id> meeting_id;
    std::string kind;  // contract | sample_order | negotiation
    Money value;
    std::int64_t usd_cents = 0;
    std::string note;
    std::optional<Id> created_by;
    std::string created_at, updated_at;
    std::string exhibitor_name, importer_name;  // read only
};

struct DealChange {
    Id id = 0;
    std::optional<Id> changed_by;
    std::string before_json, after_json, changed_at;
};

// Deals, their history, and the fair's currency rates.
class DealRepository {
public:
    explicit DealRepository(Connection& db) : db_(db) {}
    std::map<std::string, double> rates(Id fair);
    void set_rates(Id fair, const std::map<std::string, double>& rates);  // replaces all
    Id insert(const Deal& d);
    void update(const Deal& d);
    std::optional<Deal> find(Id id);
    std::vector<Deal> of_profile(Id fair, std::string_view kind, Id profile);
    std::vector<Deal> of_fair(Id fair);
    void add_change(Id deal, std::optional<Id> by, const std::string& before, const std::string& after);
    std::vector<DealChange> history(Id deal);

private:
    Connection& db_;
};

}  // namespace fairmatch::server::store
