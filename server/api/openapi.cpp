#include "server/api/openapi.hpp"

#include <map>

namespace fairmatch::server::api {

namespace {

struct Doc {
    const char* request;   // component name of the JSON body, "" for none, "image" for raw images
    const char* response;  // component name, "List:X", "text", "image", "" for no body
    int status;            // success status
};

// One line per route name. A route added without a line here fails the
// OpenAPI test.
const std::map<std::string, Doc>& docs() {
    static const std::map<std::string, Doc> d = {
        {"system.healthz", {"", "Health", 200}},
        {"system.metrics", {"", "text", 200}},
        {"system.openapi", {"", "Object", 200}},
        {"reference.categories", {"", "CategoryList", 200}},
        {"reference.countries", {"", "CodeList", 200}},
        {"reference.provinces", {"", "CodeList", 200}},
        {"reference.certifications", {"", "CodeList", 200}},
        {"fairs.list", {"", "List:Fair", 200}},
        {"fairs.get", {"", "Fair", 200}},
        {"fairs.create", {"FairInput", "Fair", 201}},
        {"fairs.update", {"FairInput", "Fair", 200}},
        {"exhibitors.list", {"", "List:Exhibitor", 200}},
        {"exhibitors.get", {"", "Exhibitor", 200}},
        {"exhibitors.create", {"ExhibitorInput", "Exhibitor", 201}},
        {"exhibitors.update", {"ExhibitorInput", "Exhibitor", 200}},
        {"exhibitors.delete", {"", "", 204}},
        {"importers.list", {"", "List:Importer", 200}},
        {"importers.get", {"", "Importer", 200}},
        {"importers.create", {"ImporterInput", "Importer", 201}},
        {"importers.update", {"ImporterInput", "Importer", 200}},
        {"importers.delete", {"", "", 204}},
        {"products.list_of_exhibitor", {"", "List:Product", 200}},
        {"products.list", {"", "List:Product", 200}},
        {"products.get", {"", "Product", 200}},
        {"products.create", {"ProductInput", "Product", 201}},
        {"products.update", {"ProductInput", "Product", 200}},
        {"products.delete", {"", "", 204}},
        {"photos.upload", {"image", "Photo", 201}},
        {"photos.get", {"", "image", 200}},
        {"photos.delete", {"", "", 204}},
        {"auth.register", {"RegisterInput", "Session", 201}},
        {"auth.login", {"LoginInput", "Session", 200}},
        {"auth.logout", {"", "", 204}},
        {"auth.logout_all", {"", "", 204}},
        {"auth.me", {"", "Me", 200}},
        {"auth.reset_request", {"EmailInput", "Object", 202}},
        {"auth.reset_confirm", {"TokenPasswordInput", "", 204}},
        {"auth.accept_invitation", {"TokenPasswordInput", "Session", 200}},
        {"account.tokens", {"", "Object", 200}},
        {"account.token_create", {"NameInput", "Object", 201}},
        {"account.token_revoke", {"", "", 204}},
        {"account.sessions", {"", "Object", 200}},
        {"account.session_revoke", {"", "", 204}},
        {"participants.list", {"", "List:Object", 200}},
        {"participants.decide", {"DecisionInput", "Object", 200}},
        {"organizers.add", {"EmailInput", "User", 200}},
        {"audit.list", {"", "List:Object", 200}},
        {"outbox.list", {"", "List:Object", 200}},
        {"users.list", {"", "List:User", 200}},
        {"users.update", {"RoleInput", "User", 200}},
        {"imports.run", {"csv", "Object", 201}},
        {"recommendations.mine", {"", "Object", 200}},
        {"recommendations.pair", {"", "Object", 200}},
        {"weights.get", {"", "Object", 200}},
        {"weights.update", {"Object", "Object", 200}},
        {"shortlist.list", {"", "Object", 200}},
        {"shortlist.add", {"Object", "Object", 200}},
        {"shortlist.remove", {"", "", 204}},
        {"halls.list", {"", "Object", 200}},
        {"halls.create", {"Object", "Object", 201}},
        {"booths.list", {"", "Object", 200}},
        {"booths.create", {"Object", "Object", 201}},
        {"booths.update", {"Object", "Object", 200}},
        {"booths.hold", {"", "Object", 201}},
        {"booths.release", {"", "", 204}},
        {"booths.confirm", {"", "Object", 200}},
        {"booths.decide", {"DecisionInput", "Object", 200}},
        {"bookings.list", {"", "Object", 200}},
        {"booths.qr", {"", "image", 200}},
        {"booths.import", {"csv", "Object", 201}},
        {"booths.settings", {"Object", "Object", 200}},
        {"checkins.create", {"Object", "Object", 201}},
        {"badges.exhibitor", {"", "image", 200}},
        {"badges.importer", {"", "image", 200}},
        {"live.feed", {"", "Object", 101}},
        {"live.mine", {"", "Object", 101}},
        {"notifications.mine", {"", "Object", 200}},
        {"late_arrival.create", {"Object", "Object", 200}},
        {"live_settings.get", {"", "Object", 200}},
        {"live_settings.update", {"Object", "Object", 200}},
        {"meetings.unconfirmed", {"", "Object", 200}},
        {"rates.get", {"", "Object", 200}},
        {"rates.update", {"Object", "Object", 200}},
        {"deals.create", {"Object", "Object", 201}},
        {"deals.update", {"Object", "Object", 200}},
        {"deals.history", {"", "Object", 200}},
        {"deals.mine", {"", "Object", 200}},
        {"report.json", {"", "Object", 200}},
        {"report.csv", {"", "text", 200}},
        {"meetings.outcome", {"Object", "Object", 200}},
        {"meetings.feedback", {"Object", "Object", 200}},
        {"leads.create", {"Object", "Object", 201}},
        {"leads.mine", {"", "Object", 200}},
        {"meeting_requests.create", {"Object", "Object", 201}},
        {"meeting_requests.mine", {"", "Object", 200}},
        {"meeting_requests.respond", {"Object", "Object", 200}},
        {"meeting_requests.cancel", {"", "Object", 200}},
        {"meeting_requests.fair", {"", "List:Object", 200}},
        {"meeting_requests.constraints", {"Object", "Object", 200}},
        {"meeting_rules.get", {"", "Object", 200}},
        {"meeting_rules.update", {"Object", "Object", 200}},
        {"availability.get", {"", "Object", 200}},
        {"availability.update", {"Object", "Object", 200}},
        {"grid.get", {"", "Object", 200}},
        {"grid.update", {"Object", "Object", 200}},
        {"schedule_runs.create", {"Object", "Object", 202}},
        {"schedule_runs.list", {"", "List:Object", 200}},
        {"schedule_runs.get", {"", "Object", 200}},
        {"schedule_runs.publish", {"", "Object", 200}},
        {"meetings.list", {"", "List:Object", 200}},
        {"meetings.csv", {"", "text", 200}},
        {"schedule.mine", {"", "Object", 200}},
        {"calendar.create", {"", "Object", 201}},
        {"calendar.revoke", {"", "", 204}},
        {"calendar.feed", {"", "text", 200}},
        {"schedule_changes.create", {"Object", "Object", 200}},
    };
    return d;
}

nlohmann::json ref(const std::string& name) { return {{"$ref", "#/components/schemas/" + name}}; }

nlohmann::json str() { return {{"type", "string"}}; }
nlohmann::json integer() { return {{"type", "integer"}}; }
nlohmann::json str_array() { return {{"type", "array"}, {"items", str()}}; }

nlohmann::json object(nlohmann::json props, std::vector<std::string> required = {}) {
    nlohmann::json o = {{"type", "object"}, {"properties", std::move(props)}, {"additionalProperties", false}};
    if (!required.empty()) o["required"] = required;
    return o;
}

nlohmann::json components() {
    nlohmann::json money = object({{"amount", integer()}, {"currency", str()}}, {"amount", "currency"});
    nlohmann::json fair_props = {{"name_vi", str()}, {"name_en", str()},   {"venue", str()},
                                 {"city", str()},    {"time_zone", str()}, {"start_date", {{"type", "string"}, {"format", "date"}}},
                                 {"end_date", {{"type", "string"}, {"format", "date"}}},
                                 {"status", {{"enum", {"draft", "open", "live", "closed"}}}}};
    nlohmann::json exh_props = {
        {"fair_id", integer()},       {"name", str()},           {"name_en", str()},
        {"tax_code", str()},          {"province", str()},       {"craft_village", str()},
        {"description_vi", str()},    {"description_en", str()}, {"categories", str_array()},
        {"materials", str_array()},   {"certifications", str_array()}, {"moq", integer()},
        {"monthly_capacity", integer()}, {"lead_time_days", integer()},
        {"price_tier", {{"enum", {"budget", "mid", "premium", "luxury"}}}},
        {"export_markets", str_array()}, {"languages", str_array()}, {"website", str()}};
    nlohmann::json imp_props = {{"fair_id", integer()},
                                {"name", str()},
                                {"country", str()},
                                {"buyer_type", str()},
                                {"categories", str_array()},
                                {"required_certifications", str_array()},
                                {"price_tier", {{"enum", {"budget", "mid", "premium", "luxury"}}}},
                                {"order_quantity", integer()},
                                {"max_lead_time_days", integer()},
                                {"annual_budget", money},
                                {"languages", str_array()}};
    nlohmann::json prod_props = {{"name_vi", str()},         {"name_en", str()},      {"description_vi", str()},
                                 {"description_en", str()},  {"category", str()},     {"materials", str_array()},
                                 {"fob_price_min", integer()}, {"fob_price_max", integer()}, {"currency", str()},
                                 {"moq", integer()},         {"village", str()},      {"artisan", str()}};
    auto with_ids = [](nlohmann::json props, std::initializer_list<std::pair<const char*, nlohmann::json>> extra) {
        for (const auto& [k, v] : extra) props[k] = v;
        props["id"] = integer();
        props["created_at"] = str();
        props["updated_at"] = str();
        auto o = object(std::move(props));
        o.erase("additionalProperties");
        return o;
    };
    nlohmann::json photo = {{"type", "object"},
                            {"properties",
                             {{"id", integer()}, {"url", str()}, {"content_type", str()}, {"size", integer()},
                              {"created_at", str()}}}};
    nlohmann::json s;
    s["Problem"] = {{"type", "object"},
                    {"properties",
                     {{"type", str()},
                      {"title", str()},
                      {"status", integer()},
                      {"detail", str()},
                      {"request_id", str()},
                      {"errors",
                       {{"type", "array"},
                        {"items", object({{"field", str()}, {"code", str()}, {"message", str()}})}}}}},
                    {"required", {"type", "title", "status"}}};
    s["FairInput"] = object(fair_props, {"name_vi", "name_en", "venue", "city", "start_date", "end_date"});
    s["Fair"] = with_ids(fair_props, {{"counts", {{"type", "object"}}}});
    s["ExhibitorInput"] = object(exh_props, {"fair_id", "name", "tax_code", "province", "categories", "price_tier"});
    s["Exhibitor"] = with_ids(exh_props, {{"booth", {{"type", {"object", "null"}}}}});
    s["ImporterInput"] = object(imp_props, {"fair_id", "name", "country", "buyer_type", "categories", "price_tier",
                                            "annual_budget", "languages"});
    s["Importer"] = with_ids(imp_props, {});
    s["ProductInput"] = object(prod_props, {"name_vi", "category", "fob_price_min", "fob_price_max"});
    s["Product"] = with_ids(prod_props, {{"exhibitor_id", integer()}, {"hs_code", str()},
                                         {"photos", {{"type", "array"}, {"items", ref("Photo")}}}});
    s["Photo"] = photo;
    s["CodeList"] = {{"type", "object"},
                     {"properties",
                      {{"items", {{"type", "array"},
                                  {"items", object({{"code", str()}, {"name_vi", str()}, {"name_en", str()}})}}}}}};
    s["CategoryList"] = {{"type", "object"},
                         {"properties",
                          {{"items", {{"type", "array"},
                                      {"items", object({{"code", str()}, {"hs_code", str()}, {"name_vi", str()},
                                                        {"name_en", str()}})}}}}}};
    s["Health"] = {{"type", "object"}, {"properties", {{"status", str()}, {"database", {{"type", "object"}}}}}};
    s["Object"] = {{"type", "object"}};
    s["User"] = {{"type", "object"},
                 {"properties",
                  {{"id", integer()}, {"email", str()}, {"display_name", str()},
                   {"role", {{"enum", {"exhibitor", "importer", "organizer"}}}}, {"language", str()}}}};
    s["Session"] = {{"type", "object"}, {"properties", {{"user", ref("User")}, {"csrf_token", str()}}}};
    s["Me"] = {{"type", "object"}, {"properties", {{"id", integer()}, {"email", str()}, {"role", str()},
                                                    {"csrf_token", str()}, {"fairs_organized", {{"type", "array"}}},
                                                    {"profiles", {{"type", "array"}}}}}};
    s["RegisterInput"] = object({{"email", str()}, {"password", str()}, {"display_name", str()},
                                 {"language", {{"enum", {"vi", "en"}}}}, {"role", {{"enum", {"exhibitor", "importer"}}}}},
                                {"email", "password", "display_name", "role"});
    s["LoginInput"] = object({{"email", str()}, {"password", str()}}, {"email", "password"});
    s["EmailInput"] = object({{"email", str()}}, {"email"});
    s["TokenPasswordInput"] = object({{"token", str()}, {"password", str()}}, {"token", "password"});
    s["NameInput"] = object({{"name", str()}}, {"name"});
    s["DecisionInput"] = object({{"decision", {{"enum", {"approve", "reject"}}}}, {"reason", str()}}, {"decision"});
    s["RoleInput"] = object({{"role", {{"enum", {"organizer"}}}}}, {"role"});
    return s;
}

nlohmann::json response_content(const std::string& r) {
    if (r.empty()) return nullptr;
    if (r == "text") return {{"text/plain", {{"schema", str()}}}};
    if (r == "image") return {{"image/*", {{"schema", {{"type", "string"}, {"contentEncoding", "binary"}}}}}};
    if (r.rfind("List:", 0) == 0) {
        auto item = r.substr(5);
        return {{"application/json",
                 {{"schema",
                   {{"type", "object"},
                    {"properties",
                     {{"items", {{"type", "array"}, {"items", ref(item)}}},
                      {"total", integer()},
                      {"limit", integer()},
                      {"offset", integer()}}}}}}}};
    }
    return {{"application/json", {{"schema", ref(r)}}}};
}

}  // namespace

std::set<std::string> undocumented_routes(const http::Router& router) {
    std::set<std::string> out;
    for (const auto& r : router.routes())
        if (!docs().count(r.name)) out.insert(r.name);
    return out;
}

nlohmann::json openapi_document(const http::Router& router) {
    nlohmann::json paths = nlohmann::json::object();
    nlohmann::json problem = {{"application/problem+json", {{"schema", ref("Problem")}}}};
    for (const auto& r : router.routes()) {
        auto it = docs().find(r.name);
        nlohmann::json op;
        op["operationId"] = r.name;
        op["summary"] = r.summary;
        op["tags"] = {r.name.substr(0, r.name.find('.'))};
        static const char* rules[] = {"public", "signed_in", "role", "fair_organizer", "owner_or_fair_organizer", "self"};
        op["x-access"] = rules[static_cast<int>(r.access.rule)];
        if (r.access.rule == http::Rule::public_) op["security"] = nlohmann::json::array();
        nlohmann::json params = nlohmann::json::array();
        for (const auto& seg : r.segments) {
            if (seg.size() > 2 && seg.front() == '{')
                params.push_back({{"name", seg.substr(1, seg.size() - 2)},
                                  {"in", "path"},
                                  {"required", true},
                                  {"schema", integer()}});
        }
        if (r.name.ends_with(".list") || r.name.ends_with("list_of_exhibitor")) {
            params.push_back({{"name", "limit"}, {"in", "query"}, {"schema", {{"type", "integer"}, {"minimum", 1}, {"maximum", 100}}}});
            params.push_back({{"name", "offset"}, {"in", "query"}, {"schema", {{"type", "integer"}, {"minimum", 0}}}});
        }
        if (!params.empty()) op["parameters"] = params;
        nlohmann::json responses;
        if (it != docs().end()) {
            const Doc& d = it->second;
            if (std::string(d.request) == "csv") {
                op["requestBody"] = {{"required", true}, {"content", {{"text/csv", {{"schema", str()}}}}}};
            } else if (std::string(d.request) == "image") {
                op["requestBody"] = {{"required", true},
                                     {"content",
                                      {{"image/jpeg", {{"schema", {{"type", "string"}, {"contentEncoding", "binary"}}}}},
                                       {"image/png", {{"schema", {{"type", "string"}, {"contentEncoding", "binary"}}}}},
                                       {"image/webp", {{"schema", {{"type", "string"}, {"contentEncoding", "binary"}}}}}}}};
            } else if (*d.request) {
                op["requestBody"] = {{"required", true},
                                     {"content", {{"application/json", {{"schema", ref(d.request)}}}}}};
            }
            nlohmann::json ok = {{"description", "Success"}};
            auto content = response_content(d.response);
            if (!content.is_null()) ok["content"] = content;
            responses[std::to_string(d.status)] = ok;
        }
        responses["default"] = {{"description", "An RFC 9457 problem"}, {"content", problem}};
        op["responses"] = responses;
        std::string method = r.method;
        for (auto& ch : method) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        paths[r.pattern][method] = op;
    }
    nlohmann::json schemes = {{"session", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "fm_session"}}},
                               {"bearer", {{"type", "http"}, {"scheme", "bearer"}}}};
    auto comps = nlohmann::json{{"schemas", components()}, {"securitySchemes", schemes}};
    return {{"openapi", "3.1.0"},
            {"security", {{{"session", nlohmann::json::array()}}, {{"bearer", nlohmann::json::array()}}}},
            {"info",
             {{"title", "fairmatch API"},
              {"version", "0.1.0"},
              {"description", "Handicraft export fair: exhibitors, importers, products, meetings."}}},
            {"paths", paths},
            {"components", comps}};
}

}  // namespace fairmatch::server::api
