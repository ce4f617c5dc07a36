#pragma once
#include <string>
#include <vector>

#include "server/domain/types.hpp"

namespace fairmatch::server::store {
class Connection;

struct CountRow {
    std::string key;
    std::int64_t count = 0;
    std::int64_t usd_cents = 0;  // for deal breakdowns
};

struct ProgrammeFigures {
    std::int64_t exhibitors = 0, importers = 0, countries = 0, provinces = 0;
    std::vector<CountRow> exhibitors_by_province, exhibitors_by_category, importers_by_country;
    std::int64_t requests = 0, requests_accepted = 0, meetings_scheduled = 0, meetings_held = 0, no_shows = 0;
    std::int64_t checked_in = 0;
    std::int64_t contracts = 0, contract_usd_cents = 0, samples = 0, negotiations = 0;
    std::int64_t contracting_exhibitors = 0;
    std::vector<CountRow> contracts_by_category, contracts_by_country;
};

// The programme's figures for the organizer's report, all from SQL
// aggregates over approved participants.
ProgrammeFigures programme_figures(Connection& db, Id fair);

}  // namespace fairmatch::server::store
