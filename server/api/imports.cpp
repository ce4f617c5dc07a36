// Onboarding from spreadsheets: an organizer uploads a CSV of exhibitors or
// importers. A dry run reports every row-level error and writes nothing; a
// real run imports every row in one transaction or none, creating accounts
// with invitation links (placed in the outbox and returned once).
#include <map>
#include <set>

#include "server/api/access_helpers.hpp"
#include "server/api/context.hpp"
#include "server/api/json_response.hpp"
#include "server/api/profiles.hpp"
#include "server/api/routes.hpp"
#include "server/api/validation.hpp"
#include "server/auth/crypto.hpp"
#include "server/csv/csv.hpp"
#include "server/store/exhibitor_repository.hpp"
#include "server/store/importer_repository.hpp"
#include "server/store/sqlite.hpp"
#include "server/store/user_repository.hpp"

namespace fairmatch::server::api {

namespace {

constexpr std::int64_t kInviteSeconds = 14 * 24 * 3600;
constexpr std::size_t kMaxRows = 20000;

enum class ColumnType { text, integer, list, budget_amount, budget_currency };

struct Column {
    std::string_view name;
    ColumnType type;
    bool required;
};

// Spreadsheet columns; list cells separate their items with '|'.
const std::vector<Column>& exhibitor_columns() {
    static const std::vector<Column> c = {
        {"email", ColumnType::text, true},          {"name", ColumnType::text, true},
        {"name_en", ColumnType::text, false},       {"tax_code", ColumnType::text, true},
        {"province", ColumnType::text, true},       {"craft_village", ColumnType::text, false},
        {"description_vi", ColumnType::text, false}, {"description_en", ColumnType::text, false},
        {"categories", ColumnType::list, true},     {"materials", ColumnType::list, false},
        {"certifications", ColumnType::list, false}, {"moq", ColumnType::integer, false},
        {"monthly_capacity", ColumnType::integer, false}, {"lead_time_days", ColumnType::integer, false},
        {"price_tier", ColumnType::text, true},     {"export_markets", ColumnType::list, false},
        {"languages", ColumnType::list, false},     {"website", ColumnType::text, false}};
    return c;
}

const std::vector<Column>& importer_columns() {
    static const std::vector<Column> c = {
        {"email", ColumnType::text, true},          {"name", ColumnType::text, true},
        {"country", ColumnType::text, true},        {"buyer_type", ColumnType::text, true},
        {"categories", ColumnType::list, true},     {"required_certifications", ColumnType::list, false},
        {"price_tier", ColumnType::text, true},     {"order_quantity", ColumnType::integer, false},
        {"max_lead_time_days", ColumnType::integer, false},
        {"annual_budget_amount", ColumnType::budget_amount, true},
        {"annual_budget_currency", ColumnType::budget_currency, true}, {"languages", ColumnType::list, true}};
    return c;
}

struct RowError {
    std::size_t row;  // line number in the file
    std::string column;
    std::string code;
    std::string message;
};

std::vector<std::string> split_list(const std::string& cell) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= cell.size()) {
        auto bar = cell.find('|', start);
        if (bar == std::string::npos) bar = cell.size();
        std::string item = cell.substr(start, bar - start);
        while (!item.empty() && item.front() == ' ') item.erase(item.begin());
        while (!item.empty() && item.back() == ' ') item.pop_back();
        if (!item.empty()) out.push_back(item);
        start = bar + 1;
    }
    return out;
}

bool looks_like_email(std::string_view s) {
    auto at = s.find('@');
    return at != std::string_view::npos && at > 0 && s.find('.', at) != std::string_view::npos &&
           s.find(' ') == std::string_view::npos && s.size() <= 254;
}

std::string lower(std::string s) {
    for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}

}  // namespace

