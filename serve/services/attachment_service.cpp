// Attachment upload and download.
#include "services/attachment_service.hpp"

#include "core/ticket.h"
#include "core/validation.h"
#include "file_names.hpp"
#include "services/domain_error.hpp"
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

api::AttachmentInfo Upload(Services& services, std::int64_t ticket_id, const core::Actor& actor,
                           const std::string& file_name, const std::string& bytes, core::ActorRole reader,
                           const std::string& client) {
    if (static_cast<std::int64_t>(bytes.size()) > services.Policy()->tickets.max_attachment_bytes)
        throw DomainError(ErrorKind::PayloadTooLarge, "payload_too_large", "附件过大",
                          "The attachment is too large.", "file");
    if (bytes.empty())
        throw DomainError(ErrorKind::InvalidValue, "required", "附件内容为空", "The attachment is empty.",
                          "file");
    const auto type = SniffContentType(bytes);
    if (!type)
        throw DomainError(ErrorKind::UnsupportedType, "unsupported_attachment_type",
                          "仅支持 JPEG、PNG、WebP 图片和 PDF 文件",
                          "Only JPEG, PNG and WebP images and PDF files are accepted.", "file");

    services.quota.Reserve(client, static_cast<std::int64_t>(bytes.size()));

    AttachmentRecord record;
    record.id = NewId();
    record.ticket_id = ticket_id;
    record.file_name = SanitizeFileName(file_name, *type);
    record.content_type = *type;
    record.size_bytes = static_cast<std::int64_t>(bytes.size());
    record.created_at = services.now();
    record.data = bytes;

    std::string service_number;
    services.store.Write([&](StoreTx& tx) {
        auto stored = tx.LoadTicketById(ticket_id);
        if (!stored)
            throw DomainError(ErrorKind::NotFound, "not_found", "没有找到这张工单", "No ticket matches.");
        // Counted inside the transaction, so concurrent uploads cannot exceed the limit together.
        core::AttachmentMeta meta{record.file_name, record.content_type, record.size_bytes};
        if (auto errors = core::ValidateAttachment(meta, tx.CountAttachments(ticket_id), *services.Policy());
            !errors.empty())
            throw DomainError(std::move(errors));
        const int previous = stored->ticket.timeline.empty() ? 0 : stored->ticket.timeline.back().sequence;
        auto applied = core::AddAttachmentEvent(stored->ticket, actor, record.file_name, record.created_at);
        if (!applied) throw DomainError(applied.GetError());
        tx.InsertAttachment(record);
        const core::Ticket& ticket = applied.Value().ticket;
        const TicketIndex index = tickets::ComputeIndex(ticket, record.created_at, *services.Policy());
        tx.UpdateTicket(ticket_id, TicketRow(ticket, index, previous));
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
    if (!record) throw DomainError(ErrorKind::NotFound, "not_found", "没有找到该附件", "No such attachment.");
    return std::move(*record);
}

}  // namespace aftercare::serve::attachments
