// Deals signed or under way at the fair, in their own currency and in USD
// at the organizer's rates; corrections keep their history. A deal is seen
// by its two parties and the fair's organizers only.
#include <cmath>

#include "server/api/access_helpers.hpp"
#include "server/api/context.hpp"
#include "server/api/json_response.hpp"
#include "server/api/routes.hpp"
#include "server/api/validation.hpp"
#include "server/domain/reference_data.hpp"
#include "server/store/deal_repository.hpp"
#include "server/store/exhibitor_repository.hpp"
#include "server/store/importer_repository.hpp"
#include "server/store/matching_repository.hpp"
#include "server/store/sqlite.hpp"

namespace fairmatch::server::api {

namespace {

nlohmann::json deal_json(const store::Deal& d) {
    return {{"id", d.id},
            {"fair_id", d.fair_id},
            {"exhibitor", {{"id", d.exhibitor_id}, {"name", d.exhibitor_name}}},
            {"importer", {{"id", d.importer_id}, {"name", d.importer_name}}},
            {"meeting_id", d.meeting_id ? nlohmann::json(*d.meeting_id) : nlohmann::json(nullptr)},
            {"kind", d.kind},
            {"value", {{"amount", d.value.amount}, {"currency", d.value.currency}}},
            {"usd_cents", d.usd_cents},
            {"note", d.note},
            {"created_at", d.created_at},
            {"updated_at", d.updated_at}};
}

// USD cents for `value` at the fair's rates; 422 when the currency has no rate.
std::int64_t to_usd_cents(store::DealRepository& repo, Id fair, const Money& value) {
    double rate = 1.0;
    if (value.currency != "USD") {
        auto rates = repo.rates(fair);
        auto it = rates.find(value.currency);
        if (it == rates.end())
            throw http::validation_failed({{"value.currency", "no_rate",
                                            "The organizer has set no USD rate for " + value.currency + " yet."}});
        rate = it->second;
    }
    double units = static_cast<double>(value.amount) / std::pow(10.0, currency_minor_digits(value.currency));
    return static_cast<std::int64_t>(std::llround(units * rate * 100.0));
}

void read_deal_fields(FieldReader& f, store::Deal& d, bool creating) {
    f.one_of("kind", d.kind, {"contract", "sample_order", "negotiation"}, creating);
    f.money("value", d.value, creating);
    f.text("note", d.note, {0, 2000, true}, false);
    if (f.present("meeting_id")) {
        Id m = 0;
        f.id("meeting_id", m, false);
        if (m) d.meeting_id = m;
    }
}

}  // namespace

void add_deal_routes(http::Router& r) {
    r.add({"GET", "/api/v1/fairs/{fair}/rates", "rates.get", http::DbMode::read, http::access::signed_in(),
           [](Context& c) {
               nlohmann::json rates = nlohmann::json::object();
               for (const auto& [cur, rate] : store::DealRepository(c.db()).rates(path_id(c.req, "fair"))) rates[cur] = rate;
               return json_response(200, {{"base", "USD"}, {"rates", rates}});
           },
           "The fair's exchange rates to USD"});
    r.add({"PUT", "/api/v1/fairs/{fair}/rates", "rates.update", http::DbMode::write, http::access::fair_organizer("fair"),
           [](Context& c) {
               auto fair = path_id(c.req, "fair");
               auto body = parse_json_object(c.req);
               FieldReader f(body, {"rates"}, true);
               std::map<std::string, double> rates;
               auto it = body.find("rates");
               if (it == body.end() || !it->is_object()) {
                   f.add_error("rates", "not_an_object", "Must be an object of currency: USD per unit.");
               } else {
                   for (auto r = it->begin(); r != it->end(); ++r) {
                       if (!is_currency_code(r.key())) f.add_error("rates." + r.key(), "unknown_code", "Must be an ISO 4217 currency code.");
                       else if (!r->is_number() || r->get<double>() <= 0 || r->get<double>() > 1e6)
                           f.add_error("rates." + r.key(), "out_of_range", "Must be a positive number of USD per unit.");
                       else rates[r.key()] = r->get<double>();
                   }
               }
               f.finish();
               store::Transaction tx(c.db());
               store::DealRepository repo(c.db());
               nlohmann::json before = nlohmann::json::object();
               for (const auto& [k, v] : repo.rates(fair)) before[k] = v;
               repo.set_rates(fair, rates);
               audit(c, fair, "rates.update", "fair", fair, before, rates);
               tx.commit();
               return json_response(200, {{"base", "USD"}, {"rates", rates}});
           },
           "Set the fair's exchange rates to USD (organizers)"});

    r.add({"POST", "/api/v1/fairs/{fair}/deals", "deals.create", http::DbMode::write,
           http::access::role({"exhibitor", "importer"}),
           [](Context& c) {
               auto fair = path_id(c.req, "fair");
               auto body = parse_json_object(c.req);
               FieldReader f(body, {"counterpart_id", "kind", "value", "note", "meeting_id"}, true);
               store::Deal d;
               d.fair_id = fair;
               Id counterpart = 0;
               f.id("counterpart_id", counterpart, true);
               read_deal_fields(f, d, true);
               f.finish();
               store::Transaction tx(c.db());
               store::MatchingRepository profiles(c.db());
               bool exhibitor = c.who.is("exhibitor");
               auto mine = exhibitor ? profiles.exhibitor_of(c.who.user_id, fair) : profiles.importer_of(c.who.user_id, fair);
               if (!mine)
                   throw http::Problem{409, "no-profile", "No profile in this fair", "Create your profile in this fair first.", {}};
               bool found = false;
               std::string country, category;
               if (exhibitor) {
                   auto other = store::ImporterRepository(c.db()).find(counterpart);
                   found = other && other->fair_id == fair && other->status == "approved";
                   if (found) country = other->country;
                   d.exhibitor_id = *mine;
                   d.importer_id = counterpart;
               } else {
                   auto other = store::ExhibitorRepository(c.db()).find(counterpart);
                   found = other && other->fair_id == fair && other->status == "approved";
                   d.exhibitor_id = counterpart;
                   d.importer_id = *mine;
               }
               if (!found)
                   throw http::validation_failed({{"counterpart_id", "not_found", "No approved participant of the other side with this id in the fair."}});
               store::DealRepository repo(c.db());
               d.usd_cents = to_usd_cents(repo, fair, d.value);
               d.created_by = c.who.user_id;
               d.id = repo.insert(d);
               auto saved = *repo.find(d.id);
               repo.add_change(d.id, c.who.user_id, "", deal_json(saved).dump());
               auto exh = store::ExhibitorRepository(c.db()).find(saved.exhibitor_id);
               auto imp = store::ImporterRepository(c.db()).find(saved.importer_id);
               emit(c, fair, "deal",
                    {{"deal_id", saved.id},
                     {"kind", saved.kind},
                     {"usd_cents", saved.usd_cents},
                     {"category", exh && !exh->categories.empty() ? exh->categories.front() : ""},
                     {"country", imp ? imp->country : ""}});
               tx.commit();
               return json_response(201, deal_json(saved));
           },
           "Record a deal with a participant of the other side (value in any currency; USD at the fair's rates)"});

    r.add({"PATCH", "/api/v1/deals/{deal}", "deals.update", http::DbMode::write,
           http::access::self(http::Resource::deal, "deal"),
           [](Context& c) {
               auto id = path_id(c.req, "deal");
               auto body = parse_json_object(c.req);
               store::Transaction tx(c.db());
               store::DealRepository repo(c.db());
               auto d = repo.find(id);
               if (!d) throw http::not_found();
               auto before = deal_json(*d);
               FieldReader f(body, {"kind", "value", "note", "meeting_id"}, false);
               read_deal_fields(f, *d, false);
               f.finish();
               d->usd_cents = to_usd_cents(repo, d->fair_id, d->value);
               repo.update(*d);
               auto after = deal_json(*repo.find(id));
               repo.add_change(id, c.who.user_id, before.dump(), after.dump());
               emit(c, d->fair_id, "deal_corrected", {{"deal_id", id}, {"usd_cents", d->usd_cents}, {"kind", d->kind}});
               tx.commit();
               return json_response(200, after);
           },
           "Correct a deal I recorded (its history is kept)"});

    r.add({"GET", "/api/v1/deals/{deal}/history", "deals.history", http::DbMode::read,
           http::access::self(http::Resource::deal, "deal"),
           [](Context& c) {
               nlohmann::json items = nlohmann::json::array();
               for (const auto& h : store::DealRepository(c.db()).history(path_id(c.req, "deal")))
                   items.push_back({{"id", h.id},
                                    {"changed_at", h.changed_at},
                                    {"before", h.before_json.empty() ? nlohmann::json(nullptr) : nlohmann::json::parse(h.before_json, nullptr, false)},
                                    {"after", nlohmann::json::parse(h.after_json, nullptr, false)}});
               return json_response(200, {{"items", items}});
           },
           "The history of a deal I recorded"});

    r.add({"GET", "/api/v1/me/deals", "deals.mine", http::DbMode::read, http::access::role({"exhibitor", "importer"}),
           [](Context& c) {
               auto fair = query_id(c.req, "fair");
               if (!fair)
                   throw http::Problem{400, "invalid-query", "Invalid query parameters", "", {{"fair", "required", "Give fair=ID."}}};
               store::MatchingRepository profiles(c.db());
               bool exhibitor = c.who.is("exhibitor");
               auto mine = exhibitor ? profiles.exhibitor_of(c.who.user_id, *fair) : profiles.importer_of(c.who.user_id, *fair);
               nlohmann::json items = nlohmann::json::array();
               if (mine)
                   for (const auto& d : store::DealRepository(c.db()).of_profile(*fair, exhibitor ? "exhibitor" : "importer", *mine)) {
                       auto j = deal_json(d);
                       j["recorded_by_me"] = d.created_by && *d.created_by == c.who.user_id;  // only its author corrects it
                       items.push_back(std::move(j));
                   }
               return json_response(200, {{"items", items}});
           },
           "The deals of my company in a fair (both sides see a deal between them)"});
}

}  // namespace fairmatch::server::api
