// Field-level checks of customer input: text limits, phones, email, serials, drafts, messages, attachments.
#include "validation.h"

#include "service_number.h"
#include "utf8.h"

#include <algorithm>
#include <string>

namespace aftercare::core {

namespace {

bool IsDigit(char character) { return character >= '0' && character <= '9'; }
bool IsUpper(char character) { return character >= 'A' && character <= 'Z'; }
bool IsLower(char character) { return character >= 'a' && character <= 'z'; }
bool IsAlnum(char character) { return IsDigit(character) || IsUpper(character) || IsLower(character); }
char ToUpper(char character) { return IsLower(character) ? static_cast<char>(character - 'a' + 'A') : character; }
char ToLower(char character) { return IsUpper(character) ? static_cast<char>(character - 'A' + 'a') : character; }

std::string_view Trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

bool AllDigits(std::string_view text) { return std::all_of(text.begin(), text.end(), IsDigit); }

bool IsMainlandMobile(std::string_view digits) {
    return digits.size() == 11 && AllDigits(digits) && digits[0] == '1' && digits[1] >= '3' && digits[1] <= '9';
}

Error PhoneError(std::string_view field) {
    return MakeError("invalid_phone", "请输入有效的手机号码（中国大陆 11 位手机号，或以 + 开头的国际号码）",
                     "Enter a valid phone number (an 11-digit mainland China mobile, or an international number "
                     "starting with +)",
                     std::string(field));
}

Error RequiredError(std::string_view field) {
    return MakeError("required", "此项为必填项", "This field is required", std::string(field));
}

} // namespace

std::optional<Error> CheckText(std::string_view field, std::string_view value, std::size_t min_length,
                               std::size_t max_length, bool multi_line) {
    const auto length = CountCodePoints(value);
    if (!length) {
        return MakeError("invalid_utf8", "包含无效的字符编码", "Contains invalid UTF-8", std::string(field));
    }
    if (HasControlCharacters(value, multi_line)) {
        return MakeError("control_characters", "包含不允许的控制字符", "Contains control characters that are not allowed",
                         std::string(field));
    }
    const std::size_t trimmed_length = *CountCodePoints(Trim(value));
    if (min_length > 0 && trimmed_length == 0) return RequiredError(field);
    if (trimmed_length < min_length) {
        return MakeError("too_short", "至少需要 " + std::to_string(min_length) + " 个字",
                         "Must be at least " + std::to_string(min_length) + " characters", std::string(field));
    }
    if (*length > max_length) {
        return MakeError("too_long", "不能超过 " + std::to_string(max_length) + " 个字",
                         "Must be at most " + std::to_string(max_length) + " characters", std::string(field));
    }
    return std::nullopt;
}

Result<std::string> NormalizePhone(std::string_view text, std::string_view field) {
    std::string compact;
    for (char character : Trim(text)) {
        if (character == ' ' || character == '-' || character == '.' || character == '(' || character == ')') continue;
        compact.push_back(character);
    }
    if (compact.empty()) return RequiredError(field);

    bool international = false;
    std::string_view digits = compact;
    if (digits.front() == '+') {
        international = true;
        digits.remove_prefix(1);
    } else if (digits.substr(0, 2) == "00") {
        international = true;
        digits.remove_prefix(2);
    }
    if (digits.empty() || !AllDigits(digits)) return PhoneError(field);

    if (!international) {
        if (IsMainlandMobile(digits)) return "+86" + std::string(digits);
        // "86 138 0013 8000" typed without the plus.
        if (digits.size() == 13 && digits.substr(0, 2) == "86" && IsMainlandMobile(digits.substr(2)))
            return "+" + std::string(digits);
        return PhoneError(field);
    }
    if (digits.substr(0, 2) == "86") {
        // The portal reaches mainland customers by mobile (SMS), so +86 must be a mobile number.
        if (IsMainlandMobile(digits.substr(2))) return "+" + std::string(digits);
        return PhoneError(field);
    }
    // E.164: country code never starts with 0, at most 15 digits; 7 is the shortest real national plan.
    if (digits[0] == '0' || digits.size() < 7 || digits.size() > 15) return PhoneError(field);
    return "+" + std::string(digits);
}

std::optional<Error> ValidateHotline(std::string_view text, std::string_view field) {
    if (auto error = CheckText(field, text, 1, 32, false)) return error;
    if (NormalizePhone(text, field)) return std::nullopt;
    std::string digits;
    for (char character : Trim(text)) {
        if (character == ' ' || character == '-' || character == '.' || character == '(' || character == ')') continue;
        digits.push_back(character);
    }
    if (!AllDigits(digits)) return PhoneError(field);
    const bool toll_free = digits.size() == 10 && (digits.rfind("400", 0) == 0 || digits.rfind("800", 0) == 0);
    const bool landline = digits.size() >= 10 && digits.size() <= 12 && digits[0] == '0' && digits[1] != '0';
    const bool short_service = digits.size() >= 5 && digits.size() <= 8 && (digits.rfind("95", 0) == 0 || digits.rfind("96", 0) == 0);
    if (toll_free || landline || short_service) return std::nullopt;
    return PhoneError(field);
}

bool PhoneLast4Matches(std::string_view normalized_phone, std::string_view last4) {
    if (last4.size() != 4 || !AllDigits(last4) || normalized_phone.size() < 4) return false;
    return normalized_phone.substr(normalized_phone.size() - 4) == last4;
}

Result<std::string> NormalizeEmail(std::string_view text, std::string_view field) {
    const std::string_view trimmed = Trim(text);
    const Error invalid = MakeError("invalid_email", "请输入有效的电子邮箱地址", "Enter a valid email address",
                                    std::string(field));
    if (trimmed.empty()) return RequiredError(field);
    if (trimmed.size() > TextLimits::kEmailMax) return invalid;
    const std::size_t at = trimmed.rfind('@');
    if (at == std::string_view::npos || at == 0 || at + 1 >= trimmed.size()) return invalid;
    const std::string_view local = trimmed.substr(0, at);
    const std::string_view domain = trimmed.substr(at + 1);

    static constexpr std::string_view kLocalSpecials = "!#$%&'*+/=?^_`{|}~.-";
    if (local.size() > 64 || local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos)
        return invalid;
    for (char character : local) {
        if (!IsAlnum(character) && kLocalSpecials.find(character) == std::string_view::npos) return invalid;
    }

    std::string lower_domain;
    std::size_t label_start = 0;
    int label_count = 0;
    for (std::size_t index = 0; index <= domain.size(); ++index) {
        if (index == domain.size() || domain[index] == '.') {
            const std::string_view label = domain.substr(label_start, index - label_start);
            if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return invalid;
            ++label_count;
            if (index == domain.size()) {
                // Top-level domain: letters only, at least two (rules out IP literals and typos like "qq.c0m").
                if (label.size() < 2 || !std::all_of(label.begin(), label.end(), [](char character) {
                        return IsUpper(character) || IsLower(character);
                    }))
                    return invalid;
            }
            label_start = index + 1;
            continue;
        }
        if (!IsAlnum(domain[index]) && domain[index] != '-') return invalid;
    }
    if (label_count < 2) return invalid;
    for (char character : domain) lower_domain.push_back(ToLower(character));
    return std::string(local) + "@" + lower_domain;
}

Result<std::string> NormalizeSerial(std::string_view text, std::string_view field) {
    const std::string_view trimmed = Trim(text);
    if (trimmed.empty()) return RequiredError(field);
    const Error invalid = MakeError("invalid_serial", "序列号应为 6–32 位字母、数字或连字符",
                                    "A serial number is 6–32 letters, digits or hyphens", std::string(field));
    if (trimmed.size() < 6 || trimmed.size() > 32) return invalid;
    std::string upper;
    for (char character : trimmed) {
        if (!IsAlnum(character) && character != '-') return invalid;
        upper.push_back(ToUpper(character));
    }
    if (upper.front() == '-' || upper.back() == '-' || upper.find("--") != std::string::npos) return invalid;
    return upper;
}

std::optional<Error> CheckChannel(Channel channel, ActorRole creator) {
    if (creator == ActorRole::Staff) {
        if (IsSelfServiceChannel(channel))
            return MakeError("not_allowed", "代客登记的来源只能是电话、到店或邮件",
                             "A ticket staff register comes by phone, walk-in or e-mail", "channel");
        return std::nullopt;
    }
    if (!IsSelfServiceChannel(channel))
        return MakeError("not_allowed", "来源只能是网站、自助终端或嵌入页面",
                         "channel must be web, kiosk or embed", "channel");
    return std::nullopt;
}

std::optional<Error> CheckOrderNumber(std::string_view text, std::string_view field) {
    const Error invalid = MakeError("invalid_order_number", "订单号应为 4–40 位字母、数字、- 或 _",
                                    "An order number is 4–40 letters, digits, '-' or '_'", std::string(field));
    if (text.size() < 4 || text.size() > 40) return invalid;
    for (char character : text) {
        if (!IsAlnum(character) && character != '-' && character != '_') return invalid;
    }
    return std::nullopt;
}

namespace {

// Catalogue ids are short lower-case tokens ("no_power", "mainboard").
std::optional<Error> CheckCatalogueId(std::string_view field, std::string_view value) {
    const bool ok = value.size() <= TextLimits::kCatalogueIdMax &&
                    std::all_of(value.begin(), value.end(), [](char c) { return IsLower(c) || IsDigit(c) || c == '_'; });
    if (ok) return std::nullopt;
    return MakeError("not_allowed", "无效的选项", "Not a valid choice", std::string(field));
}

void ValidateRepairDetails(TicketDraft& draft, DayNumber today, FieldErrors& errors) {
    RepairDetails& repair = *draft.repair;
    const bool needs_address = repair.mode == ServiceMode::OnSite || repair.mode == ServiceMode::MailIn;
    if (needs_address && Trim(draft.address).empty()) errors.push_back(RequiredError("address"));
    if (repair.mode != ServiceMode::OnSite) {
        repair.visit.reset(); // a slot without a visit would only confuse the engineer's plan
    } else if (!repair.visit) {
        errors.push_back(RequiredError("repair.visit"));
    } else if (auto error = CheckVisitWindow(*repair.visit, today, "repair.visit")) {
        errors.push_back(*error);
    }
    if (auto error = CheckCatalogueId("repair.fault_category", repair.fault_category)) errors.push_back(*error);
    if (auto error = CheckCatalogueId("repair.faulty_part", repair.faulty_part)) errors.push_back(*error);
}

} // namespace

std::optional<Error> CheckVisitWindow(const VisitWindow& visit, DayNumber today, const std::string& field) {
    const std::string date_field = field + ".date";
    if (!IsValidCivilDate(visit.date)) return MakeError("invalid_date", "上门日期无效", "Invalid visit date", date_field);
    const DayNumber day = DaysFromCivil(visit.date);
    if (day < today || day > today + kVisitBookingDays) {
        return MakeError("out_of_range", "请选择今天起 " + std::to_string(kVisitBookingDays) + " 天内的上门日期",
                         "Choose a visit date within " + std::to_string(kVisitBookingDays) + " days from today",
                         date_field);
    }
    return std::nullopt;
}

FieldErrors ValidateTicketDraft(TicketDraft& draft, UnixSeconds now) {
    FieldErrors errors;
    auto add = [&errors](std::optional<Error> error) {
        if (error) errors.push_back(std::move(*error));
    };

    add(CheckText("customer.name", draft.customer.name, 1, TextLimits::kNameMax, false));

    if (auto phone = NormalizePhone(draft.customer.phone, "customer.phone")) {
        draft.customer.phone = std::move(phone).Value();
    } else {
        errors.push_back(phone.GetError());
    }
    if (!Trim(draft.customer.email).empty()) {
        if (auto email = NormalizeEmail(draft.customer.email, "customer.email")) {
            draft.customer.email = std::move(email).Value();
        } else {
            errors.push_back(email.GetError());
        }
    } else {
        draft.customer.email.clear();
    }

    if (draft.language != "zh-CN" && draft.language != "en")
        errors.push_back(MakeError("not_allowed", "语言只能是 zh-CN 或 en", "language must be zh-CN or en", "language"));
    if (draft.notify_by) {
        for (const auto& channel : *draft.notify_by) {
            if (channel != "sms" && channel != "email") {
                errors.push_back(MakeError("not_allowed", "通知方式只能是 sms 或 email",
                                           "notify_by accepts sms and email", "notify_by"));
                break;
            }
            if (channel == "email" && draft.customer.email.empty()) {
                errors.push_back(MakeError("required", "选择邮件通知时请填写电子邮箱",
                                           "Enter an e-mail address to be notified by e-mail", "customer.email"));
                break;
            }
        }
    }

    add(CheckText("subject", draft.subject, 1, TextLimits::kSubjectMax, false));
    add(CheckText("description", draft.description, TextLimits::kDescriptionMin, TextLimits::kDescriptionMax, true));
    add(CheckText("address", draft.address, 0, TextLimits::kAddressMax, false));
    add(CheckText("product.model", draft.product.model, 0, TextLimits::kModelMax, false));

    if (!Trim(draft.product.serial).empty()) {
        if (auto serial = NormalizeSerial(draft.product.serial, "product.serial")) {
            draft.product.serial = std::move(serial).Value();
        } else {
            errors.push_back(serial.GetError());
        }
    } else {
        draft.product.serial.clear();
    }
    if (!draft.product.order_number.empty()) add(CheckOrderNumber(draft.product.order_number, "product.order_number"));

    const bool offset_ok = IsValidUtcOffset(draft.utc_offset_minutes);
    add(CheckUtcOffset(draft.utc_offset_minutes));
    const UtcOffsetMinutes offset = offset_ok ? draft.utc_offset_minutes : kChinaUtcOffset;
    if (draft.product.purchase_date) {
        if (!IsValidCivilDate(*draft.product.purchase_date)) {
            errors.push_back(MakeError("invalid_date", "购买日期无效", "Invalid purchase date", "product.purchase_date"));
        } else if (DaysFromCivil(*draft.product.purchase_date) > LocalDayNumber(now, offset)) {
            errors.push_back(MakeError("invalid_date", "购买日期不能晚于今天", "The purchase date cannot be in the future",
                                       "product.purchase_date"));
        }
    }
    if (draft.product.delivered_at && *draft.product.delivered_at > now) {
        errors.push_back(MakeError("invalid_date", "签收时间不能晚于现在", "The delivery time cannot be in the future",
                                   "product.delivered_at"));
    }

    if (draft.kind != TicketKind::Repair) {
        draft.repair.reset(); // service details only mean something for repairs
    } else if (draft.repair) {
        ValidateRepairDetails(draft, LocalDayNumber(now, offset), errors);
    }

    if (draft.kind != TicketKind::Complaint) {
        draft.complaint.reset();
    } else {
        if (!draft.complaint) draft.complaint = ComplaintDetails{}; // a client that did not say: "other"
        std::string& related = draft.complaint->related_ticket;
        if (related.find_first_not_of(" \t") == std::string::npos) {
            related.clear();
        } else if (auto parsed = ParseServiceNumber(related)) {
            related = parsed.Value().display; // whether it is the customer's own is the server's check
        } else {
            Error error = parsed.GetError();
            error.field = "complaint.related_ticket";
            errors.push_back(std::move(error));
        }
    }

    const bool is_return = draft.kind == TicketKind::Return || draft.kind == TicketKind::Exchange;
    if (is_return) {
        if (!draft.return_reason) errors.push_back(RequiredError("return_reason"));
        if (!draft.product.delivered_at) errors.push_back(RequiredError("product.delivered_at"));
    } else {
        draft.return_reason.reset(); // meaningless outside returns; dropped rather than stored
    }
    return errors;
}

FieldErrors ValidateMessage(std::string_view text) {
    FieldErrors errors;
    if (auto error = CheckText("text", text, 1, TextLimits::kMessageMax, true)) errors.push_back(std::move(*error));
    return errors;
}

std::optional<Error> CheckPhoneLast4(std::string_view text, std::string_view field) {
    if (text.empty()) return RequiredError(field);
    if (text.size() != 4 || !AllDigits(text)) {
        return MakeError("invalid_phone", "请输入手机号码的后 4 位数字", "Enter the last 4 digits of the phone number",
                         std::string(field));
    }
    return std::nullopt;
}

FieldErrors ValidateLookup(std::string_view service_number, std::string_view phone_last4) {
    FieldErrors errors;
    if (auto parsed = ParseServiceNumber(service_number); !parsed) errors.push_back(parsed.GetError());
    if (auto error = CheckPhoneLast4(phone_last4)) errors.push_back(std::move(*error));
    return errors;
}

std::optional<Error> CheckUtcOffset(UtcOffsetMinutes offset, std::string_view field) {
    if (IsValidUtcOffset(offset)) return std::nullopt;
    return MakeError("out_of_range", "时区偏移无效", "Invalid time zone offset", std::string(field));
}

FieldErrors ValidateAttachment(const AttachmentMeta& attachment, int existing_count, const Policy& policy) {
    FieldErrors errors;
    if (auto error = CheckText("file_name", attachment.file_name, 1, TextLimits::kFileNameMax, false)) {
        errors.push_back(std::move(*error));
    } else if (attachment.file_name.find_first_of("/\\") != std::string::npos) {
        errors.push_back(MakeError("not_allowed", "文件名不能包含路径", "The file name must not contain a path",
                                   "file_name"));
    }
    const auto& types = policy.tickets.attachment_types;
    if (std::find(types.begin(), types.end(), attachment.content_type) == types.end()) {
        errors.push_back(MakeError("not_allowed", "不支持此文件类型", "This file type is not accepted", "content_type"));
    }
    if (attachment.size_bytes <= 0 || attachment.size_bytes > policy.tickets.max_attachment_bytes) {
        const std::string limit_mib = std::to_string(policy.tickets.max_attachment_bytes / (1024 * 1024));
        errors.push_back(MakeError("out_of_range", "文件大小须在 " + limit_mib + " MB 以内",
                                   "The file must be at most " + limit_mib + " MB", "size_bytes"));
    }
    if (existing_count >= policy.tickets.max_attachments) {
        errors.push_back(MakeError("out_of_range", "附件数量已达上限", "This ticket already has the maximum number of attachments",
                                   "attachments"));
    }
    return errors;
}

} // namespace aftercare::core
