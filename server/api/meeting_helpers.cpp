#include "server/api/meeting_helpers.hpp"

#include <functional>
#include <set>
#include "server/api/validation.hpp"

#include "server/app.hpp"
#include "server/meetings/fill_ins.hpp"
#include "server/recommend/population_cache.hpp"
#include "server/store/booth_repository.hpp"
#include "server/store/fair_repository.hpp"
#include "server/store/matching_repository.hpp"

namespace fairmatch::server::api {

store::Side my_side(const Context& c) {
    return c.who.is("importer") ? store::Side::importer : store::Side::exhibitor;
}

store::Participant my_participant(Context& c, Id fair) {
    auto side = my_side(c);
    auto p = store::MeetingRepository(c.db()).participant_of(c.who.user_id, fair, side);
    if (!p)
        throw http::Problem{409,
                            "no-profile",
                            "No profile in this fair",
                            std::string("Create your ") + (side == store::Side::importer ? "importer" : "exhibitor") +
                                " profile in this fair first.",
                            {}};
    return *p;
}

Fair fair_or_404(store::Connection& db, Id fair) {
    auto f = store::FairRepository(db).find(fair);
    if (!f) throw http::not_found("No such fair.");
    return *f;
}

Id fair_query(const http::Request& req) {
    auto fair = query_id(req, "fair");
    if (!fair)
        throw http::Problem{
            400, "invalid-query", "Invalid query parameters", "", {{"fair", "required", "Give fair=ID."}}};
    return *fair;
}

std::optional<std::string> request_status_query(const http::Request& req) {
    auto s = req.query_param("status");
    if (!s || s->empty()) return std::nullopt;
    static const std::set<std::string_view> kStatuses = {"pending", "accepted", "declined", "cancelled", "expired"};
    if (!kStatuses.count(*s))
        throw http::Problem{400, "invalid-query", "Invalid query parameters", "",
                            {{"status", "not_allowed", "Must be one of: pending, accepted, declined, cancelled, expired."}}};
    return std::string(*s);
}

std::optional<FairGrid> load_grid(store::Connection& db, const Fair& fair) {
    auto stored = store::MeetingRepository(db).grid(fair.id);
    auto offset = meetings::utc_offset_minutes(fair.time_zone);
    if (!stored || !offset) return std::nullopt;
    FairGrid g;
    g.utc_offset = *offset;
    g.grid.days = stored->days;
    for (const auto& s : stored->sessions) {
        auto dash = s.find('-');
        if (dash == std::string::npos) continue;
        auto a = meetings::parse_hhmm(std::string_view(s).substr(0, dash));
        auto b = meetings::parse_hhmm(std::string_view(s).substr(dash + 1));
        if (a && b) g.grid.sessions.push_back({*a, *b});
    }
    g.grid.slot_minutes = static_cast<int>(stored->slot_minutes);
    g.grid.pause_minutes = static_cast<int>(stored->pause_minutes);
    g.grid.tables = static_cast<int>(stored->tables);
    g.grid.use_booths = stored->use_booths;
    g.slots = meetings::derive_slots(g.grid, g.utc_offset);
    g.updated_at = stored->updated_at;
    return g;
}

meetings::ScheduleRows load_rows(store::Connection& db, Id fair, const FairGrid& grid) {
    store::MeetingRepository repo(db);
    store::BoothRepository booths(db);
    meetings::ScheduleRows rows;
    rows.slots = grid.slots;
    rows.tables = grid.grid.tables;
    rows.use_booths = grid.grid.use_booths;
    rows.requests = repo.accepted_requests(fair);
    for (auto id : repo.fill_in_participants(fair, store::Side::importer)) rows.fill_in_importers.insert(id);
    for (auto id : repo.fill_in_participants(fair, store::Side::exhibitor)) rows.fill_in_exhibitors.insert(id);
    if (rows.use_booths) {
        std::set<Id> exhibitors = rows.fill_in_exhibitors;  // fill-ins may take place at their booths too
        for (const auto& r : rows.requests) exhibitors.insert(r.exhibitor_id);
        for (auto e : exhibitors)
            if (auto code = booths.booth_code_of(e)) rows.booths.emplace(e, *code);
    }
    rows.unavailable = repo.unavailability(fair);
    return rows;
}

std::function<meetings::ScheduleInput()> fill_in_problem(Context& c, Id fair, meetings::ScheduleRows rows) {
    meetings::FillInSources sources;
    sources.importers = rows.fill_in_importers;
    sources.exhibitors = rows.fill_in_exhibitors;
    // Fill-ins published before are proposed again (same request, same score); they are not requested meetings.
    std::vector<store::AcceptedRequest> requested;
    for (auto& r : rows.requests) {
        if (r.source == "recommended")
            sources.published.push_back({r.importer_id, r.exhibitor_id, static_cast<int>(r.fill_in_score), r.id,
                                         r.fill_in_reason});
        else
            requested.push_back(std::move(r));
    }
    rows.requests = std::move(requested);
    if (sources.importers.empty() || sources.exhibitors.empty()) {
        rows.fill_ins.clear();  // nobody on one side accepts fill-ins (published ones lapse)
        return [rows = std::move(rows)] { return meetings::build_schedule_input(rows); };
    }
    sources.requested = store::MeetingRepository(c.db()).requested_pairs(fair);
    auto fp = c.app.populations().get(fair, [&] {
        store::MatchingRepository repo(c.db());
        return recommend::build_population(c.app.reference(), repo.approved_exhibitors(fair),
                                           repo.approved_importers(fair));
    });
    // The fair's weights as the recommendations use them (defaults when unset or invalid).
    matching::Weights weights;
    if (auto json = store::MatchingRepository(c.db()).weights_json(fair)) {
        auto j = nlohmann::json::parse(*json, nullptr, false);
        std::vector<std::pair<std::string, long long>> fields;
        if (j.is_object())
            for (auto it = j.begin(); it != j.end(); ++it)
                if (it->is_number_integer()) fields.emplace_back(it.key(), it->get<long long>());
        auto w = recommend::weights_from_fields(fields);
        if (w.errors.empty()) weights = w.weights;
    }
    // The search itself runs on the scheduler's job thread, off the database thread.
    return [rows = std::move(rows), sources = std::move(sources), fp = std::move(fp), weights,
            reference = &c.app.reference()]() mutable {
        matching::Scorer scorer(weights);
        rows.fill_ins = meetings::recommend_fill_ins(*fp, scorer, *reference, sources);
        return meetings::build_schedule_input(rows);
    };
}

meetings::ScheduleInput load_problem(store::Connection& db, Id fair, const FairGrid& grid) {
    return meetings::build_schedule_input(load_rows(db, fair, grid));
}

nlohmann::json request_json(const store::MeetingRequest& r, std::optional<store::Side> viewer,
                            const std::optional<FairGrid>& grid, const std::vector<Id>& after) {
    nlohmann::json j = {
        {"id", r.id},
        {"fair_id", r.fair_id},
        {"status", r.status},
        {"priority", r.priority},
        {"message", r.message},
        {"reason", r.reason},
        {"requested_by", std::string(store::to_string(r.requested_by))},
        {"importer", {{"id", r.importer_id}, {"name", r.importer_name}, {"country", r.importer_country}}},
        {"exhibitor",
         {{"id", r.exhibitor_id},
          {"name", r.exhibitor_name},
          {"name_en", r.exhibitor_name_en},
          {"booth", r.exhibitor_booth ? nlohmann::json(*r.exhibitor_booth) : nlohmann::json(nullptr)}}},
        {"created_at", meetings::iso_utc(r.created_at)},
        {"closed_at", iso_or_null(r.closed_at)},
        // When a pending request expires unless answered.
        {"expires_at", r.status == "pending" ? iso_or_null(r.deadline) : nlohmann::json(nullptr)},
        {"source", r.source},
        {"session_wish", r.session_wish},
        {"fixed_start", iso_or_null(r.fixed_starts_at)},
        {"after", after}};
    // The fixed slot's index in the current grid (null when none, or no longer a slot of the grid).
    nlohmann::json fixed = nullptr;
    if (r.fixed_starts_at && grid)
        for (const auto& s : grid->slots)
            if (s.starts_at == *r.fixed_starts_at) fixed = s.index;
    j["fixed_slot"] = fixed;
    if (viewer) j["box"] = r.requested_by == *viewer ? "outbox" : "inbox";
    return j;
}

nlohmann::json iso_or_null(const std::optional<std::int64_t>& t) {
    if (!t) return nullptr;
    return meetings::iso_utc(*t);
}

void put_times(nlohmann::json& j, std::int64_t starts_at, std::int64_t ends_at, std::optional<int> utc_offset) {
    j["start"] = meetings::iso_utc(starts_at);
    j["end"] = meetings::iso_utc(ends_at);
    if (utc_offset) {
        auto local_start = meetings::iso_utc(starts_at + *utc_offset * 60);  // YYYY-MM-DDTHH:MM:SSZ
        auto local_end = meetings::iso_utc(ends_at + *utc_offset * 60);
        j["day"] = local_start.substr(0, 10);
        j["local_start"] = local_start.substr(11, 5);
        j["local_end"] = local_end.substr(11, 5);
    }
}

}  // namespace fairmatch::server::api
