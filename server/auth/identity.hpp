#pragma once
#include <string>

#include "server/domain/types.hpp"

namespace fairmatch::server::auth {

// Who is asking: resolved from the session cookie or a bearer token before
// the access policy runs. user_id 0 means anonymous.
struct Identity {
    enum class Via { none, cookie, bearer };
    Id user_id = 0;
    std::string role;  // exhibitor | importer | organizer
    std::string email;
    std::string display_name;
    std::string language;
    Via via = Via::none;
    Id session_id = 0;       // cookie sessions
    Id token_id = 0;         // bearer tokens
    std::string csrf_token;  // cookie sessions
    bool signed_in() const noexcept { return user_id != 0; }
    bool is(std::string_view r) const noexcept { return role == r; }
};

}  // namespace fairmatch::server::auth
