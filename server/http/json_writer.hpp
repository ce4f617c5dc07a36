#pragma once
// A small streaming JSON writer for hot read paths, where building a
// nlohmann::json tree only to serialise it costs more than the query. The
// output is what nlohmann's dump() writes for the same values (UTF-8 passed
// through, control characters escaped), with keys in the order written.
// Callers keep keys and nesting well-formed.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fairmatch::server::http {

class JsonWriter {
public:
    JsonWriter& begin_object() { sep(); out_ += '{'; first_ = true; return *this; }
    JsonWriter& end_object() { out_ += '}'; first_ = false; return *this; }
    JsonWriter& begin_array() { sep(); out_ += '['; first_ = true; return *this; }
    JsonWriter& end_array() { out_ += ']'; first_ = false; return *this; }
    JsonWriter& key(std::string_view k) {
        sep();
        quote(k);
        out_ += ':';
        first_ = true;  // the value that follows needs no comma
        return *this;
    }
    JsonWriter& value(std::string_view s) { sep(); quote(s); return *this; }
    JsonWriter& value(const char* s) { return value(std::string_view(s)); }
    JsonWriter& value(std::int64_t v) { sep(); out_ += std::to_string(v); return *this; }
    JsonWriter& value(bool v) { sep(); out_ += v ? "true" : "false"; return *this; }
    JsonWriter& null() { sep(); out_ += "null"; return *this; }
    JsonWriter& value(const std::vector<std::string>& list) {
        begin_array();
        for (const auto& s : list) value(std::string_view(s));
        return end_array();
    }
    template <class T>
    JsonWriter& field(std::string_view k, const T& v) { key(k); return value(v); }

    std::string take() { return std::move(out_); }

private:
    void sep() {
        if (!first_) out_ += ',';
        first_ = false;
    }
    void quote(std::string_view s) {
        out_ += '"';
        for (char c : s) {
            auto u = static_cast<unsigned char>(c);
            switch (c) {
                case '"': out_ += "\\\""; break;
                case '\\': out_ += "\\\\"; break;
                case '\n': out_ += "\\n"; break;
                case '\r': out_ += "\\r"; break;
                case '\t': out_ += "\\t"; break;
                case '\b': out_ += "\\b"; break;
                case '\f': out_ += "\\f"; break;
                default:
                    if (u < 0x20) {
                        static const char* hex = "0123456789abcdef";
                        out_ += "\\u00";
                        out_ += hex[u >> 4];
                        out_ += hex[u & 15];
                    } else {
                        out_ += c;
                    }
            }
        }
        out_ += '"';
    }

    std::string out_;
    bool first_ = true;
};

}  // namespace fairmatch::server::http
