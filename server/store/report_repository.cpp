#include "server/store/report_repository.hpp"

#include "server/store/sqlite.hpp"

namespace fairmatch::server::store {

namespace sql {
constexpr const char* kTotals =
    "SELECT (SELECT count(*) FROM exhibitors WHERE fair_id = ?1 AND status = 'approved'), "
    "(SELECT count(*) FROM importers WHERE fair_id = ?1 AND status = 'approved'), "
    "(SELECT count(DISTINCT country) FROM importers WHERE fair_id = ?1 AND status = 'approved'), "
    "(SELECT count(DISTINCT province) FROM exhibitors WHERE fair_id = ?1 AND status = 'approved'), "
    "(SELECT count(*) FROM meeting_requests WHERE fair_id = ?1 AND status <> 'cancelled'), "
    "(SELECT count(*) FROM meeting_requests WHERE fair_id = ?1 AND status = 'accepted'), "
    "(SELECT count(*) FROM meetings WHERE fair_id = ?1 AND status = 'scheduled'), "
    "(SELECT count(*) FROM meeting_outcomes o JOIN meetings m ON m.id = o.meeting_id WHERE m.fair_id = ?1 AND o.outcome = 'held'), "
    "(SELECT count(*) FROM meeting_outcomes o JOIN meetings m ON m.id = o.meeting_id WHERE m.fair_id = ?1 AND o.outcome = 'no_show'), "
    "(SELECT count(*) FROM check_ins WHERE fair_id = ?1), "
    "(SELECT count(*) FROM deals WHERE fair_id = ?1 AND kind = 'contract'), "
    "(SELECT coalesce(sum(usd_cents), 0) FROM deals WHERE fair_id = ?1 AND kind = 'contract'), "
    "(SELECT count(*) FROM deals WHERE fair_id = ?1 AND kind = 'sample_order'), "
    "(SELECT count(*) FROM deals WHERE fair_id = ?1 AND kind = 'negotiation'), "
    "(SELECT count(DISTINCT exhibitor_id) FROM deals WHERE fair_id = ?1 AND kind = 'contract')";
constexpr const char* kByProvince =
    "SELECT province, count(*), 0 FROM exhibitors WHERE fair_id = ?1 AND status = 'approved' "
    "GROUP BY province ORDER BY 2 DESC, 1";
constexpr const char* kByCategory =
    "SELECT j.value, count(*), 0 FROM exhibitors e, json_each(e.categories) j WHERE e.fair_id = ?1 "
    "AND e.status = 'approved' GROUP BY j.value ORDER BY 2 DESC, 1";
constexpr const char* kByCountry =
    "SELECT country, count(*), 0 FROM importers WHERE fair_id = ?1 AND status = 'approved' "
    "GROUP BY country ORDER BY 2 DESC, 1";
// A contract counts for the exhibitor's first category.
constexpr const char* kContractsByCategory =
    "SELECT coalesce(json_extract(e.categories, '$[0]'), ''), count(*), sum(d.usd_cents) FROM deals d "
    "JOIN exhibitors e ON e.id = d.exhibitor_id WHERE d.fair_id = ?1 AND d.kind = 'contract' "
    "GROUP BY 1 ORDER BY 3 DESC, 1";
constexpr const char* kContractsByCountry =
    "SELECT i.country, count(*), sum(d.usd_cents) FROM deals d JOIN importers i ON i.id = d.importer_id "
    "WHERE d.fair_id = ?1 AND d.kind = 'contract' GROUP BY 1 ORDER BY 3 DESC, 1";
}  // namespace sql

static std::vector<CountRow> rows(Connection& db, const char* q, Id fair) {
    std::vector<CountRow> out;
    auto st = db.cached(q);
    st.bind(1, fair);
    while (st.step()) out.push_back({st.column_text(0), st.column_int(1), st.column_int(2)});
    return out;
}

ProgrammeFigures programme_figures(Connection& db, Id fair) {
    ProgrammeFigures f;
    {
        auto st = db.cached(sql::kTotals);
        st.bind(1, fair);
        st.step();
        std::int64_t* fields[] = {&f.exhibitors,     &f.importers,          &f.countries,  &f.provinces,
                                  &f.requests,       &f.requests_accepted,  &f.meetings_scheduled,
                                  &f.meetings_held,  &f.no_shows,           &f.checked_in, &f.contracts,
                                  &f.contract_usd_cents, &f.samples,        &f.negotiations,
                                  &f.contracting_exhibitors};
        for (int i = 0; i < 15; ++i) *fields[i] = st.column_int(i);
    }
    f.exhibitors_by_province = rows(db, sql::kByProvince, fair);
    f.exhibitors_by_category = rows(db, sql::kByCategory, fair);
    f.importers_by_country = rows(db, sql::kByCountry, fair);
    f.contracts_by_category = rows(db, sql::kContractsByCategory, fair);
    f.contracts_by_country = rows(db, sql::kContractsByCountry, fair);
    return f;
}

}  // namespace fairmatch::server::store
