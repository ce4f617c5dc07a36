#pragma once
// What every live-feed route checks before the connection becomes a
// WebSocket: that it asks for one, and that a browser's page is our own.

#include <string>

#include "server/api/context.hpp"
#include "server/http/problem.hpp"

namespace fairmatch::server::api {

inline void check_live_upgrade(Context& c) {
    auto upgrade = c.req.header("upgrade");
    if (!upgrade || (*upgrade != "websocket" && *upgrade != "WebSocket"))
        throw http::Problem{426, "upgrade-required", "Upgrade required",
                            "Connect with a WebSocket to receive the live feed.", {}};
    // Browsers send Origin on WebSockets: only our own pages may connect.
    auto origin = c.req.header("origin");
    auto host = c.req.header("host");
    if (origin) {
        std::string o(*origin), h(host.value_or(""));
        if (o != "http://" + h && o != "https://" + h)
            throw http::Problem{403, "forbidden-origin", "Forbidden origin",
                                "The live feed only accepts connections from this site's pages.", {}};
    }
}

}  // namespace fairmatch::server::api
