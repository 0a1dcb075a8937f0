// Service report and quote validation, and the parts' cost; see service_report.h.
#include "service_report.h"

#include "validation.h"

namespace aftercare::core {
namespace {

bool IsBlank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

void CheckPartNumber(std::string_view field, std::string_view value, FieldErrors& errors) {
    if (IsBlank(value)) {
        errors.push_back(MakeError("required", "请填写备件编号", "Give the part number", std::string(field)));
        return;
    }
    if (auto error = CheckText(field, value, 1, kPartNumberMax, false)) errors.push_back(*error);
}

} // namespace

FieldErrors ValidatePartsUsed(std::vector<PartUsed>& parts, std::string_view prefix) {
    FieldErrors errors;
    if (parts.size() > kMaxPartsUsed) {
        errors.push_back(MakeError("too_many", "备件最多 " + std::to_string(kMaxPartsUsed) + " 项",
                                   "At most " + std::to_string(kMaxPartsUsed) + " parts", std::string(prefix)));
        return errors;
    }
    for (std::size_t i = 0; i < parts.size(); ++i) {
        PartUsed& part = parts[i];
        const std::string at = std::string(prefix) + "." + std::to_string(i) + ".";
        CheckPartNumber(at + "part_number", part.part_number, errors);
        if (auto error = CheckText(at + "name", part.name, 0, TextLimits::kModelMax, false)) errors.push_back(*error);
        if (!part.new_serial.empty()) {
            auto serial = NormalizeSerial(part.new_serial, at + "new_serial");
            if (serial) part.new_serial = serial.Value();
            else errors.push_back(serial.GetError());
        }
        if (part.quantity < 1 || part.quantity > kMaxPartQuantity) {
            errors.push_back(MakeError("out_of_range", "数量须在 1 到 " + std::to_string(kMaxPartQuantity) + " 之间",
                                       "The quantity must be 1 to " + std::to_string(kMaxPartQuantity),
                                       at + "quantity"));
        }
        if (auto error = CheckAmountFen(part.unit_cost_fen, at + "unit_cost_fen")) errors.push_back(*error);
    }
    return errors;
}

Result<Fen> PartsCostFen(const std::vector<PartUsed>& parts) {
    Fen total = 0;
    for (const PartUsed& part : parts) {
        Fen line = 0;
        const bool overflow = __builtin_mul_overflow(part.unit_cost_fen, static_cast<Fen>(part.quantity), &line);
        const auto sum = overflow ? std::nullopt : AddFen(total, line);
        if (!sum || *sum > kMaxAmountFen)
            return MakeError("out_of_range", "备件合计超过 1000 万元", "The parts come to more than CNY 10,000,000",
                             "parts");
        total = *sum;
    }
    return total;
}

FieldErrors ValidateServiceReport(ServiceReport& report) {
    FieldErrors errors;
    if (IsBlank(report.diagnosis))
        errors.push_back(MakeError("required", "请填写故障诊断", "Say what was found", "diagnosis"));
    else if (auto error = CheckText("diagnosis", report.diagnosis, 1, TextLimits::kNoteMax, true))
        errors.push_back(*error);
    if (IsBlank(report.actions))
        errors.push_back(MakeError("required", "请填写处理措施", "Say what was done", "actions"));
    else if (auto error = CheckText("actions", report.actions, 1, TextLimits::kNoteMax, true))
        errors.push_back(*error);
    FieldErrors parts = ValidatePartsUsed(report.parts);
    errors.insert(errors.end(), parts.begin(), parts.end());
    if (report.labour_minutes < 0 || report.labour_minutes > kMaxLabourMinutes) {
        errors.push_back(MakeError("out_of_range", "工时须在 0 到 " + std::to_string(kMaxLabourMinutes) + " 分钟之间",
                                   "Labour must be 0 to " + std::to_string(kMaxLabourMinutes) + " minutes",
                                   "labour_minutes"));
    }
    return errors;
}

} // namespace aftercare::core
