#include "matching/weights.hpp"

namespace fairmatch::matching {

std::string_view to_string(Part part) {
    switch (part) {
        case Part::category: return "category";
        case Part::certification: return "certification";
        case Part::price: return "price";
        case Part::moq: return "moq";
        case Part::lead_time: return "lead_time";
        case Part::capacity: return "capacity";
        case Part::language: return "language";
        case Part::export_experience: return "export_experience";
        case Part::target_market: return "target_market";
        case Part::buyer_type: return "buyer_type";
    }
    return "unknown";
}

int Weights::weight(Part p) const { return const_cast<Weights*>(this)->weight(p); }

int& Weights::weight(Part p) {
    switch (p) {
        case Part::category: return category;
        case Part::certification: return certification;
        case Part::price: return price;
        case Part::moq: return moq;
        case Part::lead_time: return lead_time;
        case Part::capacity: return capacity;
        case Part::language: return language;
        case Part::export_experience: return export_experience;
        case Part::target_market: return target_market;
        case Part::buyer_type: return buyer_type;
    }
    return category;  // unreachable for a valid Part
}

std::vector<FieldError> Weights::validate() const {
    std::vector<FieldError> errors;
    int importer_sum = 0;
    int exhibitor_sum = 0;
    bool all_zero = true;
    for (Part p : all_parts) {
        const int w = weight(p);
        if (w < 0) {
            errors.push_back({std::string(to_string(p)), "must not be negative"});
        } else if (w > max_weight) {
            errors.push_back({std::string(to_string(p)), "must be at most 100"});
        } else if (w > 0) {
            all_zero = false;
            if (in_importer_view(p)) importer_sum += w;
            if (in_exhibitor_view(p)) exhibitor_sum += w;
        }
    }
    auto percent = [&](const char* field, int v) {
        if (v < 0 || v > 100) errors.push_back({field, "must be between 0 and 100"});
    };
    percent("hs_group_credit", hs_group_credit);
    percent("interpreter_credit", interpreter_credit);
    percent("other_market_credit", other_market_credit);

    if (all_zero) {
        errors.push_back({"weights", "at least one weight must be positive"});
    } else {
        if (importer_sum == 0)
            errors.push_back({"weights",
                              "the importer's view needs a positive weight for category, certification, price, "
                              "moq, lead_time, capacity, language or export_experience"});
        if (exhibitor_sum == 0)
            errors.push_back({"weights",
                              "the exhibitor's view needs a positive weight for category, moq, capacity, "
                              "language, target_market or buyer_type"});
    }
    return errors;
}

}  // namespace fairmatch::matching
