#pragma once
#include <optional>
#include <string>
#include <vector>

#include "server/domain/types.hpp"

namespace fairmatch::server::store {
class Connection;

struct Hall {
    Id id = 0;
    Id fair_id = 0;
    std::string code, name_vi, name_en;
    std::int64_t width = 0, height = 0;
};

struct Booking {
    Id id = 0;
    Id booth_id = 0;
    Id exhibitor_id = 0;
    std::string exhibitor_name;
    std::string status;  // held | confirmed | approved | rejected | released | expired
    std::int64_t held_at = 0, expires_at = 0;
    std::optional<std::int64_t> decided_at;
    std::string reason;
};

struct Booth {
    Id id = 0;
    Id fair_id = 0;
    Id hall_id = 0;
    std::string code;
    std::int64_t x = 0, y = 0, w = 0, h = 0;
    double area_m2 = 0;
    std::string kind;
    Money price;
    bool blocked = false;
    std::optional<Booking> active;  // the one held/confirmed/approved claim
};

struct BoothSettings {
    std::int64_t hold_minutes = 15;
    std::int64_t per_exhibitor = 1;
};

// Halls, booths and bookings. Writers run inside the caller's BEGIN
// IMMEDIATE transaction; "one active claim per booth" is the database's
// partial unique index, so insert_hold throws store::Error (unique) for the
// second of two racing holds.
class BoothRepository {
public:
    explicit BoothRepository(Connection& db) : db_(db) {}

    Id insert_hall(const Hall& h);
    std::vector<Hall> halls(Id fair);
    std::optional<Hall> hall(Id id);

    Id insert_booth(const Booth& b);
    void update_booth(const Booth& b);
    std::optional<Booth> find(Id id, std::int64_t now);
    std::vector<Booth> list(Id fair, std::int64_t now);

    BoothSettings settings(Id fair);
    // Marks holds whose time ran out as expired (in the caller's transaction).
    void expire_holds(std::int64_t now);
    Id insert_hold(Id booth, Id exhibitor, std::int64_t now, std::int64_t expires_at);
    std::int64_t active_bookings_of(Id exhibitor);
    std::optional<Booking> booking(Id id);
    // `decided` stamps decided_at (an organizer's approval or rejection).
    void set_status(Id booking, std::string_view status, std::string_view reason, std::int64_t now, bool decided = false);
    void set_settings(Id fair, const BoothSettings& s);
    std::vector<Booking> bookings(Id fair, std::optional<std::string> status);
    // The exhibitor's confirmed or approved booth code, if any.
    std::optional<std::string> booth_code_of(Id exhibitor);

private:
    Connection& db_;
};

}  // namespace fairmatch::server::store
