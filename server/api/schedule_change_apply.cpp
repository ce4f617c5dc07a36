// Live repair of the published schedule, shared by the organizer's
// schedule changes and the outcomes that imply one (a no-show): the engine
// moves as few future meetings as possible (matching::repair_schedule), the
// changes are written in the caller's transaction, and every participant of
// a changed meeting gets one personal notification, the organizers one event.
#include "server/api/schedule_change_apply.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

#include "matching/schedule_repair.hpp"
#include "server/api/access_helpers.hpp"
#include "server/api/meeting_helpers.hpp"
#include "server/api/notify.hpp"
#include "server/api/validation.hpp"
#include "server/store/meeting_repository.hpp"
#include "server/store/schedule_repository.hpp"
#include "server/store/sqlite.hpp"

namespace fairmatch::server::api {

namespace {

http::Problem stale(const std::string& why) {
    return {409, "schedule-stale", "Published schedule out of date",
            why + " Run the scheduler and publish again before recording changes.", {}};
}

// The published schedule as the engine's Schedule for `input` (same meeting order).
matching::Schedule published_schedule(meetings::ScheduleInput& input, const std::map<Id, store::Meeting>& published,
                                      const FairGrid& grid) {
    std::map<std::int64_t, int> slot_at;
    for (const auto& s : grid.slots) slot_at.emplace(s.starts_at, s.index);
    matching::Schedule sched;
    sched.meetings.resize(input.problem.meetings.size());
    for (std::size_t i = 0; i < input.request_ids.size(); ++i) {
        auto& p = sched.meetings[i];
        auto it = published.find(input.request_ids[i]);
        if (it == published.end() || it->second.status != "scheduled") {
            p.reason = matching::UnscheduledReason::capacity;
            continue;
        }
        const auto& m = it->second;
        auto slot = slot_at.find(m.starts_at);
        if (slot == slot_at.end()) throw stale("The meeting grid changed since the schedule was published.");
        const auto& meeting = input.problem.meetings[i];
        p.slot = slot->second;
        if (m.location_kind == "booth") {
            if (meeting.location != matching::LocationKind::booth ||
                input.booth_codes[static_cast<std::size_t>(meeting.first)] != m.location)
                throw stale("Booth " + m.location + " is no longer the exhibitor's booth.");
            p.location = matching::LocationKind::booth;
            p.location_index = meeting.first;
        } else {
            int table = 0;
            if (m.location.rfind("Table ", 0) == 0) table = std::atoi(m.location.c_str() + 6);
            if (meeting.location != matching::LocationKind::table || table < 1 || table > grid.grid.tables)
                throw stale("Meeting " + std::to_string(m.id) + " no longer fits the tables of the grid.");
            p.location = matching::LocationKind::table;
            p.location_index = table - 1;
        }
        // Availability edited after publication does not undo a published meeting: the
        // schedule stands until a change is recorded here.
        for (int who : {meeting.first, meeting.second}) {
            auto& un = input.problem.participants[static_cast<std::size_t>(who)].unavailable;
            un.erase(std::remove(un.begin(), un.end(), p.slot), un.end());
        }
    }
    sched.figures = matching::evaluate(input.problem, sched);
    auto violations = matching::check_feasibility(input.problem, sched);
    if (!violations.empty()) throw stale("The published schedule does not fit today's data (" + violations.front() + ").");
    return sched;
}

nlohmann::json placement_json(const meetings::ScheduleInput& input, const matching::Placement& p) {
    if (!p.held()) return nullptr;
    const auto& slot = input.slots[static_cast<std::size_t>(p.slot)];
    nlohmann::json j = {{"slot", p.slot},
                        {"start", meetings::iso_utc(slot.starts_at)},
                        {"end", meetings::iso_utc(slot.ends_at)},
                        {"location_kind", p.location == matching::LocationKind::booth ? "booth" : "table"},
                        {"location", p.location == matching::LocationKind::booth
                                         ? input.booth_codes[static_cast<std::size_t>(p.location_index)]
                                         : "Table " + std::to_string(p.location_index + 1)}};
    return j;
}

// First slot not entirely before `t`.
int slot_from(const FairGrid& g, std::int64_t t) {
    for (const auto& s : g.slots)
        if (s.ends_at > t) return s.index;
    return static_cast<int>(g.slots.size());
}
// First slot that starts at or after `t`.
int slot_at_or_after(const FairGrid& g, std::int64_t t) {
    for (const auto& s : g.slots)
        if (s.starts_at >= t) return s.index;
    return static_cast<int>(g.slots.size());
}



// One message per participant of each changed meeting: schedule_changed for
// the moved ones, meeting_cancelled for the dropped ones.
void notify_changes(Context& c, Id fair, std::string_view cause, const nlohmann::json& changes, std::int64_t now) {
    store::ScheduleRepository schedules(c.db());
    struct Box {
        nlohmann::json moved = nlohmann::json::array(), cancelled = nlohmann::json::array();
    };
    std::map<std::pair<std::string, Id>, Box> per;
    nlohmann::json ids = nlohmann::json::array();
    for (const auto& ch : changes) {
        if (!ch.contains("meeting_id")) continue;
        Id id = ch["meeting_id"].get<Id>();
        auto m = schedules.meeting(id);
        if (!m) continue;
        ids.push_back(id);
        for (bool importer : {true, false}) {
            nlohmann::json item = {{"meeting_id", id},
                                   {"before", ch.value("before", nlohmann::json(nullptr))},
                                   {"after", ch.value("after", nlohmann::json(nullptr))},
                                   {"counterpart",
                                    {{"kind", importer ? "exhibitor" : "importer"},
                                     {"id", importer ? m->exhibitor_id : m->importer_id},
                                     {"name", importer ? m->exhibitor_name : m->importer_name}}}};
            auto& box = per[{importer ? "importer" : "exhibitor", importer ? m->importer_id : m->exhibitor_id}];
            (item["after"].is_null() ? box.cancelled : box.moved).push_back(std::move(item));
        }
    }
    for (auto& [who, box] : per) {
        for (auto* list : {&box.moved, &box.cancelled}) {
            if (list->empty()) continue;
            nlohmann::json payload = (*list)[0];  // the first change at the top, all of them in `changes`
            payload["cause"] = cause;
            payload["changes"] = *list;
            notify(c, fair, who.first, who.second, list == &box.moved ? "schedule_changed" : "meeting_cancelled",
                   std::move(payload));
        }
    }
    if (!ids.empty())
        emit(c, fair, "schedule_changed",
             {{"cause", cause}, {"meetings", ids}, {"participants", static_cast<std::int64_t>(per.size())}});
    (void)now;
}

}  // namespace

nlohmann::json apply_schedule_change(Context& c, Id fair_id, const ScheduleChangeRequest& r, std::int64_t now,
                                     std::string_view cause) {
    const auto& kind = r.kind;
    const auto& reason = r.reason;
    Id meeting_id = r.meeting_id;
    struct {
        store::Side side;
        Id id;
    } who{r.side, r.participant};
    const auto& from = r.from;
    const auto& until = r.until;
    const auto& arrives = r.arrives;
    auto fair = fair_or_404(c.db(), fair_id);
    auto grid = load_grid(c.db(), fair);
    if (!grid || grid->slots.empty())
        throw http::Problem{409, "no-grid", "No meeting grid", "The fair has no meeting grid.", {}};
    store::ScheduleRepository schedules(c.db());
    store::MeetingRepository requests(c.db());
    std::map<Id, store::Meeting> published;
    for (auto& m : schedules.fair_meetings(fair.id)) published.emplace(m.request_id, std::move(m));
    auto input = load_problem(c.db(), fair.id, *grid);
    int now_slot = slot_at_or_after(*grid, now + 1);  // the slot under way is fixed too

    matching::ScheduleChange change;
    std::optional<store::Meeting> cancelled;
    std::optional<store::TimeRange> away;
    bool nothing_to_repair = false;
    if (kind == "cancellation") {
        auto m = schedules.meeting(meeting_id);
        if (!m || m->fair_id != fair.id) throw http::not_found("No such meeting in this fair.");
        if (m->status != "scheduled") throw http::conflict("Meeting " + std::to_string(m->id) + " is cancelled already.");
        if (m->starts_at <= now)
            throw http::Problem{409, "meeting-past", "Meeting under way or past",
                                "Only future meetings can be cancelled here.", {}};
        cancelled = m;
        change.kind = matching::ChangeKind::cancellation;
        auto idx = std::find(input.request_ids.begin(), input.request_ids.end(), m->request_id);
        if (idx == input.request_ids.end()) nothing_to_repair = true;  // no longer a schedulable request
        else change.meeting = static_cast<int>(idx - input.request_ids.begin());
    } else {
        auto p = requests.participant(who.side, who.id);
        if (!p || p->fair_id != fair.id)
            throw http::validation_failed({{"participant", "not_found", "No such participant in this fair."}});
        int index = -1;
        for (std::size_t i = 0; i < input.participants.size(); ++i)
            if (input.participants[i].side == who.side && input.participants[i].id == who.id)
                index = static_cast<int>(i);
        change.participant = index;
        if (kind == "absence") {
            auto end = until.value_or(grid->slots.back().ends_at);
            away = store::TimeRange{std::max(*from, now), end};
            change.kind = matching::ChangeKind::absence;
            change.from_slot = std::max(slot_from(*grid, *from), now_slot);
            change.until_slot = until ? slot_at_or_after(*grid, *until) : -1;
            if (change.until_slot == static_cast<int>(grid->slots.size())) change.until_slot = -1;
            nothing_to_repair = change.from_slot >= static_cast<int>(grid->slots.size()) ||
                                (change.until_slot != -1 && change.until_slot <= change.from_slot);
        } else {
            away = store::TimeRange{now, *arrives};
            int arrival = slot_at_or_after(*grid, *arrives);
            if (arrival >= static_cast<int>(grid->slots.size())) {
                change.kind = matching::ChangeKind::absence;  // away for the rest of the fair
                change.from_slot = now_slot;
                change.until_slot = -1;
            } else {
                change.kind = matching::ChangeKind::late_arrival;
                change.from_slot = arrival;
            }
            nothing_to_repair = arrival <= now_slot || now_slot >= static_cast<int>(grid->slots.size());
        }
        if (index < 0) nothing_to_repair = true;  // no meeting to move
    }

    nlohmann::json changes = nlohmann::json::array(), affected = nlohmann::json::array(),
                   notes = nlohmann::json::array();
    if (!nothing_to_repair) {
        auto sched = published_schedule(input, published, *grid);
        matching::RepairResult result;
        try {
            result = matching::repair_schedule(input.problem, sched, now_slot, change);
        } catch (const std::invalid_argument& e) {
            throw http::Problem{409, "invalid-change", "Change not possible", e.what(), {}};
        }
        std::string note = kind == "cancellation" ? "Moved after a cancellation."
                           : kind == "absence"    ? "Moved because a participant is away."
                                                  : "Moved because a participant arrives late.";
        for (const auto& ch : result.changes) {
            auto i = static_cast<std::size_t>(ch.meeting);
            if (i >= input.request_ids.size()) continue;
            Id request = input.request_ids[i];
            auto pm = published.find(request);
            nlohmann::json item = {{"request_id", request},
                                   {"before", placement_json(input, ch.before)},
                                   {"after", placement_json(input, ch.after)},
                                   {"reason", ch.after.held() ? "moved"
                                                              : std::string(meetings::reason_code(ch.after.reason))}};
            if (ch.after.held()) {
                const auto& slot = input.slots[static_cast<std::size_t>(ch.after.slot)];
                store::Meeting m;
                if (pm != published.end()) m = pm->second;
                m.slot = ch.after.slot;
                m.starts_at = slot.starts_at;
                m.ends_at = slot.ends_at;
                m.location_kind = item["after"]["location_kind"];
                m.location = item["after"]["location"];
                if (pm != published.end()) {
                    m.sequence += 1;
                    m.note = note;
                    schedules.update_meeting(m, now);
                    item["meeting_id"] = m.id;
                } else {
                    m.fair_id = fair.id;
                    m.request_id = request;
                    m.importer_id = input.participants[static_cast<std::size_t>(input.problem.meetings[i].second)].id;
                    m.exhibitor_id = input.participants[static_cast<std::size_t>(input.problem.meetings[i].first)].id;
                    m.uid = "request-" + std::to_string(request) + "@fairmatch";
                    item["meeting_id"] = schedules.insert_meeting(m, now);
                }
            } else if (pm != published.end() && pm->second.status == "scheduled") {
                std::string why = cancelled && cancelled->request_id == request
                                      ? "Cancelled by the organizer." + (reason.empty() ? "" : " " + reason)
                                      : "Dropped after a schedule change.";
                schedules.cancel_meeting(pm->second.id, pm->second.sequence + 1, why, now);
                item["meeting_id"] = pm->second.id;
            }
            changes.push_back(std::move(item));
        }
        for (int p : result.affected_participants) {
            const auto& ref = input.participants[static_cast<std::size_t>(p)];
            affected.push_back({{"kind", std::string(store::to_string(ref.side))}, {"id", ref.id}});
        }
        for (const auto& n : result.notes) notes.push_back(n);
    }
    if (cancelled) {
        // The request is called off too, so that later runs do not bring it back.
        requests.set_request_status(cancelled->request_id, "cancelled", reason, now);
        if (nothing_to_repair) {
            schedules.cancel_meeting(cancelled->id, cancelled->sequence + 1,
                                     "Cancelled by the organizer." + (reason.empty() ? "" : " " + reason), now);
            changes.push_back({{"meeting_id", cancelled->id}, {"request_id", cancelled->request_id},
                               {"before", nullptr}, {"after", nullptr}, {"reason", "cancelled"}});
            affected.push_back({{"kind", "importer"}, {"id", cancelled->importer_id}});
            affected.push_back({{"kind", "exhibitor"}, {"id", cancelled->exhibitor_id}});
        }
    }
    if (away && away->ends_at > away->starts_at)
        requests.add_unavailability(fair.id, who.side, who.id, *away);
    nlohmann::json out = {{"kind", kind},
                          {"now_slot", now_slot},
                          {"changes", changes},
                          {"affected", affected},
                          {"notes", notes}};
    notify_changes(c, fair.id, cause.empty() ? std::string_view(kind) : cause, changes, now);
    return out;
}

}  // namespace fairmatch::server::api
