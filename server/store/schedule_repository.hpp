#pragma once
#include <optional>
#include <string>
#include <vector>

#include "server/domain/types.hpp"
#include "server/store/common.hpp"

namespace fairmatch::server::store {
class Connection;

struct ScheduleRun {
    Id id = 0;
    Id fair_id = 0;
    std::string status;  // running | done | failed | published
    std::int64_t seconds = 0;
    std::int64_t seed = 0;
    std::optional<Id> created_by;
    std::int64_t started_at = 0;
    std::optional<std::int64_t> finished_at, published_at;
    std::optional<std::string> figures;  // JSON object text
    std::string error;
    bool fill_ins = false;  // asked to place fill-in meetings
};

// One accepted request as a run placed it (slot empty: not held).
struct RunMeeting {
    Id request_id = 0;
    std::optional<std::int64_t> slot;
    std::int64_t starts_at = 0, ends_at = 0;
    std::string location_kind;  // booth | table | "" when not held
    std::string location;       // booth code or "Table N"
    std::string reason;         // none | no_common_slot | no_table | capacity | ...
    // From the request (read only).
    Id importer_id = 0, exhibitor_id = 0;
    std::string importer_name, exhibitor_name, priority, request_status;
};

// A fill-in meeting a run placed: two participants who both accept
// fill-ins, from the recommendations, with the pair's score and reasons.
struct RunFillIn {
    Id importer_id = 0, exhibitor_id = 0;
    std::optional<Id> request_id;  // the pair's 'recommended' request from an earlier publication
    std::int64_t score = 0;
    std::string reason;  // JSON {"vi": ..., "en": ...}
    std::int64_t slot = 0, starts_at = 0, ends_at = 0;
    std::string location_kind, location;
    std::string importer_name, exhibitor_name;  // read only
};

// A published meeting with what its pages and calendars show.
struct Meeting {
    Id id = 0;
    Id fair_id = 0;
    Id request_id = 0;
    Id importer_id = 0;
    std::string importer_name, importer_country;
    Id exhibitor_id = 0;
    std::string exhibitor_name, exhibitor_name_en;
    std::string priority, message;
    std::string status;  // scheduled | cancelled
    std::int64_t slot = 0;
    std::int64_t starts_at = 0, ends_at = 0;
    std::string location_kind, location;
    std::string uid;
    std::int64_t sequence = 0;
    std::string note;
    std::int64_t updated_at = 0;
    std::optional<Id> run_id;
    std::string fair_name_vi, fair_name_en;
    std::optional<Id> importer_owner, exhibitor_owner;  // the profiles' user accounts
    bool is_fill_in = false;  // suggested by the organizer from the recommendations
    std::optional<std::int64_t> fill_in_score;
    std::string fill_in_reason;  // JSON {"vi": ..., "en": ...}
};

// Scheduler runs and their results, the published schedule and calendar
// feeds. Writers run inside the caller's BEGIN IMMEDIATE transaction. One
// running run per fair is the database's partial unique index: insert_run
// throws store::Error (unique) while another run of the fair computes.
class ScheduleRepository {
public:
    explicit ScheduleRepository(Connection& db) : db_(db) {}

    Id insert_run(Id fair, std::int64_t seconds, std::int64_t seed, std::optional<Id> user, std::int64_t now,
                  bool fill_ins = false);
    std::optional<ScheduleRun> run(Id id);
    ListResult<ScheduleRun> runs(Id fair, const Page& page);
    std::optional<Id> running_run(Id fair);
    void fail_run(Id run, const std::string& error, std::int64_t now);
    // Stores a finished run's figures and rows; false (nothing written) when
    // the run is no longer running.
    bool store_result(Id run, const std::string& figures, const std::vector<RunMeeting>& rows, std::int64_t now,
                      const std::vector<RunFillIn>& fill_ins = {});
    std::vector<RunMeeting> run_meetings(Id run);
    // The fill-in meetings a run placed, by time.
    std::vector<RunFillIn> run_fill_ins(Id run);
    // Makes `run` the fair's published run (the previous one goes back to done).
    void mark_published(Id fair, Id run, std::int64_t now);

    // The published meetings of a fair, every status, for a re-publication.
    std::vector<Meeting> fair_meetings(Id fair);
    ListResult<Meeting> list_meetings(Id fair, const Page& page);
    std::optional<Meeting> meeting(Id id);
    std::optional<Meeting> meeting_for_request(Id request);
    // Scheduled and cancelled meetings of one participant, chronological.
    std::vector<Meeting> meetings_of(bool importer, Id participant);
    // Every meeting of every profile the user owns, chronological.
    std::vector<Meeting> meetings_of_user(Id user);
    Id insert_meeting(const Meeting& m, std::int64_t now);
    // Moves (or reinstates) a meeting: new slot, times and place, status scheduled.
    void update_meeting(const Meeting& m, std::int64_t now);
    void cancel_meeting(Id id, std::int64_t sequence, const std::string& note, std::int64_t now);

    void save_feed(Id user, const std::string& token_hash, std::int64_t now);
    bool delete_feed(Id user);
    std::optional<Id> feed_user(const std::string& token_hash);

private:
    Connection& db_;
};

}  // namespace fairmatch::server::store
