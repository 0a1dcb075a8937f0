// Demo seed (stub until the demo files land).
#include "seed.hpp"

namespace aftercare::serve {

bool SeedDemoData(Services&, const std::string&, std::string&) { return true; }

}  // namespace aftercare::serve
