#pragma once
#include <optional>
#include <string>
#include <vector>

#include "server/domain/types.hpp"

namespace fairmatch::server::store {
class Connection;

// Inputs of the matching engine and what people keep from it: every
// approved profile of a fair, the fair's weights, importers' shortlists.
class MatchingRepository {
public:
    explicit MatchingRepository(Connection& db) : db_(db) {}
    std::vector<Exhibitor> approved_exhibitors(Id fair);  // ordered by id
    std::vector<Importer> approved_importers(Id fair);    // ordered by id
    std::optional<std::string> weights_json(Id fair);
    void save_weights(Id fair, const std::string& json);
    // The caller's approved (or any) profile in a fair, by owner.
    std::optional<Id> exhibitor_of(Id user, Id fair);
    std::optional<Id> importer_of(Id user, Id fair);

    std::vector<std::pair<Id, std::string>> shortlist(Id user);  // exhibitor id, note
    void add_to_shortlist(Id user, Id exhibitor, const std::string& note);
    bool remove_from_shortlist(Id user, Id exhibitor);

private:
    Connection& db_;
};
}  // namespace fairmatch::server::store
