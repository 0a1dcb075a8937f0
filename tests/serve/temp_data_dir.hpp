// A data directory of its own for one test, removed afterwards.
#pragma once

#include <filesystem>
#include <random>
#include <string>

namespace aftercare::serve::testing {

struct TempDataDir {
    std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("aftercare-serve-test-" + std::to_string(std::random_device{}()));
    ~TempDataDir() { std::filesystem::remove_all(path); }
};

}  // namespace aftercare::serve::testing
