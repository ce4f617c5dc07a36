#include "server/http/static_files.hpp"

#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fairmatch::server::http {

namespace fs = std::filesystem;

StaticFiles::StaticFiles(const std::string& root) {
    std::error_code ec;
    auto canonical = fs::canonical(root, ec);
    root_ = ec ? root : canonical.string();
    while (root_.size() > 1 && root_.back() == '/') root_.pop_back();
}

std::string_view mime_type_for(std::string_view path) {
    auto dot = path.rfind('.');
    std::string_view ext = dot == std::string_view::npos ? std::string_view{} : path.substr(dot + 1);
    if (ext == "html") return "text/html; charset=utf-8";
    if (ext == "js" || ext == "mjs") return "text/javascript; charset=utf-8";
    if (ext == "css") return "text/css; charset=utf-8";
    if (ext == "json") return "application/json";
    if (ext == "svg") return "image/svg+xml";
    if (ext == "png") return "image/png";
    if (ext == "jpg" || ext == "jpeg") return "image/jpeg";
    if (ext == "webp") return "image/webp";
    if (ext == "ico") return "image/x-icon";
    if (ext == "woff2") return "font/woff2";
    if (ext == "txt") return "text/plain; charset=utf-8";
    if (ext == "map") return "application/json";
    return "application/octet-stream";
}

static bool safe_relative(std::string_view rel) {
    if (rel.empty()) return true;
    if (rel.front() == '/') return false;  // "//etc/passwd" after the leading slash
    if (rel.find('\0') != std::string_view::npos || rel.find('\\') != std::string_view::npos) return false;
    std::size_t i = 0;
    while (i <= rel.size()) {
        auto j = rel.find('/', i);
        if (j == std::string_view::npos) j = rel.size();
        auto seg = rel.substr(i, j - i);
        if (seg == ".." || seg == ".") return false;
        if (!seg.empty() && seg.front() == '.') return false;  // no dotfiles
        i = j + 1;
    }
    return true;
}

std::optional<Response> StaticFiles::serve(const Request& req) const {
    std::string_view rel = req.path;
    if (rel.empty() || rel.front() != '/') return std::nullopt;
    rel.remove_prefix(1);
    if (!safe_relative(rel)) return std::nullopt;
    std::string candidate = root_ + "/" + std::string(rel);
    std::error_code ec;
    if (rel.empty() || rel.back() == '/' || fs::is_directory(candidate, ec)) {
        if (!candidate.empty() && candidate.back() != '/') candidate += '/';
        candidate += "index.html";
    }
    auto real = fs::canonical(candidate, ec);
    if (ec) return std::nullopt;
    std::string real_s = real.string();
    if (real_s.compare(0, root_.size() + 1, root_ + "/") != 0) return std::nullopt;  // symlink out of root
    struct stat st {};
    if (::stat(real_s.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;

    char etag[64];
    std::snprintf(etag, sizeof etag, "\"%llx-%llx\"", static_cast<unsigned long long>(st.st_size),
                  static_cast<unsigned long long>(st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec));
    Response r;
    r.set_header("etag", etag);
    r.set_header("cache-control", "no-cache");
    if (auto inm = req.header("if-none-match")) {
        if (*inm == etag || *inm == "*") {
            r.status = 304;
            return r;
        }
    }
    std::ifstream in(real_s, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream ss;
    ss << in.rdbuf();
    r.status = 200;
    r.content_type = std::string(mime_type_for(real_s));
    r.body = std::move(ss).str();
    return r;
}

}  // namespace fairmatch::server::http
