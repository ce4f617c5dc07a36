#include "server/api/notify.hpp"

#include "server/live/personal.hpp"
#include "server/store/common.hpp"

namespace fairmatch::server::api {

void notify(Context& c, Id fair, std::string_view kind, Id participant, std::string_view type, nlohmann::json payload,
            std::optional<std::string> dedupe) {
    if (auto e = live::store_notification(c.db(), fair, kind, participant, type, std::move(payload), std::move(dedupe),
                                          store::unix_now()))
        c.notified.push_back(std::move(*e));
}

}  // namespace fairmatch::server::api
