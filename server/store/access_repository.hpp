#pragma once
#include <optional>

#include "server/domain/types.hpp"

namespace fairmatch::server::store {
class Connection;

// Who owns a resource and which fair it belongs to.
struct Ownership {
    std::optional<Id> owner_user_id;
    std::optional<Id> second_owner_user_id;  // a meeting has two parties
    Id fair_id = 0;
};

// The lookups the access policy needs.
class AccessRepository {
public:
    explicit AccessRepository(Connection& db) : db_(db) {}
    std::optional<Ownership> exhibitor(Id id);
    std::optional<Ownership> importer(Id id);
    std::optional<Ownership> product(Id id);
    std::optional<Ownership> photo(Id id);
    std::optional<Ownership> meeting(Id id);  // its importer's and exhibitor's accounts
    std::optional<Id> api_token_user(Id id);
    std::optional<Id> session_user(Id id);
    std::optional<Id> deal_owner(Id id);  // the user who recorded the deal
    bool fair_exists(Id fair_id);
    bool is_fair_organizer(Id fair_id, Id user_id);
    void add_fair_organizer(Id fair_id, Id user_id);
    std::vector<Id> fairs_organized_by(Id user_id);

    struct Profile {
        std::string kind;  // exhibitor | importer
        Id id = 0;
        Id fair_id = 0;
        std::string name, status, status_reason;
    };
    std::vector<Profile> profiles_of(Id user_id);

private:
    std::optional<Ownership> ownership(const char* sql, Id id);
    Connection& db_;
};

// Organizer actions, as who did what to which record, before and after.
struct AuditEntry {
    Id id = 0;
    std::optional<Id> fair_id;
    std::optional<Id> actor_user_id;
    std::string actor_email;
    std::string action;  // e.g. "exhibitor.update", "participant.approve"
    std::string entity;  // "exhibitor", "fair", ...
    std::optional<Id> entity_id;
    std::string before_json;  // "" when none
    std::string after_json;
    std::string created_at;
};

class AuditRepository {
public:
    explicit AuditRepository(Connection& db) : db_(db) {}
    void record(const AuditEntry& e);
    std::vector<AuditEntry> for_fair(Id fair_id, int limit, int offset, std::int64_t& total);

private:
    Connection& db_;
};

}  // namespace fairmatch::server::store