void add_import_routes(http::Router& r) {
    http::Route route{
        "POST", "/api/v1/fairs/{fair}/imports/{kind}", "imports.run", http::DbMode::write,
        http::access::fair_organizer("fair"),
        [](Context& c) {
            auto fair = path_id(c.req, "fair");
            std::string kind(c.req.path_param("kind"));
            if (kind != "exhibitors" && kind != "importers") throw http::not_found("Import exhibitors or importers.");
            bool dry_run = c.req.query_param("dry_run").value_or("true") != "false";
            auto ct = std::string(c.req.header("content-type").value_or(""));
            if (ct.rfind("text/csv", 0) != 0)
                throw http::Problem{415, "unsupported-media-type", "Unsupported media type",
                                    "Upload the spreadsheet as text/csv (UTF-8).", {}};
            if (utf8_length(c.req.body) < 0)
                throw http::Problem{422, "invalid-csv", "Invalid CSV", "The file is not UTF-8 text; export it as CSV UTF-8.", {}};
            csv::ParseError perr;
            auto table = csv::parse(c.req.body, perr);
            if (!table)
                throw http::Problem{422, "invalid-csv", "Invalid CSV",
                                    "Line " + std::to_string(perr.line) + ": " + perr.message, {}};
            if (table->rows.size() > kMaxRows)
                throw http::Problem{413, "too-many-rows", "Too many rows",
                                    "Import at most " + std::to_string(kMaxRows) + " rows at a time.", {}};
            const auto& columns = kind == "exhibitors" ? exhibitor_columns() : importer_columns();
            std::vector<RowError> errors;
            std::map<std::string, std::size_t> index;
            for (std::size_t i = 0; i < table->header.size(); ++i) index[table->header[i]] = i;
            for (const auto& h : table->header) {
                bool known = false;
                for (const auto& col : columns) known |= col.name == h;
                if (!known) errors.push_back({1, h, "unknown_column", "This column is not recognised."});
            }
            for (const auto& col : columns)
                if (col.required && !index.count(std::string(col.name)))
                    errors.push_back({1, std::string(col.name), "missing_column", "This column is required."});
            if (!errors.empty()) {
                nlohmann::json errs = nlohmann::json::array();
                for (const auto& e : errors)
                    errs.push_back({{"row", e.row}, {"column", e.column}, {"code", e.code}, {"message", e.message}});
                return json_response(422, {{"dry_run", dry_run}, {"rows", table->rows.size()}, {"valid_rows", 0},
                                           {"imported", 0}, {"errors", errs}});
            }

            store::Transaction tx(c.db());
            store::UserRepository users(c.db());
            std::set<std::string> seen_emails;
            std::vector<std::pair<std::string, Exhibitor>> exhibitors;
            std::vector<std::pair<std::string, Importer>> importers;
            std::size_t valid_rows = 0;
            for (const auto& rec : table->rows) {
                std::size_t before = errors.size();
                nlohmann::json body = nlohmann::json::object();
                std::string email;
                nlohmann::json budget = nlohmann::json::object();
                for (const auto& col : columns) {
                    auto it = index.find(std::string(col.name));
                    if (it == index.end()) continue;
                    std::string cell = it->second < rec.fields.size() ? rec.fields[it->second] : "";
                    if (col.name == "email") {
                        email = lower(cell);
                        continue;
                    }
                    if (cell.empty() && !col.required) continue;
                    switch (col.type) {
                        case ColumnType::text: body[std::string(col.name)] = cell; break;
                        case ColumnType::list: body[std::string(col.name)] = split_list(cell); break;
                        case ColumnType::integer:
                        case ColumnType::budget_amount: {
                            long long v = 0;
                            std::size_t used = 0;
                            try {
                                v = std::stoll(cell, &used);
                            } catch (...) {
                                used = 0;
                            }
                            if (used == 0 || used != cell.size()) {
                                errors.push_back({rec.line, std::string(col.name), "not_an_integer", "Must be a whole number."});
                                continue;
                            }
                            if (col.type == ColumnType::budget_amount) budget["amount"] = v;
                            else body[std::string(col.name)] = v;
                            break;
                        }
                        case ColumnType::budget_currency: budget["currency"] = cell; break;
                    }
                }
                if (!budget.empty()) body["annual_budget"] = budget;
                if (!looks_like_email(email))
                    errors.push_back({rec.line, "email", "invalid_email", "Must be an email address."});
                else if (!seen_emails.insert(email).second)
                    errors.push_back({rec.line, "email", "duplicate", "This email appears on an earlier row."});
                else if (users.find_by_email(email))
                    errors.push_back({rec.line, "email", "taken", "An account with this email exists already."});
                body["fair_id"] = fair;
                try {
                    if (kind == "exhibitors") {
                        Exhibitor e;
                        read_exhibitor(body, e, true, c.app.reference());
                        exhibitors.emplace_back(email, std::move(e));
                    } else {
                        Importer i;
                        read_importer(body, i, true, c.app.reference());
                        importers.emplace_back(email, std::move(i));
                    }
                } catch (const http::Problem& p) {
                    for (const auto& fe : p.errors) {
                        auto column = fe.field.substr(0, fe.field.find_first_of("[."));
                        if (column == "annual_budget")
                            column = fe.field.find("currency") != std::string::npos ? "annual_budget_currency"
                                                                                    : "annual_budget_amount";
                        errors.push_back({rec.line, column, fe.code, fe.message});
                    }
                }
                if (errors.size() == before) ++valid_rows;
            }

            nlohmann::json errs = nlohmann::json::array();
            for (const auto& e : errors)
                errs.push_back({{"row", e.row}, {"column", e.column}, {"code", e.code}, {"message", e.message}});
            nlohmann::json report = {{"dry_run", dry_run}, {"rows", table->rows.size()}, {"valid_rows", valid_rows},
                                     {"errors", errs}, {"imported", 0}};
            if (!errors.empty() || dry_run) return json_response(errors.empty() ? 200 : 422, report);

            // The real run: all rows, one transaction.
            auto now = store::unix_now();
            nlohmann::json invitations = nlohmann::json::array();
            auto invite = [&](const std::string& email, const std::string& name, const std::string& role) {
                auto uid = users.insert({0, email, "", name, role, role == "exhibitor" ? "vi" : "en", ""});
                auto token = auth::random_token();
                users.insert_one_time(uid, "invite", auth::token_hash(token), now, now + kInviteSeconds);
                auto link = c.app.config().public_url + "/#/invitation?token=" + token;
                users.insert_outbox({0, uid, "invitation", email,
                                     role == "exhibitor" ? "Lời mời tham gia hội chợ trên fairmatch"
                                                         : "Your invitation to the fair on fairmatch",
                                     role == "exhibitor" ? "Mở liên kết để đặt mật khẩu và quản lý hồ sơ của bạn."
                                                         : "Open the link to choose a password and manage your profile.",
                                     link, ""});
                invitations.push_back({{"email", email}, {"link", link}});
                return uid;
            };
            std::size_t imported = 0;
            for (auto& [email, e] : exhibitors) {
                e.owner_user_id = invite(email, e.name, "exhibitor");
                e.status = "approved";
                store::ExhibitorRepository(c.db()).insert(e);
                ++imported;
            }
            for (auto& [email, i] : importers) {
                i.owner_user_id = invite(email, i.name, "importer");
                i.status = "approved";
                store::ImporterRepository(c.db()).insert(i);
                ++imported;
            }
            audit(c, fair, "import." + kind, "fair", fair, nullptr, {{"imported", imported}});
            tx.commit();
            report["imported"] = imported;
            report["invitations"] = invitations;
            return json_response(201, report);
        },
        "Import exhibitors or importers from CSV (?dry_run=true by default: report only)"};
    route.max_body = 8 * 1024 * 1024;
    r.add(std::move(route));
}

}  // namespace fairmatch::server::api
