#pragma once
#include <optional>
#include <set>
#include <utility>
#include <string>
#include <string_view>
#include <vector>

#include "server/domain/types.hpp"
#include "server/store/common.hpp"

namespace fairmatch::server::store {
class Connection;

// The two sides of a meeting.
enum class Side { importer, exhibitor };
std::string_view to_string(Side s);

// A participant's profile in one fair.
struct Participant {
    Side side = Side::importer;
    Id id = 0;
    Id fair_id = 0;
    std::string status;  // pending | approved | rejected
};

struct MeetingRequest {
    Id id = 0;
    Id fair_id = 0;
    Id importer_id = 0;
    std::string importer_name, importer_country;
    std::optional<Id> importer_owner;
    Id exhibitor_id = 0;
    std::string exhibitor_name, exhibitor_name_en;
    std::optional<std::string> exhibitor_booth;
    std::optional<Id> exhibitor_owner;
    Side requested_by = Side::importer;
    std::string priority;  // must_meet | would_like
    std::string message;
    // pending | accepted | declined | cancelled | expired; a pending request
    // past the fair's deadline reads as expired even before expire_requests ran.
    std::string status;
    std::string reason;
    std::int64_t created_at = 0;
    std::optional<std::int64_t> closed_at;
    std::optional<std::int64_t> deadline;  // the fair's request deadline
    std::string session_wish = "any";          // morning | afternoon | any
    std::optional<std::int64_t> fixed_starts_at;  // an organizer's fixed slot, by its start
    std::string source = "participant";        // participant | recommended (a published fill-in)
    std::optional<std::int64_t> fill_in_score;
    std::string fill_in_reason;  // JSON {"vi": ..., "en": ...} for a fill-in
};

struct MeetingRules {
    std::optional<std::int64_t> deadline;  // unix seconds; pending requests expire then
    std::optional<std::int64_t> cap;       // open sent requests per participant
};

struct TimeRange {
    std::int64_t starts_at = 0;
    std::int64_t ends_at = 0;
    friend bool operator==(const TimeRange&, const TimeRange&) = default;
};

struct Availability {
    bool accepts_fill_ins = false;
    std::vector<TimeRange> unavailable;  // ascending
};

// A stored grid, as its columns hold it (see meetings::Grid for the meaning).
struct StoredGrid {
    std::vector<std::string> days;
    std::vector<std::string> sessions;  // "HH:MM-HH:MM"
    std::int64_t slot_minutes = 0, pause_minutes = 0, tables = 0;
    bool use_booths = true;
    std::string updated_at;
};

// An accepted request between two approved participants: scheduler input.
struct AcceptedRequest {
    Id id = 0;
    Id importer_id = 0;
    Id exhibitor_id = 0;
    std::string priority;
    std::string session_wish = "any";
    std::optional<std::int64_t> fixed_starts_at;
    std::vector<Id> after;  // requests held strictly earlier (when both are held)
    std::string source = "participant";  // recommended: a fill-in published earlier
    std::int64_t fill_in_score = 0;
    std::string fill_in_reason;
};

// Who is unavailable when, for a whole fair.
struct Unavailability {
    Side side = Side::importer;
    Id participant = 0;
    TimeRange range;
};

// Meeting requests, the organizer's request rules, availability and the
// fair's grid. Writers run inside the caller's BEGIN IMMEDIATE
// transaction; "one open request per pair" is the database's partial
// unique index, so insert_request throws store::Error (unique) for a second
// open request of a pair.
class MeetingRepository {
public:
    explicit MeetingRepository(Connection& db) : db_(db) {}

    // The user's profile in the fair on the given side.
    std::optional<Participant> participant_of(Id user, Id fair, Side side);
    std::optional<Participant> participant(Side side, Id id);

    MeetingRules rules(Id fair);
    void save_rules(Id fair, const MeetingRules& rules);
    // Marks the fair's pending requests past its deadline as expired.
    void expire_requests(Id fair, std::int64_t now);

    Id insert_request(Id fair, Id importer, Id exhibitor, Side requested_by, std::string_view priority,
                      std::string_view message, std::int64_t now, std::string_view session_wish = "any");
    // A fill-in meeting's request (source 'recommended', accepted at once);
    // store::Error (unique) when the pair has an open request.
    Id insert_recommended(Id fair, Id importer, Id exhibitor, std::int64_t score, std::string_view reason,
                          std::int64_t now);
    // An organizer's scheduling constraints on a request (replaces its precedences).
    void set_constraints(Id request, std::string_view session_wish, const std::optional<std::int64_t>& fixed_starts_at,
                         const std::vector<Id>& after);
    std::vector<Id> after_of(Id request);
    // Every precedence of the fair: (request, held after this request).
    std::vector<std::pair<Id, Id>> precedences(Id fair);
    // (importer, exhibitor) pairs with a participant's request in any status:
    // never proposed as fill-ins.
    std::set<std::pair<Id, Id>> requested_pairs(Id fair);
    std::optional<MeetingRequest> find_request(Id id, std::int64_t now);
    std::optional<Id> open_request_between(Id importer, Id exhibitor);
    // Requests the participant sent (outbox) or received (inbox), newest first.
    std::vector<MeetingRequest> requests_of(Side side, Id participant, bool sent, std::int64_t now);
    // Every request of a fair (optionally of one stored status and source), by id, one page.
    ListResult<MeetingRequest> requests_of_fair(Id fair, const std::optional<std::string>& status, const Page& page,
                                                std::int64_t now, const std::optional<std::string>& source = std::nullopt);
    // Sent requests that are pending (and not past the deadline) or accepted.
    std::int64_t open_sent(Side side, Id participant, std::int64_t now);
    void set_request_status(Id id, std::string_view status, std::string_view reason, std::int64_t now);
    // Accepted requests of the fair whose two participants are approved, by id.
    std::vector<AcceptedRequest> accepted_requests(Id fair);

    Availability availability(Side side, Id participant);
    void save_availability(Id fair, Side side, Id participant, const Availability& a);
    std::vector<Unavailability> unavailability(Id fair);
    // Adds one range to the participant's unavailability (an absence during the fair).
    void add_unavailability(Id fair, Side side, Id participant, const TimeRange& range);
    // Approved participants of the fair who accept fill-in meetings.
    std::vector<Id> fill_in_participants(Id fair, Side side);

    std::optional<StoredGrid> grid(Id fair);
    void save_grid(Id fair, const StoredGrid& grid);

private:
    Connection& db_;
};

}  // namespace fairmatch::server::store
