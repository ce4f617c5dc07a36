// Product photos: upload (raw image body), fetch, delete. Files live under
// <data>/photos with random names; the row is the source of truth.
#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "server/api/context.hpp"
#include "server/api/json_response.hpp"
#include "server/api/routes.hpp"
#include "server/api/validation.hpp"
#include "server/store/product_repository.hpp"
#include "server/store/sqlite.hpp"

namespace fairmatch::server::api {

nlohmann::json photo_to_json(const Photo& p);

static constexpr int kMaxPhotosPerProduct = 12;

// The image type the bytes really are, by their signature.
static std::string sniff_image(std::string_view b) {
    if (b.size() >= 3 && b.substr(0, 3) == "\xFF\xD8\xFF") return "image/jpeg";
    if (b.size() >= 8 && b.substr(0, 8) == std::string_view("\x89PNG\r\n\x1A\n", 8)) return "image/png";
    if (b.size() >= 12 && b.substr(0, 4) == "RIFF" && b.substr(8, 4) == "WEBP") return "image/webp";
    return {};
}

static std::string random_name() {
    std::random_device rd;
    std::ostringstream s;
    for (int i = 0; i < 4; ++i) s << std::hex << rd();
    return s.str();
}

// Writes the file durably (fsync) before the row that points at it exists.
static void write_file_durably(const std::string& path, std::string_view data) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) throw std::runtime_error("cannot create photo file");
    std::size_t off = 0;
    while (off < data.size()) {
        auto n = ::write(fd, data.data() + off, data.size() - off);
        if (n <= 0) {
            ::close(fd);
            ::unlink(path.c_str());
            throw http::Problem{507, "storage-full", "Storage full", "The photo could not be stored; nothing was saved.", {}};
        }
        off += static_cast<std::size_t>(n);
    }
    bool ok = ::fsync(fd) == 0;
    ::close(fd);
    if (!ok) {
        ::unlink(path.c_str());
        throw http::Problem{507, "storage-full", "Storage full", "The photo could not be stored; nothing was saved.", {}};
    }
}

void add_photo_routes(http::Router& r) {
    http::Route upload{"POST", "/api/v1/products/{id}/photos", "photos.upload", http::DbMode::write,
                       http::access::owner_or_fair_organizer(http::Resource::product, "id"),
                       [](Context& c) {
                           auto product_id = path_id(c.req, "id");
                           auto declared = std::string(c.req.header("content-type").value_or(""));
                           if (declared != "image/jpeg" && declared != "image/png" && declared != "image/webp") {
                               throw http::Problem{415, "unsupported-media-type", "Unsupported media type",
                                                   "Upload a photo as image/jpeg, image/png or image/webp.", {}};
                           }
                           if (c.req.body.empty()) {
                               throw http::validation_failed({{"body", "empty", "The photo is empty."}});
                           }
                           if (sniff_image(c.req.body) != declared) {
                               throw http::validation_failed(
                                   {{"body", "type_mismatch", "The bytes are not a " + declared + " image."}});
                           }
                           store::ProductRepository repo(c.db());
                           if (!repo.find(product_id)) throw http::not_found("No such product.");
                           if (repo.photo_count(product_id) >= kMaxPhotosPerProduct) {
                               throw http::conflict("A product has at most " + std::to_string(kMaxPhotosPerProduct) +
                                                    " photos.");
                           }
                           std::filesystem::create_directories(c.app.photo_dir());
                           std::string ext = declared == "image/jpeg" ? ".jpg" : declared == "image/png" ? ".png" : ".webp";
                           Photo ph;
                           ph.product_id = product_id;
                           ph.content_type = declared;
                           ph.size = static_cast<std::int64_t>(c.req.body.size());
                           ph.file_name = random_name() + ext;
                           auto path = c.app.photo_dir() + "/" + ph.file_name;
                           write_file_durably(path, c.req.body);
                           try {
                               store::Transaction tx(c.db());
                               ph.id = repo.insert_photo(ph);
                               tx.commit();
                           } catch (...) {
                               std::error_code ec;
                               std::filesystem::remove(path, ec);
                               throw;
                           }
                           auto saved = repo.find_photo(ph.id);
                           auto res = json_response(201, photo_to_json(*saved));
                           res.set_header("location", "/api/v1/photos/" + std::to_string(ph.id));
                           return res;
                       },
                       "Upload a product photo (raw JPEG, PNG or WebP body)",
                       0};
    upload.max_body = 8 * 1024 * 1024;
    r.add(std::move(upload));
    r.add({"GET", "/api/v1/photos/{id}", "photos.get", http::DbMode::read, http::access::public_(),
           [](Context& c) {
               auto ph = store::ProductRepository(c.db()).find_photo(path_id(c.req, "id"));
               if (!ph) throw http::not_found("No such photo.");
               std::string etag = "\"photo-" + ph->file_name + "\"";
               http::Response res;
               res.set_header("etag", etag);
               res.set_header("cache-control", "public, max-age=86400");
               if (auto inm = c.req.header("if-none-match"); inm && *inm == etag) {
                   res.status = 304;
                   return res;
               }
               std::ifstream in(c.app.photo_dir() + "/" + ph->file_name, std::ios::binary);
               if (!in) throw http::not_found("The photo file is missing.");
               std::ostringstream s;
               s << in.rdbuf();
               res.status = 200;
               res.content_type = ph->content_type;
               res.body = std::move(s).str();
               res.set_header("content-security-policy", "default-src 'none'; sandbox");
               return res;
           },
           "Get a photo's bytes"});
    r.add({"DELETE", "/api/v1/photos/{id}", "photos.delete", http::DbMode::write,
           http::access::owner_or_fair_organizer(http::Resource::photo, "id"),
           [](Context& c) {
               auto id = path_id(c.req, "id");
               store::ProductRepository repo(c.db());
               store::Transaction tx(c.db());
               auto ph = repo.find_photo(id);
               if (!ph || !repo.remove_photo(id)) throw http::not_found("No such photo.");
               tx.commit();
               std::error_code ec;
               std::filesystem::remove(c.app.photo_dir() + "/" + ph->file_name, ec);
               http::Response res;
               res.status = 204;
               return res;
           },
           "Delete a photo"});
}

}  // namespace fairmatch::server::api
