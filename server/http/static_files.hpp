#pragma once
// Serves files under a web root: MIME types, ETag / If-None-Match, no path
// traversal ("..", absolute paths, symlinks leading out of the root).
// Blocking file reads; files are small UI assets.

#include <optional>
#include <string>

#include "server/http/message.hpp"

namespace fairmatch::server::http {

class StaticFiles {
public:
    // `root` must exist; it is canonicalised once.
    explicit StaticFiles(const std::string& root);
    // GET/HEAD of req.path. Returns nullopt when no such file (the caller
    // answers 404); a refused traversal also gives nullopt.
    std::optional<Response> serve(const Request& req) const;
    const std::string& root() const noexcept { return root_; }

private:
    std::string root_;  // canonical, without trailing slash
};

std::string_view mime_type_for(std::string_view path);

}  // namespace fairmatch::server::http
