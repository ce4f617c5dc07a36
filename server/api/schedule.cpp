// The fair's meeting grid and schedule: the organizer defines the grid,
// starts scheduler runs (computed in the background, see
// meetings/schedule_jobs.hpp), publishes one; participants read their
// schedule, organizers every meeting (JSON and CSV).
#include <algorithm>
#include <map>
#include <set>

#include "server/api/access_helpers.hpp"
#include "server/api/context.hpp"
#include "server/api/json_response.hpp"
#include "server/api/meeting_helpers.hpp"
#include "server/api/routes.hpp"
#include "server/api/validation.hpp"
#include "server/csv/csv_writer.hpp"
#include "server/meetings/schedule_input.hpp"
#include "server/meetings/schedule_jobs.hpp"
#include "server/store/meeting_repository.hpp"
#include "server/store/notification_repository.hpp"
#include "server/store/schedule_repository.hpp"
#include "server/store/sqlite.hpp"

namespace fairmatch::server::api {

namespace {

constexpr std::int64_t kDefaultSeconds = 10;

// A stored {"vi": ..., "en": ...} reason as JSON, or null.
nlohmann::json reason_object(const std::string& text) {
    if (text.empty()) return nullptr;
    auto j = nlohmann::json::parse(text, nullptr, false);
    return j.is_object() ? j : nlohmann::json(nullptr);
}
const char* const kInterrupted = "interrupted: the server stopped during the run; start a new run";

nlohmann::json grid_json(const Fair& fair, const std::optional<FairGrid>& g) {
    auto offset = meetings::utc_offset_minutes(fair.time_zone);
    nlohmann::json j = {{"fair_id", fair.id},
                        {"defined", g.has_value()},
                        {"time_zone", fair.time_zone},
                        {"utc_offset", offset ? nlohmann::json(meetings::offset_text(*offset)) : nullptr}};
    nlohmann::json days = nlohmann::json::array(), sessions = nlohmann::json::array(), slots = nlohmann::json::array();
    if (!g) {
        j.update({{"days", days},
                  {"sessions", sessions},
                  {"slot_minutes", nullptr},
                  {"pause_minutes", nullptr},
                  {"tables", nullptr},
                  {"use_booths", nullptr},
                  {"slots", slots},
                  {"updated_at", nullptr}});
        return j;
    }
    for (const auto& d : g->grid.days) days.push_back(d);
    for (const auto& s : g->grid.sessions)
        sessions.push_back({{"start", meetings::hhmm(s.start)},
                            {"end", meetings::hhmm(s.end)},
                            {"kind", s.morning() ? "morning" : "afternoon"}});
    for (const auto& s : g->slots) {
        nlohmann::json slot = {{"index", s.index},
                               {"day_index", s.day_index},
                               {"session", s.session},
                               {"session_kind", s.morning ? "morning" : "afternoon"}};
        put_times(slot, s.starts_at, s.ends_at, g->utc_offset);
        slots.push_back(std::move(slot));
    }
    j.update({{"days", days},
              {"sessions", sessions},
              {"slot_minutes", g->grid.slot_minutes},
              {"pause_minutes", g->grid.pause_minutes},
              {"tables", g->grid.tables},
              {"use_booths", g->grid.use_booths},
              {"slots", slots},
              {"updated_at", g->updated_at}});
    return j;
}

// Reads a grid body; throws the 422 Problem listing every invalid field.
meetings::Grid read_grid(const nlohmann::json& body, const Fair& fair) {
    FieldReader f(body, {"days", "sessions", "slot_minutes", "pause_minutes", "tables", "use_booths"}, true);
    meetings::Grid g;
    f.text_list("days", g.days, 31, 10, true);
    std::int64_t slot = 0, pause = 0, tables = 0;
    f.integer("slot_minutes", slot, 5, 240, true);
    f.integer("pause_minutes", pause, 0, 120, false);
    f.integer("tables", tables, 0, 10000, false);
    g.slot_minutes = static_cast<int>(slot);
    g.pause_minutes = static_cast<int>(pause);
    g.tables = static_cast<int>(tables);
    if (auto it = body.find("use_booths"); it != body.end()) {
        if (!it->is_boolean()) f.add_error("use_booths", "not_a_boolean", "Must be true or false.");
        else g.use_booths = it->get<bool>();
    }
    auto it = body.find("sessions");
    if (it == body.end()) {
        f.add_error("sessions", "required", "This field is required.");
    } else if (!it->is_array()) {
        f.add_error("sessions", "not_an_array", "Must be an array of {\"start\": \"HH:MM\", \"end\": \"HH:MM\"}.");
    } else {
        for (std::size_t i = 0; i < it->size(); ++i) {
            const auto& s = (*it)[i];
            std::string field = "sessions[" + std::to_string(i) + "]";
            if (!s.is_object()) {
                f.add_error(field, "not_an_object", "Must be {\"start\": \"HH:MM\", \"end\": \"HH:MM\"}.");
                continue;
            }
            FieldReader sr(s, {"start", "end"}, true);
            meetings::GridSession session;
            for (const char* key : {"start", "end"}) {
                auto v = s.find(key);
                std::optional<int> t;
                if (v != s.end() && v->is_string()) t = meetings::parse_hhmm(v->get<std::string>());
                if (!t) sr.add_error(key, "invalid_time", "Must be a local time written HH:MM.");
                else (std::string_view(key) == "start" ? session.start : session.end) = *t;
            }
            for (const auto& e : sr.errors()) f.add_error(field + "." + e.field, e.code, e.message);
            g.sessions.push_back(session);
        }
    }
    f.finish();
    auto errors = meetings::validate_grid(g, fair.start_date, fair.end_date);
    if (!errors.empty()) {
        std::vector<http::FieldError> out;
        for (auto& e : errors) out.push_back({std::move(e.field), std::move(e.code), std::move(e.message)});
        throw http::validation_failed(std::move(out));
    }
    return g;
}

// A run as stored, with the in-memory progress of a computing run
// (`progress` must be read before the row: see ScheduleJobs::progress).
nlohmann::json run_json(const store::ScheduleRun& r, std::optional<int> progress) {
    std::string status = r.status;
    std::string error = r.error;
    nlohmann::json p = nullptr;
    if (status == "running") {
        if (progress) p = *progress;
        else {
            status = "failed";  // not computing here: the server stopped during the run
            error = kInterrupted;
        }
    } else if (status == "done" || status == "published") {
        p = 100;
    }
    nlohmann::json figures = nullptr;
    if (r.figures) figures = nlohmann::json::parse(*r.figures, nullptr, false);
    return {{"id", r.id},
            {"fair_id", r.fair_id},
            {"status", status},
            {"progress", p},
            {"seconds", r.seconds},
            {"seed", r.seed},
            {"fill_ins", r.fill_ins},
            {"started_at", meetings::iso_utc(r.started_at)},
            {"finished_at", iso_or_null(r.finished_at)},
            {"published_at", iso_or_null(r.published_at)},
            {"error", error},
            {"figures", figures.is_discarded() ? nlohmann::json(nullptr) : figures}};
}

store::ScheduleRun run_in_fair(store::ScheduleRepository& repo, Id fair, Id run) {
    auto r = repo.run(run);
    if (!r || r->fair_id != fair) throw http::not_found("No such scheduler run in this fair.");
    return *r;
}

nlohmann::json meeting_json(const store::Meeting& m, std::optional<int> offset) {
    nlohmann::json j = {{"id", m.id},
                        {"fair_id", m.fair_id},
                        {"request_id", m.request_id},
                        {"uid", m.uid},
                        {"sequence", m.sequence},
                        {"status", m.status},
                        {"slot", m.slot},
                        {"location_kind", m.location_kind},
                        {"location", m.location},
                        {"priority", m.priority},
                        {"note", m.note},
                        {"importer", {{"id", m.importer_id}, {"name", m.importer_name}, {"country", m.importer_country}}},
                        {"exhibitor", {{"id", m.exhibitor_id}, {"name", m.exhibitor_name}, {"name_en", m.exhibitor_name_en}}},
                        {"updated_at", meetings::iso_utc(m.updated_at)},
                        {"fill_in", m.is_fill_in},
                        {"fill_in_score", m.fill_in_score ? nlohmann::json(*m.fill_in_score) : nlohmann::json(nullptr)},
                        {"fill_in_reason", reason_object(m.fill_in_reason)}};
    put_times(j, m.starts_at, m.ends_at, offset);
    return j;
}

std::string uid_of(Id request) { return "request-" + std::to_string(request) + "@fairmatch"; }

// What publishing a run would write, worked out before anything is written.
struct Placed {
    std::optional<Id> request;  // empty: a new fill-in, its request is created on publication
    Id importer_id = 0, exhibitor_id = 0;
    std::string importer_name, exhibitor_name;
    std::int64_t slot = 0, starts_at = 0, ends_at = 0;
    std::string location_kind, location;
    const store::RunFillIn* fill_in = nullptr;
};

struct PublishPlan {
    std::vector<Placed> placed;
    std::set<Id> held;  // requests held by the run
    nlohmann::json affected = nlohmann::json::array();
    int moved = 0, cancelled = 0, started = 0, affected_total = 0;
};

constexpr std::size_t kAffectedListed = 20;

nlohmann::json slot_json(std::int64_t slot, std::int64_t starts_at, std::int64_t ends_at, const std::string& location,
                         std::optional<int> offset) {
    nlohmann::json j = {{"slot", slot}, {"location", location}};
    put_times(j, starts_at, ends_at, offset);
    return j;
}

PublishPlan plan_publication(store::Connection& db, Id run, const std::map<Id, store::Meeting>& existing,
                             const std::vector<store::RunMeeting>& rows, const std::vector<store::RunFillIn>& fill_ins,
                             std::int64_t now, std::optional<int> offset) {
    PublishPlan plan;
    store::MeetingRepository requests(db);
    for (const auto& row : rows) {
        if (!row.slot || row.request_status != "accepted") continue;
        plan.placed.push_back({row.request_id, row.importer_id, row.exhibitor_id, row.importer_name,
                               row.exhibitor_name, *row.slot, row.starts_at, row.ends_at, row.location_kind,
                               row.location, nullptr});
    }
    for (const auto& f : fill_ins) {
        std::optional<Id> request = f.request_id;
        if (request) {
            auto r = requests.find_request(*request, now);
            if (!r || r->status != "accepted") continue;  // dropped by a participant since
        } else if (requests.open_request_between(f.importer_id, f.exhibitor_id)) {
            continue;  // the pair has a request of its own now
        }
        plan.placed.push_back({request, f.importer_id, f.exhibitor_id, f.importer_name, f.exhibitor_name, f.slot,
                               f.starts_at, f.ends_at, f.location_kind, f.location, &f});
    }
    auto note = [&](const char* change, Id request, Id imp, const std::string& imp_name, Id exh,
                    const std::string& exh_name, nlohmann::json before, nlohmann::json after, bool started) {
        ++plan.affected_total;
        if (started) ++plan.started;
        if (plan.affected.size() >= kAffectedListed) return;
        plan.affected.push_back({{"change", change},
                                 {"request_id", request ? nlohmann::json(request) : nlohmann::json(nullptr)},
                                 {"importer", {{"id", imp}, {"name", imp_name}}},
                                 {"exhibitor", {{"id", exh}, {"name", exh_name}}},
                                 {"before", std::move(before)},
                                 {"after", std::move(after)},
                                 {"started", started}});
    };
    for (const auto& p : plan.placed) {
        auto after = slot_json(p.slot, p.starts_at, p.ends_at, p.location, offset);
        auto it = p.request ? existing.find(*p.request) : existing.end();
        if (p.request) plan.held.insert(*p.request);
        if (it == existing.end() || it->second.status != "scheduled") {
            // A new meeting (or a cancelled one reinstated) at a time already started.
            if (p.starts_at <= now)
                note("added_in_past", p.request.value_or(0), p.importer_id, p.importer_name, p.exhibitor_id,
                     p.exhibitor_name, nullptr, std::move(after), true);
            continue;
        }
        const auto& m = it->second;
        if (m.starts_at == p.starts_at && m.ends_at == p.ends_at && m.location == p.location) continue;
        ++plan.moved;
        note("moved", m.request_id, m.importer_id, m.importer_name, m.exhibitor_id, m.exhibitor_name,
             slot_json(m.slot, m.starts_at, m.ends_at, m.location, offset), std::move(after),
             m.starts_at <= now || p.starts_at <= now);
    }
    for (const auto& [request, m] : existing) {
        if (m.status != "scheduled" || plan.held.count(request)) continue;
        ++plan.cancelled;
        note("cancelled", request, m.importer_id, m.importer_name, m.exhibitor_id, m.exhibitor_name,
             slot_json(m.slot, m.starts_at, m.ends_at, m.location, offset), nullptr, m.starts_at <= now);
    }
    (void)run;
    return plan;
}

}  // namespace

void add_schedule_routes(http::Router& r) {
    r.add({"GET", "/api/v1/fairs/{fair}/grid", "grid.get", http::DbMode::read, http::access::public_(),
           [](Context& c) {
               auto fair = fair_or_404(c.db(), path_id(c.req, "fair"));
               return json_response(200, grid_json(fair, load_grid(c.db(), fair)));
           },
           "The fair's meeting grid: days, sessions, slot length and pause, tables, and the derived slots (UTC)"});

    r.add({"PUT", "/api/v1/fairs/{fair}/grid", "grid.update", http::DbMode::write,
           http::access::fair_organizer("fair"),
           [](Context& c) {
               auto body = parse_json_object(c.req);
               store::Transaction tx(c.db());
               auto fair = fair_or_404(c.db(), path_id(c.req, "fair"));
               auto grid = read_grid(body, fair);
               if (!meetings::utc_offset_minutes(fair.time_zone))
                   throw http::Problem{409, "unsupported-time-zone", "Unsupported time zone",
                                       "The fair's time zone " + fair.time_zone +
                                           " has no fixed UTC offset; meeting grids need one (e.g. Asia/Ho_Chi_Minh).",
                                       {}};
               auto before = grid_json(fair, load_grid(c.db(), fair));
               before.erase("slots");
               store::StoredGrid stored;
               stored.days = grid.days;
               for (const auto& s : grid.sessions) stored.sessions.push_back(meetings::hhmm(s.start) + "-" + meetings::hhmm(s.end));
               stored.slot_minutes = grid.slot_minutes;
               stored.pause_minutes = grid.pause_minutes;
               stored.tables = grid.tables;
               stored.use_booths = grid.use_booths;
               store::MeetingRepository(c.db()).save_grid(fair.id, stored);
               auto after = grid_json(fair, load_grid(c.db(), fair));
               auto logged = after;
               logged.erase("slots");
               audit(c, fair.id, "grid.update", "fair", fair.id, before, logged);
               tx.commit();
               return json_response(200, after);
           },
           "Define the meeting grid (organizers): days, sessions in local time, slot length, pause, tables, booths"});

    r.add({"POST", "/api/v1/fairs/{fair}/schedule-runs", "schedule_runs.create", http::DbMode::write,
           http::access::fair_organizer("fair"),
           [](Context& c) {
               std::int64_t seconds = kDefaultSeconds, seed = 1;
               bool fill_ins = false;
               if (!c.req.body.empty()) {
                   auto body = parse_json_object(c.req);
                   FieldReader f(body, {"seconds", "seed", "fill_ins"}, false);
                   f.integer("seconds", seconds, 1, 60, false);
                   f.integer("seed", seed, 0, std::int64_t{1} << 53, false);
                   if (auto it = body.find("fill_ins"); it != body.end()) {
                       if (!it->is_boolean()) f.add_error("fill_ins", "not_a_boolean", "Must be true or false.");
                       else fill_ins = it->get<bool>();
                   }
                   f.finish();
               }
               auto now = store::unix_now();
               store::Transaction tx(c.db());
               auto fair = fair_or_404(c.db(), path_id(c.req, "fair"));
               auto grid = load_grid(c.db(), fair);
               if (!grid || grid->slots.empty())
                   throw http::Problem{409, "no-grid", "No meeting grid",
                                       "Define the fair's meeting grid (days, sessions, slots) first.", {}};
               store::ScheduleRepository runs(c.db());
               auto& jobs = c.app.schedule_jobs();
               if (auto running = runs.running_run(fair.id)) {
                   if (jobs.progress(*running))
                       throw http::Problem{409, "run-in-progress", "A run is in progress",
                                           "Another scheduler run of this fair is computing; wait for it to end.", {},
                                           {{"run_id", *running}}};
                   runs.fail_run(*running, kInterrupted, now);  // left over from a stopped server
               }
               auto rows = load_rows(c.db(), fair.id, *grid);
               // Fill-ins published before are left out of a run without fill-ins (publishing it cancels them).
               std::size_t meetings_count = 0;
               for (const auto& r : rows.requests) meetings_count += r.source != "recommended";
               Id run = runs.insert_run(fair.id, seconds, seed, c.who.user_id, now, fill_ins);
               audit(c, fair.id, "schedule_run.start", "schedule_run", run, nullptr,
                     {{"seconds", seconds}, {"seed", seed}, {"meetings", meetings_count}, {"fill_ins", fill_ins},
                      {"slots", grid->slots.size()}});
               // Submitted before the commit: the result's write job queues behind this transaction.
               if (fill_ins) {
                   jobs.submit(run, fill_in_problem(c, fair.id, std::move(rows)), static_cast<double>(seconds),
                               static_cast<std::uint64_t>(seed));
               } else {
                   std::erase_if(rows.requests, [](const store::AcceptedRequest& r) { return r.source == "recommended"; });
                   jobs.submit(run, meetings::build_schedule_input(rows), static_cast<double>(seconds),
                               static_cast<std::uint64_t>(seed));
               }
               tx.commit();
               auto res = json_response(202, run_json(*runs.run(run), 0));
               res.set_header("location",
                              "/api/v1/fairs/" + std::to_string(fair.id) + "/schedule-runs/" + std::to_string(run));
               return res;
           },
           "Start a scheduler run (organizers): answers 202 at once; poll the run for progress and figures"});

    r.add({"GET", "/api/v1/fairs/{fair}/schedule-runs", "schedule_runs.list", http::DbMode::read,
           http::access::fair_organizer("fair"),
           [](Context& c) {
               auto fair = path_id(c.req, "fair");
               auto page = parse_page(c.req);
               store::ScheduleRepository repo(c.db());
               auto list = repo.runs(fair, page);
               nlohmann::json items = nlohmann::json::array();
               for (const auto& run : list.items)
                   items.push_back(run_json(run, run.status == "running" ? c.app.schedule_jobs().progress(run.id)
                                                                         : std::nullopt));
               return json_response(200, {{"items", items}, {"total", list.total}, {"limit", page.limit},
                                          {"offset", page.offset}});
           },
           "The fair's scheduler runs, newest first (organizers)"});

    r.add({"GET", "/api/v1/fairs/{fair}/schedule-runs/{run}", "schedule_runs.get", http::DbMode::read,
           http::access::fair_organizer("fair"),
           [](Context& c) {
               auto fair = path_id(c.req, "fair");
               auto id = path_id(c.req, "run");
               auto progress = c.app.schedule_jobs().progress(id);  // before the row: see ScheduleJobs::progress
               store::ScheduleRepository repo(c.db());
               auto run = run_in_fair(repo, fair, id);
               auto j = run_json(run, progress);
               nlohmann::json unscheduled = nlohmann::json::array();
               for (const auto& m : repo.run_meetings(id)) {
                   if (m.slot) continue;
                   unscheduled.push_back({{"request_id", m.request_id},
                                          {"priority", m.priority},
                                          {"reason", m.reason},
                                          {"importer", {{"id", m.importer_id}, {"name", m.importer_name}}},
                                          {"exhibitor", {{"id", m.exhibitor_id}, {"name", m.exhibitor_name}}}});
               }
               j["unscheduled"] = unscheduled;
               nlohmann::json fill_ins = nlohmann::json::array();
               auto fair_row = fair_or_404(c.db(), fair);
               auto offset = meetings::utc_offset_minutes(fair_row.time_zone);
               for (const auto& f : repo.run_fill_ins(id)) {
                   auto item = slot_json(f.slot, f.starts_at, f.ends_at, f.location, offset);
                   item.update({{"location_kind", f.location_kind},
                                {"score", f.score},
                                {"reason", reason_object(f.reason)},
                                {"request_id", f.request_id ? nlohmann::json(*f.request_id) : nlohmann::json(nullptr)},
                                {"importer", {{"id", f.importer_id}, {"name", f.importer_name}}},
                                {"exhibitor", {{"id", f.exhibitor_id}, {"name", f.exhibitor_name}}}});
                   fill_ins.push_back(std::move(item));
               }
               j["fill_in_meetings"] = fill_ins;
               return json_response(200, j);
           },
           "A scheduler run: status, progress (0-100), figures, every unscheduled meeting with its reason, and the "
           "fill-in meetings it placed (score, reason)"});

    r.add({"POST", "/api/v1/fairs/{fair}/schedule-runs/{run}/publish", "schedule_runs.publish", http::DbMode::write,
           http::access::fair_organizer("fair"),
           [](Context& c) {
               auto fair = path_id(c.req, "fair");
               auto id = path_id(c.req, "run");
               bool confirm = false;
               if (!c.req.body.empty()) {
                   auto body = parse_json_object(c.req);
                   FieldReader f(body, {"confirm"}, false);
                   if (auto it = body.find("confirm"); it != body.end()) {
                       if (!it->is_boolean()) f.add_error("confirm", "not_a_boolean", "Must be true or false.");
                       else confirm = it->get<bool>();
                   }
                   f.finish();
               }
               auto progress = c.app.schedule_jobs().progress(id);
               auto now = store::unix_now();
               store::Transaction tx(c.db());
               store::ScheduleRepository repo(c.db());
               auto run = run_in_fair(repo, fair, id);
               if (run.status == "running")
                   throw http::Problem{409, "run-not-finished", "Run not finished",
                                       progress ? "The run is still computing; publish it once it is done."
                                                : "The run was interrupted; start a new run.",
                                       {}};
               if (run.status == "failed")
                   throw http::Problem{409, "run-failed", "Run failed", "A failed run cannot be published.", {}};
               std::map<Id, store::Meeting> existing;
               for (auto& m : repo.fair_meetings(fair)) existing.emplace(m.request_id, std::move(m));
               auto fair_row = fair_or_404(c.db(), fair);
               auto offset = meetings::utc_offset_minutes(fair_row.time_zone);
               auto rows = repo.run_meetings(id);
               auto fill_ins = repo.run_fill_ins(id);
               auto plan = plan_publication(c.db(), id, existing, rows, fill_ins, now, offset);
               if (plan.affected_total > 0 && !confirm)
                   throw http::Problem{
                       409, "publish-needs-confirmation", "Publishing changes the published schedule",
                       "Publishing this run moves " + std::to_string(plan.moved) + " and cancels " +
                           std::to_string(plan.cancelled) + " published meetings (" + std::to_string(plan.started) +
                           " of the affected meetings have started or passed). Send {\"confirm\": true} to publish anyway.",
                       {},
                       {{"moved", plan.moved},
                        {"cancelled", plan.cancelled},
                        {"started", plan.started},
                        {"affected_total", plan.affected_total},
                        {"affected", plan.affected}}};
               store::MeetingRepository requests(c.db());
               int added = 0, moved = 0, unchanged = 0, cancelled = 0, fill_ins_published = 0;
               std::set<Id> held;
               for (const auto& p : plan.placed) {
                   Id request;
                   if (p.request) {
                       request = *p.request;
                   } else {
                       request = requests.insert_recommended(fair, p.importer_id, p.exhibitor_id, p.fill_in->score,
                                                             p.fill_in->reason, now);
                   }
                   if (p.fill_in) ++fill_ins_published;
                   held.insert(request);
                   auto it = existing.find(request);
                   if (it == existing.end()) {
                       store::Meeting m;
                       m.fair_id = fair;
                       m.request_id = request;
                       m.importer_id = p.importer_id;
                       m.exhibitor_id = p.exhibitor_id;
                       m.run_id = id;
                       m.slot = p.slot;
                       m.starts_at = p.starts_at;
                       m.ends_at = p.ends_at;
                       m.location_kind = p.location_kind;
                       m.location = p.location;
                       m.uid = uid_of(request);
                       m.sequence = 0;
                       repo.insert_meeting(m, now);
                       ++added;
                       continue;
                   }
                   auto m = it->second;
                   bool same = m.status == "scheduled" && m.starts_at == p.starts_at && m.ends_at == p.ends_at &&
                               m.location == p.location;
                   if (same) {
                       ++unchanged;
                       continue;
                   }
                   m.run_id = id;
                   m.slot = p.slot;
                   m.starts_at = p.starts_at;
                   m.ends_at = p.ends_at;
                   m.location_kind = p.location_kind;
                   m.location = p.location;
                   m.sequence += 1;
                   m.note = "";
                   repo.update_meeting(m, now);
                   ++moved;
               }
               for (const auto& [request, m] : existing) {
                   if (m.status != "scheduled" || held.count(request)) continue;
                   repo.cancel_meeting(m.id, m.sequence + 1, "Not in the newly published schedule.", now);
                   // A fill-in left out is over: its pair may request a meeting of their own.
                   if (m.is_fill_in) requests.set_request_status(request, "cancelled", "", now);
                   ++cancelled;
               }
               repo.mark_published(fair, id, now);
               nlohmann::json summary = {{"meetings", static_cast<int>(held.size())},
                                         {"added", added},
                                         {"moved", moved},
                                         {"unchanged", unchanged},
                                         {"cancelled", cancelled},
                                         {"fill_ins", fill_ins_published},
                                         {"confirmed", confirm}};
               audit(c, fair, "schedule.publish", "schedule_run", id, nullptr, summary);
               tx.commit();
               return json_response(200, {{"run", run_json(*repo.run(id), std::nullopt)}, {"published", summary}});
           },
           "Publish a finished run as the fair's schedule (organizers); moved meetings keep their UID and get a "
           "higher SEQUENCE. Answers 409 publish-needs-confirmation, listing the affected meetings, when it would "
           "move or cancel published meetings or place one at a time already started, unless {\"confirm\": true}"});

    r.add({"GET", "/api/v1/fairs/{fair}/meetings", "meetings.list", http::DbMode::read,
           http::access::fair_organizer("fair"),
           [](Context& c) {
               auto fair = fair_or_404(c.db(), path_id(c.req, "fair"));
               auto page = parse_page(c.req);
               auto offset = meetings::utc_offset_minutes(fair.time_zone);
               // Meetings without an outcome a grace period after their end (the live timer's flag).
               std::set<Id> unconfirmed;
               for (const auto& u : store::NotificationRepository(c.db()).unconfirmed(fair.id)) unconfirmed.insert(u.id);
               return list_response(store::ScheduleRepository(c.db()).list_meetings(fair.id, page), page,
                                    [&](const store::Meeting& m) {
                                        auto j = meeting_json(m, offset);
                                        j["flag"] = unconfirmed.count(m.id) ? nlohmann::json("unconfirmed") : nlohmann::json(nullptr);
                                        return j;
                                    });
           },
           "Every published meeting of the fair, by time (organizers); `flag` is \"unconfirmed\" for a meeting "
           "without an outcome a grace period after its end"});

    r.add({"GET", "/api/v1/fairs/{fair}/meetings.csv", "meetings.csv", http::DbMode::read,
           http::access::fair_organizer("fair"),
           [](Context& c) {
               auto fair = fair_or_404(c.db(), path_id(c.req, "fair"));
               auto offset = meetings::utc_offset_minutes(fair.time_zone).value_or(0);
               auto list = store::ScheduleRepository(c.db()).fair_meetings(fair.id);
               std::stable_sort(list.begin(), list.end(), [](const store::Meeting& a, const store::Meeting& b) {
                   return std::tie(a.starts_at, a.location, a.id) < std::tie(b.starts_at, b.location, b.id);
               });
               std::string out;
               csv::append_row(out, {"meeting_id", "status", "day", "local_start", "local_end", "start_utc", "end_utc",
                                     "slot", "location_kind", "location", "importer_id", "importer", "importer_country",
                                     "exhibitor_id", "exhibitor", "priority", "uid", "sequence", "source",
                                     "fill_in_score"});
               for (const auto& m : list) {
                   auto local_start = meetings::iso_utc(m.starts_at + offset * 60);
                   auto local_end = meetings::iso_utc(m.ends_at + offset * 60);
                   csv::append_row(out, {std::to_string(m.id), m.status, local_start.substr(0, 10),
                                         local_start.substr(11, 5), local_end.substr(11, 5),
                                         meetings::iso_utc(m.starts_at), meetings::iso_utc(m.ends_at),
                                         std::to_string(m.slot), m.location_kind, csv::spreadsheet_text(m.location),
                                         std::to_string(m.importer_id), csv::spreadsheet_text(m.importer_name),
                                         m.importer_country, std::to_string(m.exhibitor_id),
                                         csv::spreadsheet_text(m.exhibitor_name), m.priority, m.uid,
                                         std::to_string(m.sequence), m.is_fill_in ? "recommended" : "participant",
                                         m.fill_in_score ? std::to_string(*m.fill_in_score) : ""});
               }
               http::Response res;
               res.content_type = "text/csv; charset=utf-8";
               res.set_header("content-disposition",
                              "attachment; filename=\"meetings-fair-" + std::to_string(fair.id) + ".csv\"");
               res.body = std::move(out);
               return res;
           },
           "The whole published schedule as RFC 4180 CSV with a header (organizers)"});

    r.add({"GET", "/api/v1/me/schedule", "schedule.mine", http::DbMode::read, http::access::role({"importer", "exhibitor"}),
           [](Context& c) {
               auto fair_id = fair_query(c.req);
               auto fair = fair_or_404(c.db(), fair_id);
               auto me = my_participant(c, fair.id);
               auto offset = meetings::utc_offset_minutes(fair.time_zone);
               bool importer = me.side == store::Side::importer;
               nlohmann::json items = nlohmann::json::array(), cancelled = nlohmann::json::array();
               for (const auto& m : store::ScheduleRepository(c.db()).meetings_of(importer, me.id)) {
                   auto j = meeting_json(m, offset);
                   j["message"] = m.message;
                   if (importer)
                       j["counterpart"] = {{"kind", "exhibitor"}, {"id", m.exhibitor_id}, {"name", m.exhibitor_name},
                                           {"name_en", m.exhibitor_name_en}};
                   else
                       j["counterpart"] = {{"kind", "importer"}, {"id", m.importer_id}, {"name", m.importer_name},
                                           {"country", m.importer_country}};
                   (m.status == "scheduled" ? items : cancelled).push_back(std::move(j));
               }
               return json_response(200, {{"fair_id", fair.id},
                                          {"time_zone", fair.time_zone},
                                          {"utc_offset", offset ? nlohmann::json(meetings::offset_text(*offset)) : nullptr},
                                          {"items", items},
                                          {"cancelled", cancelled}});
           },
           "My published meetings in a fair, by time (cancelled ones listed apart)"});
}

}  // namespace fairmatch::server::api
