#include "server/recommend/reason_text.hpp"

#include <tuple>
#include <vector>

namespace fairmatch::server::recommend {

namespace {

using matching::ArgKind;
using matching::ReasonCode;

std::string name_of(const std::vector<NamedCode>& list, const std::string& code, bool vi) {
    for (const auto& c : list)
        if (c.code == code) return vi ? c.name_vi : c.name_en;
    return code;
}

std::string arg_text(const matching::Arg& a, const matching::Vocabulary& v, const ReferenceData& ref, bool vi) {
    auto code = matching::render_arg(a, v);
    switch (a.kind) {
        case ArgKind::number: return code;
        case ArgKind::category:
            for (const auto& c : ref.categories)
                if (c.code == code) return (vi ? c.name_vi : c.name_en) + " (HS " + c.hs_code + ")";
            return code;
        case ArgKind::certification: return code;
        case ArgKind::country: return name_of(ref.countries, code, vi);
        case ArgKind::language: {
            static const std::vector<std::tuple<std::string, std::string, std::string>> langs = {
                {"vi", "tiếng Việt", "Vietnamese"}, {"en", "tiếng Anh", "English"}, {"fr", "tiếng Pháp", "French"},
                {"de", "tiếng Đức", "German"},      {"ja", "tiếng Nhật", "Japanese"}, {"ko", "tiếng Hàn", "Korean"},
                {"zh", "tiếng Trung", "Chinese"},   {"es", "tiếng Tây Ban Nha", "Spanish"},
                {"it", "tiếng Ý", "Italian"},       {"nl", "tiếng Hà Lan", "Dutch"},  {"ru", "tiếng Nga", "Russian"},
                {"pt", "tiếng Bồ Đào Nha", "Portuguese"}, {"th", "tiếng Thái", "Thai"}, {"ar", "tiếng Ả Rập", "Arabic"},
                {"sv", "tiếng Thụy Điển", "Swedish"}, {"da", "tiếng Đan Mạch", "Danish"},
                {"pl", "tiếng Ba Lan", "Polish"},   {"id", "tiếng Indonesia", "Indonesian"},
                {"ms", "tiếng Mã Lai", "Malay"},    {"hi", "tiếng Hindi", "Hindi"}, {"tr", "tiếng Thổ Nhĩ Kỳ", "Turkish"}};
            for (const auto& [c, viet, eng] : langs)
                if (c == code) return vi ? viet : eng;
            return code;
        }
        case ArgKind::price_tier: {
            static const std::vector<std::tuple<std::string, std::string, std::string>> tiers = {
                {"budget", "bình dân", "budget"}, {"mid", "trung cấp", "mid-range"}, {"premium", "cao cấp", "premium"},
                {"luxury", "xa xỉ", "luxury"}};
            for (const auto& [c, viet, eng] : tiers)
                if (c == code) return vi ? viet : eng;
            return code;
        }
        case ArgKind::buyer_type: {
            static const std::vector<std::pair<std::string, std::string>> types = {
                {"wholesaler", "nhà bán buôn"},         {"retail_chain", "chuỗi bán lẻ"},
                {"e_commerce", "bán hàng trực tuyến"},  {"interior_designer", "nhà thiết kế nội thất"},
                {"sourcing_agent", "đại lý thu mua"},   {"department_store", "trung tâm thương mại"},
                {"gift_shop", "cửa hàng quà tặng"}};
            for (const auto& [en, viet] : types)
                if (en == code) return vi ? viet : std::string(en == "e_commerce" ? "e-commerce seller" : en);
            return code;
        }
    }
    return code;
}

std::string join(const std::vector<std::string>& parts, bool vi) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i) out += (i + 1 == parts.size()) ? (vi ? " và " : " and ") : ", ";
        out += parts[i];
    }
    return out;
}

}  // namespace

