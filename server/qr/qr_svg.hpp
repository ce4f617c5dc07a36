#pragma once
#include <string>
#include <string_view>

namespace fairmatch::server::qr {
// An SVG image of a QR code (error correction M, 4-module quiet zone) for
// `text`. Throws std::runtime_error when the text cannot be encoded.
std::string svg(std::string_view text, std::string_view title = {});
}  // namespace fairmatch::server::qr
