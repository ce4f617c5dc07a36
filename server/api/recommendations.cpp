// Recommendations from the matching engine: for the signed-in importer (its
// best exhibitors) or exhibitor (its best importers) in a fair, with scores
// and reasons worded in the user's language; any pair's explanation and the
// fair's weights for its organizers; an importer's shortlist.
#include "matching/score.hpp"
#include "matching/top_k.hpp"
#include "server/api/access_helpers.hpp"
#include "server/api/context.hpp"
#include "server/api/json_response.hpp"
#include "server/api/profiles.hpp"
#include "server/api/routes.hpp"
#include "server/api/validation.hpp"
#include "server/recommend/fair_population.hpp"
#include "server/recommend/reason_text.hpp"
#include "server/store/exhibitor_repository.hpp"
#include "server/store/matching_repository.hpp"
#include "server/store/sqlite.hpp"

namespace fairmatch::server::api {

namespace {

matching::Weights fair_weights(store::Connection& db, Id fair) {
    auto json = store::MatchingRepository(db).weights_json(fair);
    if (!json) return {};
    auto j = nlohmann::json::parse(*json, nullptr, false);
    std::vector<std::pair<std::string, long long>> fields;
    if (j.is_object())
        for (auto it = j.begin(); it != j.end(); ++it)
            if (it->is_number_integer()) fields.emplace_back(it.key(), it->get<long long>());
    auto r = recommend::weights_from_fields(fields);
    return r.errors.empty() ? r.weights : matching::Weights{};
}

std::shared_ptr<const recommend::FairPopulation> population(Context& c, Id fair) {
    return c.app.populations().get(fair, [&] {
        store::MatchingRepository repo(c.db());
        return recommend::build_population(c.app.reference(), repo.approved_exhibitors(fair),
                                           repo.approved_importers(fair));
    });
}

std::string language_of(Context& c) {
    if (auto l = c.req.query_param("lang"); l && (*l == "vi" || *l == "en")) return std::string(*l);
    return c.who.language.empty() ? "en" : c.who.language;
}

nlohmann::json explanation_json(const matching::Explanation& x, const recommend::FairPopulation& fp,
                                const ReferenceData& ref, const std::string& lang, bool only_positive) {
    auto reason_json = [&](const matching::Reason& r) {
        return nlohmann::json{{"code", matching::to_string(r.code)},
                              {"args", matching::render_args(r, fp.vocabulary)},
                              {"text", recommend::reason_text(r, fp.vocabulary, ref, lang)}};
    };
    nlohmann::json parts = nlohmann::json::array();
    for (const auto& p : x.parts) {
        if (only_positive && p.points <= 0) continue;
        nlohmann::json reasons = nlohmann::json::array();
        for (const auto& r : p.reasons) reasons.push_back(reason_json(r));
        parts.push_back({{"part", matching::to_string(p.part)},
                         {"weight", p.weight},
                         {"points", p.points},
                         {"importer_points", p.importer_points},
                         {"exhibitor_points", p.exhibitor_points},
                         {"reasons", reasons}});
    }
    nlohmann::json exclusions = nlohmann::json::array();
    for (const auto& r : x.exclusions) exclusions.push_back(reason_json(r));
    return {{"score", x.score},         {"importer_score", x.importer_score}, {"exhibitor_score", x.exhibitor_score},
            {"excluded", x.excluded},   {"exclusions", exclusions},           {"parts", parts}};
}

int limit_param(Context& c) {
    auto page = parse_page(c.req);
    return page.limit;
}

}  // namespace

void add_recommendation_routes(http::Router& r) {
    r.add({"GET", "/api/v1/fairs/{fair}/recommendations", "recommendations.mine", http::DbMode::read,
           http::access::role({"importer", "exhibitor"}),
           [](Context& c) {
               auto fair = path_id(c.req, "fair");
               auto k = static_cast<std::size_t>(limit_param(c));
               auto lang = language_of(c);
               store::MatchingRepository repo(c.db());
               bool importer = c.who.is("importer");
               auto mine = importer ? repo.importer_of(c.who.user_id, fair) : repo.exhibitor_of(c.who.user_id, fair);
               if (!mine)
                   throw http::Problem{409, "no-profile", "No profile in this fair",
                                       "Create your company profile in this fair first.", {}};
               auto fp = population(c, fair);
               matching::Scorer scorer(fair_weights(c.db(), fair));
               nlohmann::json items = nlohmann::json::array();
               if (importer) {
                   auto idx = fp->population.find_importer(*mine);
                   if (!idx)
                       throw http::Problem{409, "not-approved", "Profile not approved yet",
                                           "Recommendations start once an organizer approved your profile.", {}};
                   for (const auto& m : matching::top_exhibitors_for(fp->population, scorer, *idx, {.k = k})) {
                       auto x = scorer.explain(fp->population, *idx, m.index);
                       auto item = explanation_json(x, *fp, c.app.reference(), lang, true);
                       item["exhibitor"] = exhibitor_to_json(fp->exhibitors[m.index], false);
                       items.push_back(std::move(item));
                   }
               } else {
                   auto idx = fp->population.find_exhibitor(*mine);
                   if (!idx)
                       throw http::Problem{409, "not-approved", "Profile not approved yet",
                                           "Recommendations start once an organizer approved your profile.", {}};
                   for (const auto& m : matching::top_importers_for(fp->population, scorer, *idx, {.k = k})) {
                       auto x = scorer.explain(fp->population, m.index, *idx);
                       auto item = explanation_json(x, *fp, c.app.reference(), lang, true);
                       item["importer"] = importer_to_json(fp->importers[m.index], false);
                       items.push_back(std::move(item));
                   }
               }
               return json_response(200, {{"items", items}, {"language", lang}});
           },
           "My recommended exhibitors (importers) or importers (exhibitors) in a fair, with reasons"});

    r.add({"GET", "/api/v1/fairs/{fair}/match", "recommendations.pair", http::DbMode::read,
           http::access::fair_organizer("fair"),
           [](Context& c) {
               auto fair = path_id(c.req, "fair");
               auto imp = query_id(c.req, "importer");
               auto exh = query_id(c.req, "exhibitor");
               if (!imp || !exh)
                   throw http::Problem{400, "invalid-query", "Invalid query parameters", "",
                                       {{"importer", "required", "Give importer=ID and exhibitor=ID."}}};
               auto fp = population(c, fair);
               auto i = fp->population.find_importer(*imp);
               auto e = fp->population.find_exhibitor(*exh);
               if (!i || !e) throw http::not_found("Both must be approved participants of this fair.");
               matching::Scorer scorer(fair_weights(c.db(), fair));
               auto item = explanation_json(scorer.explain(fp->population, *i, *e), *fp, c.app.reference(),
                                            language_of(c), false);
               item["importer"] = importer_to_json(fp->importers[*i], true);
               item["exhibitor"] = exhibitor_to_json(fp->exhibitors[*e], true);
               return json_response(200, item);
           },
           "Any pair's score with every part and reason (the fair's organizers)"});

    r.add({"GET", "/api/v1/fairs/{fair}/weights", "weights.get", http::DbMode::read,
           http::access::fair_organizer("fair"),
           [](Context& c) {
               auto w = fair_weights(c.db(), path_id(c.req, "fair"));
               nlohmann::json j = nlohmann::json::object();
               for (const auto& [k, v] : recommend::weights_fields(w)) j[k] = v;
               return json_response(200, j);
           },
           "The fair's matching weights"});

    r.add({"PUT", "/api/v1/fairs/{fair}/weights", "weights.update", http::DbMode::write,
           http::access::fair_organizer("fair"),
           [](Context& c) {
               auto fair = path_id(c.req, "fair");
               auto body = parse_json_object(c.req);
               std::vector<std::pair<std::string, long long>> fields;
               std::vector<http::FieldError> errors;
               for (auto it = body.begin(); it != body.end(); ++it) {
                   if (!it->is_number_integer()) errors.push_back({it.key(), "not_an_integer", "Must be an integer."});
                   else fields.emplace_back(it.key(), it->get<long long>());
               }
               auto result = recommend::weights_from_fields(fields);
               for (const auto& e : result.errors)
                   errors.push_back({e.field, "invalid_weight", e.field + " " + e.message + "."});
               if (!errors.empty()) throw http::validation_failed(errors);
               nlohmann::json j = nlohmann::json::object();
               for (const auto& [k, v] : recommend::weights_fields(result.weights)) j[k] = v;
               store::Transaction tx(c.db());
               store::MatchingRepository repo(c.db());
               auto before = repo.weights_json(fair);
               repo.save_weights(fair, j.dump());
               audit(c, fair, "weights.update", "fair", fair,
                     before ? nlohmann::json::parse(*before, nullptr, false) : nlohmann::json(nullptr), j);
               tx.commit();
               return json_response(200, j);
           },
           "Set the fair's matching weights (validated; absent fields take their defaults)"});

    r.add({"GET", "/api/v1/me/shortlist", "shortlist.list", http::DbMode::read, http::access::signed_in(),
           [](Context& c) {
               store::ExhibitorRepository exhibitors(c.db());
               nlohmann::json items = nlohmann::json::array();
               for (const auto& [id, note] : store::MatchingRepository(c.db()).shortlist(c.who.user_id))
                   if (auto e = exhibitors.find(id); e && e->status == "approved")
                       items.push_back({{"exhibitor", exhibitor_to_json(*e, false)}, {"note", note}});
               return json_response(200, {{"items", items}});
           },
           "My shortlist of exhibitors"});

    r.add({"PUT", "/api/v1/me/shortlist/{exhibitor}", "shortlist.add", http::DbMode::write,
           http::access::role({"importer"}),
           [](Context& c) {
               auto id = path_id(c.req, "exhibitor");
               std::string note;
               if (!c.req.body.empty()) {
                   auto body = parse_json_object(c.req);
                   FieldReader f(body, {"note"}, false);
                   f.text("note", note, {0, 500, true}, false);
                   f.finish();
               }
               store::Transaction tx(c.db());
               auto e = store::ExhibitorRepository(c.db()).find(id);
               if (!e || e->status != "approved") throw http::not_found("No such exhibitor.");
               store::MatchingRepository(c.db()).add_to_shortlist(c.who.user_id, id, note);
               tx.commit();
               return json_response(200, {{"exhibitor", exhibitor_to_json(*e, false)}, {"note", note}});
           },
           "Add an exhibitor to my shortlist (or change its note)"});

    r.add({"DELETE", "/api/v1/me/shortlist/{exhibitor}", "shortlist.remove", http::DbMode::write,
           http::access::role({"importer"}),
           [](Context& c) {
               store::Transaction tx(c.db());
               if (!store::MatchingRepository(c.db()).remove_from_shortlist(c.who.user_id, path_id(c.req, "exhibitor")))
                   throw http::not_found("Not on your shortlist.");
               tx.commit();
               http::Response res;
               res.status = 204;
               return res;
           },
           "Remove an exhibitor from my shortlist"});
}

}  // namespace fairmatch::server::api
