// The repair wizard (#/repair/<step>): product and warranty → fault (with FAQ answers offered
// while typing, and photos) → service mode and urgency → contact → review and submit → the service
// number and what happens next. The draft lives on the device until the ticket exists.
#pragma once

#include "net/remote.h"
#include "screens/repair_draft.h"

#include "api/customer_wire.h"
#include "core/time.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

struct ImTextureData;

namespace aftercare::portal {

struct AppState;
struct Ui;

// A photo or PDF the customer picked, kept in memory until it is uploaded to the new ticket.
struct RepairPhoto {
    enum class Upload { Waiting, Sending, Done, Failed };
    std::string id;  // local, for list identity
    std::string name;
    std::string content_type;
    std::int64_t size_bytes = 0;
    std::string bytes;
    ImTextureData* preview = nullptr;  // owned by AppState::textures
    Upload upload = Upload::Waiting;
    std::optional<ApiError> error;
};

// What another flow already proved about the product (a refused return's order item): the wizard
// starts from it, so the customer does not type it again.
struct RepairHandOff {
    std::string serial;
    std::string model;
    std::optional<core::CivilDate> purchase_date;
    std::string order_number;
};

struct RepairState {
    bool started = false;         // the draft was read from the device
    bool restored = false;        // ... and it held something: offer to start over
    RepairDraft draft;
    RepairDraft saved;            // what the device holds, so only changes are written
    std::optional<RepairHandOff> handed_off;  // taken when the wizard draws next (StartRepairFor)
    std::string prefill_taken;    // the vendor page's serial last taken (embed.js data-serial / prefill)
    FieldErrorMap errors;         // shown next to their fields
    std::string scroll_to;        // a field to bring into view (the first error after "Next")

    // Step 1: the live warranty check, debounced while the serial is typed.
    Remote<api::WarrantyLookupResponse> warranty;
    std::string warranty_asked;   // the request the result (or the one in flight) answers
    double warranty_due_at = 0;

    // Step 2: FAQ answers offered while the description is typed, and "this solved it".
    Remote<api::FaqSearchResponse> suggestions;
    std::string suggestions_asked;
    double suggestions_due_at = 0;
    // The answers on screen. They change only while the customer is in the description (or when the
    // step opens with one already written): arriving after the customer moved on, they would push
    // "Next" and the photos from under a finger on its way to them.
    std::vector<api::FaqItem> suggestions_shown;
    bool suggestions_on_open = false;
    Remote<api::FaqItem> solved;
    std::vector<RepairPhoto> photos;
    std::vector<std::string> photo_problems;  // why picked files were not added, in the UI language
    int next_photo_id = 1;

    // Step 5 and after: the submission, then the photos' uploads.
    Remote<api::CreateTicketResponse> submit;
    std::optional<api::CreateTicketResponse> submitted;  // also kept on the device
    double submitted_seen_at = 0;  // the client clock when the answer arrived
    double copied_at = 0;          // "copied" confirmation on the copy button
};

void DrawRepair(AppState& state, Ui& ui);

// Opens the wizard on its first step with this product filled in and its warranty checked: a new
// draft for this product (the customer's contact details from an earlier draft are kept).
void StartRepairFor(AppState& state, RepairHandOff product);

} // namespace aftercare::portal
