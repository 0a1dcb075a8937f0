// Static files of the web portal (html, js, wasm, fonts) served from memory, with precompressed
// .br/.gz siblings, strong content-hash ETags and cache rules that suit content-hashed names.
#pragma once

#include "http_types.hpp"

#include <ctime>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace aftercare::serve {

class StaticFiles {
public:
    // Files are read lazily and kept in memory, re-read when their size or mtime changes, so a
    // rebuilt portal shows up without restarting the server.
    // `demo_pages`: also serve the pages that only make sense with demo data (vendor-demo.html).
    StaticFiles(std::filesystem::path root, bool demo_pages);

    // Serves GET/HEAD for `req.path` if it names a file under the root; false otherwise.
    bool Serve(const HttpRequest& req, HttpResponse& res);

    static std::string MimeType(const std::string& name);
    // True when the file name carries a content hash (portal.3f9a1c2b.js, font-5d41402abc4b.ttf),
    // which makes it safe to cache forever.
    static bool HasContentHash(const std::string& name);

private:
    struct Variant {
        std::string body;
        std::string etag;
    };
    struct Entry {
        std::filesystem::file_time_type mtime;
        std::uintmax_t size = 0;
        Variant identity;
        std::optional<Variant> brotli;
        std::optional<Variant> gzip;
        std::string mime;
        std::string cache_control;
    };
    // `requested` is root/name as asked for (its .br/.gz siblings are looked up next to it);
    // `file` is its canonical path inside the root.
    std::optional<Entry> Load(const std::filesystem::path& requested, const std::filesystem::path& file,
                              const std::string& name);

    std::filesystem::path root_;
    bool demo_pages_ = false;
    std::mutex mutex_;
    std::map<std::string, std::shared_ptr<const Entry>> cache_;
};

}  // namespace aftercare::serve
