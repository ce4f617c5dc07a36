#include "server/store/outcome_repository.hpp"

#include "server/store/sqlite.hpp"

namespace fairmatch::server::store {

namespace sql {
constexpr const char* kSetOutcome =
    "INSERT INTO meeting_outcomes (meeting_id, outcome, absent_side, reported_by, reported_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (meeting_id) DO UPDATE SET outcome = ?2, absent_side = ?3, "
    "reported_by = ?4, reported_at = ?5";
constexpr const char* kOutcome = "SELECT outcome, coalesce(absent_side, '') FROM meeting_outcomes WHERE meeting_id = ?1";
constexpr const char* kSetFeedback =
    "INSERT INTO meeting_feedback (meeting_id, side, rating, comment, created_at) VALUES (?1, ?2, ?3, ?4, ?5) "
    "ON CONFLICT (meeting_id, side) DO UPDATE SET rating = ?3, comment = ?4, created_at = ?5";
constexpr const char* kAddLead =
    "INSERT INTO leads (fair_id, exhibitor_id, importer_id, note, created_at) VALUES (?1, ?2, ?3, ?4, ?5) "
    "ON CONFLICT (exhibitor_id, importer_id) DO NOTHING";
constexpr const char* kUpdateLeadNote = "UPDATE leads SET note = ?3 WHERE exhibitor_id = ?1 AND importer_id = ?2";
constexpr const char* kLeads =
    "SELECT l.id, l.importer_id, i.name, i.country, l.note, l.created_at FROM leads l "
    "JOIN importers i ON i.id = l.importer_id WHERE l.exhibitor_id = ?1 ORDER BY l.id DESC";
}  // namespace sql

void OutcomeRepository::set_outcome(Id meeting, std::string_view outcome, std::optional<std::string> absent_side,
                                    Id by, std::int64_t now) {
    auto st = db_.cached(sql::kSetOutcome);
    st.bind(1, meeting).bind(2, outcome);
    if (absent_side) st.bind(3, *absent_side); else st.bind_null(3);
    st.bind(4, by).bind(5, now);
    st.exec();
}

std::optional<std::pair<std::string, std::string>> OutcomeRepository::outcome(Id meeting) {
    auto st = db_.cached(sql::kOutcome);
    st.bind(1, meeting);
    if (!st.step()) return std::nullopt;
    return std::make_pair(st.column_text(0), st.column_text(1));
}

void OutcomeRepository::set_feedback(Id meeting, std::string_view side, std::int64_t rating, std::string_view comment,
                                     std::int64_t now) {
    auto st = db_.cached(sql::kSetFeedback);
    st.bind(1, meeting).bind(2, side).bind(3, rating).bind(4, comment).bind(5, now);
    st.exec();
}

bool OutcomeRepository::add_lead(Id fair, Id exhibitor, Id importer, std::string_view note, std::int64_t now) {
    {
        auto st = db_.cached(sql::kAddLead);
        st.bind(1, fair).bind(2, exhibitor).bind(3, importer).bind(4, note).bind(5, now);
        st.exec();
        if (db_.changes() > 0) return true;
    }
    auto st = db_.cached(sql::kUpdateLeadNote);
    st.bind(1, exhibitor).bind(2, importer).bind(3, note);
    st.exec();
    return false;
}

std::vector<Lead> OutcomeRepository::leads(Id exhibitor) {
    std::vector<Lead> out;
    auto st = db_.cached(sql::kLeads);
    st.bind(1, exhibitor);
    while (st.step())
        out.push_back({st.column_int(0), st.column_int(1), st.column_text(2), st.column_text(3), st.column_text(4),
                       st.column_int(5)});
    return out;
}

}  // namespace fairmatch::server::store
