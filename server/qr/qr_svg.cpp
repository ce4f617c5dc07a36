#include "server/qr/qr_svg.hpp"

#include <qrencode.h>

#include <memory>
#include <stdexcept>

namespace fairmatch::server::qr {

static std::string escape_xml(std::string_view s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string svg(std::string_view text, std::string_view title) {
    std::string input(text);
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString8bit(input.c_str(), 0, QR_ECLEVEL_M), &QRcode_free);
    if (!code) throw std::runtime_error("QR encoding failed");
    const int n = code->width, quiet = 4, size = n + 2 * quiet;
    std::string path;
    for (int y = 0; y < n; ++y)
        for (int x = 0; x < n; ++x)
            if (code->data[y * n + x] & 1)
                path += "M" + std::to_string(x + quiet) + " " + std::to_string(y + quiet) + "h1v1h-1z";
    std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + std::to_string(size) + " " +
                      std::to_string(size) + "\" shape-rendering=\"crispEdges\" role=\"img\">";
    if (!title.empty()) out += "<title>" + escape_xml(title) + "</title>";
    out += "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
    return out;
}

}  // namespace fairmatch::server::qr
