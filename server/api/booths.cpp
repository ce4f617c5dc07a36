// The floor plan: halls, booths and race-free booth booking. Exactly one
// winner per booth is the database's partial unique index on active
// bookings; the loser gets 409 naming the booth.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "server/api/access_helpers.hpp"
#include "server/api/context.hpp"
#include "server/api/json_response.hpp"
#include "server/api/routes.hpp"
#include "server/api/validation.hpp"
#include "server/csv/csv.hpp"
#include "server/domain/reference_data.hpp"
#include "server/qr/qr_svg.hpp"
#include "server/store/booth_repository.hpp"
#include "server/store/matching_repository.hpp"
#include "server/store/sqlite.hpp"

namespace fairmatch::server::api {

namespace {

const std::vector<std::string_view> kKinds = {"standard", "corner", "premium", "pavilion"};

std::string booth_status(const store::Booth& b) {
    if (b.blocked) return "blocked";
    if (!b.active) return "free";
    if (b.active->status == "approved") return "booked";
    return b.active->status;  // held | confirmed
}

nlohmann::json booth_json(const store::Booth& b, std::int64_t now, bool show_holder, std::optional<Id> mine = {}) {
    nlohmann::json j = {{"id", b.id},
                        {"fair_id", b.fair_id},
                        {"hall_id", b.hall_id},
                        {"code", b.code},
                        {"x", b.x},
                        {"y", b.y},
                        {"w", b.w},
                        {"h", b.h},
                        {"area_m2", b.area_m2},
                        {"kind", b.kind},
                        {"price", {{"amount", b.price.amount}, {"currency", b.price.currency}}},
                        {"blocked", b.blocked},
                        {"status", booth_status(b)},
                        {"exhibitor", nullptr},
                        {"hold_expires_at", nullptr},
                        {"hold_seconds_left", nullptr}};
    j["mine"] = b.active && mine && b.active->exhibitor_id == *mine;
    if (b.active) {
        if (show_holder || b.active->status == "approved" || j["mine"].get<bool>())
            j["exhibitor"] = {{"id", b.active->exhibitor_id}, {"name", b.active->exhibitor_name}};
        if (b.active->status == "held") {
            j["hold_expires_at"] = b.active->expires_at;
            j["hold_seconds_left"] = std::max<std::int64_t>(0, b.active->expires_at - now);
        }
        j["booking_id"] = b.active->id;
    }
    return j;
}

nlohmann::json booking_json(const store::Booking& k) {
    return {{"id", k.id},
            {"booth_id", k.booth_id},
            {"exhibitor_id", k.exhibitor_id},
            {"exhibitor_name", k.exhibitor_name},
            {"status", k.status},
            {"held_at", k.held_at},
            {"expires_at", k.expires_at},
            {"decided_at", k.decided_at ? nlohmann::json(*k.decided_at) : nlohmann::json(nullptr)},
            {"reason", k.reason}};
}

nlohmann::json hall_json(const store::Hall& h) {
    return {{"id", h.id}, {"code", h.code}, {"name_vi", h.name_vi}, {"name_en", h.name_en}, {"width", h.width},
            {"height", h.height}};
}

// A booth of this fair (404 otherwise).
store::Booth booth_in_fair(store::BoothRepository& repo, Id fair, Id booth, std::int64_t now) {
    auto b = repo.find(booth, now);
    if (!b || b->fair_id != fair) throw http::not_found("No such booth in this fair.");
    return *b;
}

// The signed-in exhibitor's profile in the fair (approved or still pending:
// the organizer approves the booking itself).
Id my_exhibitor(Context& c, Id fair) {
    auto id = store::MatchingRepository(c.db()).exhibitor_of(c.who.user_id, fair);
    if (!id)
        throw http::Problem{409, "no-profile", "No profile in this fair",
                            "Create your exhibitor profile in this fair first.", {}};
    return *id;
}

// The path's booth and the signed-in exhibitor's active booking on it, if
// any (in the caller's transaction).
struct MyBooth {
    store::Booth booth;
    std::optional<store::Booking> mine;
};
MyBooth my_booth(Context& c, store::BoothRepository& repo, Id fair, std::int64_t now) {
    auto b = booth_in_fair(repo, fair, path_id(c.req, "booth"), now);
    auto exhibitor = my_exhibitor(c, fair);
    std::optional<store::Booking> mine;
    if (b.active && b.active->exhibitor_id == exhibitor) mine = b.active;
    return {std::move(b), std::move(mine)};
}

void read_booth(FieldReader& r, store::Booth& b) {
    r.id("hall_id", b.hall_id, true);
    r.text("code", b.code, {1, 20}, true);
    r.integer("x", b.x, 0, 100000, true);
    r.integer("y", b.y, 0, 100000, true);
    r.integer("w", b.w, 1, 100000, true);
    r.integer("h", b.h, 1, 100000, true);
    r.one_of("kind", b.kind, kKinds, true);
    r.money("price", b.price, true);
}

double read_area(const nlohmann::json& body, FieldReader& r, bool required) {
    auto it = body.find("area_m2");
    if (it == body.end()) {
        if (required) r.add_error("area_m2", "required", "This field is required.");
        return 0;
    }
    if (!it->is_number() || it->get<double>() <= 0 || it->get<double>() > 100000) {
        r.add_error("area_m2", "out_of_range", "Must be a positive number of square metres.");
        return 0;
    }
    return std::round(it->get<double>() * 100) / 100;
}

}  // namespace

void add_booth_routes(http::Router& r) {
    r.add({"GET", "/api/v1/fairs/{fair}/halls", "halls.list", http::DbMode::read, http::access::public_(),
           [](Context& c) {
               nlohmann::json items = nlohmann::json::array();
               for (const auto& h : store::BoothRepository(c.db()).halls(path_id(c.req, "fair"))) items.push_back(hall_json(h));
               return json_response(200, {{"items", items}});
           },
           "The fair's halls"});
    r.add({"POST", "/api/v1/fairs/{fair}/halls", "halls.create", http::DbMode::write,
           http::access::fair_organizer("fair"),
           [](Context& c) {
               auto fair = path_id(c.req, "fair");
               auto body = parse_json_object(c.req);
               FieldReader f(body, {"code", "name_vi", "name_en", "width", "height"}, true);
               store::Hall h;
               h.fair_id = fair;
               f.text("code", h.code, {1, 20}, true);
               f.text("name_vi", h.name_vi, {1, 120}, true);
               f.text("name_en", h.name_en, {1, 120}, true);
               f.integer("width", h.width, 1, 100000, true);
               f.integer("height", h.height, 1, 100000, true);
               f.finish();
               store::Transaction tx(c.db());
               store::BoothRepository repo(c.db());
               try {
                   h.id = repo.insert_hall(h);
               } catch (const store::Error& e) {
                   if (e.is_unique_violation())
                       throw http::validation_failed({{"code", "taken", "A hall with this code exists in the fair."}});
                   throw;
               }
               audit(c, fair, "hall.create", "hall", h.id, nullptr, hall_json(h));
               tx.commit();
               return json_response(201, hall_json(h));
           },
           "Add a hall with its plan size (organizers)"});

    r.add({"GET", "/api/v1/fairs/{fair}/booths", "booths.list", http::DbMode::read, http::access::public_(),
           [](Context& c) {
               auto fair = path_id(c.req, "fair");
               auto now = store::unix_now();
               store::BoothRepository repo(c.db());
               bool organizer = organizes(c, fair);
               std::optional<Id> mine;
               if (c.who.is("exhibitor")) mine = store::MatchingRepository(c.db()).exhibitor_of(c.who.user_id, fair);
               nlohmann::json items = nlohmann::json::array();
               for (const auto& b : repo.list(fair, now)) items.push_back(booth_json(b, now, organizer, mine));
               nlohmann::json halls = nlohmann::json::array();
               for (const auto& h : repo.halls(fair)) halls.push_back(hall_json(h));
               auto s = repo.settings(fair);
               return json_response(200, {{"items", items},
                                          {"halls", halls},
                                          {"hold_minutes", s.hold_minutes},
                                          {"booths_per_exhibitor", s.per_exhibitor},
                                          {"now", now}});
           },
           "The floor plan: booths with status (free, held, confirmed, booked, blocked) and prices"});

    r.add({"POST", "/api/v1/fairs/{fair}/booths", "booths.create", http::DbMode::write,
           http::access::fair_organizer("fair"),
           [](Context& c) {
               auto fair = path_id(c.req, "fair");
               auto body = parse_json_object(c.req);
               std::vector<store::Booth> booths;
               if (body.contains("grid")) {
                   // A generated grid: rows x cols booths named PREFIX-1, PREFIX-2, ...
                   FieldReader f(body, {"hall_id", "grid", "kind", "price", "area_m2"}, true);
                   store::Booth proto;
                   f.id("hall_id", proto.hall_id, true);
                   f.one_of("kind", proto.kind, kKinds, true);
                   f.money("price", proto.price, true);
                   proto.area_m2 = read_area(body, f, true);
                   const auto& g = body["grid"];
                   std::string prefix;
                   std::int64_t rows = 0, cols = 0, x = 0, y = 0, w = 0, h = 0, gap = 0, start = 1;
                   if (!g.is_object()) {
                       f.add_error("grid", "not_an_object", "Must be an object.");
                   } else {
                       FieldReader gr(g, {"prefix", "rows", "cols", "x", "y", "w", "h", "gap", "start"}, true);
                       gr.text("prefix", prefix, {1, 10}, true);
                       gr.integer("rows", rows, 1, 100, true);
                       gr.integer("cols", cols, 1, 100, true);
                       gr.integer("x", x, 0, 100000, true);
                       gr.integer("y", y, 0, 100000, true);
                       gr.integer("w", w, 1, 10000, true);
                       gr.integer("h", h, 1, 10000, true);
                       gr.integer("gap", gap, 0, 10000, false);
                       gr.integer("start", start, 0, 100000, false);
                       for (const auto& e : gr.errors()) f.add_error("grid." + e.field, e.code, e.message);
                   }
                   f.finish();
                   for (std::int64_t row = 0; row < rows; ++row)
                       for (std::int64_t col = 0; col < cols; ++col) {
                           auto b = proto;
                           b.code = prefix + "-" + std::to_string(start + row * cols + col);
                           b.x = x + col * (w + gap);
                           b.y = y + row * (h + gap);
                           b.w = w;
                           b.h = h;
                           booths.push_back(b);
                       }
               } else {
                   FieldReader f(body, {"hall_id", "code", "x", "y", "w", "h", "area_m2", "kind", "price", "blocked"},
                                 true);
                   store::Booth b;
                   read_booth(f, b);
                   b.area_m2 = read_area(body, f, true);
                   if (body.contains("blocked")) {
                       if (!body["blocked"].is_boolean()) f.add_error("blocked", "not_a_boolean", "Must be true or false.");
                       else b.blocked = body["blocked"].get<bool>();
                   }
                   f.finish();
                   booths.push_back(b);
               }
               store::Transaction tx(c.db());
               store::BoothRepository repo(c.db());
               auto hall = repo.hall(booths.front().hall_id);
               if (!hall || hall->fair_id != fair)
                   throw http::validation_failed({{"hall_id", "not_found", "No such hall in this fair."}});
               nlohmann::json created = nlohmann::json::array();
               auto now = store::unix_now();
               for (auto& b : booths) {
                   b.fair_id = fair;
                   bool grid = body.contains("grid");
                   if (b.x + b.w > hall->width || b.y + b.h > hall->height)
                       throw http::validation_failed(
                           {{grid ? "grid.x" : "x", "outside_hall", "Booth " + b.code + " lies outside the hall."}});
                   try {
                       b.id = repo.insert_booth(b);
                   } catch (const store::Error& e) {
                       if (e.is_unique_violation())
                           throw http::validation_failed(
                               {{grid ? "grid.prefix" : "code", "taken", "Booth code " + b.code + " exists already."}});
                       throw;
                   }
                   created.push_back(booth_json(*repo.find(b.id, now), now, true));
               }
               audit(c, fair, "booths.create", "fair", fair, nullptr, {{"count", booths.size()}});
               tx.commit();
               return json_response(201, {{"items", created}});
           },
           "Add a booth, or a generated grid of booths (organizers)"});

    http::Route import{
        "POST", "/api/v1/fairs/{fair}/booths/import", "booths.import", http::DbMode::write,
        http::access::fair_organizer("fair"),
        [](Context& c) {
            // Columns: hall (code), code, x, y, w, h, area_m2, kind, price_amount, price_currency, blocked.
            auto fair = path_id(c.req, "fair");
            bool dry_run = c.req.query_param("dry_run").value_or("true") != "false";
            if (std::string(c.req.header("content-type").value_or("")).rfind("text/csv", 0) != 0)
                throw http::Problem{415, "unsupported-media-type", "Unsupported media type", "Upload text/csv.", {}};
            csv::ParseError perr;
            auto table = csv::parse(c.req.body, perr);
            if (!table)
                throw http::Problem{422, "invalid-csv", "Invalid CSV",
                                    "Line " + std::to_string(perr.line) + ": " + perr.message, {}};
            static const std::vector<std::string> columns = {"hall", "code", "x", "y", "w", "h", "area_m2",
                                                             "kind", "price_amount", "price_currency", "blocked"};
            nlohmann::json errors = nlohmann::json::array();
            std::map<std::string, std::size_t> index;
            for (std::size_t i = 0; i < table->header.size(); ++i) index[table->header[i]] = i;
            for (const auto& col : columns)
                if (col != "blocked" && !index.count(col))
                    errors.push_back({{"row", 1}, {"column", col}, {"code", "missing_column"}, {"message", "This column is required."}});
            store::Transaction tx(c.db());
            store::BoothRepository repo(c.db());
            std::map<std::string, store::Hall> halls;
            for (const auto& h : repo.halls(fair)) halls[h.code] = h;
            std::vector<store::Booth> booths;
            std::set<std::string> codes;
            for (const auto& b : repo.list(fair, 0)) codes.insert(b.code);
            if (errors.empty()) {
                for (const auto& rec : table->rows) {
                    auto cell = [&](const std::string& col) {
                        auto it = index.find(col);
                        return it != index.end() && it->second < rec.fields.size() ? rec.fields[it->second] : std::string();
                    };
                    auto bad = [&](const std::string& col, const std::string& msg) {
                        errors.push_back({{"row", rec.line}, {"column", col}, {"code", "invalid"}, {"message", msg}});
                    };
                    auto number = [&](const std::string& col, long long min, long long max) -> long long {
                        auto v = cell(col);
                        std::size_t used = 0;
                        long long x = 0;
                        try { x = std::stoll(v, &used); } catch (...) { used = 0; }
                        if (used == 0 || used != v.size() || x < min || x > max) {
                            bad(col, "Must be a whole number from " + std::to_string(min) + " to " + std::to_string(max) + ".");
                            return min;
                        }
                        return x;
                    };
                    store::Booth b;
                    b.fair_id = fair;
                    auto hall = halls.find(cell("hall"));
                    if (hall == halls.end()) bad("hall", "No hall with this code in the fair.");
                    else b.hall_id = hall->second.id;
                    b.code = cell("code");
                    if (b.code.empty() || b.code.size() > 20) bad("code", "Must be 1 to 20 characters.");
                    else if (!codes.insert(b.code).second) bad("code", "Booth code " + b.code + " exists already.");
                    b.x = number("x", 0, 100000);
                    b.y = number("y", 0, 100000);
                    b.w = number("w", 1, 100000);
                    b.h = number("h", 1, 100000);
                    try {
                        std::size_t used = 0;
                        b.area_m2 = std::stod(cell("area_m2"), &used);
                        if (used != cell("area_m2").size() || b.area_m2 <= 0) throw std::invalid_argument("area");
                    } catch (...) {
                        bad("area_m2", "Must be a positive number of square metres.");
                    }
                    b.kind = cell("kind");
                    if (std::find(kKinds.begin(), kKinds.end(), b.kind) == kKinds.end())
                        bad("kind", "Must be one of: standard, corner, premium, pavilion.");
                    b.price.amount = number("price_amount", 0, 100'000'000'000);
                    b.price.currency = cell("price_currency");
                    if (!is_currency_code(b.price.currency)) bad("price_currency", "Must be a known ISO 4217 currency code.");
                    auto blocked = cell("blocked");
                    b.blocked = blocked == "1" || blocked == "true" || blocked == "yes";
                    if (hall != halls.end() && (b.x + b.w > hall->second.width || b.y + b.h > hall->second.height))
                        bad("x", "The booth lies outside hall " + hall->second.code + ".");
                    booths.push_back(std::move(b));
                }
            }
            nlohmann::json report = {{"dry_run", dry_run}, {"rows", table->rows.size()}, {"errors", errors}, {"imported", 0}};
            if (!errors.empty()) return json_response(422, report);
            if (dry_run) return json_response(200, report);
            for (const auto& b : booths) repo.insert_booth(b);
            audit(c, fair, "booths.import", "fair", fair, nullptr, {{"imported", booths.size()}});
            tx.commit();
            report["imported"] = booths.size();
            return json_response(201, report);
        },
        "Import booths from CSV (?dry_run=true by default: report only; all rows or none)"};
    import.max_body = 4 * 1024 * 1024;
    r.add(std::move(import));

    r.add({"PATCH", "/api/v1/fairs/{fair}/booths/{booth}", "booths.update", http::DbMode::write,
           http::access::fair_organizer("fair"),
           [](Context& c) {
               auto fair = path_id(c.req, "fair");
               auto body = parse_json_object(c.req);
               store::Transaction tx(c.db());
               store::BoothRepository repo(c.db());
               auto now = store::unix_now();
               auto b = booth_in_fair(repo, fair, path_id(c.req, "booth"), now);
               auto before = booth_json(b, now, true);
               FieldReader f(body, {"code", "x", "y", "w", "h", "area_m2", "kind", "price", "blocked"}, false);
               f.text("code", b.code, {1, 20}, false);
               f.integer("x", b.x, 0, 100000, false);
               f.integer("y", b.y, 0, 100000, false);
               f.integer("w", b.w, 1, 100000, false);
               f.integer("h", b.h, 1, 100000, false);
               if (body.contains("area_m2")) b.area_m2 = read_area(body, f, false);
               f.one_of("kind", b.kind, kKinds, false);
               f.money("price", b.price, false);
               if (body.contains("blocked")) {
                   if (!body["blocked"].is_boolean()) f.add_error("blocked", "not_a_boolean", "Must be true or false.");
                   else b.blocked = body["blocked"].get<bool>();
               }
               f.finish();
               if (b.blocked && b.active)
                   throw http::conflict("Booth " + b.code + " has an active booking; reject it before blocking.");
               repo.update_booth(b);
               auto after = booth_json(*repo.find(b.id, now), now, true);
               audit(c, fair, "booth.update", "booth", b.id, before, after);
               tx.commit();
               return json_response(200, after);
           },
           "Edit a booth: price, kind, size, blocked (organizers)"});

    r.add({"POST", "/api/v1/fairs/{fair}/booths/{booth}/hold", "booths.hold", http::DbMode::write,
           http::access::role({"exhibitor"}),
           [](Context& c) {
               auto fair = path_id(c.req, "fair");
               auto now = store::unix_now();
               store::Transaction tx(c.db());
               store::BoothRepository repo(c.db());
               repo.expire_holds(now);
               auto b = booth_in_fair(repo, fair, path_id(c.req, "booth"), now);
               auto exhibitor = my_exhibitor(c, fair);
               if (b.blocked) throw http::conflict("Booth " + b.code + " is not open for booking.");
               auto settings = repo.settings(fair);
               if (b.active && b.active->exhibitor_id == exhibitor)
                   throw http::conflict("You already hold booth " + b.code + ".");
               if (repo.active_bookings_of(exhibitor) >= settings.per_exhibitor)
                   throw http::Problem{409, "booth-limit", "Booth limit reached",
                                       "An exhibitor may hold or book at most " + std::to_string(settings.per_exhibitor) +
                                           " booth(s) in this fair; release the other one first.",
                                       {}};
               Id booking;
               try {
                   booking = repo.insert_hold(b.id, exhibitor, now, now + settings.hold_minutes * 60);
               } catch (const store::Error& e) {
                   if (!e.is_unique_violation()) throw;
                   throw http::Problem{409, "booth-taken", "Booth taken",
                                       "Booth " + b.code + " is already held or booked by another exhibitor.", {},
                                       {{"booth", b.code}}};
               }
               tx.commit();
               auto res = json_response(201, {{"booking", booking_json(*repo.booking(booking))},
                                              {"booth", booth_json(*repo.find(b.id, now), now, true)}});
               return res;
           },
           "Hold a free booth for a limited time (exhibitors; 409 when taken)"});

    r.add({"DELETE", "/api/v1/fairs/{fair}/booths/{booth}/hold", "booths.release", http::DbMode::write,
           http::access::role({"exhibitor"}),
           [](Context& c) {
               auto fair = path_id(c.req, "fair");
               auto now = store::unix_now();
               store::Transaction tx(c.db());
               store::BoothRepository repo(c.db());
               auto [b, mine] = my_booth(c, repo, fair, now);
               if (!mine) throw http::not_found("You hold no booking on this booth.");
               repo.set_status(mine->id, "released", "", now);
               tx.commit();
               http::Response res;
               res.status = 204;
               return res;
           },
           "Release my hold or booking of a booth; it is free for others at once"});

    r.add({"POST", "/api/v1/fairs/{fair}/booths/{booth}/confirm", "booths.confirm", http::DbMode::write,
           http::access::role({"exhibitor"}),
           [](Context& c) {
               auto fair = path_id(c.req, "fair");
               auto now = store::unix_now();
               store::Transaction tx(c.db());
               store::BoothRepository repo(c.db());
               auto [b, mine] = my_booth(c, repo, fair, now);
               if (!mine || mine->status != "held")
                   throw http::conflict("You have no current hold on booth " + b.code + " (it may have expired).");
               repo.set_status(mine->id, "confirmed", "", now);
               tx.commit();
               return json_response(200, booth_json(*repo.find(b.id, now), now, true));
           },
           "Confirm my hold: the booking waits for the organizer's approval"});

    r.add({"POST", "/api/v1/fairs/{fair}/booths/{booth}/decision", "booths.decide", http::DbMode::write,
           http::access::fair_organizer("fair"),
           [](Context& c) {
               auto fair = path_id(c.req, "fair");
               auto body = parse_json_object(c.req);
               FieldReader f(body, {"decision", "reason", "booking_id"}, true);
               std::string decision, reason;
               Id booking_id = 0;
               f.one_of("decision", decision, {"approve", "reject"}, true);
               f.text("reason", reason, {0, 500, true}, false);
               f.id("booking_id", booking_id, false);
               if (decision == "reject" && reason.empty())
                   f.add_error("reason", "required", "Give the exhibitor a reason when rejecting.");
               f.finish();
               auto now = store::unix_now();
               store::Transaction tx(c.db());
               store::BoothRepository repo(c.db());
               auto b = booth_in_fair(repo, fair, path_id(c.req, "booth"), now);
               if (!b.active) throw http::conflict("Booth " + b.code + " has no booking to decide on.");
               if (booking_id && booking_id != b.active->id)
                   throw http::Problem{409, "stale-booking", "The booking changed",
                                       "Booth " + b.code + " has another booking now; reload before deciding.", {}};
               auto before = booking_json(*b.active);
               repo.set_status(b.active->id, decision == "approve" ? "approved" : "rejected", reason, now, true);
               auto after = booking_json(*repo.booking(b.active->id));
               audit(c, fair, "booking." + decision, "booking", b.active->id, before, after);
               tx.commit();
               return json_response(200, booth_json(*repo.find(b.id, now), now, true));
           },
           "Approve or reject a booth booking (organizers); a rejection frees the booth at once"});

    r.add({"PUT", "/api/v1/fairs/{fair}/booth-settings", "booths.settings", http::DbMode::write,
           http::access::fair_organizer("fair"),
           [](Context& c) {
               auto fair = path_id(c.req, "fair");
               auto body = parse_json_object(c.req);
               store::Transaction tx(c.db());
               store::BoothRepository repo(c.db());
               auto s = repo.settings(fair);
               auto before = nlohmann::json{{"hold_minutes", s.hold_minutes}, {"booths_per_exhibitor", s.per_exhibitor}};
               FieldReader f(body, {"hold_minutes", "booths_per_exhibitor"}, false);
               f.integer("hold_minutes", s.hold_minutes, 1, 1440, false);
               f.integer("booths_per_exhibitor", s.per_exhibitor, 1, 20, false);
               f.finish();
               repo.set_settings(fair, s);
               auto after = nlohmann::json{{"hold_minutes", s.hold_minutes}, {"booths_per_exhibitor", s.per_exhibitor}};
               audit(c, fair, "booths.settings", "fair", fair, before, after);
               tx.commit();
               return json_response(200, after);
           },
           "How long a hold lasts and how many booths an exhibitor may book (organizers)"});

    r.add({"GET", "/api/v1/fairs/{fair}/bookings", "bookings.list", http::DbMode::read,
           http::access::fair_organizer("fair"),
           [](Context& c) {
               std::optional<std::string> status;
               if (auto s = c.req.query_param("status"); s && !s->empty()) status = std::string(*s);
               nlohmann::json items = nlohmann::json::array();
               for (const auto& k : store::BoothRepository(c.db()).bookings(path_id(c.req, "fair"), status))
                   items.push_back(booking_json(k));
               return json_response(200, {{"items", items}});
           },
           "Booth bookings of the fair, newest first (organizers; filter: status)"});

    r.add({"GET", "/api/v1/fairs/{fair}/booths/{booth}/qr.svg", "booths.qr", http::DbMode::read,
           http::access::public_(),
           [](Context& c) {
               auto fair = path_id(c.req, "fair");
               auto now = store::unix_now();
               store::BoothRepository repo(c.db());
               auto b = booth_in_fair(repo, fair, path_id(c.req, "booth"), now);
               std::string target = c.app.config().public_url;
               if (b.active && b.active->status == "approved")
                   target += "/#/exhibitors/" + std::to_string(b.active->exhibitor_id);
               else
                   target += "/#/booths?fair=" + std::to_string(fair) + "&booth=" + std::to_string(b.id);
               http::Response res;
               res.content_type = "image/svg+xml";
               res.body = qr::svg(target, "Booth " + b.code);
               res.set_header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'");
               return res;
           },
           "A printable QR code (SVG) that opens the booth's exhibitor catalogue"});
}

}  // namespace fairmatch::server::api
