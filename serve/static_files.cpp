// Static file serving for the portal pages and their assets.
#include "static_files.hpp"

#include <sodium.h>

#include <algorithm>
#include <fstream>
#include <string_view>
#include <sstream>

#include "static_paths.hpp"

namespace aftercare::serve {
namespace fs = std::filesystem;
namespace {

// One "bytes=first-last", "bytes=first-" or "bytes=-suffix" range of a body of `size` bytes, as
// [begin, end); nullopt when it cannot be satisfied or names several ranges (a client asking for
// several gets the whole file, which RFC 9110 allows).
struct ByteRange {
    std::size_t begin;
    std::size_t end;
};
enum class RangeAnswer { Whole, Part, Unsatisfiable };
RangeAnswer ParseRange(const std::string& header, std::size_t size, ByteRange& range) {
    constexpr std::string_view kUnit = "bytes=";
    if (header.rfind(kUnit, 0) != 0 || header.find(',') != std::string::npos) return RangeAnswer::Whole;
    const std::string spec = header.substr(kUnit.size());
    const std::size_t dash = spec.find('-');
    if (dash == std::string::npos) return RangeAnswer::Whole;
    const auto number = [](const std::string& text, std::size_t& out) {
        if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos) return false;
        out = static_cast<std::size_t>(std::stoull(text));
        return true;
    };
    std::size_t first = 0, last = 0;
    const std::string head = spec.substr(0, dash), tail = spec.substr(dash + 1);
    if (head.empty()) {  // the last `tail` bytes
        if (!number(tail, last) || last == 0 || size == 0) return RangeAnswer::Unsatisfiable;
        range = {size - std::min(last, size), size};
        return RangeAnswer::Part;
    }
    if (!number(head, first)) return RangeAnswer::Whole;
    if (first >= size) return RangeAnswer::Unsatisfiable;
    if (tail.empty()) last = size - 1;
    else if (!number(tail, last) || last < first) return RangeAnswer::Whole;
    range = {first, std::min(last, size - 1) + 1};
    return RangeAnswer::Part;
}

// Built into every dist/ (shell/vendor-demo.html), served only when demo data is on.
constexpr const char* kVendorDemoPage = "vendor-demo.html";

// Anything larger is not a portal asset; refusing it keeps the in-memory cache bounded.
constexpr std::uintmax_t kMaxStaticFileBytes = 64 * 1024 * 1024;

std::optional<std::string> ReadFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

std::string ContentHash(const std::string& body) {
    unsigned char hash[16];
    crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(body.data()), body.size(),
                       nullptr, 0);
    char hex[sizeof hash * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
    return hex;
}

bool IsHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// Accept-Encoding allows `coding` unless it is absent or given q=0.
bool Accepts(const std::string& header, const std::string& coding) {
    std::size_t start = 0;
    while (start < header.size()) {
        std::size_t end = header.find(',', start);
        if (end == std::string::npos) end = header.size();
        std::string item = header.substr(start, end - start);
        start = end + 1;
        const auto first = item.find_first_not_of(" \t");
        if (first == std::string::npos) continue;
        item = item.substr(first);
        std::string name = item.substr(0, item.find_first_of(" \t;"));
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (name != coding && name != "*") continue;
        const auto q = item.find("q=");
        if (q != std::string::npos) {
            const double weight = std::atof(item.c_str() + q + 2);
            if (weight <= 0) return false;
        }
        return true;
    }
    return false;
}

// If-None-Match matches when any listed tag (weak comparison, as RFC 9110 says for this header)
// equals ours, or it is "*".
bool EtagMatches(const std::string& header, const std::string& etag) {
    if (header.empty()) return false;
    std::size_t start = 0;
    while (start < header.size()) {
        std::size_t end = header.find(',', start);
        if (end == std::string::npos) end = header.size();
        std::string tag = header.substr(start, end - start);
        start = end + 1;
        const auto first = tag.find_first_not_of(" \t");
        const auto last = tag.find_last_not_of(" \t");
        if (first == std::string::npos) continue;
        tag = tag.substr(first, last - first + 1);
        if (tag == "*") return true;
        if (tag.rfind("W/", 0) == 0) tag = tag.substr(2);
        if (tag == etag) return true;
    }
    return false;
}

// The canonical form of `path` (every symlink resolved) when it exists and lies under `root`
// (itself canonical); nullopt otherwise. Every file the server opens goes through this.
std::optional<fs::path> InsideRoot(const fs::path& root, const fs::path& path) {
    std::error_code ec;
    const fs::path resolved = fs::canonical(path, ec);
    if (ec) return std::nullopt;
    const auto [mismatch, unused] = std::mismatch(root.begin(), root.end(), resolved.begin(), resolved.end());
    if (mismatch != root.end()) return std::nullopt;
    return resolved;
}

}  // namespace

