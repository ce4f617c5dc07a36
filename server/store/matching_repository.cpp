#include "server/store/matching_repository.hpp"

#include "server/store/common.hpp"
#include "server/store/exhibitor_repository.hpp"
#include "server/store/importer_repository.hpp"
#include "server/store/sqlite.hpp"

namespace fairmatch::server::store {

namespace sql {
constexpr const char* kWeights = "SELECT weights FROM fair_weights WHERE fair_id = ?1";
constexpr const char* kSaveWeights =
    "INSERT INTO fair_weights (fair_id, weights, updated_at) VALUES (?1, ?2, ?3) "
    "ON CONFLICT (fair_id) DO UPDATE SET weights = ?2, updated_at = ?3";
constexpr const char* kExhibitorOf = "SELECT id FROM exhibitors WHERE owner_user_id = ?1 AND fair_id = ?2";
constexpr const char* kImporterOf = "SELECT id FROM importers WHERE owner_user_id = ?1 AND fair_id = ?2";
constexpr const char* kShortlist =
    "SELECT exhibitor_id, note FROM shortlists WHERE user_id = ?1 ORDER BY created_at, exhibitor_id";
constexpr const char* kAddShortlist =
    "INSERT INTO shortlists (user_id, exhibitor_id, note, created_at) VALUES (?1, ?2, ?3, ?4) "
    "ON CONFLICT (user_id, exhibitor_id) DO UPDATE SET note = ?3";
constexpr const char* kRemoveShortlist = "DELETE FROM shortlists WHERE user_id = ?1 AND exhibitor_id = ?2";
}  // namespace sql

std::vector<Exhibitor> MatchingRepository::approved_exhibitors(Id fair) {
    ExhibitorFilter f;
    f.fair = fair;
    f.status = "approved";
    return ExhibitorRepository(db_).list(f, {1 << 30, 0}).items;
}

std::vector<Importer> MatchingRepository::approved_importers(Id fair) {
    ImporterFilter f;
    f.fair = fair;
    f.status = "approved";
    return ImporterRepository(db_).list(f, {1 << 30, 0}).items;
}

std::optional<std::string> MatchingRepository::weights_json(Id fair) {
    auto st = db_.cached(sql::kWeights);
    st.bind(1, fair);
    if (!st.step()) return std::nullopt;
    return st.column_text(0);
}

void MatchingRepository::save_weights(Id fair, const std::string& json) {
    auto st = db_.cached(sql::kSaveWeights);
    st.bind(1, fair).bind(2, json).bind(3, utc_now());
    st.exec();
}

static std::optional<Id> one(Connection& db, const char* q, Id a, Id b) {
    auto st = db.cached(q);
    st.bind(1, a).bind(2, b);
    if (!st.step()) return std::nullopt;
    return st.column_int(0);
}

std::optional<Id> MatchingRepository::exhibitor_of(Id user, Id fair) { return one(db_, sql::kExhibitorOf, user, fair); }
std::optional<Id> MatchingRepository::importer_of(Id user, Id fair) { return one(db_, sql::kImporterOf, user, fair); }

std::vector<std::pair<Id, std::string>> MatchingRepository::shortlist(Id user) {
    std::vector<std::pair<Id, std::string>> out;
    auto st = db_.cached(sql::kShortlist);
    st.bind(1, user);
    while (st.step()) out.emplace_back(st.column_int(0), st.column_text(1));
    return out;
}

void MatchingRepository::add_to_shortlist(Id user, Id exhibitor, const std::string& note) {
    auto st = db_.cached(sql::kAddShortlist);
    st.bind(1, user).bind(2, exhibitor).bind(3, note).bind(4, utc_now());
    st.exec();
}

bool MatchingRepository::remove_from_shortlist(Id user, Id exhibitor) {
    auto st = db_.cached(sql::kRemoveShortlist);
    st.bind(1, user).bind(2, exhibitor);
    st.exec();
    return db_.changes() > 0;
}

}  // namespace fairmatch::server::store
