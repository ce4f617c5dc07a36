#include "server/store/fair_repository.hpp"

#include "server/store/sqlite.hpp"

namespace fairmatch::server::store {

namespace sql {
constexpr const char* kFind =
    "SELECT id, name_vi, name_en, venue, city, time_zone, start_date, end_date, status, created_at, updated_at "
    "FROM fairs WHERE id = ?1";
constexpr const char* kList =
    "SELECT id, name_vi, name_en, venue, city, time_zone, start_date, end_date, status, created_at, updated_at "
    "FROM fairs ORDER BY start_date DESC, id LIMIT ?1 OFFSET ?2";
constexpr const char* kCount = "SELECT count(*) FROM fairs";
constexpr const char* kExists = "SELECT 1 FROM fairs WHERE id = ?1";
constexpr const char* kInsert =
    "INSERT INTO fairs (name_vi, name_en, venue, city, time_zone, start_date, end_date, status, created_at, "
    "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)";
constexpr const char* kUpdate =
    "UPDATE fairs SET name_vi = ?2, name_en = ?3, venue = ?4, city = ?5, time_zone = ?6, start_date = ?7, "
    "end_date = ?8, status = ?9, updated_at = ?10 WHERE id = ?1";
constexpr const char* kCounts =
    "SELECT (SELECT count(*) FROM exhibitors WHERE fair_id = ?1), "
    "(SELECT count(*) FROM importers WHERE fair_id = ?1), "
    "(SELECT count(*) FROM products p JOIN exhibitors e ON e.id = p.exhibitor_id WHERE e.fair_id = ?1)";
}  // namespace sql

static Fair read_fair(Statement& st) {
    Fair f;
    f.id = st.column_int(0);
    f.name_vi = st.column_text(1);
    f.name_en = st.column_text(2);
    f.venue = st.column_text(3);
    f.city = st.column_text(4);
    f.time_zone = st.column_text(5);
    f.start_date = st.column_text(6);
    f.end_date = st.column_text(7);
    f.status = st.column_text(8);
    f.created_at = st.column_text(9);
    f.updated_at = st.column_text(10);
    return f;
}

std::optional<Fair> FairRepository::find(Id id) {
    auto st = db_.cached(sql::kFind);
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return read_fair(st);
}

bool FairRepository::exists(Id id) {
    auto st = db_.cached(sql::kExists);
    st.bind(1, id);
    return st.step();
}

ListResult<Fair> FairRepository::list(const Page& page) {
    ListResult<Fair> out;
    {
        auto st = db_.cached(sql::kList);
        st.bind_all(page.limit, page.offset);
        while (st.step()) out.items.push_back(read_fair(st));
    }
    auto c = db_.cached(sql::kCount);
    c.step();
    out.total = c.column_int(0);
    return out;
}

Id FairRepository::insert(const Fair& f) {
    auto st = db_.cached(sql::kInsert);
    st.bind_all(f.name_vi, f.name_en, f.venue, f.city, f.time_zone, f.start_date, f.end_date, f.status, utc_now());
    st.exec();
    return db_.last_insert_id();
}

void FairRepository::update(const Fair& f) {
    auto st = db_.cached(sql::kUpdate);
    st.bind_all(f.id, f.name_vi, f.name_en, f.venue, f.city, f.time_zone, f.start_date, f.end_date, f.status,
                utc_now());
    st.exec();
}

FairCounts FairRepository::counts(Id id) {
    auto st = db_.cached(sql::kCounts);
    st.bind(1, id);
    st.step();
    return {st.column_int(0), st.column_int(1), st.column_int(2)};
}

}  // namespace fairmatch::server::store
