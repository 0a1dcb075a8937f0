// Attachment upload and download.
#include "services/attachment_service.hpp"

#include "core/ticket.h"
#include "core/utf8.h"
#include "core/validation.h"
#include "http_util.hpp"
#include "services/ticket_service.hpp"

namespace aftercare::serve::attachments {

std::optional<std::string> SniffContentType(const std::string& bytes) {
    auto starts = [&](std::string_view magic, std::size_t at = 0) {
        return bytes.size() >= at + magic.size() && bytes.compare(at, magic.size(), magic) == 0;
    };
    if (starts("\xFF\xD8\xFF")) return "image/jpeg";
    if (starts("\x89PNG\r\n\x1A\n")) return "image/png";
    if (starts("RIFF") && starts("WEBP", 8)) return "image/webp";
    if (starts("%PDF-")) return "application/pdf";
    return std::nullopt;
}

std::string SanitizeFileName(const std::string& name) {
    std::string base = name;
    const auto slash = base.find_last_of("/\\");
    if (slash != std::string::npos) base = base.substr(slash + 1);
    std::string clean;
    for (unsigned char c : base) {
        if (c < 0x20 || c == 0x7F || c == '"') continue;
        clean += static_cast<char>(c);
    }
    if (!core::IsValidUtf8(clean)) {
        std::string ascii;
        for (unsigned char c : clean)
            if (c < 0x80) ascii += static_cast<char>(c);
        clean = ascii;
    }
    // Trim to the limit on a code point boundary.
    std::size_t points = 0;
    std::size_t cut = clean.size();
    for (std::size_t i = 0; i < clean.size(); ++i) {
        if ((static_cast<unsigned char>(clean[i]) & 0xC0) == 0x80) continue;
        if (points == core::TextLimits::kFileNameMax) {
            cut = i;
            break;
        }
        ++points;
    }
    clean.resize(cut);
    while (!clean.empty() && (clean.front() == '.' || clean.front() == ' ')) clean.erase(clean.begin());
    return clean.empty() ? "attachment" : clean;
}

api::AttachmentInfo Upload(Services& services, std::int64_t ticket_id, const core::Actor& actor,
                           const std::string& file_name, const std::string& bytes, core::ActorRole reader) {
    if (static_cast<std::int64_t>(bytes.size()) > services.Policy()->tickets.max_attachment_bytes)
        throw ApiError(413, "payload_too_large", "附件过大", "The attachment is too large.", "file");
    if (bytes.empty()) throw ApiError(422, "required", "附件内容为空", "The attachment is empty.", "file");
    const auto type = SniffContentType(bytes);
    if (!type)
        throw ApiError(415, "unsupported_attachment_type", "仅支持 JPEG、PNG、WebP 图片和 PDF 文件",
                       "Only JPEG, PNG and WebP images and PDF files are accepted.", "file");

    AttachmentRecord record;
    record.id = NewId();
    record.ticket_id = ticket_id;
    record.file_name = SanitizeFileName(file_name);
    record.content_type = *type;
    record.size_bytes = static_cast<std::int64_t>(bytes.size());
    record.created_at = services.now();
    record.data = bytes;

    std::string service_number;
    services.store.Write([&](StoreTx& tx) {
        auto stored = tx.LoadTicketById(ticket_id);
        if (!stored) throw ApiError(404, "not_found", "没有找到这张工单", "No ticket matches.");
        // Counted inside the transaction, so concurrent uploads cannot exceed the limit together.
        core::AttachmentMeta meta{record.file_name, record.content_type, record.size_bytes};
        if (auto errors = core::ValidateAttachment(meta, tx.CountAttachments(ticket_id), *services.Policy());
            !errors.empty())
            throw ApiError(std::move(errors));
        const int previous = stored->ticket.timeline.empty() ? 0 : stored->ticket.timeline.back().sequence;
        auto applied = core::AddAttachmentEvent(stored->ticket, actor, record.file_name, record.created_at);
        if (!applied) throw ApiError(applied.GetError());
        tx.InsertAttachment(record);
        tx.UpdateTicket(ticket_id, applied.Value().ticket,
                        tickets::ComputeIndex(applied.Value().ticket, record.created_at, *services.Policy()), previous);
        service_number = stored->ticket.service_number;
    });
    services.live.Notify(ticket_id);

    api::AttachmentInfo info;
    info.id = record.id;
    info.file_name = record.file_name;
    info.content_type = record.content_type;
    info.size_bytes = record.size_bytes;
    info.uploaded_at = record.created_at;
    info.url = std::string(reader == core::ActorRole::Staff ? "/api/v1/staff/tickets/" : "/api/v1/tickets/") +
               service_number + "/attachments/" + record.id;
    return info;
}

AttachmentRecord Download(Services& services, std::int64_t ticket_id, const std::string& attachment_id) {
    auto record = services.store.LoadAttachment(ticket_id, attachment_id);
    if (!record) throw ApiError(404, "not_found", "没有找到该附件", "No such attachment.");
    return std::move(*record);
}

}  // namespace aftercare::serve::attachments
