#include "server/store/deal_repository.hpp"

#include "server/store/common.hpp"
#include "server/store/sqlite.hpp"

namespace fairmatch::server::store {

namespace sql {
constexpr const char* kRates = "SELECT currency, usd_rate FROM currency_rates WHERE fair_id = ?1 ORDER BY currency";
constexpr const char* kClearRates = "DELETE FROM currency_rates WHERE fair_id = ?1";
constexpr const char* kSetRate = "INSERT INTO currency_rates (fair_id, currency, usd_rate) VALUES (?1, ?2, ?3)";
constexpr const char* kInsert =
    "INSERT INTO deals (fair_id, exhibitor_id, importer_id, meeting_id, kind, amount, currency, usd_cents, note, "
    "created_by, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)";
constexpr const char* kUpdate =
    "UPDATE deals SET meeting_id = ?2, kind = ?3, amount = ?4, currency = ?5, usd_cents = ?6, note = ?7, "
    "updated_at = ?8 WHERE id = ?1";
#define FM_DEAL_SELECT                                                                                     \
    "SELECT d.id, d.fair_id, d.exhibitor_id, d.importer_id, d.meeting_id, d.kind, d.amount, d.currency, "  \
    "d.usd_cents, d.note, d.created_by, d.created_at, d.updated_at, e.name, i.name FROM deals d "          \
    "JOIN exhibitors e ON e.id = d.exhibitor_id JOIN importers i ON i.id = d.importer_id "
constexpr const char* kFind = FM_DEAL_SELECT "WHERE d.id = ?1";
constexpr const char* kOfExhibitor = FM_DEAL_SELECT "WHERE d.fair_id = ?1 AND d.exhibitor_id = ?2 ORDER BY d.id";
constexpr const char* kOfImporter = FM_DEAL_SELECT "WHERE d.fair_id = ?1 AND d.importer_id = ?2 ORDER BY d.id";
constexpr const char* kOfFair = FM_DEAL_SELECT "WHERE d.fair_id = ?1 ORDER BY d.id";
#undef FM_DEAL_SELECT
constexpr const char* kAddChange =
    "INSERT INTO deal_history (deal_id, changed_by, before_json, after_json, changed_at) VALUES (?1, ?2, ?3, ?4, ?5)";
constexpr const char* kHistory =
    "SELECT id, changed_by, coalesce(before_json, ''), after_json, changed_at FROM deal_history WHERE deal_id = ?1 "
    "ORDER BY id";
}  // namespace sql

std::map<std::string, double> DealRepository::rates(Id fair) {
    std::map<std::string, double> out;
    auto st = db_.cached(sql::kRates);
    st.bind(1, fair);
    while (st.step()) out[st.column_text(0)] = st.column_double(1);
    return out;
}

void DealRepository::set_rates(Id fair, const std::map<std::string, double>& rates) {
    {
        auto st = db_.cached(sql::kClearRates);
        st.bind(1, fair);
        st.exec();
    }
    for (const auto& [cur, rate] : rates) {
        auto st = db_.cached(sql::kSetRate);
        st.bind(1, fair).bind(2, cur).bind(3, rate);
        st.exec();
    }
}

static Deal read_deal(Statement& st) {
    Deal d;
    d.id = st.column_int(0);
    d.fair_id = st.column_int(1);
    d.exhibitor_id = st.column_int(2);
    d.importer_id = st.column_int(3);
    if (!st.column_is_null(4)) d.meeting_id = st.column_int(4);
    d.kind = st.column_text(5);
    d.value = {st.column_int(6), st.column_text(7)};
    d.usd_cents = st.column_int(8);
    d.note = st.column_text(9);
    if (!st.column_is_null(10)) d.created_by = st.column_int(10);
    d.created_at = st.column_text(11);
    d.updated_at = st.column_text(12);
    d.exhibitor_name = st.column_text(13);
    d.importer_name = st.column_text(14);
    return d;
}

Id DealRepository::insert(const Deal& d) {
    auto st = db_.cached(sql::kInsert);
    st.bind(1, d.fair_id).bind(2, d.exhibitor_id).bind(3, d.importer_id);
    if (d.meeting_id) st.bind(4, *d.meeting_id); else st.bind_null(4);
    st.bind(5, d.kind).bind(6, d.value.amount).bind(7, d.value.currency).bind(8, d.usd_cents).bind(9, d.note);
    if (d.created_by) st.bind(10, *d.created_by); else st.bind_null(10);
    st.bind(11, utc_now());
    st.exec();
    return db_.last_insert_id();
}

void DealRepository::update(const Deal& d) {
    auto st = db_.cached(sql::kUpdate);
    st.bind(1, d.id);
    if (d.meeting_id) st.bind(2, *d.meeting_id); else st.bind_null(2);
    st.bind(3, d.kind).bind(4, d.value.amount).bind(5, d.value.currency).bind(6, d.usd_cents).bind(7, d.note);
    st.bind(8, utc_now());
    st.exec();
}

std::optional<Deal> DealRepository::find(Id id) {
    auto st = db_.cached(sql::kFind);
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return read_deal(st);
}

std::vector<Deal> DealRepository::of_profile(Id fair, std::string_view kind, Id profile) {
    std::vector<Deal> out;
    auto st = db_.cached(kind == "exhibitor" ? sql::kOfExhibitor : sql::kOfImporter);
    st.bind(1, fair).bind(2, profile);
    while (st.step()) out.push_back(read_deal(st));
    return out;
}

std::vector<Deal> DealRepository::of_fair(Id fair) {
    std::vector<Deal> out;
    auto st = db_.cached(sql::kOfFair);
    st.bind(1, fair);
    while (st.step()) out.push_back(read_deal(st));
    return out;
}

void DealRepository::add_change(Id deal, std::optional<Id> by, const std::string& before, const std::string& after) {
    auto st = db_.cached(sql::kAddChange);
    st.bind(1, deal);
    if (by) st.bind(2, *by); else st.bind_null(2);
    if (before.empty()) st.bind_null(3); else st.bind(3, before);
    st.bind(4, after).bind(5, utc_now());
    st.exec();
}

std::vector<DealChange> DealRepository::history(Id deal) {
    std::vector<DealChange> out;
    auto st = db_.cached(sql::kHistory);
    st.bind(1, deal);
    while (st.step()) {
        DealChange c;
        c.id = st.column_int(0);
        if (!st.column_is_null(1)) c.changed_by = st.column_int(1);
        c.before_json = st.column_text(2);
        c.after_json = st.column_text(3);
        c.changed_at = st.column_text(4);
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace fairmatch::server::store
