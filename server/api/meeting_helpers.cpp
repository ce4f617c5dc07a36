#include "server/api/meeting_helpers.hpp"

#include <set>
#include "server/api/validation.hpp"

#include "server/store/booth_repository.hpp"
#include "server/store/fair_repository.hpp"

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

meetings::ScheduleInput load_problem(store::Connection& db, Id fair, const FairGrid& grid) {
    store::MeetingRepository repo(db);
    store::BoothRepository booths(db);
    meetings::ScheduleRows rows;
    rows.slots = grid.slots;
    rows.tables = grid.grid.tables;
    rows.use_booths = grid.grid.use_booths;
    rows.requests = repo.accepted_requests(fair);
    if (rows.use_booths) {
        std::set<Id> exhibitors;
        for (const auto& r : rows.requests) exhibitors.insert(r.exhibitor_id);
        for (auto e : exhibitors)
            if (auto code = booths.booth_code_of(e)) rows.booths.emplace(e, *code);
    }
    rows.unavailable = repo.unavailability(fair);
    for (auto id : repo.fill_in_participants(fair, store::Side::importer)) rows.fill_in_importers.insert(id);
    for (auto id : repo.fill_in_participants(fair, store::Side::exhibitor)) rows.fill_in_exhibitors.insert(id);
    return meetings::build_schedule_input(rows);
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
