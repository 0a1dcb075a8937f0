// Validation of every customer input with field-level errors, shared by the client (instant) and the server (authoritative).
#pragma once

#include "policy.h"
#include "result.h"
#include "ticket.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace aftercare::core {

// Limits in code points (a Chinese character is one).
struct TextLimits {
    static constexpr std::size_t kNameMax = 50;
    static constexpr std::size_t kSubjectMax = 100;
    static constexpr std::size_t kDescriptionMin = 5;
    static constexpr std::size_t kDescriptionMax = 2000;
    static constexpr std::size_t kAddressMax = 200;
    static constexpr std::size_t kModelMax = 64;
    static constexpr std::size_t kMessageMax = 2000;
    static constexpr std::size_t kNoteMax = 1000;
    static constexpr std::size_t kCommentMax = 500;
    static constexpr std::size_t kFileNameMax = 120;
    static constexpr std::size_t kEmailMax = 254;
    static constexpr std::size_t kCatalogueIdMax = 40; // fault categories, part ids
};

// An on-site visit can be booked from today up to this many days ahead.
inline constexpr int kVisitBookingDays = 30;

// Error codes: required, too_short, too_long, invalid_utf8, control_characters, invalid_phone,
// invalid_email, invalid_serial, invalid_order_number, invalid_date, out_of_range, not_allowed.

// Text: valid UTF-8, no control characters (newlines allowed when multi_line), length in code points.
std::optional<Error> CheckText(std::string_view field, std::string_view value, std::size_t min_length,
                               std::size_t max_length, bool multi_line);

// Phones: a mainland mobile 1[3-9]XXXXXXXXX, optionally after +86 / 0086 / 86- ; or international
// E.164 "+CC..." / "00CC..." with 7..15 digits. Spaces, hyphens, dots and brackets are ignored.
// Returns E.164 ("+8613800138000").
Result<std::string> NormalizePhone(std::string_view text, std::string_view field = "phone");

// A service hotline as a vendor publishes it: anything NormalizePhone accepts, a mainland 400/800
// number (10 digits), a landline with its area code (0 + 9..11 digits), or a short service number
// (95xxx / 96xxx, 5..8 digits). Spaces, hyphens and brackets are ignored as in NormalizePhone.
std::optional<Error> ValidateHotline(std::string_view text, std::string_view field = "contact.hotline");

// True when the normalised phone's last four digits are `last4` (ticket lookup).
bool PhoneLast4Matches(std::string_view normalized_phone, std::string_view last4);

// Practical address check (no quoted locals, no IP literals); ASCII; domain lower-cased.
Result<std::string> NormalizeEmail(std::string_view text, std::string_view field = "email");

// Serial numbers: 6..32 of [A-Z0-9-] after upper-casing, starting and ending with a letter or digit,
// no "--". Returns the upper-case form.
Result<std::string> NormalizeSerial(std::string_view text, std::string_view field = "serial");

// Order numbers: 4..40 of [A-Za-z0-9-_], kept as typed.
std::optional<Error> CheckOrderNumber(std::string_view text, std::string_view field = "order_number");

// Checks and normalises a draft in place (phone, email, serial); returns every problem, not just
// the first, with JSON paths like "customer.phone". `now` rejects purchase/delivery in the future.
// Repairs: on-site and mail-in need an address; on-site needs a visit slot within kVisitBookingDays.
FieldErrors ValidateTicketDraft(TicketDraft& draft, UnixSeconds now);

// Who may say how a ticket came in: a customer's portal only web, kiosk or embed (a customer may
// not claim a phone call); staff intake only phone, walk_in or email. Error field "channel".
std::optional<Error> CheckChannel(Channel channel, ActorRole creator);

FieldErrors ValidateMessage(std::string_view text);

// A visit window the customer can be given: a real date from `today` (their calendar) up to
// kVisitBookingDays ahead. Errors name `field` + ".date".
std::optional<Error> CheckVisitWindow(const VisitWindow& visit, DayNumber today, const std::string& field);

// Exactly four ASCII digits (ticket lookup proves the caller knows the phone's last four digits).
std::optional<Error> CheckPhoneLast4(std::string_view text, std::string_view field = "phone_last4");

// Ticket lookup: the service number parses (check character included) and the last four digits are well formed.
FieldErrors ValidateLookup(std::string_view service_number, std::string_view phone_last4);

// A customer's time zone offset, -12:00..+14:00 in minutes.
std::optional<Error> CheckUtcOffset(UtcOffsetMinutes offset, std::string_view field = "utc_offset_minutes");

struct AttachmentMeta {
    std::string file_name;
    std::string content_type;
    std::int64_t size_bytes = 0;

    bool operator==(const AttachmentMeta&) const = default;
};

// `existing_count`: attachments already on the ticket.
FieldErrors ValidateAttachment(const AttachmentMeta& attachment, int existing_count, const Policy& policy);

} // namespace aftercare::core
