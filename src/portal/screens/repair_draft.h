// The repair wizard's draft: what the customer typed and chose, exactly as typed, saved on the
// device as it changes (so a reload or a lost connection loses nothing), turned into the
// create-ticket body, and checked step by step with the same core rules the server applies.
#pragma once

#include "i18n.h"
#include "screens/notify_choice.h"

#include "api/customer_wire.h"
#include "core/policy.h"
#include "core/ticket.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace aftercare::portal {

// Field names: those of the create-ticket body, as core's ValidateTicketDraft and the server's
// ApiError::field name them (plus the wizard's own choices under the same names).
inline constexpr std::string_view kSerialField = "product.serial";  // i18n: not a key
inline constexpr std::string_view kPurchaseDateField = "product.purchase_date";  // i18n: not a key
inline constexpr std::string_view kModelField = "product.model";  // i18n: not a key
inline constexpr std::string_view kFaultyPartField = "repair.faulty_part";  // i18n: not a key
inline constexpr std::string_view kFaultCategoryField = "repair.fault_category";  // i18n: not a key
inline constexpr std::string_view kDescriptionField = "description";  // i18n: not a key
inline constexpr std::string_view kSubjectField = "subject";  // i18n: not a key
inline constexpr std::string_view kModeField = "repair.mode";  // i18n: not a key
inline constexpr std::string_view kAddressField = "address";  // i18n: not a key
inline constexpr std::string_view kVisitField = "repair.visit";  // i18n: not a key
inline constexpr std::string_view kVisitDateField = "repair.visit.date";  // i18n: not a key
inline constexpr std::string_view kPriorityField = "priority";  // i18n: not a key
inline constexpr std::string_view kNameField = "customer.name";  // i18n: not a key
inline constexpr std::string_view kPhoneField = "customer.phone";  // i18n: not a key
inline constexpr std::string_view kEmailField = "customer.email";  // i18n: not a key

enum class RepairStep { Product, Fault, Service, Contact, Review, Submitted, Solved };

inline constexpr int kRepairFormSteps = 5;  // Product .. Review carry the step indicator

struct RepairDraft {
    // 1 Product
    std::string serial;
    std::string purchase_date;  // "YYYY-MM-DD", asked only when the vendor does not know the serial
    std::string model;          // from the vendor's register, or typed for an unknown serial
    std::string faulty_part;    // a replaced key part the fault concerns ("mainboard"), or empty
    std::string order_number;   // the order the product came from (a refused return), or empty
    std::string order_serial;   // ...and the unit it named: another serial is another unit
    // 2 Fault
    std::string fault_category; // see kFaultCategories
    std::string description;
    // 3 Service
    std::optional<core::ServiceMode> mode;
    std::string address;
    std::string visit_date;     // "YYYY-MM-DD"
    std::optional<core::VisitSlot> visit_slot;
    core::Priority priority = core::Priority::General;
    // 4 Contact
    std::string name;
    std::string phone;
    std::string email;
    NotifyChoice notify;        // "notify me by", offered for the channels the server has
    // A submission attempt: the body as first sent and its Idempotency-Key, reused by every retry
    // (so a lost answer never makes two tickets); cleared when the customer changes anything.
    std::string attempt_key;
    std::string attempt_body;

    bool operator==(const RepairDraft&) const = default;
};

// The fault categories the wizard offers (ids are stored on the ticket; labels are strings).
struct FaultCategory {
    const char* id;
    const char* label_key;
};
inline constexpr FaultCategory kFaultCategories[] = {
    {"no_power", "repair.fault.no_power"},   {"no_function", "repair.fault.no_function"},
    {"noise_heat", "repair.fault.noise_heat"}, {"controls", "repair.fault.controls"},
    {"damage", "repair.fault.damage"},       {"other", "repair.fault.other"},
};
const char* FaultCategoryLabelKey(std::string_view id);  // null for an unknown id

std::string SaveDraft(const RepairDraft& draft);
RepairDraft LoadDraft(std::string_view json);  // a damaged or old draft gives an empty one

bool NeedsAddress(const RepairDraft& draft);
bool NeedsVisit(const RepairDraft& draft);

// The create-ticket body. The subject is the fault category in `language`.
core::TicketDraft ToTicketDraft(const RepairDraft& draft, const StringTable& strings, Language language,
                                core::UtcOffsetMinutes utc_offset);

// Field errors by field name (kSerialField, kPhoneField, kVisitField, ...), as both
// languages so a language switch re-words them. The names are the server's ApiError::field names.
using FieldErrorMap = std::map<std::string, core::LocalizedText, std::less<>>;

struct StepCheck {
    bool purchase_date_required = false;  // the vendor does not know the serial
};

// The errors of one step: core's ValidateTicketDraft for what the server checks, plus what the
// wizard asks for on top (a serial, a fault category, a service mode, a visit slot).
FieldErrorMap ValidateStep(RepairStep step, const RepairDraft& draft, const StepCheck& check,
                           const StringTable& strings, core::UnixSeconds now, core::UtcOffsetMinutes utc_offset);

// The step a server field error belongs to (so the wizard can go back there).
RepairStep StepOfField(std::string_view field);

} // namespace aftercare::portal
