// The service number a customer keeps (服务编号), large and easy to read back, with a copy button.
#pragma once

#include "widgets.h"

#include <string_view>

namespace aftercare::portal {

struct ServiceNumberLabels {
    std::string_view caption{};  // "服务编号" / "RMA number"
    std::string_view copy{};     // the button
    std::string_view copied{};   // the button after a copy, and the status announced
};

// `copied_at` (host seconds, 0 = never) is the screen's: the button says "copied" for a moment.
void ServiceNumberPanel(Ui& ui, const char* id, std::string_view number, const ServiceNumberLabels& labels,
                        double& copied_at);

} // namespace aftercare::portal
