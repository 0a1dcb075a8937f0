// Checks on a complaint's findings; the draft's complaint details are checked with the draft (validation.cpp).
#include "complaint.h"

#include "validation.h"

namespace aftercare::core {

namespace {

void CheckRequiredNote(FieldErrors& errors, const std::string& value, const char* field, const char* zh,
                       const char* en) {
    if (value.find_first_not_of(" \t\r\n") == std::string::npos) {
        errors.push_back(MakeError("required", zh, en, field));
    } else if (auto error = CheckText(field, value, 1, TextLimits::kNoteMax, true)) {
        errors.push_back(*error);
    }
}

} // namespace

FieldErrors ValidateComplaintFindings(ComplaintFindings& findings) {
    FieldErrors errors;
    CheckRequiredNote(errors, findings.root_cause, "findings.root_cause", "请填写投诉原因分析",
                      "Say what caused the complaint");
    CheckRequiredNote(errors, findings.corrective_action, "findings.corrective_action", "请填写纠正和预防措施",
                      "Say what was changed so that it does not happen again");
    return errors;
}

} // namespace aftercare::core
