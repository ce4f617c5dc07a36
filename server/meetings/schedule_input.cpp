#include "server/meetings/schedule_input.hpp"

#include <algorithm>

namespace fairmatch::server::meetings {

ScheduleInput build_schedule_input(const ScheduleRows& rows) {
    ScheduleInput in;
    in.slots = rows.slots;
    for (const auto& s : rows.slots) {
        matching::ScheduleSlot slot;
        slot.day = s.day_index;
        slot.session = s.morning ? matching::SessionKind::morning : matching::SessionKind::afternoon;
        slot.tables = rows.tables;
        in.problem.slots.push_back(slot);
    }
    in.problem.break_scope = matching::BreakScope::day;

    std::map<Id, int> importers, exhibitors;
    auto index_of = [&](store::Side side, Id id) {
        auto& m = side == store::Side::importer ? importers : exhibitors;
        auto [it, added] = m.emplace(id, static_cast<int>(in.participants.size()));
        if (added) {
            in.participants.push_back({side, id});
            matching::ScheduleParticipant p;
            p.importer = side == store::Side::importer;
            std::string booth;
            if (!p.importer && rows.use_booths)
                if (auto b = rows.booths.find(id); b != rows.booths.end()) booth = b->second;
            p.has_booth = !booth.empty();
            p.accepts_fill_ins = (p.importer ? rows.fill_in_importers : rows.fill_in_exhibitors).count(id) > 0;
            in.problem.participants.push_back(std::move(p));
            in.booth_codes.push_back(std::move(booth));
        }
        return it->second;
    };

    std::map<Id, int> meeting_of;  // request id -> engine meeting
    for (const auto& r : rows.requests) {
        int e = index_of(store::Side::exhibitor, r.exhibitor_id);
        int i = index_of(store::Side::importer, r.importer_id);
        matching::ScheduleMeeting m;
        m.first = e;  // a booth meeting's first participant is the booth's owner
        m.second = i;
        m.weight = r.priority == "must_meet" ? kMustMeetWeight : kWouldLikeWeight;
        m.location = in.problem.participants[static_cast<std::size_t>(e)].has_booth ? matching::LocationKind::booth
                                                                                    : matching::LocationKind::table;
        m.session = r.session_wish == "morning"     ? matching::SessionWish::morning
                    : r.session_wish == "afternoon" ? matching::SessionWish::afternoon
                                                    : matching::SessionWish::any;
        bool gone = false;
        if (r.fixed_starts_at) {
            auto slot = std::find_if(rows.slots.begin(), rows.slots.end(),
                                     [&](const GridSlot& s) { return s.starts_at == *r.fixed_starts_at; });
            if (slot != rows.slots.end()) m.fixed_slot = slot->index;
            else gone = m.cancelled = true;
        }
        meeting_of.emplace(r.id, static_cast<int>(in.problem.meetings.size()));
        in.problem.meetings.push_back(std::move(m));
        in.request_ids.push_back(r.id);
        in.fixed_slot_gone.push_back(gone);
    }
    // Precedences between two meetings of this input (others no longer apply).
    for (std::size_t k = 0; k < rows.requests.size(); ++k)
        for (auto before : rows.requests[k].after)
            if (auto it = meeting_of.find(before); it != meeting_of.end() && it->second != static_cast<int>(k))
                in.problem.meetings[k].after.push_back(it->second);

    for (const auto& f : rows.fill_ins) {
        if (f.score <= 0) continue;
        int e = index_of(store::Side::exhibitor, f.exhibitor_id);
        int i = index_of(store::Side::importer, f.importer_id);
        matching::FillInPair pair;
        pair.first = e;
        pair.second = i;
        pair.score = f.score;
        pair.location = in.problem.participants[static_cast<std::size_t>(e)].has_booth ? matching::LocationKind::booth
                                                                                       : matching::LocationKind::table;
        in.problem.fill_ins.push_back(pair);
        in.fill_ins.push_back(f);
    }

    for (const auto& u : rows.unavailable) {
        const auto& m = u.side == store::Side::importer ? importers : exhibitors;
        auto it = m.find(u.participant);
        if (it == m.end()) continue;  // has no meeting to schedule
        auto& slots = in.problem.participants[static_cast<std::size_t>(it->second)].unavailable;
        for (const auto& s : rows.slots)
            if (u.range.starts_at < s.ends_at && s.starts_at < u.range.ends_at) slots.push_back(s.index);
    }
    for (auto& p : in.problem.participants) {
        std::sort(p.unavailable.begin(), p.unavailable.end());
        p.unavailable.erase(std::unique(p.unavailable.begin(), p.unavailable.end()), p.unavailable.end());
    }
    return in;
}

std::string_view reason_code(matching::UnscheduledReason r) {
    using R = matching::UnscheduledReason;
    switch (r) {
        case R::none:
            return "none";
        case R::cancelled:
            return "cancelled";
        case R::no_common_slot:
            return "no_common_slot";
        case R::no_table:
            return "no_table";
        case R::precedence:
            return "precedence";
        case R::capacity:
            return "capacity";
        case R::absent:
            return "absent";
        case R::not_selected:
            return "not_selected";
    }
    return "unknown";
}

std::string_view meeting_reason(const ScheduleInput& in, const matching::Schedule& schedule, std::size_t m) {
    if (m < in.fixed_slot_gone.size() && in.fixed_slot_gone[m]) return "fixed_slot_gone";
    if (m >= schedule.meetings.size()) return "capacity";
    const auto& p = schedule.meetings[m];
    if (p.held()) return "none";
    return reason_code(p.reason == matching::UnscheduledReason::none ? matching::UnscheduledReason::capacity : p.reason);
}

namespace {
void put_location(const ScheduleInput& in, const matching::Placement& p, std::string& kind, std::string& label) {
    if (p.location == matching::LocationKind::booth) {
        kind = "booth";
        label = in.booth_codes[static_cast<std::size_t>(p.location_index)];
    } else {
        kind = "table";
        label = "Table " + std::to_string(p.location_index + 1);
    }
}
}  // namespace

std::vector<store::RunFillIn> fill_in_rows(const ScheduleInput& in, const matching::Schedule& schedule) {
    std::vector<store::RunFillIn> out;
    for (std::size_t f = 0; f < in.fill_ins.size() && f < schedule.fill_ins.size(); ++f) {
        const auto& p = schedule.fill_ins[f];
        if (!p.held() || p.slot >= static_cast<int>(in.slots.size())) continue;
        const auto& c = in.fill_ins[f];
        const auto& slot = in.slots[static_cast<std::size_t>(p.slot)];
        store::RunFillIn row;
        row.importer_id = c.importer_id;
        row.exhibitor_id = c.exhibitor_id;
        row.request_id = c.request_id;
        row.score = c.score;
        row.reason = c.reason;
        row.slot = p.slot;
        row.starts_at = slot.starts_at;
        row.ends_at = slot.ends_at;
        put_location(in, p, row.location_kind, row.location);
        out.push_back(std::move(row));
    }
    return out;
}

std::vector<store::RunMeeting> result_rows(const ScheduleInput& in, const matching::Schedule& schedule) {
    std::vector<store::RunMeeting> out;
    out.reserve(in.request_ids.size());
    for (std::size_t m = 0; m < in.request_ids.size() && m < schedule.meetings.size(); ++m) {
        const auto& p = schedule.meetings[m];
        store::RunMeeting row;
        row.request_id = in.request_ids[m];
        if (p.held() && p.slot < static_cast<int>(in.slots.size())) {
            const auto& slot = in.slots[static_cast<std::size_t>(p.slot)];
            row.slot = p.slot;
            row.starts_at = slot.starts_at;
            row.ends_at = slot.ends_at;
            row.reason = "none";
            put_location(in, p, row.location_kind, row.location);
        } else {
            row.reason = std::string(meeting_reason(in, schedule, m));
        }
        out.push_back(std::move(row));
    }
    return out;
}

}  // namespace fairmatch::server::meetings
