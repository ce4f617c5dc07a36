#pragma once
// Full-text search (FTS5) over exhibitors and products, accent-insensitive
// for Vietnamese with exact-accent matches ranked first, combined with
// filters and facet counts. Index writes run in the caller's transaction.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "server/domain/types.hpp"
#include "server/store/common.hpp"

namespace fairmatch::server::store {
class Connection;

struct ExhibitorSearch {
    std::string text;  // empty: no text condition
    std::optional<Id> fair;
    std::optional<std::string> category;  // taxonomy code, or an HS code (4-6 digits)
    std::optional<std::string> province;
    std::optional<std::string> village;   // compared folded and case-insensitively
    std::optional<std::string> certification;
    std::optional<std::int64_t> moq_max;
    std::optional<std::string> price_tier;
    std::optional<std::string> language;
    std::optional<std::string> market;
    std::string status = "approved";
    bool sort_by_name = false;  // default: relevance with text, id without
    bool facets = false;
};

struct SearchHits {
    std::vector<Id> ids;  // the requested page, in order
    std::int64_t total = 0;
    // facet name -> value -> count, over all matches (not only the page)
    std::map<std::string, std::map<std::string, std::int64_t>> facets;
};

class SearchRepository {
public:
    explicit SearchRepository(Connection& db) : db_(db) {}

    void index_exhibitor(Id id);
    void remove_exhibitor(Id id);  // and the documents of its products
    void index_product(Id id);     // also refreshes its exhibitor's document
    void remove_product(Id id, Id exhibitor_id);
    // Rebuilds every document (after the search migration on old data).
    void rebuild_all();

    SearchHits search_exhibitors(const ExhibitorSearch& q, const Page& page);
    SearchHits search_products(const std::string& text, std::optional<Id> fair, const Page& page);

private:
    Connection& db_;
};

// Builds the FTS5 MATCH expression for user text: every word must match
// (the last one as a prefix, for results as you type) in the folded column,
// or the words as written in the exact column. Empty when no word.
std::string fts_query(std::string_view text);

}  // namespace fairmatch::server::store
