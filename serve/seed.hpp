// Demo data for a fresh database: products, orders, staff (without passwords) and tickets in
// every state, built from assets/demo/*.json relative to "now" by applying core's own operations,
// so every seeded ticket is one the real flow could have produced.
#pragma once

#include <string>

#include "services/services.hpp"

namespace aftercare::serve {

// Seeds when the store has never been seeded and holds no tickets. Returns false with `error` on a
// malformed demo file. Service numbers are derived from each ticket's key, so they are the same on
// every machine (the README can name them).
bool SeedDemoData(Services& services, const std::string& demo_dir, std::string& error);

}  // namespace aftercare::serve
