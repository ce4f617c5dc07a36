#include "server/store/product_repository.hpp"

#include "server/store/search_repository.hpp"
#include "server/store/sqlite.hpp"

namespace fairmatch::server::store {

namespace sql {
#define FM_PRODUCT_COLUMNS                                                                                 \
    "p.id, p.exhibitor_id, p.name_vi, p.name_en, p.description_vi, p.description_en, p.category, "        \
    "c.hs_code, p.materials, p.fob_price_min, p.fob_price_max, p.currency, p.moq, p.village, p.artisan, "  \
    "p.created_at, p.updated_at"
#define FM_PRODUCT_FROM " FROM products p JOIN categories c ON c.code = p.category "
#define FM_PRODUCT_WHERE                                                                                   \
    " WHERE (?1 IS NULL OR p.exhibitor_id = ?1) AND (?3 IS NULL OR p.category = ?3) AND "                  \
    "(?2 IS NULL OR p.exhibitor_id IN (SELECT id FROM exhibitors WHERE fair_id = ?2))"
constexpr const char* kFind = "SELECT " FM_PRODUCT_COLUMNS FM_PRODUCT_FROM "WHERE p.id = ?1";
constexpr const char* kList =
    "SELECT " FM_PRODUCT_COLUMNS FM_PRODUCT_FROM FM_PRODUCT_WHERE " ORDER BY p.id LIMIT ?4 OFFSET ?5";
constexpr const char* kCount = "SELECT count(*) FROM products p" FM_PRODUCT_WHERE;
constexpr const char* kInsert =
    "INSERT INTO products (exhibitor_id, name_vi, name_en, description_vi, description_en, category, materials, "
    "fob_price_min, fob_price_max, currency, moq, village, artisan, created_at, updated_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)";
constexpr const char* kUpdate =
    "UPDATE products SET exhibitor_id = ?1, name_vi = ?2, name_en = ?3, description_vi = ?4, "
    "description_en = ?5, category = ?6, materials = ?7, fob_price_min = ?8, fob_price_max = ?9, currency = ?10, "
    "moq = ?11, village = ?12, artisan = ?13, updated_at = ?14 WHERE id = ?15";
constexpr const char* kDelete = "DELETE FROM products WHERE id = ?1";
constexpr const char* kExhibitorName = "SELECT name FROM exhibitors WHERE id = ?1";
constexpr const char* kPhotos =
    "SELECT id, product_id, content_type, size, file_name, created_at FROM product_photos "
    "WHERE product_id = ?1 ORDER BY id";
constexpr const char* kFindPhoto =
    "SELECT id, product_id, content_type, size, file_name, created_at FROM product_photos WHERE id = ?1";
constexpr const char* kInsertPhoto =
    "INSERT INTO product_photos (product_id, content_type, size, file_name, created_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5)";
constexpr const char* kDeletePhoto = "DELETE FROM product_photos WHERE id = ?1";
constexpr const char* kPhotoCount = "SELECT count(*) FROM product_photos WHERE product_id = ?1";
constexpr const char* kFilesOfProduct = "SELECT file_name FROM product_photos WHERE product_id = ?1";
constexpr const char* kFilesOfExhibitor =
    "SELECT f.file_name FROM product_photos f JOIN products p ON p.id = f.product_id WHERE p.exhibitor_id = ?1";
#undef FM_PRODUCT_COLUMNS
#undef FM_PRODUCT_FROM
#undef FM_PRODUCT_WHERE
}  // namespace sql

static Product read_product(Statement& st) {
    Product p;
    p.id = st.column_int(0);
    p.exhibitor_id = st.column_int(1);
    p.name_vi = st.column_text(2);
    p.name_en = st.column_text(3);
    p.description_vi = st.column_text(4);
    p.description_en = st.column_text(5);
    p.category = st.column_text(6);
    p.hs_code = st.column_text(7);
    p.materials = decode_list(st.column_text(8));
    p.fob_price_min = st.column_int(9);
    p.fob_price_max = st.column_int(10);
    p.currency = st.column_text(11);
    p.moq = st.column_int(12);
    p.village = st.column_text(13);
    p.artisan = st.column_text(14);
    p.created_at = st.column_text(15);
    p.updated_at = st.column_text(16);
    return p;
}

static Photo read_photo(Statement& st) {
    return Photo{st.column_int(0), st.column_int(1), st.column_text(2), st.column_int(3), st.column_text(4),
                 st.column_text(5)};
}

static void bind_filter(Statement& st, const ProductFilter& f) {
    if (f.exhibitor) st.bind(1, *f.exhibitor); else st.bind_null(1);
    if (f.fair) st.bind(2, *f.fair); else st.bind_null(2);
    if (f.category) st.bind(3, *f.category); else st.bind_null(3);
}

static void bind_fields(Statement& st, const Product& p) {
    st.bind_all(p.exhibitor_id, p.name_vi, p.name_en, p.description_vi, p.description_en, p.category,
                encode_list(p.materials), p.fob_price_min, p.fob_price_max, p.currency, p.moq, p.village, p.artisan,
                utc_now());
}

std::vector<Photo> ProductRepository::photos_of(Id product_id) {
    std::vector<Photo> out;
    auto st = db_.cached(sql::kPhotos);
    st.bind(1, product_id);
    while (st.step()) out.push_back(read_photo(st));
    return out;
}

std::optional<Product> ProductRepository::find(Id id) {
    std::optional<Product> p;
    {
        auto st = db_.cached(sql::kFind);
        st.bind(1, id);
        if (!st.step()) return std::nullopt;
        p = read_product(st);
    }
    p->photos = photos_of(id);
    return p;
}

ListResult<Product> ProductRepository::list(const ProductFilter& filter, const Page& page) {
    ListResult<Product> out;
    {
        auto st = db_.cached(sql::kList);
        bind_filter(st, filter);
        st.bind(4, page.limit).bind(5, page.offset);
        while (st.step()) out.items.push_back(read_product(st));
    }
    for (auto& p : out.items) p.photos = photos_of(p.id);
    auto c = db_.cached(sql::kCount);
    bind_filter(c, filter);
    c.step();
    out.total = c.column_int(0);
    return out;
}

Id ProductRepository::insert(const Product& p) {
    Id id;
    {
        auto st = db_.cached(sql::kInsert);
        bind_fields(st, p);
        st.exec();
        id = db_.last_insert_id();
    }
    SearchRepository(db_).index_product(id);
    return id;
}

void ProductRepository::update(const Product& p) {
    auto st = db_.cached(sql::kUpdate);
    bind_fields(st, p);
    st.bind(15, p.id);
    st.exec();
    SearchRepository(db_).index_product(p.id);
}

bool ProductRepository::remove(Id id) {
    auto found = find(id);
    if (!found) return false;
    {
        auto st = db_.cached(sql::kDelete);
        st.bind(1, id);
        st.exec();
    }
    SearchRepository(db_).remove_product(id, found->exhibitor_id);
    return true;
}

std::optional<std::string> ProductRepository::exhibitor_name(Id exhibitor_id) {
    auto st = db_.cached(sql::kExhibitorName);
    st.bind(1, exhibitor_id);
    if (!st.step()) return std::nullopt;
    return st.column_text(0);
}

Id ProductRepository::insert_photo(const Photo& ph) {
    auto st = db_.cached(sql::kInsertPhoto);
    st.bind_all(ph.product_id, ph.content_type, ph.size, ph.file_name, utc_now());
    st.exec();
    return db_.last_insert_id();
}

std::optional<Photo> ProductRepository::find_photo(Id id) {
    auto st = db_.cached(sql::kFindPhoto);
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return read_photo(st);
}

bool ProductRepository::remove_photo(Id id) {
    auto st = db_.cached(sql::kDeletePhoto);
    st.bind(1, id);
    st.exec();
    return db_.changes() > 0;
}

std::int64_t ProductRepository::photo_count(Id product_id) {
    auto st = db_.cached(sql::kPhotoCount);
    st.bind(1, product_id);
    st.step();
    return st.column_int(0);
}

static std::vector<std::string> files(Statement st, Id id) {
    std::vector<std::string> out;
    st.bind(1, id);
    while (st.step()) out.push_back(st.column_text(0));
    return out;
}

std::vector<std::string> ProductRepository::photo_files_of_product(Id product_id) {
    return files(db_.cached(sql::kFilesOfProduct), product_id);
}

std::vector<std::string> ProductRepository::photo_files_of_exhibitor(Id exhibitor_id) {
    return files(db_.cached(sql::kFilesOfExhibitor), exhibitor_id);
}

}  // namespace fairmatch::server::store