std::string reason_text(const matching::Reason& r, const matching::Vocabulary& v, const ReferenceData& ref,
                        std::string_view lang) {
    bool vi = lang == "vi";
    std::vector<std::string> a;
    for (const auto& arg : r.args) a.push_back(arg_text(arg, v, ref, vi));
    auto at = [&](std::size_t i) { return i < a.size() ? a[i] : std::string("?"); };
    auto all = join(a, vi);
    switch (r.code) {
        case ReasonCode::category_match:
            return vi ? "Cùng ngành hàng: " + all : "Makes what you look for: " + all;
        case ReasonCode::category_hs_group_match:
            return vi ? "Ngành hàng gần (cùng mã HS): " + all : "Related products (same HS heading): " + all;
        case ReasonCode::category_none: return vi ? "Không có ngành hàng chung" : "No product category in common";
        case ReasonCode::certification_held:
            return vi ? "Có chứng nhận yêu cầu: " + all : "Holds the required certification: " + all;
        case ReasonCode::certification_none_required:
            return vi ? "Không yêu cầu chứng nhận" : "No certification required";
        case ReasonCode::certification_missing:
            return vi ? "Thiếu chứng nhận bắt buộc: " + all : "Missing a required certification: " + all;
        case ReasonCode::price_tier_match: return vi ? "Cùng phân khúc giá " + at(0) : "Same price tier: " + at(0);
        case ReasonCode::price_tier_differs:
            return vi ? "Phân khúc giá khác: người mua " + at(0) + ", nhà cung cấp " + at(1)
                      : "Price tiers differ: buyer " + at(0) + ", supplier " + at(1);
        case ReasonCode::moq_none: return vi ? "Không có số lượng đặt hàng tối thiểu" : "No minimum order quantity";
        case ReasonCode::moq_fits:
            return vi ? "MOQ " + at(0) + " ≤ đơn hàng " + at(1) : "MOQ " + at(0) + " ≤ order of " + at(1);
        case ReasonCode::moq_above_order:
            return vi ? "MOQ " + at(0) + " lớn hơn đơn hàng " + at(1) : "MOQ " + at(0) + " above the order of " + at(1);
        case ReasonCode::order_quantity_unknown:
            return vi ? "Người mua chưa nêu số lượng đặt hàng" : "The buyer has not stated an order quantity";
        case ReasonCode::lead_time_fits:
            return vi ? "Thời gian sản xuất " + at(0) + " ngày ≤ " + at(1) + " ngày"
                      : "Lead time " + at(0) + " days ≤ " + at(1) + " days";
        case ReasonCode::lead_time_too_long:
            return vi ? "Thời gian sản xuất " + at(0) + " ngày > " + at(1) + " ngày"
                      : "Lead time " + at(0) + " days > " + at(1) + " days";
        case ReasonCode::lead_time_unknown:
            return vi ? "Thời gian sản xuất " + at(0) + " ngày" : "Lead time " + at(0) + " days";
        case ReasonCode::capacity_fits:
            return vi ? "Công suất " + at(0) + "/tháng đủ cho đơn " + at(1)
                      : "Capacity " + at(0) + "/month covers an order of " + at(1);
        case ReasonCode::capacity_short:
            return vi ? "Công suất " + at(0) + "/tháng thấp hơn đơn " + at(1)
                      : "Capacity " + at(0) + "/month is below an order of " + at(1);
        case ReasonCode::capacity_unknown: return vi ? "Chưa nêu công suất" : "Capacity not stated";
        case ReasonCode::language_shared: return vi ? "Ngôn ngữ chung: " + all : "Shared language: " + all;
        case ReasonCode::interpreter_available:
            return vi ? "Có phiên dịch" : "No shared language, but an interpreter is available";
        case ReasonCode::language_none: return vi ? "Không có ngôn ngữ chung" : "No shared language";
        case ReasonCode::exported_to: return vi ? "Đã xuất khẩu sang " + at(0) : "Has exported to " + at(0);
        case ReasonCode::exported_elsewhere:
            return vi ? "Đã xuất khẩu sang " + at(0) + " thị trường khác" : "Has exported to " + at(0) + " other markets";
        case ReasonCode::export_none: return vi ? "Chưa có kinh nghiệm xuất khẩu" : "No export experience yet";
        case ReasonCode::target_market:
            return vi ? "Thị trường mục tiêu: " + at(0) : "Targets your market: " + at(0);
        case ReasonCode::target_markets_any:
            return vi ? "Mở cho mọi thị trường" : "Open to every market";
        case ReasonCode::target_market_other:
            return vi ? at(0) + " không phải thị trường mục tiêu" : at(0) + " is not among its target markets";
        case ReasonCode::buyer_type_targeted:
            return vi ? "Tìm loại người mua: " + at(0) : "Looks for buyers like you: " + at(0);
        case ReasonCode::buyer_types_any: return vi ? "Mở cho mọi loại người mua" : "Open to every kind of buyer";
        case ReasonCode::buyer_type_other:
            return vi ? "Ưu tiên loại người mua khác (" + at(0) + ")" : "Prefers other kinds of buyer (" + at(0) + ")";
    }
    return std::string(matching::to_string(r.code));
}

}  // namespace fairmatch::server::recommend
