#include "server/store/reference_repository.hpp"

#include "server/store/sqlite.hpp"

namespace fairmatch::server::store {

namespace sql {
constexpr const char* kCategories = "SELECT code, hs_code, name_vi, name_en FROM categories ORDER BY code";
constexpr const char* kCountries = "SELECT code, name_vi, name_en FROM countries ORDER BY code";
constexpr const char* kProvinces = "SELECT code, name_vi, name_en FROM provinces ORDER BY code";
constexpr const char* kCertifications = "SELECT code, name_vi, name_en FROM certifications ORDER BY code";
}  // namespace sql

static std::vector<NamedCode> load_named(Connection& db, const char* query) {
    std::vector<NamedCode> out;
    auto st = db.prepare(query);
    while (st.step()) out.push_back({st.column_text(0), st.column_text(1), st.column_text(2)});
    return out;
}

ReferenceData load_reference_data(Connection& db) {
    ReferenceData r;
    auto st = db.prepare(sql::kCategories);
    while (st.step()) r.categories.push_back({st.column_text(0), st.column_text(1), st.column_text(2), st.column_text(3)});
    r.countries = load_named(db, sql::kCountries);
    r.provinces = load_named(db, sql::kProvinces);
    r.certifications = load_named(db, sql::kCertifications);
    r.index();
    return r;
}

}  // namespace fairmatch::server::store