StaticFiles::StaticFiles(fs::path root, bool demo_pages) : root_(std::move(root)), demo_pages_(demo_pages) {
    std::error_code ec;
    auto canonical = fs::weakly_canonical(root_, ec);
    if (!ec) root_ = canonical;
}

std::string StaticFiles::MimeType(const std::string& name) {
    const auto dot = name.rfind('.');
    const std::string ext = dot == std::string::npos ? "" : name.substr(dot + 1);
    static const std::map<std::string, std::string> kTypes = {
        {"html", "text/html; charset=utf-8"},
        {"htm", "text/html; charset=utf-8"},
        {"js", "text/javascript; charset=utf-8"},
        {"mjs", "text/javascript; charset=utf-8"},
        {"css", "text/css; charset=utf-8"},
        {"json", "application/json; charset=utf-8"},
        {"wasm", "application/wasm"},
        {"otf", "font/otf"},
        {"ttf", "font/ttf"},
        {"ttc", "font/collection"},
        {"woff", "font/woff"},
        {"woff2", "font/woff2"},
        {"png", "image/png"},
        {"jpg", "image/jpeg"},
        {"jpeg", "image/jpeg"},
        {"webp", "image/webp"},
        {"gif", "image/gif"},
        {"svg", "image/svg+xml"},
        {"ico", "image/x-icon"},
        {"txt", "text/plain; charset=utf-8"},
        {"map", "application/json; charset=utf-8"},
        {"webmanifest", "application/manifest+json"},
        {"data", "application/octet-stream"},
    };
    const auto it = kTypes.find(ext);
    return it == kTypes.end() ? "application/octet-stream" : it->second;
}

bool StaticFiles::HasContentHash(const std::string& name) {
    // A run of >= 8 hex digits delimited by '.', '-' or '_' on both sides.
    std::size_t run = 0;
    bool delimited_before = false;
    for (std::size_t i = 0; i <= name.size(); ++i) {
        const char c = i < name.size() ? name[i] : '.';
        if (IsHex(c)) {
            ++run;
            continue;
        }
        const bool delimiter = c == '.' || c == '-' || c == '_';
        if (delimiter && delimited_before && run >= 8) return true;
        delimited_before = delimiter;
        run = 0;
    }
    return false;
}

std::optional<StaticFiles::Entry> StaticFiles::Load(const fs::path& requested, const fs::path& file,
                                                    const std::string& name) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) return std::nullopt;
    Entry entry;
    entry.size = fs::file_size(file, ec);
    if (ec || entry.size > kMaxStaticFileBytes) return std::nullopt;
    entry.mtime = fs::last_write_time(file, ec);
    auto body = ReadFile(file);
    if (!body) return std::nullopt;
    entry.identity.etag = "\"" + ContentHash(*body) + "\"";
    entry.identity.body = std::move(*body);
    // Precompressed siblings are trusted to be the same content (the build writes them together);
    // each gets its own strong ETag because it is a different representation. A sibling is confined
    // to the root like the file itself: a symlinked `ok.txt.gz` must not serve what lies outside.
    for (const char* suffix : {".br", ".gz"}) {
        fs::path sibling_path = requested;
        sibling_path += suffix;
        const auto sibling = InsideRoot(root_, sibling_path);
        if (!sibling || !fs::is_regular_file(*sibling, ec)) continue;
        auto compressed = ReadFile(*sibling);
        if (!compressed) continue;
        Variant variant{std::move(*compressed), ""};
        variant.etag = "\"" + entry.identity.etag.substr(1, 32) + (suffix[1] == 'b' ? "-br\"" : "-gz\"");
        (suffix[1] == 'b' ? entry.brotli : entry.gzip) = std::move(variant);
    }
    entry.mime = MimeType(name);
    const std::string base = name.substr(name.rfind('/') == std::string::npos ? 0 : name.rfind('/') + 1);
    if (entry.mime.rfind("text/html", 0) == 0) entry.cache_control = "no-cache";
    else if (HasContentHash(base)) entry.cache_control = "public, max-age=31536000, immutable";
    else entry.cache_control = "no-cache";  // revalidate with the ETag: cheap 304s, never stale
    return entry;
}

