#pragma once
#include <optional>

#include "server/domain/types.hpp"
#include "server/store/common.hpp"

namespace fairmatch::server::store {
class Connection;

struct ProductFilter {
    std::optional<Id> exhibitor;
    std::optional<Id> fair;
    std::optional<std::string> category;
};

// Products and their photo rows. hs_code is read from the category.
class ProductRepository {
public:
    explicit ProductRepository(Connection& db) : db_(db) {}
    std::optional<Product> find(Id id);  // with photos
    ListResult<Product> list(const ProductFilter& filter, const Page& page);  // photos included
    Id insert(const Product& p);
    void update(const Product& p);
    bool remove(Id id);
    // The exhibitor's company name, for display next to a product.
    std::optional<std::string> exhibitor_name(Id exhibitor_id);

    Id insert_photo(const Photo& photo);
    std::optional<Photo> find_photo(Id id);
    bool remove_photo(Id id);
    std::vector<std::string> photo_files_of_product(Id product_id);
    std::vector<std::string> photo_files_of_exhibitor(Id exhibitor_id);
    std::int64_t photo_count(Id product_id);

private:
    std::vector<Photo> photos_of(Id product_id);
    Connection& db_;
};
}  // namespace fairmatch::server::store
