#include "server/store/importer_repository.hpp"

#include "server/store/sqlite.hpp"

namespace fairmatch::server::store {

namespace sql {
#define FM_IMPORTER_COLUMNS                                                                                \
    "id, fair_id, name, country, buyer_type, categories, required_certifications, price_tier, "            \
    "order_quantity, max_lead_time_days, annual_budget_amount, annual_budget_currency, languages, "        \
    "created_at, updated_at, owner_user_id, status, status_reason, coalesce(badge_code, ''), lead_sharing"
#define FM_IMPORTER_WHERE                                                                                  \
    " WHERE (?1 IS NULL OR fair_id = ?1) AND (?2 IS NULL OR country = ?2) AND (?5 IS NULL OR status = ?5)"
constexpr const char* kFind = "SELECT " FM_IMPORTER_COLUMNS " FROM importers WHERE id = ?1";
constexpr const char* kList =
    "SELECT " FM_IMPORTER_COLUMNS " FROM importers" FM_IMPORTER_WHERE " ORDER BY id LIMIT ?3 OFFSET ?4";
constexpr const char* kCount = "SELECT count(*) FROM importers" FM_IMPORTER_WHERE;
constexpr const char* kInsert =
    "INSERT INTO importers (fair_id, name, country, buyer_type, categories, required_certifications, "
    "price_tier, order_quantity, max_lead_time_days, annual_budget_amount, annual_budget_currency, languages, "
    "created_at, updated_at, owner_user_id, status, status_reason, badge_code, lead_sharing) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, ?15, ?16, ?17, lower(hex(randomblob(10))), ?18)";
constexpr const char* kUpdate =
    "UPDATE importers SET fair_id = ?1, name = ?2, country = ?3, buyer_type = ?4, categories = ?5, "
    "required_certifications = ?6, price_tier = ?7, order_quantity = ?8, max_lead_time_days = ?9, "
    "annual_budget_amount = ?10, annual_budget_currency = ?11, languages = ?12, updated_at = ?13, "
    "owner_user_id = ?15, status = ?16, status_reason = ?17, lead_sharing = ?18 WHERE id = ?14";
constexpr const char* kDelete = "DELETE FROM importers WHERE id = ?1";
#undef FM_IMPORTER_COLUMNS
#undef FM_IMPORTER_WHERE
}  // namespace sql

static Importer read_importer(Statement& st) {
    Importer i;
    i.id = st.column_int(0);
    i.fair_id = st.column_int(1);
    i.name = st.column_text(2);
    i.country = st.column_text(3);
    i.buyer_type = st.column_text(4);
    i.categories = decode_list(st.column_text(5));
    i.required_certifications = decode_list(st.column_text(6));
    i.price_tier = st.column_text(7);
    i.order_quantity = st.column_int(8);
    i.max_lead_time_days = st.column_int(9);
    i.annual_budget.amount = st.column_int(10);
    i.annual_budget.currency = st.column_text(11);
    i.languages = decode_list(st.column_text(12));
    i.created_at = st.column_text(13);
    i.updated_at = st.column_text(14);
    if (!st.column_is_null(15)) i.owner_user_id = st.column_int(15);
    i.status = st.column_text(16);
    i.status_reason = st.column_text(17);
    i.badge_code = st.column_text(18);
    i.lead_sharing = st.column_int(19) != 0;
    return i;
}

static void bind_filter(Statement& st, const ImporterFilter& f) {
    if (f.fair) st.bind(1, *f.fair); else st.bind_null(1);
    if (f.country) st.bind(2, *f.country); else st.bind_null(2);
    if (f.status) st.bind(5, *f.status); else st.bind_null(5);
}

static void bind_fields(Statement& st, const Importer& i) {
    st.bind_all(i.fair_id, i.name, i.country, i.buyer_type, encode_list(i.categories),
                encode_list(i.required_certifications), i.price_tier, i.order_quantity, i.max_lead_time_days,
                i.annual_budget.amount, i.annual_budget.currency, encode_list(i.languages), utc_now());
    if (i.owner_user_id) st.bind(15, *i.owner_user_id); else st.bind_null(15);
    st.bind(16, i.status).bind(17, i.status_reason).bind(18, i.lead_sharing ? 1 : 0);
}

std::optional<Importer> ImporterRepository::find(Id id) {
    auto st = db_.cached(sql::kFind);
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return read_importer(st);
}

ListResult<Importer> ImporterRepository::list(const ImporterFilter& filter, const Page& page) {
    ListResult<Importer> out;
    {
        auto st = db_.cached(sql::kList);
        bind_filter(st, filter);
        st.bind(3, page.limit).bind(4, page.offset);
        while (st.step()) out.items.push_back(read_importer(st));
    }
    auto c = db_.cached(sql::kCount);
    bind_filter(c, filter);
    c.step();
    out.total = c.column_int(0);
    return out;
}

Id ImporterRepository::insert(const Importer& i) {
    auto st = db_.cached(sql::kInsert);
    bind_fields(st, i);
    st.exec();
    return db_.last_insert_id();
}

void ImporterRepository::update(const Importer& i) {
    auto st = db_.cached(sql::kUpdate);
    bind_fields(st, i);
    st.bind(14, i.id);
    st.exec();
}

bool ImporterRepository::remove(Id id) {
    auto st = db_.cached(sql::kDelete);
    st.bind(1, id);
    st.exec();
    return db_.changes() > 0;
}

}  // namespace fairmatch::server::store
