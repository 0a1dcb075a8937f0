// Private data directory: create, tighten, verify.
#include "data_dir.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "log.hpp"

namespace aftercare::serve {
namespace {

// Makes `path` exactly `mode` if it has any group/other bit; false when it still has one after.
bool Tighten(const std::string& path, mode_t mode, std::string& error) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) return true;  // not there (yet): nothing to tighten
    if ((info.st_mode & 077) == 0) return true;
    if (::chmod(path.c_str(), mode) != 0 || ::stat(path.c_str(), &info) != 0 || (info.st_mode & 077) != 0) {
        error = path + " is readable by other users and cannot be made private (" + std::strerror(errno) + ")";
        return false;
    }
    LogEvent("warn", "made private", path + " was readable by other users; now mode " +
                                         (mode == 0700 ? std::string("0700") : std::string("0600")));
    return true;
}

}  // namespace

bool PrepareDataDir(const std::string& dir, std::string& error) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) {
        error = "cannot create " + dir + ": " + ec.message();
        return false;
    }
    if (!Tighten(dir, 0700, error)) return false;
    // The database, its WAL and shared-memory files, and whatever else lives beside them.
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        const bool is_dir = entry.is_directory(ec);
        if (!Tighten(entry.path().string(), is_dir ? 0700 : 0600, error)) return false;
    }
    return true;
}

}  // namespace aftercare::serve
