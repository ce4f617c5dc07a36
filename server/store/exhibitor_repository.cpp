#include "server/store/exhibitor_repository.hpp"

#include "server/store/search_repository.hpp"
#include "server/store/sqlite.hpp"

namespace fairmatch::server::store {

namespace sql {
#define FM_EXHIBITOR_COLUMNS                                                                               \
    "id, fair_id, name, name_en, tax_code, province, craft_village, description_vi, description_en, "      \
    "categories, materials, certifications, moq, monthly_capacity, lead_time_days, price_tier, "           \
    "export_markets, languages, website, created_at, updated_at, owner_user_id, status, status_reason, "        \
    "(SELECT b.code FROM booth_bookings k JOIN booths b ON b.id = k.booth_id WHERE k.exhibitor_id = exhibitors.id " \
    " AND k.status IN ('confirmed', 'approved') ORDER BY k.status = 'approved' DESC, k.id LIMIT 1), "                 \
    "coalesce(badge_code, '')"
constexpr const char* kFind = "SELECT " FM_EXHIBITOR_COLUMNS " FROM exhibitors WHERE id = ?1";
// Optional filters are bound as NULL when absent.
#define FM_EXHIBITOR_WHERE                                                                                 \
    " WHERE (?1 IS NULL OR fair_id = ?1) AND (?2 IS NULL OR province = ?2) AND "                           \
    "(?3 IS NULL OR EXISTS (SELECT 1 FROM json_each(exhibitors.categories) WHERE value = ?3)) AND "         \
    "(?6 IS NULL OR status = ?6)"
constexpr const char* kList =
    "SELECT " FM_EXHIBITOR_COLUMNS " FROM exhibitors" FM_EXHIBITOR_WHERE " ORDER BY id LIMIT ?4 OFFSET ?5";
constexpr const char* kCount = "SELECT count(*) FROM exhibitors" FM_EXHIBITOR_WHERE;
constexpr const char* kInsert =
    "INSERT INTO exhibitors (fair_id, name, name_en, tax_code, province, craft_village, description_vi, "
    "description_en, categories, materials, certifications, moq, monthly_capacity, lead_time_days, price_tier, "
    "export_markets, languages, website, created_at, updated_at, owner_user_id, status, status_reason, badge_code) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?19, ?21, ?22, ?23, "
    "lower(hex(randomblob(10))))";
constexpr const char* kUpdate =
    "UPDATE exhibitors SET fair_id = ?1, name = ?2, name_en = ?3, tax_code = ?4, province = ?5, "
    "craft_village = ?6, description_vi = ?7, description_en = ?8, categories = ?9, materials = ?10, "
    "certifications = ?11, moq = ?12, monthly_capacity = ?13, lead_time_days = ?14, price_tier = ?15, "
    "export_markets = ?16, languages = ?17, website = ?18, updated_at = ?19, owner_user_id = ?21, status = ?22, "
    "status_reason = ?23 WHERE id = ?20";
constexpr const char* kDelete = "DELETE FROM exhibitors WHERE id = ?1";
#undef FM_EXHIBITOR_COLUMNS
#undef FM_EXHIBITOR_WHERE
}  // namespace sql

static Exhibitor read_exhibitor(Statement& st) {
    Exhibitor e;
    e.id = st.column_int(0);
    e.fair_id = st.column_int(1);
    e.name = st.column_text(2);
    e.name_en = st.column_text(3);
    e.tax_code = st.column_text(4);
    e.province = st.column_text(5);
    e.craft_village = st.column_text(6);
    e.description_vi = st.column_text(7);
    e.description_en = st.column_text(8);
    e.categories = decode_list(st.column_text(9));
    e.materials = decode_list(st.column_text(10));
    e.certifications = decode_list(st.column_text(11));
    e.moq = st.column_int(12);
    e.monthly_capacity = st.column_int(13);
    e.lead_time_days = st.column_int(14);
    e.price_tier = st.column_text(15);
    e.export_markets = decode_list(st.column_text(16));
    e.languages = decode_list(st.column_text(17));
    e.website = st.column_text(18);
    e.created_at = st.column_text(19);
    e.updated_at = st.column_text(20);
    if (!st.column_is_null(21)) e.owner_user_id = st.column_int(21);
    e.status = st.column_text(22);
    e.status_reason = st.column_text(23);
    if (!st.column_is_null(24)) e.booth = st.column_text(24);
    e.badge_code = st.column_text(25);
    return e;
}

static void bind_filter(Statement& st, const ExhibitorFilter& f) {
    if (f.fair) st.bind(1, *f.fair); else st.bind_null(1);
    if (f.province) st.bind(2, *f.province); else st.bind_null(2);
    if (f.category) st.bind(3, *f.category); else st.bind_null(3);
    if (f.status) st.bind(6, *f.status); else st.bind_null(6);
}

static void bind_fields(Statement& st, const Exhibitor& e) {
    st.bind_all(e.fair_id, e.name, e.name_en, e.tax_code, e.province, e.craft_village, e.description_vi,
                e.description_en, encode_list(e.categories), encode_list(e.materials), encode_list(e.certifications),
                e.moq, e.monthly_capacity, e.lead_time_days, e.price_tier, encode_list(e.export_markets),
                encode_list(e.languages), e.website, utc_now());
    if (e.owner_user_id) st.bind(21, *e.owner_user_id); else st.bind_null(21);
    st.bind(22, e.status).bind(23, e.status_reason);
}

std::optional<Exhibitor> ExhibitorRepository::find(Id id) {
    auto st = db_.cached(sql::kFind);
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return read_exhibitor(st);
}

ListResult<Exhibitor> ExhibitorRepository::list(const ExhibitorFilter& filter, const Page& page) {
    ListResult<Exhibitor> out;
    {
        auto st = db_.cached(sql::kList);
        bind_filter(st, filter);
        st.bind(4, page.limit).bind(5, page.offset);
        while (st.step()) out.items.push_back(read_exhibitor(st));
    }
    auto c = db_.cached(sql::kCount);
    bind_filter(c, filter);
    c.step();
    out.total = c.column_int(0);
    return out;
}

Id ExhibitorRepository::insert(const Exhibitor& e) {
    auto st = db_.cached(sql::kInsert);
    bind_fields(st, e);
    st.exec();
    auto id = db_.last_insert_id();
    SearchRepository(db_).index_exhibitor(id);
    return id;
}

void ExhibitorRepository::update(const Exhibitor& e) {
    auto st = db_.cached(sql::kUpdate);
    bind_fields(st, e);
    st.bind(20, e.id);
    st.exec();
    SearchRepository(db_).index_exhibitor(e.id);
}

bool ExhibitorRepository::remove(Id id) {
    SearchRepository(db_).remove_exhibitor(id);
    auto st = db_.cached(sql::kDelete);
    st.bind(1, id);
    st.exec();
    return db_.changes() > 0;
}

}  // namespace fairmatch::server::store
