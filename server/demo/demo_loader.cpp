#include "server/demo/demo_loader.hpp"

#include "server/store/exhibitor_repository.hpp"
#include "server/store/fair_repository.hpp"
#include "server/store/importer_repository.hpp"
#include "server/store/product_repository.hpp"
#include "server/store/sqlite.hpp"

namespace fairmatch::server::demo {

LoadResult load(store::Connection& db, const Population& pop) {
    LoadResult result;
    store::Transaction tx(db);
    store::FairRepository fairs(db);
    auto existing = fairs.list({100, 0});
    for (const auto& f : existing.items) {
        if (f.name_en == pop.fair.name_en) {
            result.fair_id = f.id;
            result.already_present = true;
            return result;
        }
    }
    result.fair_id = fairs.insert(pop.fair);
    store::ExhibitorRepository exhibitors(db);
    store::ProductRepository products(db);
    for (const auto& ewp : pop.exhibitors) {
        Exhibitor e = ewp.exhibitor;
        e.fair_id = result.fair_id;
        auto eid = exhibitors.insert(e);
        ++result.exhibitors;
        for (const auto& p0 : ewp.products) {
            Product p = p0;
            p.exhibitor_id = eid;
            products.insert(p);
            ++result.products;
        }
    }
    store::ImporterRepository importers(db);
    for (const auto& i0 : pop.importers) {
        Importer i = i0;
        i.fair_id = result.fair_id;
        importers.insert(i);
        ++result.importers;
    }
    tx.commit();
    return result;
}

}  // namespace fairmatch::server::demo
