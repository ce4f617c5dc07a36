#pragma once
// Plain domain records shared by the API, the repositories and the demo
// generator. No JSON, no SQL, no I/O here.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace fairmatch::server {

using Id = std::int64_t;

// Money is always integer minor units plus an ISO 4217 code.
struct Money {
    std::int64_t amount = 0;  // minor units (e.g. cents)
    std::string currency;     // ISO 4217, e.g. "USD"
};

struct Fair {
    Id id = 0;
    std::string name_vi;
    std::string name_en;
    std::string venue;
    std::string city;
    std::string time_zone = "Asia/Ho_Chi_Minh";  // IANA name
    std::string start_date;                      // YYYY-MM-DD
    std::string end_date;                        // YYYY-MM-DD
    std::string status = "draft";                // draft|open|live|closed
    std::string created_at;                      // UTC, ISO 8601
    std::string updated_at;
};

struct Exhibitor {
    Id id = 0;
    Id fair_id = 0;
    std::string name;      // as the company writes it, usually Vietnamese
    std::string name_en;
    std::string tax_code;  // Vietnamese MST: 10 digits, optionally -NNN
    std::string province;  // reference province code
    std::string craft_village;
    std::string description_vi;
    std::string description_en;
    std::vector<std::string> categories;      // taxonomy codes
    std::vector<std::string> materials;
    std::vector<std::string> certifications;  // reference certification codes
    std::int64_t moq = 0;
    std::int64_t monthly_capacity = 0;
    std::int64_t lead_time_days = 0;
    std::string price_tier;                   // budget|mid|premium|luxury
    std::vector<std::string> export_markets;  // ISO 3166-1 alpha-2
    std::vector<std::string> languages;       // ISO 639-1
    std::string website;
    std::optional<std::string> booth;  // code of its confirmed or approved booth (read only)
    std::optional<Id> owner_user_id;  // the account that manages this profile
    std::string status = "approved";   // pending|approved|rejected (participation)
    std::string status_reason;         // the organizer's reason, shown to the applicant
    std::string badge_code;            // unguessable, printed as a QR code on the badge
    std::string created_at;
    std::string updated_at;
};

struct Importer {
    Id id = 0;
    Id fair_id = 0;
    std::string name;
    std::string country;     // ISO 3166-1 alpha-2
    std::string buyer_type;  // see validation::buyer_types()
    std::vector<std::string> categories;
    std::vector<std::string> required_certifications;
    std::string price_tier;
    std::int64_t order_quantity = 0;
    std::int64_t max_lead_time_days = 0;
    Money annual_budget;
    std::vector<std::string> languages;
    bool lead_sharing = false;  // agreed that exhibitors may save it as a lead by scanning its badge
    std::optional<Id> owner_user_id;  // the account that manages this profile
    std::string status = "approved";   // pending|approved|rejected (participation)
    std::string status_reason;         // the organizer's reason, shown to the applicant
    std::string badge_code;            // unguessable, printed as a QR code on the badge
    std::string created_at;
    std::string updated_at;
};

struct Photo {
    Id id = 0;
    Id product_id = 0;
    std::string content_type;  // image/jpeg|image/png|image/webp
    std::int64_t size = 0;
    std::string file_name;     // name under data/photos/
    std::string created_at;
};

struct Product {
    Id id = 0;
    Id exhibitor_id = 0;
    std::string name_vi;
    std::string name_en;
    std::string description_vi;
    std::string description_en;
    std::string category;  // taxonomy code
    std::string hs_code;   // follows from category (read only)
    std::vector<std::string> materials;
    std::int64_t fob_price_min = 0;  // minor units
    std::int64_t fob_price_max = 0;
    std::string currency = "USD";
    std::int64_t moq = 0;
    std::string village;  // provenance
    std::string artisan;
    std::vector<Photo> photos;
    std::string created_at;
    std::string updated_at;
};

struct Category {
    std::string code;
    std::string hs_code;
    std::string name_vi;
    std::string name_en;
};

struct NamedCode {
    std::string code;
    std::string name_vi;
    std::string name_en;
};

}  // namespace fairmatch::server
