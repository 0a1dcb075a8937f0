// A centred column narrower than the page, for forms and wizards: long lines of form fields are
// hard to scan on a desktop, so they keep a comfortable width and centre in the page column.
#pragma once

#include "widgets.h"

namespace aftercare::portal {

// Always pair with EndNarrowColumn().
void BeginNarrowColumn(Ui& ui, float max_width_em);
void EndNarrowColumn(Ui& ui);

} // namespace aftercare::portal
