// The programme report: what the fair achieved, as the organizer publishes
// it (JSON for the page and charts, CSV for spreadsheets).
#include "server/api/context.hpp"
#include "server/api/json_response.hpp"
#include "server/api/routes.hpp"
#include "server/api/validation.hpp"
#include "server/store/fair_repository.hpp"
#include "server/store/report_repository.hpp"

namespace fairmatch::server::api {

namespace {

std::string name_of(const std::vector<NamedCode>& list, const std::string& code, bool vi) {
    for (const auto& c : list)
        if (c.code == code) return vi ? c.name_vi : c.name_en;
    return code;
}

nlohmann::json report_json(Context& c, Id fair) {
    auto f = store::programme_figures(c.db(), fair);
    const auto& ref = c.app.reference();
    auto named = [&](const std::vector<store::CountRow>& rows, const std::vector<NamedCode>& list, bool with_value) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& r : rows) {
            nlohmann::json j = {{"code", r.key}, {"name_vi", name_of(list, r.key, true)},
                                {"name_en", name_of(list, r.key, false)}, {"count", r.count}};
            if (with_value) j["usd_cents"] = r.usd_cents;
            out.push_back(j);
        }
        return out;
    };
    std::vector<NamedCode> categories;
    for (const auto& cat : ref.categories) categories.push_back({cat.code, cat.name_vi, cat.name_en});
    auto per = [](std::int64_t total, std::int64_t n) { return n ? (total + n / 2) / n : 0; };
    return {{"fair_id", fair},
            {"exhibitors",
             {{"total", f.exhibitors},
              {"provinces", f.provinces},
              {"by_province", named(f.exhibitors_by_province, ref.provinces, false)},
              {"by_category", named(f.exhibitors_by_category, categories, false)}}},
            {"importers",
             {{"total", f.importers},
              {"countries", f.countries},
              {"by_country", named(f.importers_by_country, ref.countries, false)}}},
            {"check_ins", f.checked_in},
            {"meetings",
             {{"requested", f.requests},
              {"accepted", f.requests_accepted},
              {"scheduled", f.meetings_scheduled},
              {"held", f.meetings_held},
              {"no_show", f.no_shows}}},
            {"deals",
             {{"contracts", f.contracts},
              {"contract_value_usd_cents", f.contract_usd_cents},
              {"sample_orders", f.samples},
              {"in_negotiation", f.negotiations},
              {"average_per_exhibitor_usd_cents", per(f.contract_usd_cents, f.exhibitors)},
              {"average_per_contracting_exhibitor_usd_cents", per(f.contract_usd_cents, f.contracting_exhibitors)},
              {"by_category", named(f.contracts_by_category, categories, true)},
              {"by_country", named(f.contracts_by_country, ref.countries, true)}}},
            {"top_categories", named(std::vector<store::CountRow>(
                                         f.exhibitors_by_category.begin(),
                                         f.exhibitors_by_category.begin() +
                                             static_cast<long>(std::min<std::size_t>(10, f.exhibitors_by_category.size()))),
                                     categories, false)}};
}

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char ch : s) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return out + "\"";
}

}  // namespace

void add_report_routes(http::Router& r) {
    r.add({"GET", "/api/v1/fairs/{fair}/report", "report.json", http::DbMode::read, http::access::fair_organizer("fair"),
           [](Context& c) { return json_response(200, report_json(c, path_id(c.req, "fair"))); },
           "The programme report: participants by province, category and country, meetings, deals in USD"});
    r.add({"GET", "/api/v1/fairs/{fair}/report.csv", "report.csv", http::DbMode::read,
           http::access::fair_organizer("fair"),
           [](Context& c) {
               auto j = report_json(c, path_id(c.req, "fair"));
               std::string out = "section,key,name_vi,name_en,count,usd\r\n";
               auto line = [&](const std::string& section, const std::string& key, const std::string& vi,
                               const std::string& en, std::int64_t count, std::string usd) {
                   out += csv_field(section) + "," + csv_field(key) + "," + csv_field(vi) + "," + csv_field(en) + "," +
                          std::to_string(count) + "," + usd + "\r\n";
               };
               auto money = [](std::int64_t cents) {
                   char buf[32];
                   std::snprintf(buf, sizeof buf, "%lld.%02lld", static_cast<long long>(cents / 100),
                                 static_cast<long long>(cents % 100));
                   return std::string(buf);
               };
               line("summary", "exhibitors", "Doanh nghiệp trưng bày", "Exhibitors", j["exhibitors"]["total"], "");
               line("summary", "importers", "Nhà nhập khẩu", "Importers", j["importers"]["total"], "");
               line("summary", "countries", "Quốc gia", "Countries", j["importers"]["countries"], "");
               for (auto k : {"requested", "accepted", "scheduled", "held", "no_show"})
                   line("meetings", k, "", "", j["meetings"][k], "");
               line("deals", "contracts", "Hợp đồng", "Contracts", j["deals"]["contracts"],
                    money(j["deals"]["contract_value_usd_cents"]));
               line("deals", "average_per_exhibitor", "Bình quân mỗi doanh nghiệp", "Average per exhibitor", 0,
                    money(j["deals"]["average_per_exhibitor_usd_cents"]));
               for (const auto& [section, list] : {std::pair{"province", j["exhibitors"]["by_province"]},
                                                   std::pair{"category", j["exhibitors"]["by_category"]},
                                                   std::pair{"country", j["importers"]["by_country"]},
                                                   std::pair{"contracts_by_category", j["deals"]["by_category"]},
                                                   std::pair{"contracts_by_country", j["deals"]["by_country"]}})
                   for (const auto& row : list)
                       line(section, row["code"], row["name_vi"], row["name_en"], row["count"],
                            row.contains("usd_cents") ? money(row["usd_cents"]) : "");
               http::Response res;
               res.content_type = "text/csv; charset=utf-8";
               res.body = "\xEF\xBB\xBF" + out;  // BOM: spreadsheets then read the Vietnamese names right
               res.set_header("content-disposition", "attachment; filename=\"fairmatch-report.csv\"");
               return res;
           },
           "The programme report as CSV"});
}

}  // namespace fairmatch::server::api
