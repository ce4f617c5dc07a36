// After a meeting: either party marks it held, or the other side a no-show
// (a live event for the organizers' dashboard; a no-show repairs the
// schedule and tells everyone concerned); each side rates it. At the
// booth, an exhibitor saves an importer's badge as a lead, only when the
// importer agreed to lead sharing.
#include "server/api/access_helpers.hpp"
#include "server/api/context.hpp"
#include "server/api/json_response.hpp"
#include "server/api/meeting_helpers.hpp"
#include "server/api/notify.hpp"
#include "server/api/schedule_change_apply.hpp"
#include "server/api/routes.hpp"
#include "server/api/validation.hpp"
#include "server/store/live_repository.hpp"
#include "server/store/matching_repository.hpp"
#include "server/store/importer_repository.hpp"
#include "server/store/outcome_repository.hpp"
#include "server/store/schedule_repository.hpp"
#include "server/store/sqlite.hpp"

namespace fairmatch::server::api {

namespace {

// The caller's side of the meeting, or nullopt for an organizer of its fair.
std::optional<std::string> side_of(Context& c, const store::Meeting& m) {
    if (m.importer_owner && *m.importer_owner == c.who.user_id) return std::string("importer");
    if (m.exhibitor_owner && *m.exhibitor_owner == c.who.user_id) return std::string("exhibitor");
    return std::nullopt;
}

store::Meeting scheduled_meeting(Context& c) {
    auto m = store::ScheduleRepository(c.db()).meeting(path_id(c.req, "meeting"));
    if (!m) throw http::not_found();
    if (m->status != "scheduled") throw http::conflict("This meeting was cancelled.");
    return *m;
}

// A no-show: the absent side is taken to be away for the rest of that fair
// day, so its later meetings that day are repaired (moved, or dropped when
// no place is left) and everyone concerned is told. Returns the repair (or
// why there was none).
nlohmann::json repair_after_no_show(Context& c, const store::Meeting& m, const std::string& absent_side,
                                    std::int64_t now) {
    auto fair = fair_or_404(c.db(), m.fair_id);
    auto grid = load_grid(c.db(), fair);
    if (!grid || grid->slots.empty()) return {{"status", "no_grid"}};
    std::string day;
    for (const auto& s : grid->slots)
        if (s.starts_at == m.starts_at) day = s.day;
    std::int64_t until = 0;
    for (const auto& s : grid->slots)
        if (s.day == day && s.ends_at > until) until = s.ends_at;
    if (day.empty() || until <= now) return {{"status", "nothing_later_that_day"}};
    ScheduleChangeRequest change;
    change.kind = "absence";
    change.side = absent_side == "importer" ? store::Side::importer : store::Side::exhibitor;
    change.participant = absent_side == "importer" ? m.importer_id : m.exhibitor_id;
    change.from = now;
    change.until = until;
    change.reason = "No-show at meeting " + std::to_string(m.id) + ".";
    try {
        auto r = apply_schedule_change(c, m.fair_id, change, now, "no_show");
        r["status"] = "repaired";
        return r;
    } catch (const http::Problem& p) {
        // The outcome stands; the organizer repairs by hand (schedule changes say why).
        return {{"status", "not_repaired"}, {"detail", p.detail}};
    }
}

}  // namespace

void add_outcome_routes(http::Router& r) {
    r.add({"POST", "/api/v1/meetings/{meeting}/outcome", "meetings.outcome", http::DbMode::write,
           http::access::owner_or_fair_organizer(http::Resource::meeting, "meeting"),
           [](Context& c) {
               auto body = parse_json_object(c.req);
               FieldReader f(body, {"outcome", "absent_side"}, true);
               std::string outcome, absent;
               f.one_of("outcome", outcome, {"held", "no_show"}, true);
               f.one_of("absent_side", absent, {"importer", "exhibitor"}, false);
               f.finish();
               store::Transaction tx(c.db());
               auto m = scheduled_meeting(c);
               auto now = store::unix_now();
               if (m.starts_at > now)
                   throw http::conflict("The meeting has not started yet; report its outcome once it has.");
               auto side = side_of(c, m);
               std::optional<std::string> absent_side;
               if (outcome == "no_show") {
                   if (side) absent_side = *side == "importer" ? "exhibitor" : "importer";  // the other side
                   else if (!absent.empty()) absent_side = absent;
                   else throw http::validation_failed({{"absent_side", "required", "Say which side did not come."}});
               }
               store::OutcomeRepository outcomes(c.db());
               auto before = outcomes.outcome(m.id);
               bool new_no_show = outcome == "no_show" && (!before || before->first != "no_show" ||
                                                           before->second != *absent_side);
               outcomes.set_outcome(m.id, outcome, absent_side, c.who.user_id, now);
               emit(c, m.fair_id, "meeting_outcome",
                    {{"meeting_id", m.id}, {"outcome", outcome},
                     {"absent_side", absent_side ? nlohmann::json(*absent_side) : nlohmann::json(nullptr)},
                     {"slot", m.slot}});
               nlohmann::json out = {{"meeting_id", m.id},
                                     {"outcome", outcome},
                                     {"absent_side", absent_side ? nlohmann::json(*absent_side) : nlohmann::json(nullptr)}};
               if (new_no_show) {
                   for (bool importer : {true, false})
                       notify(c, m.fair_id, importer ? "importer" : "exhibitor", importer ? m.importer_id : m.exhibitor_id,
                              "no_show_recorded",
                              {{"meeting_id", m.id},
                               {"absent_side", *absent_side},
                               {"you_absent", (*absent_side == "importer") == importer},
                               {"start", meetings::iso_utc(m.starts_at)},
                               {"location", m.location},
                               {"counterpart", {{"kind", importer ? "exhibitor" : "importer"},
                                                {"id", importer ? m.exhibitor_id : m.importer_id},
                                                {"name", importer ? m.exhibitor_name : m.importer_name}}}});
                   out["repair"] = repair_after_no_show(c, m, *absent_side, now);
               }
               tx.commit();
               return json_response(200, out);
           },
           "Mark a meeting held, or the other side a no-show (its parties, or the fair's organizers)"});

    r.add({"POST", "/api/v1/meetings/{meeting}/feedback", "meetings.feedback", http::DbMode::write,
           http::access::owner_or_fair_organizer(http::Resource::meeting, "meeting"),
           [](Context& c) {
               auto body = parse_json_object(c.req);
               FieldReader f(body, {"rating", "comment"}, true);
               std::int64_t rating = 0;
               std::string comment;
               f.integer("rating", rating, 1, 5, true);
               f.text("comment", comment, {0, 2000, true}, false);
               f.finish();
               store::Transaction tx(c.db());
               auto m = scheduled_meeting(c);
               auto side = side_of(c, m);
               if (!side) throw http::Problem{403, "forbidden", "Forbidden", "Only the meeting's two sides rate it.", {}};
               store::OutcomeRepository(c.db()).set_feedback(m.id, *side, rating, comment, store::unix_now());
               tx.commit();
               return json_response(200, {{"meeting_id", m.id}, {"side", *side}, {"rating", rating}, {"comment", comment}});
           },
           "Rate a meeting after it (each side once; a new rating replaces the old)"});

    r.add({"POST", "/api/v1/fairs/{fair}/leads", "leads.create", http::DbMode::write, http::access::role({"exhibitor"}),
           [](Context& c) {
               auto fair = path_id(c.req, "fair");
               auto body = parse_json_object(c.req);
               FieldReader f(body, {"badge_code", "note"}, true);
               std::string code, note;
               f.text("badge_code", code, {1, 64}, true);
               f.text("note", note, {0, 2000, true}, false);
               f.finish();
               store::Transaction tx(c.db());
               auto mine = store::MatchingRepository(c.db()).exhibitor_of(c.who.user_id, fair);
               if (!mine) throw http::Problem{409, "no-profile", "No profile in this fair", "Create your exhibitor profile first.", {}};
               auto who = store::LiveRepository(c.db()).by_badge(fair, code);
               if (!who || who->kind != "importer")
                   throw http::Problem{404, "unknown-badge", "Unknown badge", "No importer of this fair has this badge.", {}};
               auto importer = store::ImporterRepository(c.db()).find(who->id);
               if (!importer->lead_sharing)
                   throw http::Problem{403, "no-consent", "No consent to share",
                                       who->name + " has not agreed to share contact details as a lead.", {}};
               bool created = store::OutcomeRepository(c.db()).add_lead(fair, *mine, who->id, note, store::unix_now());
               tx.commit();
               return json_response(created ? 201 : 200, {{"importer", {{"id", who->id}, {"name", who->name},
                                                                        {"country", who->country}}},
                                                          {"note", note}, {"created", created}});
           },
           "Save an importer as a lead by its badge code (exhibitors; only with the importer's consent)"});

    r.add({"GET", "/api/v1/me/leads", "leads.mine", http::DbMode::read, http::access::role({"exhibitor"}),
           [](Context& c) {
               auto fair = query_id(c.req, "fair");
               if (!fair) throw http::Problem{400, "invalid-query", "Invalid query parameters", "", {{"fair", "required", "Give fair=ID."}}};
               nlohmann::json items = nlohmann::json::array();
               if (auto mine = store::MatchingRepository(c.db()).exhibitor_of(c.who.user_id, *fair))
                   for (const auto& l : store::OutcomeRepository(c.db()).leads(*mine))
                       items.push_back({{"id", l.id},
                                        {"importer", {{"id", l.importer_id}, {"name", l.importer_name}, {"country", l.country}}},
                                        {"note", l.note},
                                        {"created_at", l.created_at}});
               return json_response(200, {{"items", items}});
           },
           "My company's leads in a fair (never another exhibitor's)"});
}

}  // namespace fairmatch::server::api
