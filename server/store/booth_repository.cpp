#include "server/store/booth_repository.hpp"

#include "server/store/sqlite.hpp"

namespace fairmatch::server::store {

namespace sql {
constexpr const char* kInsertHall =
    "INSERT INTO halls (fair_id, code, name_vi, name_en, width, height) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
constexpr const char* kHalls =
    "SELECT id, fair_id, code, name_vi, name_en, width, height FROM halls WHERE fair_id = ?1 ORDER BY code";
constexpr const char* kHall = "SELECT id, fair_id, code, name_vi, name_en, width, height FROM halls WHERE id = ?1";
constexpr const char* kInsertBooth =
    "INSERT INTO booths (fair_id, hall_id, code, x, y, w, h, area_m2, kind, price_amount, price_currency, blocked) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";
constexpr const char* kUpdateBooth =
    "UPDATE booths SET hall_id = ?2, code = ?3, x = ?4, y = ?5, w = ?6, h = ?7, area_m2 = ?8, kind = ?9, "
    "price_amount = ?10, price_currency = ?11, blocked = ?12 WHERE id = ?1";
// A hold whose time ran out counts as free even before expire_holds ran.
#define FM_BOOTH_SELECT                                                                                    \
    "SELECT b.id, b.fair_id, b.hall_id, b.code, b.x, b.y, b.w, b.h, b.area_m2, b.kind, b.price_amount, "   \
    "b.price_currency, b.blocked, k.id, k.exhibitor_id, coalesce(e.name, ''), k.status, k.held_at, "        \
    "k.expires_at FROM booths b LEFT JOIN booth_bookings k ON k.booth_id = b.id AND "                       \
    "k.status IN ('held', 'confirmed', 'approved') AND NOT (k.status = 'held' AND k.expires_at <= ?2) "      \
    "LEFT JOIN exhibitors e ON e.id = k.exhibitor_id "
constexpr const char* kFindBooth = FM_BOOTH_SELECT "WHERE b.id = ?1";
constexpr const char* kListBooths = FM_BOOTH_SELECT "WHERE b.fair_id = ?1 ORDER BY b.code";
#undef FM_BOOTH_SELECT
constexpr const char* kSettings = "SELECT booth_hold_minutes, booths_per_exhibitor FROM fairs WHERE id = ?1";
constexpr const char* kExpire = "UPDATE booth_bookings SET status = 'expired' WHERE status = 'held' AND expires_at <= ?1";
constexpr const char* kInsertHold =
    "INSERT INTO booth_bookings (booth_id, exhibitor_id, status, held_at, expires_at) VALUES (?1, ?2, 'held', ?3, ?4)";
constexpr const char* kActiveOf =
    "SELECT count(*) FROM booth_bookings WHERE exhibitor_id = ?1 AND status IN ('held', 'confirmed', 'approved')";
#define FM_BOOKING_SELECT                                                                                  \
    "SELECT k.id, k.booth_id, k.exhibitor_id, coalesce(e.name, ''), k.status, k.held_at, k.expires_at, "    \
    "k.decided_at, k.reason FROM booth_bookings k LEFT JOIN exhibitors e ON e.id = k.exhibitor_id "
constexpr const char* kBooking = FM_BOOKING_SELECT "WHERE k.id = ?1";
constexpr const char* kBookings =
    FM_BOOKING_SELECT "JOIN booths b ON b.id = k.booth_id WHERE b.fair_id = ?1 AND (?2 IS NULL OR k.status = ?2) "
                      "ORDER BY k.id DESC";
#undef FM_BOOKING_SELECT
constexpr const char* kSetStatus =
    "UPDATE booth_bookings SET status = ?2, reason = ?3, decided_at = coalesce(?4, decided_at) WHERE id = ?1";
constexpr const char* kSetSettings = "UPDATE fairs SET booth_hold_minutes = ?2, booths_per_exhibitor = ?3 WHERE id = ?1";
constexpr const char* kCodeOf =
    "SELECT b.code FROM booth_bookings k JOIN booths b ON b.id = k.booth_id WHERE k.exhibitor_id = ?1 "
    "AND k.status IN ('confirmed', 'approved') ORDER BY k.status = 'approved' DESC, k.id LIMIT 1";
}  // namespace sql

static Hall read_hall(Statement& st) {
    return Hall{st.column_int(0), st.column_int(1), st.column_text(2), st.column_text(3),
                st.column_text(4), st.column_int(5), st.column_int(6)};
}

static Booth read_booth(Statement& st) {
    Booth b;
    b.id = st.column_int(0);
    b.fair_id = st.column_int(1);
    b.hall_id = st.column_int(2);
    b.code = st.column_text(3);
    b.x = st.column_int(4);
    b.y = st.column_int(5);
    b.w = st.column_int(6);
    b.h = st.column_int(7);
    b.area_m2 = st.column_double(8);
    b.kind = st.column_text(9);
    b.price = {st.column_int(10), st.column_text(11)};
    b.blocked = st.column_int(12) != 0;
    if (!st.column_is_null(13)) {
        Booking k;
        k.id = st.column_int(13);
        k.booth_id = b.id;
        k.exhibitor_id = st.column_int(14);
        k.exhibitor_name = st.column_text(15);
        k.status = st.column_text(16);
        k.held_at = st.column_int(17);
        k.expires_at = st.column_int(18);
        b.active = k;
    }
    return b;
}

static Booking read_booking(Statement& st) {
    Booking k;
    k.id = st.column_int(0);
    k.booth_id = st.column_int(1);
    k.exhibitor_id = st.column_int(2);
    k.exhibitor_name = st.column_text(3);
    k.status = st.column_text(4);
    k.held_at = st.column_int(5);
    k.expires_at = st.column_int(6);
    if (!st.column_is_null(7)) k.decided_at = st.column_int(7);
    k.reason = st.column_text(8);
    return k;
}

Id BoothRepository::insert_hall(const Hall& h) {
    auto st = db_.cached(sql::kInsertHall);
    st.bind(1, h.fair_id).bind(2, h.code).bind(3, h.name_vi).bind(4, h.name_en).bind(5, h.width).bind(6, h.height);
    st.exec();
    return db_.last_insert_id();
}

std::vector<Hall> BoothRepository::halls(Id fair) {
    std::vector<Hall> out;
    auto st = db_.cached(sql::kHalls);
    st.bind(1, fair);
    while (st.step()) out.push_back(read_hall(st));
    return out;
}

std::optional<Hall> BoothRepository::hall(Id id) {
    auto st = db_.cached(sql::kHall);
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return read_hall(st);
}

static void bind_booth(Statement& st, const Booth& b, int first) {
    st.bind(first, b.hall_id).bind(first + 1, b.code).bind(first + 2, b.x).bind(first + 3, b.y).bind(first + 4, b.w);
    st.bind(first + 5, b.h).bind(first + 6, b.area_m2).bind(first + 7, b.kind).bind(first + 8, b.price.amount);
    st.bind(first + 9, b.price.currency).bind(first + 10, b.blocked ? 1 : 0);
}

Id BoothRepository::insert_booth(const Booth& b) {
    auto st = db_.cached(sql::kInsertBooth);
    st.bind(1, b.fair_id);
    bind_booth(st, b, 2);
    st.exec();
    return db_.last_insert_id();
}

void BoothRepository::update_booth(const Booth& b) {
    auto st = db_.cached(sql::kUpdateBooth);
    st.bind(1, b.id);
    bind_booth(st, b, 2);
    st.exec();
}

std::optional<Booth> BoothRepository::find(Id id, std::int64_t now) {
    auto st = db_.cached(sql::kFindBooth);
    st.bind(1, id).bind(2, now);
    if (!st.step()) return std::nullopt;
    return read_booth(st);
}

std::vector<Booth> BoothRepository::list(Id fair, std::int64_t now) {
    std::vector<Booth> out;
    auto st = db_.cached(sql::kListBooths);
    st.bind(1, fair).bind(2, now);
    while (st.step()) out.push_back(read_booth(st));
    return out;
}

BoothSettings BoothRepository::settings(Id fair) {
    auto st = db_.cached(sql::kSettings);
    st.bind(1, fair);
    if (!st.step()) return {};
    return {st.column_int(0), st.column_int(1)};
}

void BoothRepository::expire_holds(std::int64_t now) {
    auto st = db_.cached(sql::kExpire);
    st.bind(1, now);
    st.exec();
}

Id BoothRepository::insert_hold(Id booth, Id exhibitor, std::int64_t now, std::int64_t expires_at) {
    auto st = db_.cached(sql::kInsertHold);
    st.bind(1, booth).bind(2, exhibitor).bind(3, now).bind(4, expires_at);
    st.exec();
    return db_.last_insert_id();
}

std::int64_t BoothRepository::active_bookings_of(Id exhibitor) {
    auto st = db_.cached(sql::kActiveOf);
    st.bind(1, exhibitor);
    st.step();
    return st.column_int(0);
}

std::optional<Booking> BoothRepository::booking(Id id) {
    auto st = db_.cached(sql::kBooking);
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return read_booking(st);
}

void BoothRepository::set_status(Id booking, std::string_view status, std::string_view reason, std::int64_t now,
                                 bool decided) {
    auto st = db_.cached(sql::kSetStatus);
    st.bind(1, booking).bind(2, status).bind(3, reason);
    if (decided) st.bind(4, now); else st.bind_null(4);
    st.exec();
}

void BoothRepository::set_settings(Id fair, const BoothSettings& s) {
    auto st = db_.cached(sql::kSetSettings);
    st.bind(1, fair).bind(2, s.hold_minutes).bind(3, s.per_exhibitor);
    st.exec();
}

std::vector<Booking> BoothRepository::bookings(Id fair, std::optional<std::string> status) {
    std::vector<Booking> out;
    auto st = db_.cached(sql::kBookings);
    st.bind(1, fair);
    if (status) st.bind(2, *status); else st.bind_null(2);
    while (st.step()) out.push_back(read_booking(st));
    return out;
}

std::optional<std::string> BoothRepository::booth_code_of(Id exhibitor) {
    auto st = db_.cached(sql::kCodeOf);
    st.bind(1, exhibitor);
    if (!st.step()) return std::nullopt;
    return st.column_text(0);
}

}  // namespace fairmatch::server::store
