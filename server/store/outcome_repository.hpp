#pragma once
#include <optional>
#include <string>
#include <vector>

#include "server/domain/types.hpp"

namespace fairmatch::server::store {
class Connection;

struct Lead {
    Id id = 0;
    Id importer_id = 0;
    std::string importer_name, country, note;
    std::int64_t created_at = 0;
};

// What happened at meetings (held or no-show, feedback) and exhibitors' leads.
class OutcomeRepository {
public:
    explicit OutcomeRepository(Connection& db) : db_(db) {}
    void set_outcome(Id meeting, std::string_view outcome, std::optional<std::string> absent_side, Id by,
                     std::int64_t now);
    std::optional<std::pair<std::string, std::string>> outcome(Id meeting);  // outcome, absent side
    void set_feedback(Id meeting, std::string_view side, std::int64_t rating, std::string_view comment,
                      std::int64_t now);
    // False when the exhibitor already had this lead (the note is updated).
    bool add_lead(Id fair, Id exhibitor, Id importer, std::string_view note, std::int64_t now);
    std::vector<Lead> leads(Id exhibitor);

private:
    Connection& db_;
};

}  // namespace fairmatch::server::store
