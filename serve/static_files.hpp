// Static files of the web portal (html, js, wasm, fonts) served from memory, with precompressed
// .br/.gz siblings, strong content-hash ETags and cache rules that suit content-hashed names.
#pragma once

#include <httplib.h>

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
    explicit StaticFiles(std::filesystem::path root);

    // Serves GET/HEAD for `req.path` if it names a file under the root; false otherwise.
    bool Serve(const httplib::Request& req, httplib::Response& res);

    static std::string MimeType(const std::string& name);
    // True when the file name carries a content hash (portal.3f9a1c2b.js, font-5d41402abc4b.ttf),
    // which makes it safe to cache forever.
    static bool HasContentHash(const std::string& name);
    // Maps a URL path to a relative file path, rejecting traversal and odd characters.
    static std::optional<std::string> SafeRelativePath(const std::string& url_path);

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
    std::optional<Entry> Load(const std::filesystem::path& file, const std::string& name);

    std::filesystem::path root_;
    std::mutex mutex_;
    std::map<std::string, std::shared_ptr<const Entry>> cache_;
};

}  // namespace aftercare::serve