bool StaticFiles::Serve(const HttpRequest& req, HttpResponse& res) {
    const auto relative = SafeRelativePath(req.path);
    if (!relative) return false;
    // The vendor demo page embeds the portal with the demo catalogue's products; without demo data
    // it is a page nobody should find on a production host.
    if (!demo_pages_ && *relative == kVendorDemoPage) return false;
    const fs::path file = root_ / *relative;
    // Symlinks pointing outside the root are refused as well.
    const auto inside = InsideRoot(root_, file);
    if (!inside) return false;
    const fs::path& resolved = *inside;

    std::error_code ec;
    const auto mtime = fs::last_write_time(resolved, ec);
    if (ec) return false;
    const auto size = fs::file_size(resolved, ec);
    if (ec) return false;

    std::shared_ptr<const Entry> entry;
    {
        std::lock_guard lock(mutex_);
        auto it = cache_.find(*relative);
        if (it != cache_.end() && it->second->mtime == mtime && it->second->size == size) entry = it->second;
    }
    if (!entry) {
        auto loaded = Load(file, resolved, *relative);
        if (!loaded) return false;
        entry = std::make_shared<const Entry>(std::move(*loaded));
        std::lock_guard lock(mutex_);
        cache_[*relative] = entry;
    }

    const std::string accept = req.get_header_value("Accept-Encoding");
    const Variant* variant = &entry->identity;
    const char* encoding = nullptr;
    if (entry->brotli && Accepts(accept, "br")) {
        variant = &*entry->brotli;
        encoding = "br";
    } else if (entry->gzip && Accepts(accept, "gzip")) {
        variant = &*entry->gzip;
        encoding = "gzip";
    }
    if (entry->brotli || entry->gzip) res.set_header("Vary", "Accept-Encoding");
    res.set_header("ETag", variant->etag);
    res.set_header("Cache-Control", entry->cache_control);
    if (EtagMatches(req.get_header_value("If-None-Match"), variant->etag)) {
        res.status = 304;
        return true;
    }
    if (encoding != nullptr) res.set_header("Content-Encoding", encoding);
    res.set_header("Accept-Ranges", "bytes");
    const std::size_t length = variant->body.size();
    ByteRange range{};
    // If-Range: a part only of the version the client already has a piece of (else the whole file).
    const bool ranged = req.has_header("Range") &&
                        (!req.has_header("If-Range") || req.get_header_value("If-Range") == variant->etag);
    switch (ranged ? ParseRange(req.get_header_value("Range"), length, range) : RangeAnswer::Whole) {
    case RangeAnswer::Whole: break;
    case RangeAnswer::Unsatisfiable:
        res.set_header("Content-Range", "bytes */" + std::to_string(length));
        res.status = 416;
        return true;
    case RangeAnswer::Part:
        res.status = 206;
        res.set_header("Content-Range", "bytes " + std::to_string(range.begin) + "-" + std::to_string(range.end - 1) +
                                            "/" + std::to_string(length));
        res.set_content(variant->body.substr(range.begin, range.end - range.begin), entry->mime);
        return true;
    }
    res.status = 200;
    // The cached bytes are sent without a copy; the aliasing pointer keeps `entry` alive while the body
    // is written, even if the cache replaces it meanwhile.
    res.set_shared_content(std::shared_ptr<const std::string>(entry, &variant->body), entry->mime);
    return true;
}

}  // namespace aftercare::serve
