// A complaint's structure: what it is about and which ticket (on the draft), and what the team
// found and changed when answering it (on the Resolve). Tickets carry them; see ticket.h.
#pragma once

#include "result.h"
#include "vocabulary.h"

#include <string>

namespace aftercare::core {

// What a complaint is about (complaints only). `related_ticket` links the ticket complained about:
// a service number in display form, which the server accepts only when that ticket has the same
// customer phone (and answers the same way whether it is someone else's or does not exist).
struct ComplaintDetails {
    ComplaintCategory category = ComplaintCategory::Other;
    std::string related_ticket; // optional

    bool operator==(const ComplaintDetails&) const = default;
};

// What the team found and changed, required to answer a complaint (§17 (3)4) "认真分析总结造成客户
// 投诉的原因，从根本上解决问题，预防同类投诉的再次发生"). The customer reads it with the answer.
struct ComplaintFindings {
    std::string root_cause;
    std::string corrective_action;

    bool operator==(const ComplaintFindings&) const = default;
};

// Every problem with the findings at once: both fields named, within the note limit. Fields are
// "findings.root_cause" and "findings.corrective_action".
FieldErrors ValidateComplaintFindings(ComplaintFindings& findings);

} // namespace aftercare::core
