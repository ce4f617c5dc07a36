#include <gtest/gtest.h>

#include "server/store/exhibitor_repository.hpp"
#include "server/store/fair_repository.hpp"
#include "server/store/importer_repository.hpp"
#include "server/store/product_repository.hpp"
#include "server/store/reference_repository.hpp"
#include "test_db.hpp"

using namespace fairmatch::server;
using namespace fairmatch::server::store;

namespace {
Fair sample_fair() {
    Fair f;
    f.name_vi = "Hội chợ thử";
    f.name_en = "Test fair";
    f.venue = "Trung tâm Triển lãm";
    f.city = "Hà Nội";
    f.start_date = "2026-12-10";
    f.end_date = "2026-12-13";
    f.status = "open";
    return f;
}
Exhibitor sample_exhibitor(Id fair, const std::string& province) {
    Exhibitor e;
    e.fair_id = fair;
    e.name = "Công ty TNHH Gốm Bát Tràng";
    e.tax_code = "0101234567";
    e.province = province;
    e.categories = {"ceramics.tableware"};
    e.certifications = {"BSCI"};
    e.languages = {"vi", "en"};
    e.export_markets = {"JP", "DE"};
    e.price_tier = "mid";
    e.moq = 200;
    return e;
}
}  // namespace

class RepositoryTest : public ::testing::Test {
protected:
    fairmatch::test::TempDir dir;
    std::unique_ptr<Connection> db = fairmatch::test::migrated_db(dir.file("r.db"));
};

TEST_F(RepositoryTest, ReferenceDataIsLoadedAndIndexed) {
    auto ref = load_reference_data(*db);
    EXPECT_EQ(ref.provinces.size(), 34u);
    EXPECT_TRUE(ref.is_province("ha-noi"));
    EXPECT_TRUE(ref.is_country("VN"));
    EXPECT_TRUE(ref.is_category("ceramics.tableware"));
    EXPECT_TRUE(ref.is_certification("BSCI"));
    EXPECT_FALSE(ref.is_province("ha-tay"));  // merged into Hà Nội long ago
}

TEST_F(RepositoryTest, FairRoundTripAndCounts) {
    FairRepository fairs(*db);
    auto id = fairs.insert(sample_fair());
    auto f = fairs.find(id);
    ASSERT_TRUE(f);
    EXPECT_EQ(f->name_vi, "Hội chợ thử");
    EXPECT_EQ(f->time_zone, "Asia/Ho_Chi_Minh");
    EXPECT_FALSE(f->created_at.empty());
    ExhibitorRepository(*db).insert(sample_exhibitor(id, "ha-noi"));
    auto c = fairs.counts(id);
    EXPECT_EQ(c.exhibitors, 1);
    EXPECT_EQ(c.importers, 0);
}

TEST_F(RepositoryTest, ExhibitorListFiltersAndPages) {
    auto fair = FairRepository(*db).insert(sample_fair());
    ExhibitorRepository repo(*db);
    for (int i = 0; i < 5; ++i) repo.insert(sample_exhibitor(fair, i % 2 ? "bac-ninh" : "ha-noi"));
    auto all = repo.list({fair, std::nullopt, std::nullopt}, {2, 0});
    EXPECT_EQ(all.total, 5);
    EXPECT_EQ(all.items.size(), 2u);
    auto bn = repo.list({fair, std::string("bac-ninh"), std::nullopt}, {20, 0});
    EXPECT_EQ(bn.total, 2);
    auto cat = repo.list({fair, std::nullopt, std::string("ceramics.tableware")}, {20, 0});
    EXPECT_EQ(cat.total, 5);
    auto e = repo.find(all.items[0].id);
    EXPECT_EQ(e->export_markets, (std::vector<std::string>{"JP", "DE"}));
}

TEST_F(RepositoryTest, ForeignKeysAreEnforced) {
    ExhibitorRepository repo(*db);
    try {
        repo.insert(sample_exhibitor(999, "ha-noi"));
        FAIL();
    } catch (const Error& e) {
        EXPECT_TRUE(e.is_constraint());
    }
}

TEST_F(RepositoryTest, ProductCarriesHsCodeOfItsCategory) {
    auto fair = FairRepository(*db).insert(sample_fair());
    auto eid = ExhibitorRepository(*db).insert(sample_exhibitor(fair, "ha-noi"));
    Product p;
    p.exhibitor_id = eid;
    p.name_vi = "Bộ bát đĩa men lam";
    p.category = "ceramics.tableware";
    p.fob_price_min = 500;
    p.fob_price_max = 1500;
    ProductRepository repo(*db);
    auto id = repo.insert(p);
    auto got = repo.find(id);
    EXPECT_EQ(got->hs_code, "6912");
    EXPECT_EQ(repo.list({std::nullopt, fair, std::nullopt}, {20, 0}).total, 1);
}

TEST_F(RepositoryTest, TransactionRollsBackUnlessCommitted) {
    {
        Transaction tx(*db);
        FairRepository(*db).insert(sample_fair());
    }
    EXPECT_EQ(FairRepository(*db).list({20, 0}).total, 0);
}

TEST(ListColumns, RoundTripIncludingEscapes) {
    std::vector<std::vector<std::string>> cases = {
        {}, {"a"}, {"Gốm sứ", "mây tre"}, {"say \"xin chào\"", "back\\slash", "tab\tline\n"}, {"", "x"}};
    for (const auto& c : cases) EXPECT_EQ(decode_list(encode_list(c)), c);
    EXPECT_TRUE(decode_list("not json").empty());
    EXPECT_TRUE(decode_list("[1,2]").empty());
}
