#pragma once
#include "server/http/router.hpp"

namespace fairmatch::server::api {
// Each resource file adds its routes to the table.
void add_system_routes(http::Router& r);
void add_reference_routes(http::Router& r);
void add_fair_routes(http::Router& r);
void add_exhibitor_routes(http::Router& r);
void add_importer_routes(http::Router& r);
void add_product_routes(http::Router& r);
void add_photo_routes(http::Router& r);
void add_auth_routes(http::Router& r);
void add_account_routes(http::Router& r);
void add_participant_routes(http::Router& r);
void add_import_routes(http::Router& r);
void add_recommendation_routes(http::Router& r);
void add_booth_routes(http::Router& r);
void add_live_routes(http::Router& r);
void add_me_live_routes(http::Router& r);
void add_deal_routes(http::Router& r);
void add_report_routes(http::Router& r);
void add_outcome_routes(http::Router& r);
void add_meeting_request_routes(http::Router& r);
void add_schedule_routes(http::Router& r);
void add_meeting_constraint_routes(http::Router& r);
void add_calendar_routes(http::Router& r);
void add_schedule_change_routes(http::Router& r);

// The whole table, in one place.
void add_all_routes(http::Router& r);
}  // namespace fairmatch::server::api
